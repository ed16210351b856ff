from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.label import Label


T = TypeVar("T", bound="ImportLabelsFields")


@_attrs_define
class ImportLabelsFields:
    """
    Attributes:
        project (str):
        labels (list[Label] | Unset): The labels (the reference page's example).
        json_content (list[Label] | Unset): The labels (the official SDK; the vendor's deprecated API page). Same as
            `labels`.
            The deprecated page types it `string`; the SDK sends a JSON array, which is served.
    """

    project: str
    labels: list[Label] | Unset = UNSET
    json_content: list[Label] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project = self.project

        labels: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = []
            for labels_item_data in self.labels:
                labels_item = labels_item_data.to_dict()
                labels.append(labels_item)

        json_content: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.json_content, Unset):
            json_content = []
            for json_content_item_data in self.json_content:
                json_content_item = json_content_item_data.to_dict()
                json_content.append(json_content_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project": project,
            }
        )
        if labels is not UNSET:
            field_dict["labels"] = labels
        if json_content is not UNSET:
            field_dict["jsonContent"] = json_content

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.label import Label  # noqa: PLC0415

        d = dict(src_dict)
        project = d.pop("project")

        _labels = d.pop("labels", UNSET)
        labels: list[Label] | Unset = UNSET
        if _labels is not UNSET:
            labels = []
            for labels_item_data in _labels:
                labels_item = Label.from_dict(labels_item_data)

                labels.append(labels_item)

        _json_content = d.pop("jsonContent", UNSET)
        json_content: list[Label] | Unset = UNSET
        if _json_content is not UNSET:
            json_content = []
            for json_content_item_data in _json_content:
                json_content_item = Label.from_dict(json_content_item_data)

                json_content.append(json_content_item)

        import_labels_fields = cls(
            project=project,
            labels=labels,
            json_content=json_content,
        )

        import_labels_fields.additional_properties = d
        return import_labels_fields

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
