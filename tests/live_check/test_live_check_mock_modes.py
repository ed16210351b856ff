"""The live check's safety against both ways the mock runs: in a thread of this process
(`run_mock_server`, the `ango_hub_mock` fixture) and as its own process (`ango-hub mock`), all
through HTTP (the API and the admin API): a clean write run, the run's project refused, the
read-only request log, and --cleanup after a SIGKILL halfway."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from ango_hub.live_check import Mode
from ango_hub.live_check.ledger import Ledger
from ango_hub.live_check.runner import execute
from mock_modes import ANGO_HUB, MODES, mock_in
from mock_org import MockOrg, held_under_tag, without_tag
from safety_helpers import (
    FAULT_KINDS,
    check_leftovers,
    check_state,
    fault_rules,
    fresh,
    options,
    prepare,
)

# The live check's reads sent as POST.
READ_POSTS = {"getProjectPerformance", "fileExplorer"}


@pytest.fixture(scope="module", params=MODES)
def org(request: pytest.FixtureRequest) -> Iterator[MockOrg]:
    with mock_in(request.param) as mocked:
        prepare(mocked.org)
        yield mocked.org


def test_a_clean_write_run_changes_nothing_of_the_users(org: MockOrg, tmp_path: Path) -> None:
    before = fresh(org)
    done = execute(options(org, tmp_path / "ledger.json"))
    assert done.aborted is None
    assert done.step_errors == {}
    check_state(org, before, done)


def test_when_the_run_cannot_create_its_project_nothing_runs_in_the_users(
    org: MockOrg, tmp_path: Path
) -> None:
    for kind in FAULT_KINDS:
        before = fresh(org)
        org.faults(fault_rules(kind, 2))  # the run's second request: createProject
        done = execute(options(org, tmp_path / f"{kind}.json"))
        check_state(org, before, done)
        if kind == "drop":  # not retried (it creates): the run stops, cleanup still runs
            assert done.aborted is not None
            assert done.aborted.startswith("createProject: APIConnectionError")
            continue
        assert list(done.step_errors) == ["createProject"]
        skipped = done.session.run.nothing_to_read
        for operation in ("updateProject", "createBatches", "uploadInstructions", "purgeProject"):
            assert skipped[operation].startswith(
                "skipped: the run's project could not be created ("
            ), skipped
        assert org.api_key not in str(skipped)
        # Nothing ran in the user's project instead.
        assert not [
            e
            for e in org.requests()
            if e["method"] != "GET"
            and e["operation"] not in READ_POSTS
            and org.project_id in e["path"]
        ]


def test_read_only_sends_nothing_that_changes_anything(org: MockOrg) -> None:
    before = fresh(org)
    done = execute(options(org, None, mode=Mode.READ))

    assert done.aborted is None
    sent = org.requests()
    assert len(sent) > 20
    assert [e for e in sent if e["method"] != "GET" and e["operation"] not in READ_POSTS] == []
    assert org.snapshot() == before


def test_cleanup_after_sigkill_halfway_leaves_only_what_the_api_cannot_delete(
    org: MockOrg, tmp_path: Path
) -> None:
    before = fresh(org)
    ledger = tmp_path / "ledger.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANGO_")}
    env |= {"ANGO_BASE_URL": org.base_url, "ANGO_API_KEY": org.api_key}
    process = subprocess.Popen(
        [ANGO_HUB, "live-check", "--yes", "--project", org.project_id, "--ledger", str(ledger)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while len(org.requests()) < 50 and process.poll() is None:  # about halfway
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    tag = Ledger.load(ledger).tag
    assert held_under_tag(org.snapshot(), tag)  # it had made things: its project at least

    result = subprocess.run(
        [ANGO_HUB, "live-check", "--cleanup", str(ledger)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    after = org.snapshot()
    assert without_tag(after, tag) == without_tag(before, tag)
    left = held_under_tag(after, tag)
    assert {kind for kind, _ in left} <= {"plugin log", "plugin response", "notification"}
    check_leftovers(Ledger.load(ledger).leftovers, left)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Cleanup:" in result.stdout
    assert org.api_key not in result.stdout + result.stderr
