from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cloud_asset_context_data_type_0 import CloudAssetContextDataType0
    from ..models.cloud_asset_metadata_type_0 import CloudAssetMetadataType0


T = TypeVar("T", bound="CloudAsset")


@_attrs_define
class CloudAsset:
    """
    Attributes:
        data (str): URL of the asset's file (cloud URL, or an upload URL without its query).
        external_id (None | str | Unset): Your own ID for the asset; unique within a project by convention.
        metadata (CloudAssetMetadataType0 | None | Unset): Free-form asset metadata.
        context_data (CloudAssetContextDataType0 | None | Unset): Free-form context shown to annotators.
        batches (list[str] | Unset): Batch IDs to put this asset in (the official SDK converts names to IDs).
        storage (str | Unset): Storage ID the `data` URL lives in (set by the official SDK).
    """

    data: str
    external_id: None | str | Unset = UNSET
    metadata: CloudAssetMetadataType0 | None | Unset = UNSET
    context_data: CloudAssetContextDataType0 | None | Unset = UNSET
    batches: list[str] | Unset = UNSET
    storage: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cloud_asset_context_data_type_0 import CloudAssetContextDataType0  # noqa: PLC0415
        from ..models.cloud_asset_metadata_type_0 import CloudAssetMetadataType0  # noqa: PLC0415

        data = self.data

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, CloudAssetMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        context_data: dict[str, Any] | None | Unset
        if isinstance(self.context_data, Unset):
            context_data = UNSET
        elif isinstance(self.context_data, CloudAssetContextDataType0):
            context_data = self.context_data.to_dict()
        else:
            context_data = self.context_data

        batches: list[str] | Unset = UNSET
        if not isinstance(self.batches, Unset):
            batches = self.batches

        storage = self.storage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if context_data is not UNSET:
            field_dict["contextData"] = context_data
        if batches is not UNSET:
            field_dict["batches"] = batches
        if storage is not UNSET:
            field_dict["storage"] = storage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cloud_asset_context_data_type_0 import CloudAssetContextDataType0  # noqa: PLC0415
        from ..models.cloud_asset_metadata_type_0 import CloudAssetMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        data = d.pop("data")

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("externalId", UNSET))

        def _parse_metadata(data: object) -> CloudAssetMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = CloudAssetMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CloudAssetMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_context_data(
            data: object,
        ) -> CloudAssetContextDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_data_type_0 = CloudAssetContextDataType0.from_dict(data)

                return context_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CloudAssetContextDataType0 | None | Unset, data)

        context_data = _parse_context_data(d.pop("contextData", UNSET))

        batches = cast(list[str], d.pop("batches", UNSET))

        storage = d.pop("storage", UNSET)

        cloud_asset = cls(
            data=data,
            external_id=external_id,
            metadata=metadata,
            context_data=context_data,
            batches=batches,
            storage=storage,
        )

        cloud_asset.additional_properties = d
        return cloud_asset

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
