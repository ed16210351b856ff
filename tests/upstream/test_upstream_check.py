"""`make upstream-check` (tools/upstream): the vendor's fragments against openapi.yaml.

Built on the vendor's own getUploadUrl fragment as saved in tests/upstream/pages/assets.md:
a spec equal to it, then the vendor's side changed one way at a time.
"""

from __future__ import annotations

import copy
import functools
import json
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from ango_hub.testing import free_port

from tools.spec import spec_diff
from tools.upstream import upstream_check, vendor_pages

ROOT = Path(__file__).resolve().parents[2]
SAVED = ROOT / "tests" / "upstream" / "pages"
KNOWN = ROOT / "docs" / "upstream-known.yaml"
Json = Any
NO_KNOWN = "known: []\npending: []\n"
ROWS = "| # | a |\n|---|---|\n| 1 | first |\n| 2 | second |\n"


def vendor_fragment() -> Json:
    """The vendor's getUploadUrl fragment, exactly as saved."""
    page = vendor_pages.Page(
        "https://docs.imerit.net/api/docs/assets.md", (SAVED / "assets.md").read_text()
    )
    (doc,) = vendor_pages.extract(page).documents
    assert "/getUploadUrl" in doc["paths"]
    return doc


def page_text(*docs: Json, title: str = "Assets") -> str:
    blocks = "".join(
        f"## Operation\n\n```json\n{json.dumps(d, separators=(',', ':'))}\n```\n\n" for d in docs
    )
    return f"# {title}\n\n{blocks}"


def spec_like(doc: Json) -> Json:
    """An OpenAPI 3.1 spec saying exactly what the fragment says."""
    spec = copy.deepcopy(doc)
    spec["openapi"] = "3.1.0"
    spec["info"] = {"title": "test", "version": "1.0.0"}
    return spec


def upload_params(doc: Json) -> list[Json]:
    params: list[Json] = doc["paths"]["/getUploadUrl"]["get"]["parameters"]
    return params


class Run:
    """Writes a page list, saved pages, spec, known file and DISCREPANCIES, runs the check."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp, self.capsys = tmp_path, capsys
        self.pages_dir = tmp_path / "pages"
        self.pages_dir.mkdir()

    def __call__(
        self,
        pages: dict[str, str],
        spec: Json,
        *,
        known: str = NO_KNOWN,
        base_url: str = "https://docs.example.test/api/",
        offline: bool = True,
    ) -> tuple[int, str, str]:
        for name, text in pages.items():
            (self.pages_dir / name).write_text(text)
        page_list = self.tmp / "pages.txt"
        page_list.write_text("# test pages\n" + "".join(f"{base_url}{n}\n" for n in pages))
        (self.tmp / "spec.yaml").write_text(json.dumps(spec))
        (self.tmp / "known.yaml").write_text(known)
        (self.tmp / "DISCREPANCIES.md").write_text(ROWS)
        argv = [
            *(["--offline", str(self.pages_dir)] if offline else ["--timeout", "5"]),
            "--pages",
            str(page_list),
            "--spec",
            str(self.tmp / "spec.yaml"),
            "--known",
            str(self.tmp / "known.yaml"),
            "--discrepancies",
            str(self.tmp / "DISCREPANCIES.md"),
        ]
        code = upstream_check.main(argv)
        out, err = self.capsys.readouterr()
        return code, out, err

    def files(self) -> list[str]:
        """The spec, known file and DISCREPANCIES options of the last run."""
        return [
            *("--spec", str(self.tmp / "spec.yaml"), "--known", str(self.tmp / "known.yaml")),
            *("--discrepancies", str(self.tmp / "DISCREPANCIES.md")),
        ]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(tmp_path, capsys)


def test_a_fragment_that_matches_the_spec_gives_no_report(run: Run) -> None:
    doc = vendor_fragment()
    code, out, err = run({"assets.md": page_text(doc)}, spec_like(doc))
    assert code == 0, out + err
    assert "in sync: GET /getUploadUrl" in out
    assert "0 new, 0 known, 0 pending, 0 not checked" in out
    assert "NEW" not in out
    assert "known " not in out


def test_a_changed_enum_is_reported_as_new(run: Run) -> None:
    doc = vendor_fragment()
    vendor = copy.deepcopy(doc)
    type_param = next(p for p in upload_params(vendor) if p["name"] == "type")
    type_param["schema"]["enum"] = [v for v in type_param["schema"]["enum"] if v != "exports"]
    type_param["schema"]["enum"].append("videos")
    code, out, _ = run({"assets.md": page_text(vendor)}, spec_like(doc))
    assert code == 1
    assert "NEW      GET /getUploadUrl parameter query.type: enum values added: ['videos']" in out
    assert (
        "NEW      GET /getUploadUrl parameter query.type: enum values removed: ['exports']" in out
    )
    # The report hands the maintainer the entries to record, word for word.
    assert "key: 'GET /getUploadUrl parameter query.type: enum values added: [''videos'']'" in out


def test_a_new_required_parameter_is_reported(run: Run) -> None:
    doc = vendor_fragment()
    vendor = copy.deepcopy(doc)
    upload_params(vendor).append(
        {"name": "region", "in": "query", "required": True, "schema": {"type": "string"}}
    )
    code, out, _ = run({"assets.md": page_text(vendor)}, spec_like(doc))
    assert code == 1
    assert "NEW      GET /getUploadUrl: required parameter query.region added" in out


def body_operation(properties: dict[str, Json], required: list[str]) -> Json:
    schema = {"type": "object", "required": required, "properties": properties}
    return {
        "openapi": "3.0.3",
        "paths": {
            "/assignBatches": {
                "post": {
                    "operationId": "assignBatches",
                    "tags": ["Assets"],
                    "requestBody": {"content": {"application/json": {"schema": schema}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }


def test_a_new_required_body_field_is_reported(run: Run) -> None:
    fields = {"assets": {"type": "array", "items": {"type": "string"}}}
    ours = body_operation(fields, ["assets"])
    vendor = body_operation({**fields, "project": {"type": "string"}}, ["assets", "project"])
    code, out, _ = run({"assets.md": page_text(vendor)}, spec_like(ours))
    assert code == 1
    assert (
        "NEW      POST /assignBatches request application/json: required property project added"
    ) in out


def test_a_field_the_vendor_now_requires_is_reported(run: Run) -> None:
    fields = {"assets": {"type": "array"}, "mode": {"type": "string", "default": "add"}}
    code, out, _ = run(
        {"assets.md": page_text(body_operation(fields, ["assets", "mode"]))},
        spec_like(body_operation(fields, ["assets"])),
    )
    assert code == 1
    assert "POST /assignBatches request application/json: property mode became required" in out


def test_a_new_operation_is_reported(run: Run) -> None:
    doc = vendor_fragment()
    vendor = copy.deepcopy(doc)
    vendor["paths"]["/storages"] = {
        "get": {"operationId": "getStorages", "responses": {"200": {"description": "ok"}}}
    }
    code, out, _ = run({"assets.md": page_text(vendor)}, spec_like(doc))
    assert code == 1
    assert "NEW      GET /storages: operation added" in out


def test_an_operation_the_vendor_dropped_is_reported(run: Run) -> None:
    doc = vendor_fragment()
    ours = spec_like(doc)
    ours["paths"]["/getSignedUrl"] = {
        "get": {"tags": ["Assets"], "responses": {"201": {"description": "ok"}}}
    }
    code, out, _ = run({"assets.md": page_text(doc)}, ours)
    assert code == 1
    assert "NEW      GET /getSignedUrl: operation removed" in out


def test_a_changed_default_is_reported(run: Run) -> None:
    doc = vendor_fragment()
    vendor = copy.deepcopy(doc)
    next(p for p in upload_params(vendor) if p["name"] == "type")["schema"]["default"] = "assets"
    code, out, _ = run({"assets.md": page_text(vendor)}, spec_like(doc))
    assert code == 1
    assert "GET /getUploadUrl parameter query.type: default none -> 'assets'" in out


def test_a_recorded_discrepancy_is_shown_as_known(run: Run) -> None:
    doc = vendor_fragment()
    vendor = copy.deepcopy(doc)
    next(p for p in upload_params(vendor) if p["name"] == "name")["required"] = False
    known = (
        "known:\n"
        "  - key: 'GET /getUploadUrl: parameter query.name no longer required'\n"
        "    discrepancy: 2\n"
        "    why: test\n"
    )
    code, out, _ = run({"assets.md": page_text(vendor)}, spec_like(doc), known=known)
    assert code == 0, out
    assert (
        "  known    GET /getUploadUrl: parameter query.name no longer required  [DISCREPANCIES #2]"
    ) in out
    assert "1 known" in out
    assert "0 stale" in out


def test_a_known_entry_must_cite_an_existing_discrepancy_row(run: Run) -> None:
    doc = vendor_fragment()
    known = "known:\n  - key: 'GET /x: y'\n    discrepancy: 99\n    why: test\n"
    code, out, err = run({"assets.md": page_text(doc)}, spec_like(doc), known=known)
    assert code == 2
    assert "discrepancy 99 is no row of docs/DISCREPANCIES.md" in err
    assert out == ""


def test_a_known_entry_no_longer_seen_is_listed_as_stale(run: Run) -> None:
    doc = vendor_fragment()
    known = (
        "known:\n  - key: 'GET /getUploadUrl: response 200 added'\n    discrepancy: 1\n    why: t\n"
    )
    code, out, _ = run({"assets.md": page_text(doc)}, spec_like(doc), known=known)
    assert code == 0
    assert "stale entry in docs/upstream-known.yaml (not seen this run): GET /getUploadUrl" in out


def test_a_pending_operation_is_shown_until_the_spec_has_it(run: Run) -> None:
    doc = vendor_fragment()
    vendor = copy.deepcopy(doc)
    vendor["paths"]["/storages"] = {"get": {"responses": {"200": {"description": "ok"}}}}
    known = "pending:\n  - operation: GET /storages\n    why: a later issue adds it\n"
    code, out, _ = run({"assets.md": page_text(vendor)}, spec_like(doc), known=known)
    assert code == 0
    assert "  pending  GET /storages: operation added  (a later issue adds it)" in out
    # Once the spec has the operation, the entry matches nothing and is listed for deletion.
    code, out, _ = run({"assets.md": page_text(vendor)}, spec_like(vendor), known=known)
    assert code == 0
    assert "stale entry" in out
    assert "pending GET /storages: in openapi.yaml now" in out


def test_openapi_30_nullable_reads_as_31_null_type(run: Run) -> None:
    vendor = body_operation({"note": {"type": "string", "nullable": True}}, [])
    ours = body_operation({"note": {"type": ["string", "null"]}}, [])
    code, out, _ = run({"assets.md": page_text(vendor)}, spec_like(ours))
    assert code == 0, out
    assert "in sync: POST /assignBatches" in out


def test_spec_only_error_statuses_are_not_differences_but_vendor_ones_are(run: Run) -> None:
    doc = vendor_fragment()
    ours = spec_like(doc)
    responses = ours["paths"]["/getUploadUrl"]["get"]["responses"]
    responses["400"] = responses["5XX"] = {"description": "error"}
    vendor = copy.deepcopy(doc)
    vendor_responses = vendor["paths"]["/getUploadUrl"]["get"]["responses"]
    vendor_responses["500"] = vendor_responses["409"] = {"description": "error"}
    code, out, _ = run({"assets.md": page_text(vendor)}, ours)
    assert code == 1
    assert "NEW      GET /getUploadUrl: response 409 added" in out
    assert "400" not in out
    assert "500" not in out


def test_a_broken_fragment_names_its_page_and_reports_nothing(run: Run) -> None:
    doc = vendor_fragment()
    broken = page_text(doc).replace('"paths"', '"paths"::', 1)
    code, out, err = run({"assets.md": broken}, spec_like(doc))
    assert code == 2
    assert (
        "could not read https://docs.example.test/api/assets.md: fragment 1 is not valid JSON"
        in err
    )
    assert "NOT CHECKED" in err
    assert out == ""


def test_a_page_without_fragments_is_an_error(run: Run) -> None:
    doc = vendor_fragment()
    code, _, err = run({"assets.md": "# Assets\n\n<html>moved</html>\n"}, spec_like(doc))
    assert code == 2
    assert "assets.md: no OpenAPI fragment" in err


def test_a_missing_saved_copy_names_its_page(run: Run) -> None:
    doc = vendor_fragment()
    run({"assets.md": page_text(doc)}, spec_like(doc))  # writes the page list, spec, known file
    (run.pages_dir / "assets.md").unlink()
    code = upstream_check.main(
        [
            "--offline",
            str(run.pages_dir),
            "--pages",
            str(run.tmp / "pages.txt"),
            "--spec",
            str(run.tmp / "spec.yaml"),
            "--known",
            str(run.tmp / "known.yaml"),
            "--discrepancies",
            str(run.tmp / "DISCREPANCIES.md"),
        ]
    )
    out, err = run.capsys.readouterr()
    assert code == 2
    assert out == ""
    assert "could not read https://docs.example.test/api/assets.md: no saved copy at" in err


def test_a_partial_saved_copy_names_cut_off_operations_without_comparing_them(run: Run) -> None:
    doc = vendor_fragment()
    whole = json.dumps(doc, separators=(",", ":"))
    cut = whole[: whole.index('"parameters"')]  # stops inside the operation
    text = f"<!-- {vendor_pages.PARTIAL_MARK} -->\n# Assets\n\n```json\n{cut}"
    ours = spec_like(doc)
    ours["paths"]["/getSignedUrl"] = {"get": {"tags": ["Assets"], "responses": {}}}
    code, out, _ = run({"assets.md": text}, ours)
    assert code == 0, out
    assert "not checked: GET /getUploadUrl: its fragment is cut off in the saved copy" in out
    assert "not checked: GET /getSignedUrl: the saved copy of" in out
    # Without the mark the same text is a broken page, not a partial one.
    code, _, err = run({"assets.md": text.split("\n", 1)[1]}, ours)
    assert code == 2
    assert "fragment 1 is not valid JSON" in err


@pytest.fixture
def http_pages(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A plain HTTP server on 127.0.0.1 serving a directory; yields (base URL, directory)."""
    served = tmp_path / "served"
    served.mkdir()

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=served))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", served
    finally:
        server.shutdown()
        server.server_close()


def test_live_pages_are_fetched_and_compared(run: Run, http_pages: tuple[str, Path]) -> None:
    base, served = http_pages
    doc = vendor_fragment()
    (served / "assets.md").write_text(page_text(doc))
    code, out, err = run(
        {"assets.md": page_text(doc)}, spec_like(doc), base_url=base, offline=False
    )
    assert code == 0, out + err
    assert "upstream-check: 1 pages from the vendor's site" in out
    assert "in sync: GET /getUploadUrl" in out


def test_network_errors_name_each_failing_page(run: Run, http_pages: tuple[str, Path]) -> None:
    base, served = http_pages
    doc = vendor_fragment()
    (served / "assets.md").write_text(page_text(doc))
    refused = f"http://127.0.0.1:{free_port()}/tasks.md"
    page_list = run.tmp / "pages.txt"
    run({"assets.md": page_text(doc)}, spec_like(doc))  # writes spec, known and rows
    page_list.write_text(f"{base}assets.md\n{base}gone.md\n{refused}\n")
    code = upstream_check.main(
        [
            "--pages",
            str(page_list),
            "--spec",
            str(run.tmp / "spec.yaml"),
            "--known",
            str(run.tmp / "known.yaml"),
            "--timeout",
            "5",
            "--discrepancies",
            str(run.tmp / "DISCREPANCIES.md"),
        ]
    )
    out, err = run.capsys.readouterr()
    assert code == 2
    assert f"could not read {base}gone.md: HTTP 404" in err
    assert f"could not read {refused}: ConnectError" in err
    assert f"could not read {base}assets.md" not in err
    assert "NOT CHECKED" in err
    assert "in sync" not in out
    assert out == ""


def test_the_saved_vendor_pages_show_only_known_and_pending_differences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = upstream_check.main(["--offline", str(SAVED)])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert "upstream-check: 8 pages from saved copies" in out
    assert "in sync: GET /getUploadUrl" in out
    # Each operation the spec lacks yet is pending (docs/upstream-known.yaml), and only those.
    pending = [entry["operation"] for entry in yaml.safe_load(KNOWN.read_text())["pending"]]
    assert f"0 new, 6 known, {len(pending)} pending" in out
    assert "0 stale" in out
    for op in pending:
        assert f"  pending  {op}: operation added" in out


def test_make_upstream_check_reads_saved_copies() -> None:
    done = subprocess.run(
        ["make", "--no-print-directory", "upstream-check", "UPSTREAM_OFFLINE=tests/upstream/pages"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 new" in done.stdout


def test_every_configured_page_has_a_saved_copy_marked_with_its_url() -> None:
    for url in vendor_pages.read_page_list(ROOT / "tools" / "upstream" / "pages.txt"):
        text = (SAVED / vendor_pages.saved_name(url)).read_text()
        assert f"{vendor_pages.PARTIAL_MARK} of {url}" in text


def test_spec_diff_reports_a_default_beside_a_ref() -> None:
    old = {
        "paths": {},
        "components": {"schemas": {"F": {"type": "string", "enum": ["json", "ndjson"]}}},
    }
    new = copy.deepcopy(old)
    param = {"name": "format", "in": "query", "schema": {"$ref": "#/components/schemas/F"}}
    old["paths"]["/export"] = {"get": {"parameters": [param], "responses": {}}}
    new_param = copy.deepcopy(param)
    new_param["schema"]["default"] = "json"
    new["paths"]["/export"] = {"get": {"parameters": [new_param], "responses": {}}}
    (change,) = spec_diff.diff(old, new)
    assert str(change) == "added     GET /export parameter query.format: default none -> 'json'"
    assert not change.breaking
