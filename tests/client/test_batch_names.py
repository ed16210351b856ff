"""Batches by name or ID: names are resolved to the project's batch IDs with one read per call;
an unknown name fails before anything is uploaded, listing the project's batches;
``create_missing_batches=True`` creates them first. On both clients, against the mock."""

from __future__ import annotations

from pathlib import Path

import pytest
from ango_hub import AngoHubValidationError
from ango_hub.mock.server import MockServer
from client_helpers import MakeHub, numbered_files


def live(mock: MockServer) -> dict[str, list[str]]:
    """The project's live assets: externalId -> batch names."""
    return {
        str(a.external_id): mock.project.batch_names(a.batches)
        for a in mock.project.iter_assets()
        if not a.deleted
    }


def test_upload_refuses_an_unknown_batch_before_sending_anything(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    files = numbered_files(tmp_path, 3)
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        hub.batches.create(mock.project_id, ["Batch 1", "Batch 2"])
        mock.requests.clear()
        with pytest.raises(AngoHubValidationError) as caught:
            hub.assets.upload(mock.project_id, files, batches=["Bacth 1"], progress=False)
    message = str(caught.value)
    assert caught.value.field == "batches"
    assert "no batch 'Bacth 1'" in message
    assert "did you mean `Batch 1`?" in message
    assert caught.value.allowed is not None
    assert "Batch 1 (" in caught.value.allowed
    assert "Batch 2 (" in caught.value.allowed
    assert dict(mock.requests.counts) == {"getProject": 1}  # one read, nothing uploaded
    assert live(mock) == {}
    assert sorted(b.name for b in mock.project.batches.values()) == ["Batch 1", "Batch 2"]


def test_upload_resolves_names_and_ids_with_one_read(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    files = numbered_files(tmp_path, 3)
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        made = hub.batches.create(mock.project_id, ["Batch 1", "Batch 2"])
        second = next(b.id for b in made if b.name == "Batch 2")
        assert isinstance(second, str)
        mock.requests.clear()
        report = hub.assets.upload(
            mock.project_id, files, batches=["Batch 1", second], progress=False
        )
    assert [i.status for i in report.items] == ["created"] * 3
    assert mock.requests.counts["getProject"] == 1
    assert "createBatches" not in mock.requests.counts
    assert live(mock) == {f.name: ["Batch 1", "Batch 2"] for f in files}


def test_upload_creates_missing_batches_when_asked(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    files = numbered_files(tmp_path, 2)
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        hub.batches.create(mock.project_id, ["Batch 1"])
        mock.requests.clear()
        report = hub.assets.upload(
            mock.project_id,
            files,
            batches=["Batch 1", "Fresh"],
            create_missing_batches=True,
            progress=False,
        )
    assert report.ok
    assert mock.requests.counts["createBatches"] == 1
    assert mock.requests.counts["getProject"] == 1
    assert live(mock) == {f.name: ["Batch 1", "Fresh"] for f in files}


def test_cloud_import_refuses_an_unknown_batch_and_creates_when_asked(
    make_hub: MakeHub, mock: MockServer
) -> None:
    asset = {"data": "https://example.com/a.jpg", "externalId": "a"}
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        mock.requests.clear()
        with pytest.raises(AngoHubValidationError, match=r"no batch 'Typo'.*has no batch"):
            hub.assets.import_from_cloud(mock.project_id, [asset], batches=["Typo"])
        assert "importCloudAssets" not in mock.requests.counts
        assert live(mock) == {}
        hub.assets.import_from_cloud(
            mock.project_id, [asset], batches=["Typo"], create_missing_batches=True
        )
    assert live(mock) == {"a": ["Typo"]}


def test_export_takes_batch_names_and_refuses_an_unknown_one(
    make_hub: MakeHub, mock: MockServer
) -> None:
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        hub.batches.create(mock.project_id, ["Batch 1", "Batch 2"])
        for name, batch in (("one", "Batch 1"), ("two", "Batch 2")):
            asset = {"data": f"https://example.com/{name}.jpg", "externalId": name}
            hub.assets.import_from_cloud(mock.project_id, [asset], batches=[batch])
        mock.requests.clear()
        with pytest.raises(AngoHubValidationError, match="did you mean `Batch 1`"):
            hub.exports.create(mock.project_id, batches=["Bacth 1"])
        assert "exportTasks" not in mock.requests.counts
        tasks = list(hub.exports.iter_tasks(mock.project_id, batches=["Batch 2"]))
    assert [t.external_id for t in tasks] == ["two"]


def test_assign_refuses_an_unknown_batch_and_creates_when_asked(
    make_hub: MakeHub, mock: MockServer
) -> None:
    asset = {"data": "https://example.com/a.jpg", "externalId": "a"}
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        hub.batches.create(mock.project_id, ["Batch 1"])
        hub.assets.import_from_cloud(mock.project_id, [asset])
        (asset_id,) = [a.id for a in mock.project.iter_assets()]
        mock.requests.clear()
        with pytest.raises(AngoHubValidationError, match="did you mean `Batch 1`"):
            hub.assets.assign_batches(mock.project_id, [asset_id], ["Bacth 1"])
        assert "assignBatches" not in mock.requests.counts
        hub.batches.assign(
            mock.project_id, [asset_id], ["Batch 1", "New"], create_missing_batches=True
        )
    assert live(mock) == {"a": ["Batch 1", "New"]}


def test_task_filters_take_batch_names_with_one_read_and_refuse_unknown_ones(
    make_hub: MakeHub, mock: MockServer
) -> None:
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        hub.batches.create(mock.project_id, ["Batch 1", "Batch 2"])
        for n in range(5):
            asset = {"data": f"https://example.com/{n}.jpg", "externalId": f"t{n}"}
            batch = "Batch 1" if n < 3 else "Batch 2"
            hub.assets.import_from_cloud(mock.project_id, [asset], batches=[batch])
        mock.requests.clear()
        with pytest.raises(AngoHubValidationError, match="did you mean `Batch 2`"):
            hub.tasks.list_page(mock.project_id, batches=["Bacth 2"])
        with pytest.raises(AngoHubValidationError, match="did you mean `Batch 1`"):
            hub.tasks.set_priority(mock.project_id, 5, batches=["Bach 1"])
        assert "listTasks" not in mock.requests.counts
        assert "updateTasksPriority" not in mock.requests.counts
        mock.requests.clear()
        listed = list(hub.tasks.list(mock.project_id, batches=["Batch 1"], page_size=1))
        assert mock.requests.counts["getProject"] == 1  # once, not once a page
        assert mock.requests.counts["listTasks"] >= 3
        result = hub.tasks.set_priority(mock.project_id, 7, batches=["Batch 2"])
    assert sorted(t.external_id for t in listed) == ["t0", "t1", "t2"]
    assert result.matched_count == 2


def test_chat_upload_refuses_an_unknown_batch_and_creates_when_asked(
    make_hub: MakeHub, mock: MockServer
) -> None:
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        hub.batches.create(mock.project_id, ["Batch 1"])
        mock.requests.clear()
        with pytest.raises(AngoHubValidationError, match="did you mean `Batch 1`"):
            hub.assets.upload_chat(mock.project_id, number_of_conversations=1, batches=["Bath 1"])
        assert "uploadChatAssets" not in mock.requests.counts
        hub.assets.upload_chat(
            mock.project_id,
            number_of_conversations=1,
            batches=["Batch 1", "Chats"],
            create_missing_batches=True,
        )
    assert list(live(mock).values()) == [["Batch 1", "Chats"]]
