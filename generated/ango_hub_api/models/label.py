from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.label_answer import LabelAnswer


T = TypeVar("T", bound="Label")


@_attrs_define
class Label:
    """A label for one asset's task, named by `externalId` or `assetId`.

    Attributes:
        answer (LabelAnswer): The annotation (`objects`, `classifications`, `relations`); free-form.
        external_id (str | Unset): External ID of the asset whose task gets the label (or give `assetId`).
        asset_id (str | Unset): ID of the asset whose task gets the label (or give `externalId`).
        status (str | Unset): Task status to set, e.g. `Completed`; left unchanged when absent.
    """

    answer: LabelAnswer
    external_id: str | Unset = UNSET
    asset_id: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer = self.answer.to_dict()

        external_id = self.external_id

        asset_id = self.asset_id

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer": answer,
            }
        )
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if asset_id is not UNSET:
            field_dict["assetId"] = asset_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.label_answer import LabelAnswer  # noqa: PLC0415

        d = dict(src_dict)
        answer = LabelAnswer.from_dict(d.pop("answer"))

        external_id = d.pop("externalId", UNSET)

        asset_id = d.pop("assetId", UNSET)

        status = d.pop("status", UNSET)

        label = cls(
            answer=answer,
            external_id=external_id,
            asset_id=asset_id,
            status=status,
        )

        label.additional_properties = d
        return label

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
