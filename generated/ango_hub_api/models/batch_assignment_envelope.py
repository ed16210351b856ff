from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_assignment import BatchAssignment


T = TypeVar("T", bound="BatchAssignmentEnvelope")


@_attrs_define
class BatchAssignmentEnvelope:
    """
    Attributes:
        assets (BatchAssignment | Unset):
    """

    assets: BatchAssignment | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assets, Unset):
            assets = self.assets.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if assets is not UNSET:
            field_dict["assets"] = assets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_assignment import BatchAssignment  # noqa: PLC0415

        d = dict(src_dict)
        _assets = d.pop("assets", UNSET)
        assets: BatchAssignment | Unset
        if isinstance(_assets, Unset):
            assets = UNSET
        else:
            assets = BatchAssignment.from_dict(_assets)

        batch_assignment_envelope = cls(
            assets=assets,
        )

        batch_assignment_envelope.additional_properties = d
        return batch_assignment_envelope

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
