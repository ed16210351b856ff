"""The steps player for openapi-generator's Python client (openapi_generator_python.py), on a
stand-in package shaped like the generated one (the real one is generated and played by
`make test-openapi-generator`): which method and argument each operation and field reaches,
and what happens when the client's argument check refuses a valid body."""

from __future__ import annotations

import types
from typing import Any

import pydantic
import pytest
from ango_hub._index import operations

from tools.other_languages import steps
from tools.other_languages.openapi_generator_python import GeneratedCaller


class ApiException(Exception):
    def __init__(self, status: int, body: str) -> None:
        super().__init__(body)
        self.status, self.body = status, body


class Answer:
    def __init__(self, raw: bytes) -> None:
        self.raw_data = raw


class Attachment(pydantic.BaseModel):
    """Like the generated model: the spec's "externalId or assetId" became both required."""

    externalId: str
    assetId: str
    attachmentUrl: str


class ImportAttachmentsRequest(pydantic.BaseModel):
    project: str
    attachments: list[Attachment]


sent: list[tuple[str, Any]] = []


class AssetsApi:
    def __init__(self, client: Any) -> None:
        self.client = client

    def upload_chat_assets_with_http_info(  # the form field projectId is project_id2
        self,
        project_id: str,
        conversations: str | None = None,
        project_id2: str | None = None,
        priority: int | None = None,
        file: tuple[str, bytes] | None = None,
        _request_timeout: float | None = None,
    ) -> Answer:
        sent.append(("uploadChatAssets", {k: v for k, v in locals().items() if k != "self"}))
        return Answer(b'{"status": "success"}')

    def get_signed_url_with_http_info(  # a parameter named like a keyword gets `var_`
        self,
        url: str | None = None,
        name: str | None = None,
        project: str | None = None,
        var_type: str | None = None,
        storage_id: str | None = None,
    ) -> Answer:
        sent.append(("getSignedUrl", {"url": url, "var_type": var_type}))
        raise ApiException(400, '{"message": "no"}')


class ImportExportApi:
    def __init__(self, client: Any) -> None:
        self.client = client

    @pydantic.validate_call
    def import_attachments_with_http_info(
        self, import_attachments_request: ImportAttachmentsRequest
    ) -> Answer:
        sent.append(("importAttachments", import_attachments_request))
        return Answer(b'{"data": {"ok": true}}')


def package() -> types.ModuleType:
    module = types.ModuleType("ango_hub_oag")
    module.Configuration = lambda host, api_key: {"host": host, "api_key": api_key}  # type: ignore[attr-defined]
    module.ApiClient = lambda config: config  # type: ignore[attr-defined]
    module.ApiException = ApiException  # type: ignore[attr-defined]
    module.AssetsApi = AssetsApi  # type: ignore[attr-defined]
    module.ImportExportApi = ImportExportApi  # type: ignore[attr-defined]
    return module


@pytest.fixture
def caller() -> GeneratedCaller:
    sent.clear()
    return GeneratedCaller(package(), operations(), "http://127.0.0.1:1/v2", "key")


def test_path_parameters_claim_their_names_before_form_fields(caller: GeneratedCaller) -> None:
    answer = caller.call(
        "uploadChatAssets",
        {"projectId": "p1"},
        body={"projectId": "p1", "priority": 3},
        files={"file": ("chat.json", b"[]", "application/json")},
    )
    assert answer == {"status": "success"}
    ((op, arguments),) = sent
    assert op == "uploadChatAssets"
    assert arguments["project_id"] == "p1"
    assert arguments["project_id2"] == "p1"
    assert arguments["priority"] == 3
    assert arguments["file"] == ("chat.json", b"[]")


def test_an_error_answer_is_a_step_failure_with_its_status(caller: GeneratedCaller) -> None:
    with pytest.raises(steps.StepFailed, match=r'HTTP 400 \{"message": "no"\}'):
        caller.call("getSignedUrl", {"url": "https://example.com/a.png", "type": "assets"})
    assert sent == [("getSignedUrl", {"url": "https://example.com/a.png", "var_type": "assets"})]


def test_a_body_refused_for_missing_fields_only_is_sent_unchecked_and_recorded(
    caller: GeneratedCaller,
) -> None:
    body = {"project": "p1", "attachments": [{"externalId": "e", "attachmentUrl": "u"}]}
    assert caller.call("importAttachments", body=body) == {"data": {"ok": True}}
    assert sent == [("importAttachments", body)]
    assert caller.flattened == {"importAttachments": ["attachments.0.assetId"]}


def test_a_body_refused_for_anything_else_fails_the_step(caller: GeneratedCaller) -> None:
    body = {
        "project": "p1",
        "attachments": [{"externalId": 1, "assetId": "a", "attachmentUrl": "u"}],
    }
    with pytest.raises(steps.StepFailed, match="the client refused the arguments"):
        caller.call("importAttachments", body=body)
    assert sent == []


def test_the_steps_files_alone_call_every_operation() -> None:
    # The openapi-generator client plays only the steps files: they must reach every operation.
    called = {step["op"] for f in steps.load() for step in f.steps}
    assert called == set(operations())
