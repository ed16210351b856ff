from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportSummary")


@_attrs_define
class ImportSummary:
    """
    Attributes:
        assets_created (int | Unset):
        tasks_created (int | Unset):
        pre_labels_count (int | Unset):
        valid_pre_labels_count (int | Unset):
    """

    assets_created: int | Unset = UNSET
    tasks_created: int | Unset = UNSET
    pre_labels_count: int | Unset = UNSET
    valid_pre_labels_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assets_created = self.assets_created

        tasks_created = self.tasks_created

        pre_labels_count = self.pre_labels_count

        valid_pre_labels_count = self.valid_pre_labels_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if assets_created is not UNSET:
            field_dict["assetsCreated"] = assets_created
        if tasks_created is not UNSET:
            field_dict["tasksCreated"] = tasks_created
        if pre_labels_count is not UNSET:
            field_dict["preLabelsCount"] = pre_labels_count
        if valid_pre_labels_count is not UNSET:
            field_dict["validPreLabelsCount"] = valid_pre_labels_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assets_created = d.pop("assetsCreated", UNSET)

        tasks_created = d.pop("tasksCreated", UNSET)

        pre_labels_count = d.pop("preLabelsCount", UNSET)

        valid_pre_labels_count = d.pop("validPreLabelsCount", UNSET)

        import_summary = cls(
            assets_created=assets_created,
            tasks_created=tasks_created,
            pre_labels_count=pre_labels_count,
            valid_pre_labels_count=valid_pre_labels_count,
        )

        import_summary.additional_properties = d
        return import_summary

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
