"""``ango-hub members list|invite|remove`` and ``ango-hub api createLlm --input FILE`` against
the mock: output, confirmation, exit codes, and an LLM key kept out of argv and output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ango_hub.mock.handlers_organization import accept_invitation
from ango_hub.mock.server import MockServer
from cli_helpers import RunCli

SECRET = "sk-cli-I2-distinctive-90be11"


def _org(mock: MockServer) -> str:
    organisation = mock.state.organisation_for_key(mock.api_key)
    assert organisation is not None
    return organisation.id


def _members(mock: MockServer) -> list[str]:
    organisation = mock.state.organisation_for_key(mock.api_key)
    assert organisation is not None
    return [m.email for m in organisation.roster()]


def test_members_list_finds_the_organisation(cli: RunCli, mock: MockServer) -> None:
    org = _org(mock)
    listed = cli("--json", "members", "list")
    assert listed.code == 0, listed.stderr
    assert listed.json()["organization"] == org
    assert [u["email"] for u in listed.json()["users"]] == [f"owner@{org}.mock.invalid"]
    table = cli("members", "list", "--org", org)
    assert f"owner@{org}.mock.invalid" in table.stdout
    assert "Admin" in table.stdout


def test_invite_then_list_invites(cli: RunCli, mock: MockServer) -> None:
    invited = cli(
        "--json", "members", "invite", "jane@example.com", "--role", "guest",
        "--project", f"{mock.project_id}=Labeler",
    )  # fmt: skip
    assert invited.code == 0, invited.stderr
    assert invited.json()["invited"] == ["jane@example.com"]
    pending = cli("--json", "members", "list", "--invites")
    assert [(i["to"], i["organizationRole"]) for i in pending.json()["invites"]] == [
        ("jane@example.com", "Guest")
    ]
    again = cli("members", "invite", "jane@example.com")
    assert again.code == 3
    assert "jane@example.com already has a pending invitation" in again.error_line()
    bad_role = cli("members", "invite", "joe@example.com", "--role", "Owner")
    assert bad_role.code == 2
    assert "organizationRole" in bad_role.error_line()


def test_remove_asks_first(cli: RunCli, mock: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from ango_hub.cli import _prompts

    monkeypatch.setattr(_prompts, "has_terminal", lambda: True)  # CliRunner's input answers
    org = _org(mock)
    organisation = mock.state.organisation_for_key(mock.api_key)
    assert organisation is not None
    accept_invitation(organisation, "jane@example.com")

    declined = cli("members", "remove", "jane@example.com", input="n\n")
    assert declined.code == 1
    assert "Nothing removed" in declined.stderr
    assert "jane@example.com" in _members(mock)

    confirmed = cli("--json", "members", "remove", "jane@example.com", input="y\n")
    assert confirmed.code == 0, confirmed.stderr
    assert "jane@example.com" not in _members(mock)

    partial = cli("--json", "members", "remove", "ghost@example.com", "--yes")
    assert partial.code == 1
    assert partial.json()["results"] == [{"email": "ghost@example.com", "status": "not a member"}]

    owner = cli("members", "remove", f"owner@{org}.mock.invalid", "--yes")
    assert owner.code == 3
    assert "cannot be removed" in owner.error_line()
    assert cli("members", "list", "--org", "0123456789abcdef01234567").code == 3


def test_llm_key_from_a_file_never_printed(cli: RunCli, mock: MockServer, tmp_path: Path) -> None:
    body = tmp_path / "llm.json"
    body.write_text(
        json.dumps(
            {
                "name": "Bot",
                "provider": "openai",
                "model": "gpt-4o-mini",
                "configuration": {"apiKey": SECRET},
            }
        )
    )
    created = cli("--json", "api", "createLlm", "--input", str(body))
    assert created.code == 0, created.stderr
    assert created.json()["data"]["llm"]["name"] == "Bot"
    refused = cli("api", "createLlm", "--input", str(body), "-f", "provider=anthropic")
    assert refused.code == 2
    listed = cli("--json", "api", "listLlms")
    for result in (created, refused, listed):
        assert SECRET not in result.stdout + result.stderr
