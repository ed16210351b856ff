from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_summary import ImportSummary


T = TypeVar("T", bound="ImportSummaryEnvelope")


@_attrs_define
class ImportSummaryEnvelope:
    """
    Attributes:
        assets (ImportSummary | Unset):
    """

    assets: ImportSummary | Unset = UNSET
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
        from ..models.import_summary import ImportSummary  # noqa: PLC0415

        d = dict(src_dict)
        _assets = d.pop("assets", UNSET)
        assets: ImportSummary | Unset
        if isinstance(_assets, Unset):
            assets = UNSET
        else:
            assets = ImportSummary.from_dict(_assets)

        import_summary_envelope = cls(
            assets=assets,
        )

        import_summary_envelope.additional_properties = d
        return import_summary_envelope

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
