from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Attachment")


@_attrs_define
class Attachment:
    """An attachment for one asset, named by `externalId` or `assetId`.

    Attributes:
        attachment_url (str):
        external_id (str | Unset): External ID of the asset to attach to (or give `assetId`).
        asset_id (str | Unset): ID of the asset to attach to (or give `externalId`).
        attachment_type (str | Unset): Kind of attachment. The reference page shows `pdf` and `document` without listing
            the values, so this stays an open string.
    """

    attachment_url: str
    external_id: str | Unset = UNSET
    asset_id: str | Unset = UNSET
    attachment_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attachment_url = self.attachment_url

        external_id = self.external_id

        asset_id = self.asset_id

        attachment_type = self.attachment_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attachmentUrl": attachment_url,
            }
        )
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if asset_id is not UNSET:
            field_dict["assetId"] = asset_id
        if attachment_type is not UNSET:
            field_dict["attachmentType"] = attachment_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attachment_url = d.pop("attachmentUrl")

        external_id = d.pop("externalId", UNSET)

        asset_id = d.pop("assetId", UNSET)

        attachment_type = d.pop("attachmentType", UNSET)

        attachment = cls(
            attachment_url=attachment_url,
            external_id=external_id,
            asset_id=asset_id,
            attachment_type=attachment_type,
        )

        attachment.additional_properties = d
        return attachment

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
