"""Run the plan against a server, then check every recorded exchange against the spec."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from ..client import AngoHub
from ..errors import AngoHubValidationError, APIStatusError
from .cleanup import CleanupStopped, clean_up
from .context import Mode, NothingToRead, Run
from .fidelity import observed
from .interrupts import Interrupted, Phase, interrupts
from .known import known_discrepancy
from .ledger import Ledger
from .plan import Probe, coverage_for, covered_operations, probe_request, probes_for
from .recorder import Exchange, Pacer, Recorder
from .redact import scrub
from .report import OperationResult, Report
from .request_guard import GuardedTransport, GuardRefused, RequestGuard
from .validation import SpecChecker, load_spec_file

# In a source checkout; an installed wheel has no docs/, and the report says so.
# Shipped in the package (in the repo, a link to docs/DISCREPANCIES.md).
DEFAULT_DISCREPANCIES = Path(__file__).with_name("DISCREPANCIES.md")

# A step failing this way is reported and the run goes on; anything else (connection lost,
# a bug) stops the run, and write mode still cleans up.
_STEP_ERRORS = (APIStatusError, AngoHubValidationError, LookupError, TypeError)


@dataclass(frozen=True)
class LiveCheckOptions:
    """Where to check, what against, and how fast."""

    api_key: str = field(repr=False)
    base_url: str
    project: str
    mode: Mode
    spec_path: Path | None = None  # None: the spec this package was built from
    discrepancies: Path = DEFAULT_DISCREPANCIES
    rate_per_minute: float | None = None
    run_id: str = ""
    max_retries: int = 4
    timeout: float = 120.0
    ledger_path: Path | None = None  # written as the run goes (write mode)
    # Where requests go below the guard (``--plan``: an in-memory mock); None: the network.
    transport: httpx.BaseTransport | None = field(default=None, repr=False)


def new_run_id() -> str:
    return f"{datetime.now(UTC):%Y%m%d%H%M%S}-{secrets.token_hex(3)}"


def probe_step(probe: Probe) -> str:
    return f"probe {probe.operation_id}: {probe.what}"


@dataclass
class Session:
    """A run's client stack: recorder and guard over one ``httpx.Client``."""

    run: Run
    guard: RequestGuard
    transport: GuardedTransport


def open_session(options: LiveCheckOptions, ledger: Ledger) -> Session:
    base_url = options.base_url.rstrip("/")
    recorder = Recorder(api_root=base_url + "/", pacer=Pacer(options.rate_per_minute))
    guard = RequestGuard(ledger, base_url, options.project)
    transport = GuardedTransport(guard, options.transport or httpx.HTTPTransport())
    http = recorder.client(httpx.Timeout(options.timeout, connect=10.0), transport, guard.learn)
    hub = AngoHub(
        api_key=options.api_key,
        base_url=base_url,
        http_client=http,
        max_retries=options.max_retries,
    )
    run = Run(
        hub=hub,
        http=http,
        project=options.project,
        run_id=ledger.run_id,
        mode=options.mode,
        ledger=ledger,
        recorder=recorder,
        api_key=options.api_key,
    )
    return Session(run, guard, transport)


@dataclass
class Executed:
    """What a run did: its session, the steps' failures, and why it stopped early."""

    session: Session
    step_errors: dict[str, list[str]]
    aborted: str | None


def execute(options: LiveCheckOptions) -> Executed:
    """Run the steps and probes, then (write mode) clean up: every request the live check
    sends, through the guard; SIGINT/SIGTERM stop the steps and cleanup still runs."""
    base_url = options.base_url.rstrip("/")
    run_id = options.run_id or new_run_id()
    ledger = Ledger(run_id=run_id, tag=f"ango-hub-live-check-{run_id}", base_url=base_url)
    if options.mode is Mode.WRITE:
        ledger.path = options.ledger_path
        ledger.save()
    session = open_session(options, ledger)
    run = session.run
    step_errors: dict[str, list[str]] = {}
    aborted = None
    phase = Phase()
    with interrupts(phase):
        try:
            aborted = _exercise(run, step_errors)
        finally:
            phase.name = "cleanup"
            try:
                if options.mode is Mode.WRITE:
                    clean_up(run)
            except CleanupStopped:
                aborted = (aborted or "interrupted") + "; cleanup stopped by a second SIGINT"
            finally:
                phase.name = "done"
                run.http.close()
    return Executed(session, step_errors, aborted)


def run_live_check(options: LiveCheckOptions) -> Report:
    """Call every operation the mode allows, send the bad requests, clean up, and report."""
    base_url = options.base_url.rstrip("/")
    checker = SpecChecker(load_spec_file(options.spec_path), httpx.URL(base_url).path)
    done = execute(options)
    run, ledger = done.session.run, done.session.run.ledger
    report = Report(
        server=scrub(base_url, (options.api_key,)),
        spec=str(options.spec_path or "openapi.yaml"),
        discrepancies=str(options.discrepancies) if options.discrepancies.is_file() else None,
        mode=options.mode.value,
        run_id=run.run_id,
        operations=[],
        removed=list(ledger.removed),
        leftovers=list(ledger.leftovers),
        aborted=done.aborted,
        refused=[scrub(str(r), (options.api_key,)) for r in done.session.guard.refused],
        ledger=str(ledger.path) if ledger.path else None,
    )
    _assess(
        report,
        checker=checker,
        exchanges=run.recorder.exchanges,
        run=run,
        step_errors=done.step_errors,
        options=options,
    )
    return report


def resume_cleanup(
    *, api_key: str, ledger_path: Path, rate_per_minute: float | None, max_retries: int = 4
) -> Report:
    """``--cleanup LEDGER``: delete what a crashed or killed run's ledger names."""
    ledger = Ledger.load(ledger_path)
    options = LiveCheckOptions(
        api_key=api_key,
        base_url=ledger.base_url,
        project="",
        mode=Mode.WRITE,
        rate_per_minute=rate_per_minute,
        run_id=ledger.run_id,
        max_retries=max_retries,
    )
    session = open_session(options, ledger)
    aborted = None
    phase = Phase(name="cleanup", signals=1)  # a first SIGINT stops it, as a second would
    with interrupts(phase):
        try:
            clean_up(session.run)
        except CleanupStopped:
            aborted = "cleanup stopped by SIGINT"
        finally:
            session.run.http.close()
    return Report(
        server=scrub(ledger.base_url, (api_key,)),
        spec="-",
        mode="cleanup",
        run_id=ledger.run_id,
        operations=[],
        leftovers=list(ledger.leftovers),
        aborted=aborted,
        refused=[scrub(str(r), (api_key,)) for r in session.guard.refused],
        ledger=str(ledger_path),
    )


def _exercise(run: Run, step_errors: dict[str, list[str]]) -> str | None:
    """Run the steps and probes; returns why the run stopped early, if it did."""
    current = ""
    try:
        for coverage in coverage_for(run.mode):
            current = coverage.operation_id
            run.recorder.step, run.recorder.expect_rejection = current, False
            try:
                coverage.step(run)
            except NothingToRead as exc:
                run.nothing_to_read[current] = str(exc)
            except GuardRefused as exc:
                step_errors.setdefault(current, []).append(f"refused by the request guard: {exc}")
            except _STEP_ERRORS as exc:
                step_errors.setdefault(current, []).append(run.brief(exc))
        for probe in probes_for(run.mode):
            current = probe_step(probe)
            run.recorder.step, run.recorder.expect_rejection = current, True
            try:
                method, path, params, body = probe_request(probe, run)
            except NothingToRead as exc:
                run.nothing_to_read[current] = str(exc)
                continue
            entry = None if probe.creates is None else run.ledger.expect(*probe.creates(run))
            try:
                response = run.raw(method, path, params, body)
                if entry is not None and entry.state == "planned" and _refused(response):
                    run.ledger.mark(entry, "refused")  # answered with a 4xx: nothing was made
            except GuardRefused as exc:
                step_errors.setdefault(probe.operation_id, []).append(
                    f"refused by the request guard: {exc}"
                )
    except Interrupted as exc:
        return f"interrupted by {exc.signal_name} during {current}"
    except KeyboardInterrupt:
        return f"interrupted during {current}"
    except Exception as exc:
        return f"{current}: {run.brief(exc)}"
    return None


def _refused(response: httpx.Response) -> bool:
    return 400 <= response.status_code < 500 and response.status_code != 429


def _assess(
    report: Report,
    *,
    checker: SpecChecker,
    exchanges: list[Exchange],
    run: Run,
    step_errors: dict[str, list[str]],
    options: LiveCheckOptions,
) -> None:
    results = {op: OperationResult(op, "checked") for op in checker.operation_ids}
    secrets_ = (options.api_key,)
    for exchange in exchanges:
        request = exchange.request
        op = checker.operation_for(request.method, request.url.path)
        if op is None:
            continue  # the library only sends spec operations; nothing to compare
        result = results[op]
        result.calls += 1
        if exchange.response.status_code not in result.statuses:
            result.statuses.append(exchange.response.status_code)
        if not exchange.expect_rejection:
            problems = checker.request_errors(request, exchange.request_body)
            result.request_valid = not problems and result.request_valid is not False
            for problem in problems:
                result.add("request", scrub(problem, secrets_))
        problems = checker.response_errors(request, exchange.request_body, exchange.response)
        result.response_valid = not problems and result.response_valid is not False
        for problem in problems:
            result.add("response", scrub(problem, secrets_))
        answer = exchange.response
        for finding in observed(checker.spec, op, answer.status_code, answer.content):
            result.add("fidelity", scrub(finding.text(), secrets_))
    for op, errors in step_errors.items():
        if op in results:
            for error in errors:
                results[op].add("call", f"the library call failed: {error}")
    _assess_probes(report, checker, exchanges, run, results)
    _assess_coverage(results, run, report.aborted)
    for op, result in results.items():
        route = checker.route(op)
        for diff in result.differences:
            diff.known = known_discrepancy(
                options.discrepancies, op, route.method, route.template, diff.detail
            )
    report.operations = list(results.values())


def _assess_probes(
    report: Report,
    checker: SpecChecker,
    exchanges: list[Exchange],
    run: Run,
    results: dict[str, OperationResult],
) -> None:
    for probe in probes_for(run.mode):
        answers = [e for e in exchanges if e.step == probe_step(probe)]
        status = answers[-1].response.status_code if answers else None
        report.probes.append(
            {"operation": probe.operation_id, "what": probe.what, "status": status}
        )
        result = results.get(probe.operation_id)
        if result is None or not answers:
            continue
        last = answers[-1]
        if probe.spec_rejects and not checker.request_errors(last.request, last.request_body):
            result.add("rejection", f"the spec accepts the bad request ({probe.what})")
        if status == 429:
            result.add("rejection", f"still rate limited, not checked ({probe.what})")
        elif status is not None and status < 400:
            result.add("rejection", f"the server accepted the bad request ({probe.what}): {status}")
        elif status is not None and status >= 500:
            result.add(
                "rejection", f"the server failed on the bad request ({probe.what}): {status}"
            )


def _assess_coverage(results: dict[str, OperationResult], run: Run, aborted: str | None) -> None:
    covered = covered_operations()
    planned = {c.operation_id for c in coverage_for(run.mode)}
    for op, result in results.items():
        if op not in covered:
            result.outcome = "not covered"
            result.add(
                "coverage",
                "no live-check coverage: add a Coverage entry in ango_hub/live_check/plan.py",
            )
        elif op not in planned:
            result.outcome = "skipped"
            result.note = "writes data: runs in write mode only"
        elif result.request_valid is None and op in run.nothing_to_read:
            result.outcome = "skipped"
            result.note = run.nothing_to_read[op]
        elif result.request_valid is None:  # no call of its own went out (probes aside)
            result.outcome = "not called"
            if aborted:
                result.note = "not reached: the run stopped early"
            else:
                result.add("coverage", "its live-check step sent no request")
