"""The Java client's build and caller (openapi_generator_java.py), without a JVM: the real
client is generated, compiled and played by `make test-openapi-generator`. What is checked here:
the templates that replace the stock ones do without jackson-datatype-jsr310, the build cache
key follows its inputs, and the caller sends Java's argument names (``projectId2``, ``_file``)
with the file's name, media type and bytes."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from ango_hub._index import operations

from tools.other_languages import openapi_generator_java
from tools.other_languages.openapi_generator_java import JavaCaller
from tools.other_languages.steps import StepFailed


def test_templates_do_without_jsr310() -> None:
    templates = list(openapi_generator_java.TEMPLATES.rglob("*.mustache"))
    assert {t.name for t in templates} == {"ApiClient.mustache", "JSON.mustache"}
    for template in templates:
        text = template.read_text()
        assert "datatype.jsr310" not in text
        assert "JavaTimeModule" not in text


def test_the_cache_key_follows_the_spec(tmp_path: Path) -> None:
    spec = tmp_path / "openapi-3.0.yaml"
    spec.write_text("openapi: 3.0.3\n")
    first = openapi_generator_java.input_hash(spec)
    assert openapi_generator_java.input_hash(spec) == first
    spec.write_text("openapi: 3.0.3\n# changed\n")
    assert openapi_generator_java.input_hash(spec) != first


class Recording(JavaCaller):
    """The caller with the JVM replaced by a recorder answering like Player.java."""

    def __init__(self, described: dict[str, dict[str, list[str]]], answer: Any) -> None:
        self.operations = operations()
        self.sent: list[dict[str, Any]] = []
        self.answer = answer
        self.apis = {
            "assetsapi": (
                "AssetsApi",
                {m.lower(): (m, a) for m, a in described["AssetsApi"].items()},
            )
        }

    def send(self, request: dict[str, Any]) -> Any:
        self.sent.append(request)
        return self.answer


LIST = ["projectId", "page", "limit", "filters", "externalId", "batches"]
CHAT = [
    "projectId",
    "conversations",
    "projectId2",
    "storageId",
    "bucket",
    "batches",
    "llmConfig",
    "numberOfConversations",
    "namingStrategy",
    "priority",
    "_file",
]


def test_the_chat_upload_reaches_java_argument_names() -> None:
    caller = Recording(
        {"AssetsApi": {"uploadChatAssetsWithHttpInfo": CHAT}},
        {"status": 201, "data": {"status": "success"}},
    )
    answer = caller.call(
        "uploadChatAssets",
        {"projectId": "p1"},
        body={"projectId": "p1", "batches": "[]"},
        files={"file": ("chat.json", b"[1]", "application/json")},
    )
    assert answer == {"status": "success"}
    (request,) = caller.sent
    assert request["api"] == "AssetsApi"
    assert request["method"] == "uploadChatAssetsWithHttpInfo"
    args = request["args"]
    assert args["projectId"] == "p1"
    assert args["projectId2"] == "p1"
    assert args["batches"] == "[]"
    assert args["_file"]["filename"] == "chat.json"
    assert args["_file"]["type"] == "application/json"
    assert base64.b64decode(args["_file"]["base64"]) == b"[1]"
    json.dumps(request)  # one JSON line for the player


def test_an_error_answer_fails_the_step_with_its_status() -> None:
    caller = Recording(
        {"AssetsApi": {"listAssetsWithHttpInfo": LIST}},
        {"status": 404, "body": '{"status":"fail"}'},
    )
    with pytest.raises(StepFailed, match="HTTP 404"):
        caller.call("listAssets", {"projectId": "p1"})
