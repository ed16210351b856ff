from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetFilters")


@_attrs_define
class AssetFilters:
    """The JSON object carried, as text, by `listAssets`' `filters` parameter.

    Attributes:
        field_id (str | Unset):
        external_id (str | Unset):
        is_pre_labeled (bool | Unset):
        batches (list[str] | Unset): Batch IDs; an asset must be in all of them.
    """

    field_id: str | Unset = UNSET
    external_id: str | Unset = UNSET
    is_pre_labeled: bool | Unset = UNSET
    batches: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_id = self.field_id

        external_id = self.external_id

        is_pre_labeled = self.is_pre_labeled

        batches: list[str] | Unset = UNSET
        if not isinstance(self.batches, Unset):
            batches = self.batches

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field_id is not UNSET:
            field_dict["_id"] = field_id
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if is_pre_labeled is not UNSET:
            field_dict["isPreLabeled"] = is_pre_labeled
        if batches is not UNSET:
            field_dict["batches"] = batches

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_id = d.pop("_id", UNSET)

        external_id = d.pop("externalId", UNSET)

        is_pre_labeled = d.pop("isPreLabeled", UNSET)

        batches = cast(list[str], d.pop("batches", UNSET))

        asset_filters = cls(
            field_id=field_id,
            external_id=external_id,
            is_pre_labeled=is_pre_labeled,
            batches=batches,
        )

        asset_filters.additional_properties = d
        return asset_filters

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
