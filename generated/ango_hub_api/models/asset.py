from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_context_data_type_0 import AssetContextDataType0
    from ..models.asset_metadata_type_0 import AssetMetadataType0


T = TypeVar("T", bound="Asset")


@_attrs_define
class Asset:
    """
    Attributes:
        field_id (str): Asset ID.
        data (str | Unset): URL (or inline content) of the asset.
        dataset (list[str] | Unset):
        overlay (list[str] | Unset):
        project (str | Unset):
        organization (str | Unset):
        external_id (None | str | Unset):
        batches (list[str] | Unset):
        metadata (AssetMetadataType0 | None | Unset):
        context_data (AssetContextDataType0 | None | Unset):
        label_tasks (list[str] | Unset):
        deleted (bool | Unset):
        created_at (datetime.datetime | Unset):
        created_by (str | Unset):
    """

    field_id: str
    data: str | Unset = UNSET
    dataset: list[str] | Unset = UNSET
    overlay: list[str] | Unset = UNSET
    project: str | Unset = UNSET
    organization: str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    batches: list[str] | Unset = UNSET
    metadata: AssetMetadataType0 | None | Unset = UNSET
    context_data: AssetContextDataType0 | None | Unset = UNSET
    label_tasks: list[str] | Unset = UNSET
    deleted: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    created_by: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_context_data_type_0 import AssetContextDataType0  # noqa: PLC0415
        from ..models.asset_metadata_type_0 import AssetMetadataType0  # noqa: PLC0415

        field_id = self.field_id

        data = self.data

        dataset: list[str] | Unset = UNSET
        if not isinstance(self.dataset, Unset):
            dataset = self.dataset

        overlay: list[str] | Unset = UNSET
        if not isinstance(self.overlay, Unset):
            overlay = self.overlay

        project = self.project

        organization = self.organization

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        batches: list[str] | Unset = UNSET
        if not isinstance(self.batches, Unset):
            batches = self.batches

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, AssetMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        context_data: dict[str, Any] | None | Unset
        if isinstance(self.context_data, Unset):
            context_data = UNSET
        elif isinstance(self.context_data, AssetContextDataType0):
            context_data = self.context_data.to_dict()
        else:
            context_data = self.context_data

        label_tasks: list[str] | Unset = UNSET
        if not isinstance(self.label_tasks, Unset):
            label_tasks = self.label_tasks

        deleted = self.deleted

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        created_by = self.created_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_id": field_id,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if dataset is not UNSET:
            field_dict["dataset"] = dataset
        if overlay is not UNSET:
            field_dict["overlay"] = overlay
        if project is not UNSET:
            field_dict["project"] = project
        if organization is not UNSET:
            field_dict["organization"] = organization
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if batches is not UNSET:
            field_dict["batches"] = batches
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if context_data is not UNSET:
            field_dict["contextData"] = context_data
        if label_tasks is not UNSET:
            field_dict["labelTasks"] = label_tasks
        if deleted is not UNSET:
            field_dict["deleted"] = deleted
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_context_data_type_0 import AssetContextDataType0  # noqa: PLC0415
        from ..models.asset_metadata_type_0 import AssetMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        field_id = d.pop("_id")

        data = d.pop("data", UNSET)

        dataset = cast(list[str], d.pop("dataset", UNSET))

        overlay = cast(list[str], d.pop("overlay", UNSET))

        project = d.pop("project", UNSET)

        organization = d.pop("organization", UNSET)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("externalId", UNSET))

        batches = cast(list[str], d.pop("batches", UNSET))

        def _parse_metadata(data: object) -> AssetMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = AssetMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_context_data(data: object) -> AssetContextDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_data_type_0 = AssetContextDataType0.from_dict(data)

                return context_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetContextDataType0 | None | Unset, data)

        context_data = _parse_context_data(d.pop("contextData", UNSET))

        label_tasks = cast(list[str], d.pop("labelTasks", UNSET))

        deleted = d.pop("deleted", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        created_by = d.pop("createdBy", UNSET)

        asset = cls(
            field_id=field_id,
            data=data,
            dataset=dataset,
            overlay=overlay,
            project=project,
            organization=organization,
            external_id=external_id,
            batches=batches,
            metadata=metadata,
            context_data=context_data,
            label_tasks=label_tasks,
            deleted=deleted,
            created_at=created_at,
            created_by=created_by,
        )

        asset.additional_properties = d
        return asset

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
