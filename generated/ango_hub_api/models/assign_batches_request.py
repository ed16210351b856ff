from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssignBatchesRequest")


@_attrs_define
class AssignBatchesRequest:
    """Asset IDs in `assets` or `assetIds`; the project in `project` or `projectId`.

    Attributes:
        batches (list[str]): Batch names or IDs.
        assets (list[str] | Unset): Asset IDs (the reference page's example and the official SDK).
        asset_ids (list[str] | Unset): Asset IDs (the reference page's field list). Same as `assets`.
        project (str | Unset): Project ID (the reference page's example).
        project_id (str | Unset): Project ID (the official SDK). Same as `project`.
        mode (str | Unset): How to combine with the assets' current batches; absent means `add`. The docs lost
            the enum's values and only `add` is known, so this is an open string rather than an
            enum that could reject a value the server accepts.
    """

    batches: list[str]
    assets: list[str] | Unset = UNSET
    asset_ids: list[str] | Unset = UNSET
    project: str | Unset = UNSET
    project_id: str | Unset = UNSET
    mode: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batches = self.batches

        assets: list[str] | Unset = UNSET
        if not isinstance(self.assets, Unset):
            assets = self.assets

        asset_ids: list[str] | Unset = UNSET
        if not isinstance(self.asset_ids, Unset):
            asset_ids = self.asset_ids

        project = self.project

        project_id = self.project_id

        mode = self.mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batches": batches,
            }
        )
        if assets is not UNSET:
            field_dict["assets"] = assets
        if asset_ids is not UNSET:
            field_dict["assetIds"] = asset_ids
        if project is not UNSET:
            field_dict["project"] = project
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        batches = cast(list[str], d.pop("batches"))

        assets = cast(list[str], d.pop("assets", UNSET))

        asset_ids = cast(list[str], d.pop("assetIds", UNSET))

        project = d.pop("project", UNSET)

        project_id = d.pop("projectId", UNSET)

        mode = d.pop("mode", UNSET)

        assign_batches_request = cls(
            batches=batches,
            assets=assets,
            asset_ids=asset_ids,
            project=project,
            project_id=project_id,
            mode=mode,
        )

        assign_batches_request.additional_properties = d
        return assign_batches_request

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
