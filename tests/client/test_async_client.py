"""AsyncAngoHub: the same surface as AngoHub, against the mock."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from ango_hub import AsyncAngoHub, BadRequestError, InternalServerError, NotFoundError
from ango_hub.mock.server import MockServer
from client_helpers import FAST, KEY, ok


def _hub(mock: MockServer) -> AsyncAngoHub:
    return AsyncAngoHub(api_key=mock.api_key, base_url=mock.base_url, retry_policy=FAST)


async def test_async_list_pages_update_delete(mock: MockServer) -> None:
    mock.seed(123)
    async with _hub(mock) as hub:
        ids = [a.field_id async for a in hub.assets.list(mock.project_id, page_size=20)]
        assert len(set(ids)) == 123
        page = await hub.assets.list_page(mock.project_id, limit=5)
        assert page.total == 123
        updated = await hub.assets.update(ids[0], external_id="async-renamed")
        assert updated.external_id == "async-renamed"
        await hub.assets.assign_batches(mock.project_id, [ids[1]], ["b-async"])
        deleted = await hub.assets.delete(mock.project_id, [ids[2]])
        assert deleted.deleted == 1
        assert (await hub.assets.list_page(mock.project_id)).total == 122
        with pytest.raises(NotFoundError):
            await hub.assets.update("0" * 24, external_id="x")


async def test_async_upload_files_and_exports(mock: MockServer, tmp_path: Path) -> None:
    files = []
    for i in range(20):
        path = tmp_path / f"a{i}.txt"
        path.write_bytes(b"async %d" % i)
        files.append(path)
    async with _hub(mock) as hub:
        report = await hub.assets.upload(mock.project_id, files, progress=False)
        assert len(report.created) == 20
        again = await hub.assets.upload(mock.project_id, files, progress=False)
        assert len(again.skipped) == 20
        assets = [a async for a in hub.assets.list(mock.project_id)]
        by_id = {a.external_id: a for a in assets}
        signed = await hub.files.signed_url(by_id["a7.txt"].data)
        async with httpx.AsyncClient() as raw:
            assert (await raw.get(signed)).content == b"async 7"

        url = await hub.files.upload_url(mock.project_id, "direct.bin")
        lasting = await hub.files.put(url, files[0])
        assert "?" not in lasting

        summary = await hub.assets.import_from_cloud(
            mock.project_id, [{"data": "https://example.com/z.png", "externalId": "z"}]
        )
        assert summary.assets_created == 1
        attached = await hub.attachments.import_(
            mock.project_id,
            [{"externalId": "z", "attachmentType": "TEXT", "attachmentUrl": "hi"}],
        )
        assert attached.attachments_imported == 1
        message = await hub.labels.import_(
            mock.project_id, [{"externalId": "z", "answer": {"objects": []}}]
        )
        assert message == "1 / 1 tasks are labeled."
        tasks = [t async for t in hub.exports.iter_tasks(mock.project_id)]
        assert len(tasks) == 21
        (z,) = [t for t in tasks if t["externalId"] == "z"]
        assert z["attachments"] == [{"type": "TEXT", "value": "hi"}]
        assert z["isPreLabeled"] is True
        target = await hub.exports.download(mock.project_id, tmp_path / "e.zip")
        assert target.read_bytes()[:2] == b"PK"


async def test_async_errors_and_retries() -> None:
    calls: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            return httpx.Response(503, text="<html>down</html>")
        return ok({"assets": [], "total": 0})

    client = httpx.AsyncClient(transport=httpx.MockTransport(reply))
    hub = AsyncAngoHub(
        api_key=KEY, base_url="https://hub.test/v2", http_client=client, retry_policy=FAST
    )
    page = await hub.assets.list_page("507f1f77bcf86cd799439011")
    assert page.total == 0
    assert len(calls) == 2
    assert calls[-1].headers["apikey"] == KEY
    assert KEY not in repr(hub)

    calls.clear()
    with pytest.raises(InternalServerError):
        await hub.with_options(max_retries=0).assets.list_page("507f1f77bcf86cd799439011")
    assert len(calls) == 1
    await client.aclose()


async def test_async_creating_post_not_retried_on_5xx() -> None:
    calls: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(500, json={"error": {"message": "boom"}})

    client = httpx.AsyncClient(transport=httpx.MockTransport(reply))
    hub = AsyncAngoHub(
        api_key=KEY,
        base_url="https://hub.test/v2",
        http_client=client,
        max_retries=3,
        retry_policy=FAST,
    )
    with pytest.raises(InternalServerError) as info:
        await hub.assets.upload_chat("507f1f77bcf86cd799439011", number_of_conversations=2)
    assert info.value.message == "boom"
    assert len(calls) == 1
    client2 = httpx.AsyncClient(
        transport=httpx.MockTransport(lambda r: httpx.Response(400, json={"error": "bad"}))
    )
    hub2 = AsyncAngoHub(api_key=KEY, base_url="https://hub.test/v2", http_client=client2)
    with pytest.raises(BadRequestError, match="bad"):
        await hub2.exports.create("507f1f77bcf86cd799439011")
    await client.aclose()
