"""Fuzz: hostile statuses, headers and bodies (hypothesis) answer the client's main operations
(listing, upload URL, cloud import, export and its archive, a bulk upload), on both clients.
Every exception raised must be an ``AngoHubError``; a bulk upload must always return its
report, every file settled.

The normal suite runs a bounded, derandomised number of examples (a few seconds).
``make fuzz`` runs it deeper and random: ``CLIENT_FUZZ_EXAMPLES=2000`` (per operation and
client), and hypothesis prints the failing example to replay.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import zipfile
import zlib
from pathlib import Path
from typing import Any

import httpx
import pytest
from ango_hub import AngoHub, AngoHubError, BulkJobStoppedError
from ango_hub.upload import SYSTEMIC_STATUSES
from client_helpers import HttpClient, MakeHub
from hostile_api import GOOD_ZIP, HostileApi, files, hostile_hub
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

DEEP = int(os.environ.get("CLIENT_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=DEEP or 20,
    derandomize=not DEEP,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

GOOD_ANSWERS: dict[str, Any] = {
    "listAssets": {"status": "success", "data": {"assets": [{"_id": "a"}], "total": 1}},
    "getUploadUrl": {"status": "success", "data": {"uploadUrl": "https://storage.test/a.png"}},
    "importCloudAssets": {"status": "success", "data": {"assets": {"assetsCreated": 1}}},
    "exportTasks": {"status": "success", "data": {"exportPath": "https://storage.test/e.zip"}},
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@st.composite
def mutated(draw: st.DrawFn, good: Any) -> Any:
    """``good`` with one value somewhere in it replaced (or its key removed)."""
    if not isinstance(good, dict | list) or not good or draw(st.integers(0, 4)) == 0:
        return draw(json_values)
    keys = list(good) if isinstance(good, dict) else list(range(len(good)))
    key = draw(st.sampled_from(keys))
    copy: Any = dict(good) if isinstance(good, dict) else list(good)
    if isinstance(copy, dict) and draw(st.booleans()):
        del copy[key]
    else:
        copy[key] = draw(mutated(good[key]))
    return copy


def _zip_of(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


@st.composite
def bodies(draw: st.DrawFn, good: Any) -> bytes:
    """JSON near the good answer, cut off, random bytes, NaN, deep nesting, or a zip."""
    text = json.dumps(good).encode()
    kind = draw(st.sampled_from(["mutated", "cut", "bytes", "deep", "zip", "empty", "good"]))
    if kind == "mutated":
        return json.dumps(draw(mutated(good)), allow_nan=True).encode()
    if kind == "cut":
        return text[: draw(st.integers(0, max(0, len(text) - 1)))]
    if kind == "bytes":
        return draw(st.binary(max_size=64))
    if kind == "deep":
        return b"[" * draw(st.integers(1, 100_000))
    if kind == "zip":
        member = draw(st.sampled_from(["tasks.json", "tasks.ndjson", "t/1.json"]))
        content = draw(st.sampled_from([text, b"[1]", b'{"a": NaN}\n', b"\xff", b""]))
        data = _zip_of([(member, content)])
        cut = draw(st.integers(0, len(data)))
        return data[:cut] if draw(st.booleans()) else data
    return b"" if kind == "empty" else text


ENCODINGS = [None, "gzip", "deflate", "br", "zstd", "identity", "gzip, gzip", "bogus"]
RETRY_AFTER = [None, "0", "-1", "abc", "1e309", "nan", "Wed, 21 Oct 2015 07:28:00 GMT"]
LOCATIONS = ["https://hub.test/v2/loop", "https://storage.test/x", "", "::::", "http://[::1"]
STATUSES = [200, 201, 202, 204, 206, 299, 301, 302, 303, 307, 308, 399, 400, 401, 403, 404]
STATUSES += [408, 409, 413, 422, 429, 451, 500, 502, 503, 504, 599]


class Answer:
    """A drawn answer, built afresh for each request (a stream is read once), its body left
    encoded as drawn (``content=`` would decode it here, in the test)."""

    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def __call__(self, request: httpx.Request) -> httpx.Response:
        headers = {**self.headers, "content-length": str(len(self.body))}
        return httpx.Response(self.status, headers=headers, stream=httpx.ByteStream(self.body))

    def __repr__(self) -> str:
        return f"Answer({self.status}, {self.headers}, {self.body[:200]!r})"


@st.composite
def answers(draw: st.DrawFn, good: Any) -> Answer:
    """A hostile answer: status, headers and body (the body encoded as its header claims, or
    not)."""
    status = draw(st.sampled_from(STATUSES))
    body = draw(bodies(good))
    headers: dict[str, str] = {}
    content_type = draw(
        st.sampled_from(["application/json", "text/html", "application/json; charset=bogus", ""])
    )
    if content_type:
        headers["content-type"] = content_type
    encoding = draw(st.sampled_from(ENCODINGS))
    if encoding:
        headers["content-encoding"] = encoding
        if encoding == "gzip" and draw(st.booleans()):
            body = gzip.compress(body)
        elif encoding == "deflate" and draw(st.booleans()):
            body = zlib.compress(body)
    retry_after = draw(st.sampled_from(RETRY_AFTER))
    if retry_after is not None:
        headers["retry-after"] = retry_after
    if 300 <= status < 400 and draw(st.booleans()):
        headers["location"] = draw(st.sampled_from(LOCATIONS))
    return Answer(status, headers, body)


def _run(hub: AngoHub, operation: str, tmp_path: Path) -> None:
    project = "p" * 24
    if operation == "listAssets":
        hub.assets.list_page(project)
    elif operation == "getUploadUrl":
        hub.files.upload_url(project, "a.png")
    elif operation == "importCloudAssets":
        hub.assets.import_from_cloud(project, [{"data": "https://x/a.png"}])
    else:
        list(hub.exports.iter_tasks(project))


OPERATIONS = ["listAssets", "getUploadUrl", "importCloudAssets", "exportTasks", "archive"]


@pytest.mark.parametrize("operation", OPERATIONS)
@FUZZ
@given(data=st.data())
def test_every_exception_is_an_ango_hub_error(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path, operation: str, data: st.DataObject
) -> None:
    good = GOOD_ANSWERS.get(operation, {})
    answer = data.draw(answers(good) if operation != "archive" else archive_answers())
    hub, _ = hostile_hub(make_hub, http_client, **{operation: answer})
    with hub, contextlib.suppress(AngoHubError):  # any other exception fails the test
        _run(hub, operation, tmp_path)


@st.composite
def archive_answers(draw: st.DrawFn) -> Answer:
    """An export archive: the good zip cut or with bytes changed, or a hostile answer."""
    if draw(st.booleans()):
        return draw(answers({}))
    data = bytearray(GOOD_ZIP)
    for _ in range(draw(st.integers(1, 4))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return Answer(200, {}, bytes(data[: draw(st.integers(0, len(data)))]))


@pytest.mark.parametrize("operation", ["listAssets", "getUploadUrl", "put", "importCloudAssets"])
@FUZZ
@given(data=st.data())
def test_a_bulk_upload_always_returns_its_report(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path, operation: str, data: st.DataObject
) -> None:
    good = GOOD_ANSWERS.get(operation, {})
    answer = data.draw(answers(good))
    hub, _ = hostile_hub(make_hub, http_client, **{operation: answer})
    paths = files(tmp_path, 2)
    with hub:
        stopped: BulkJobStoppedError | None = None
        try:
            report = hub.assets.upload("p" * 24, paths, progress=False, settle_seconds=0.01)
        except BulkJobStoppedError as stop:  # a systemic 401/403/404: the report is on it
            stopped, report = stop, stop.report
    assert stopped is None or stopped.status_code in SYSTEMIC_STATUSES
    assert [item.path for item in report.items] == paths
    for item in report.items:
        assert item.status in ("created", "failed", "unknown", "not_attempted")
        assert item.status == "created" or (item.error and (item.stage or item.status != "failed"))


def test_the_fake_api_answers_well_by_default(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path
) -> None:
    """Without a hostile answer every operation works: the fuzz's failures are the answers'."""
    hub, api = hostile_hub(make_hub, http_client)
    assert isinstance(api, HostileApi)
    with hub:
        for operation in OPERATIONS:
            _run(hub, operation, tmp_path)
        report = hub.assets.upload("p" * 24, files(tmp_path, 2), progress=False)
    assert [item.status for item in report.items] == ["created", "created"]
