"""The request guard on its own: which requests it lets out, and what it learns."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from ango_hub.live_check.ledger import Ledger
from ango_hub.live_check.request_guard import RULES, UNKNOWN_ID, GuardRefused, RequestGuard

ROOT = "http://hub.test/v2"
TAG = "ango-hub-live-check-r1"
USER_PROJECT = "a" * 24
RUN_PROJECT = "b" * 24


def guard() -> RequestGuard:
    ledger = Ledger(run_id="r1", tag=TAG, base_url=ROOT)
    ledger.own("project", RUN_PROJECT)
    return RequestGuard(ledger, ROOT, USER_PROJECT)


def request(method: str, path: str, body: object = None, **query: str) -> httpx.Request:
    return httpx.Request(method, ROOT + path, params=query, json=body)


def test_reads_go_out_and_say_whose() -> None:
    verdict = guard().judge(request("GET", f"/project/{USER_PROJECT}/assets"))
    assert (verdict.writes, verdict.target) == (False, "read of the user's project")
    performance = guard().judge(request("POST", f"/performance/{USER_PROJECT}", {"interval": []}))
    assert performance.writes is False


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", f"/project/{USER_PROJECT}", {"stages": []}),  # updateProject
        ("POST", f"/project/{USER_PROJECT}/instructions", None),
        ("POST", f"/project/{USER_PROJECT}/rerun-webhook", {"stageId": "Hook"}),
        ("POST", f"/project/{USER_PROJECT}/purge", {"confirmName": "x"}),
        ("DELETE", f"/project/{USER_PROJECT}", None),
        ("POST", "/assignBatches", {"projectId": RUN_PROJECT, "assets": ["c" * 24]}),
        ("POST", "/project", {"name": f"{TAG}-project"}),  # not in the ledger first
        ("POST", "/project", {"name": "untagged"}),
        ("POST", "/storages", {"name": "team bucket"}),
        ("POST", "/pluginLog", {"session": "someone else's", "msg": "x"}),
        ("POST", "/not-an-operation", {}),
    ],
)
def test_writes_to_anything_but_the_runs_own_are_refused(
    method: str, path: str, body: object
) -> None:
    checking = guard()
    with pytest.raises(GuardRefused):
        checking.judge(request(method, path, body))
    assert len(checking.refused) == 1


def test_writes_to_the_runs_own_and_new_ledgered_objects_go_out() -> None:
    checking = guard()
    checking.ledger.expect("project", f"{TAG}-project")
    assert checking.judge(request("POST", "/project", {"name": f"{TAG}-project"})).writes
    assert checking.judge(request("POST", f"/project/{RUN_PROJECT}", {"stages": []})).writes
    assert checking.judge(request("POST", f"/assets/{UNKNOWN_ID}", {"metadata": {}})).writes
    assert checking.refused == []


def test_it_learns_ids_from_answers_and_refusals() -> None:
    checking = guard()
    entry = checking.ledger.expect("llm", f"{TAG}-llm")
    sent = request("POST", "/llms", {"name": f"{TAG}-llm"})
    answer = {"status": "success", "data": {"llm": {"_id": "d" * 24, "name": f"{TAG}-llm"}}}
    checking.learn(sent, httpx.Response(201, json=answer, request=sent))
    assert (entry.state, entry.id) == ("created", "d" * 24)
    assert checking.judge(request("DELETE", f"/llms/{'d' * 24}")).writes

    probe = checking.ledger.expect("storage", f"{TAG}-probe")
    sent = request("POST", "/storages", {"name": f"{TAG}-probe", "type": "s3"})
    checking.learn(sent, httpx.Response(400, json={"status": "fail"}, request=sent))
    assert probe.state == "refused"


def test_the_ledger_is_on_disk_before_the_call(tmp_path: Path) -> None:
    path = tmp_path / "ledger.json"
    ledger = Ledger(run_id="r1", tag=TAG, base_url=ROOT, path=path)
    ledger.expect("project", f"{TAG}-project")
    saved = json.loads(path.read_text())
    assert saved["entries"] == [
        {"kind": "project", "name": f"{TAG}-project", "id": None, "state": "planned"}
    ]
    assert Ledger.load(path).expected("project", f"{TAG}-project") is not None


def test_every_operation_that_is_not_a_get_has_a_rule() -> None:
    # Else the guard refuses it, and the live check's step for it fails as a defect.
    from ango_hub._index import operations

    writes = {op.operation_id for op in operations().values() if op.method.upper() != "GET"}
    assert writes == set(RULES)
