from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.signed_url import SignedUrl


T = TypeVar("T", bound="SignedUrlResponse")


@_attrs_define
class SignedUrlResponse:
    """
    Attributes:
        status (str): `success` on every 2xx answer. Declared as an open string, not an enum, so that a new
            value from the server cannot break a client.
        data (SignedUrl):
    """

    status: str
    data: SignedUrl
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.signed_url import SignedUrl  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        data = SignedUrl.from_dict(d.pop("data"))

        signed_url_response = cls(
            status=status,
            data=data,
        )

        signed_url_response.additional_properties = d
        return signed_url_response

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
