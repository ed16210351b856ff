"""Has the vendor's API changed? Compare openapi.yaml with the OpenAPI fragments on its pages.

Reads every page listed in tools/upstream/pages.txt (the Markdown form, `.md`) over HTTPS, or
the saved copies in DIR with `--offline DIR`; extracts and merges the embedded fragments; and
reports, operation by operation, how openapi.yaml differs (spec_diff's comparison, see
upstream_compare.py). No credentials: the pages are public.

A difference recorded in docs/upstream-known.yaml (each entry points at its row of
docs/DISCREPANCIES.md) is shown as known; an operation listed there as pending is one the spec
does not have yet. Exit status: 0 when every difference is known or pending; 1 when there is a
new one; 2 when the check could not run (a page failed to load or parse, a bad known file): the
spec is then never reported in sync.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import httpx
import yaml

from tools.upstream.upstream_compare import (
    Known,
    Verdict,
    differences,
    discrepancy_rows,
    judge,
    key,
    load_known,
    operation_of,
    operations,
)
from tools.upstream.vendor_pages import PageError, extract, fetch, merge, read_page_list, read_saved

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LEGEND = (
    "Read each line as openapi.yaml -> vendor: 'added' = only the vendor has it, "
    "'removed' = only openapi.yaml has it, 'A -> B' = openapi.yaml says A, the vendor B."
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--offline", type=Path, metavar="DIR", help="read saved copies from DIR")
    ap.add_argument("--pages", type=Path, default=HERE / "pages.txt")
    ap.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    ap.add_argument("--known", type=Path, default=ROOT / "docs" / "upstream-known.yaml")
    ap.add_argument("--discrepancies", type=Path, default=ROOT / "docs" / "DISCREPANCIES.md")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per page (live only)")
    return ap.parse_args(argv)


def fail(lines: list[str]) -> int:
    for line in lines:
        print(f"upstream-check: {line}", file=sys.stderr)
    print(
        "upstream-check: NOT CHECKED: the spec is not reported in sync until every page reads.",
        file=sys.stderr,
    )
    return 2


def report(verdict: Verdict, source: str, pages: int, compared: set[str], notes: list[str]) -> None:
    print(f"upstream-check: {pages} pages from {source}; {len(compared)} operation(s) compared")
    print(LEGEND)
    by_op: dict[str, list[str]] = {}
    for change in verdict.new:
        by_op.setdefault(operation_of(change.where), []).append(f"  NEW      {key(change)}")
    for change, entry in verdict.known:
        by_op.setdefault(operation_of(change.where), []).append(
            f"  known    {key(change)}  [DISCREPANCIES #{entry.discrepancy}]"
        )
    for change, why in verdict.pending:
        by_op.setdefault(change.where, []).append(f"  pending  {key(change)}  ({why})")
    for op in sorted(by_op):
        print(op)
        print("\n".join(sorted(by_op[op])))
    for op in sorted(compared - by_op.keys()):
        print(f"in sync: {op}")
    for op, why in sorted(verdict.not_checked.items()):
        print(f"not checked: {op}: {why}")
    for note in notes:
        print(f"note: {note}")
    for stale in verdict.stale:
        print(f"stale entry in docs/upstream-known.yaml (not seen this run): {stale}")
    print(
        f"upstream-check: {len(verdict.new)} new, {len(verdict.known)} known, "
        f"{len(verdict.pending)} pending, {len(verdict.not_checked)} not checked "
        f"({len(verdict.unconfirmed)} recorded differences among them), {len(verdict.stale)} stale"
    )
    if verdict.new:
        print(
            "\nTo settle each NEW difference, either follow the vendor: edit openapi.yaml, then\n"
            "`make generate`, `make spec-diff BASE=HEAD` and bump info.version (CHANGELOG.md);\n"
            "or keep the spec and say why: a row in docs/DISCREPANCIES.md and an entry in\n"
            "docs/upstream-known.yaml (an operation the spec should add later goes under\n"
            "`pending:`). Entries for the differences above:"
        )
        entries = [{"key": key(c), "discrepancy": 0, "why": "..."} for c in verdict.new]
        print(yaml.safe_dump({"known": entries}, sort_keys=False, width=200))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        urls = read_page_list(args.pages)
        known: Known = load_known(args.known, discrepancy_rows(args.discrepancies.read_text()))
        spec = yaml.safe_load(args.spec.read_text())
    except (OSError, ValueError, yaml.YAMLError) as exc:
        return fail([str(exc)])
    if args.offline is not None:
        source = f"saved copies in {args.offline}"
        pages, errors = read_saved(urls, args.offline)
    else:
        source = "the vendor's site"
        headers = {"User-Agent": "ango-hub-client upstream-check", "Accept": "text/markdown"}
        with httpx.Client(timeout=args.timeout, follow_redirects=True, headers=headers) as client:
            pages, errors = fetch(urls, client)
    fragments = []
    for page in pages:
        try:
            fragments.append(extract(page))
        except PageError as exc:
            errors.append(exc)
    if errors:
        return fail([f"could not read {e.url}: {e.problem}" for e in errors])
    vendor, notes = merge(fragments)
    spec_ops, vendor_ops = operations(spec), operations(vendor)
    cut_off = set().union(*(f.cut_operations for f in fragments)) - vendor_ops.keys()
    verdict = judge(
        differences(spec, vendor),
        known,
        spec_ops=spec_ops,
        cut_off=cut_off,
        partial_pages={f.url: f.tags for f in fragments if f.partial},
    )
    report(verdict, source, len(pages), spec_ops.keys() & vendor_ops.keys(), notes)
    return 1 if verdict.new else 0


if __name__ == "__main__":
    sys.exit(main())
