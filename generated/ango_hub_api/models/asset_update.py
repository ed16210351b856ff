from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_update_context_data import AssetUpdateContextData
    from ..models.asset_update_metadata import AssetUpdateMetadata


T = TypeVar("T", bound="AssetUpdate")


@_attrs_define
class AssetUpdate:
    """
    Attributes:
        metadata (AssetUpdateMetadata | Unset):
        context_data (AssetUpdateContextData | Unset):
        data (str | Unset):
        overlay (list[str] | Unset):
        external_id (str | Unset):
    """

    metadata: AssetUpdateMetadata | Unset = UNSET
    context_data: AssetUpdateContextData | Unset = UNSET
    data: str | Unset = UNSET
    overlay: list[str] | Unset = UNSET
    external_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        context_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context_data, Unset):
            context_data = self.context_data.to_dict()

        data = self.data

        overlay: list[str] | Unset = UNSET
        if not isinstance(self.overlay, Unset):
            overlay = self.overlay

        external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if context_data is not UNSET:
            field_dict["contextData"] = context_data
        if data is not UNSET:
            field_dict["data"] = data
        if overlay is not UNSET:
            field_dict["overlay"] = overlay
        if external_id is not UNSET:
            field_dict["externalId"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_update_context_data import AssetUpdateContextData  # noqa: PLC0415
        from ..models.asset_update_metadata import AssetUpdateMetadata  # noqa: PLC0415

        d = dict(src_dict)
        _metadata = d.pop("metadata", UNSET)
        metadata: AssetUpdateMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = AssetUpdateMetadata.from_dict(_metadata)

        _context_data = d.pop("contextData", UNSET)
        context_data: AssetUpdateContextData | Unset
        if isinstance(_context_data, Unset):
            context_data = UNSET
        else:
            context_data = AssetUpdateContextData.from_dict(_context_data)

        data = d.pop("data", UNSET)

        overlay = cast(list[str], d.pop("overlay", UNSET))

        external_id = d.pop("externalId", UNSET)

        asset_update = cls(
            metadata=metadata,
            context_data=context_data,
            data=data,
            overlay=overlay,
            external_id=external_id,
        )

        asset_update.additional_properties = d
        return asset_update

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
