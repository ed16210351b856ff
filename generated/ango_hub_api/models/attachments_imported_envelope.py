from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attachments_imported import AttachmentsImported


T = TypeVar("T", bound="AttachmentsImportedEnvelope")


@_attrs_define
class AttachmentsImportedEnvelope:
    """
    Attributes:
        project (AttachmentsImported | Unset):
    """

    project: AttachmentsImported | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project: dict[str, Any] | Unset = UNSET
        if not isinstance(self.project, Unset):
            project = self.project.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if project is not UNSET:
            field_dict["project"] = project

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachments_imported import AttachmentsImported  # noqa: PLC0415

        d = dict(src_dict)
        _project = d.pop("project", UNSET)
        project: AttachmentsImported | Unset
        if isinstance(_project, Unset):
            project = UNSET
        else:
            project = AttachmentsImported.from_dict(_project)

        attachments_imported_envelope = cls(
            project=project,
        )

        attachments_imported_envelope.additional_properties = d
        return attachments_imported_envelope

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
