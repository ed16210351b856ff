from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.label_answer_classifications_item import (
        LabelAnswerClassificationsItem,
    )
    from ..models.label_answer_objects_item import LabelAnswerObjectsItem
    from ..models.label_answer_relations_item import LabelAnswerRelationsItem


T = TypeVar("T", bound="LabelAnswer")


@_attrs_define
class LabelAnswer:
    """The annotation (`objects`, `classifications`, `relations`); free-form.

    Attributes:
        objects (list[LabelAnswerObjectsItem] | Unset):
        classifications (list[LabelAnswerClassificationsItem] | Unset):
        relations (list[LabelAnswerRelationsItem] | Unset):
    """

    objects: list[LabelAnswerObjectsItem] | Unset = UNSET
    classifications: list[LabelAnswerClassificationsItem] | Unset = UNSET
    relations: list[LabelAnswerRelationsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        objects: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.objects, Unset):
            objects = []
            for objects_item_data in self.objects:
                objects_item = objects_item_data.to_dict()
                objects.append(objects_item)

        classifications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.classifications, Unset):
            classifications = []
            for classifications_item_data in self.classifications:
                classifications_item = classifications_item_data.to_dict()
                classifications.append(classifications_item)

        relations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.relations, Unset):
            relations = []
            for relations_item_data in self.relations:
                relations_item = relations_item_data.to_dict()
                relations.append(relations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if objects is not UNSET:
            field_dict["objects"] = objects
        if classifications is not UNSET:
            field_dict["classifications"] = classifications
        if relations is not UNSET:
            field_dict["relations"] = relations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.label_answer_classifications_item import (
            LabelAnswerClassificationsItem,  # noqa: PLC0415
        )
        from ..models.label_answer_objects_item import LabelAnswerObjectsItem  # noqa: PLC0415
        from ..models.label_answer_relations_item import LabelAnswerRelationsItem  # noqa: PLC0415

        d = dict(src_dict)
        _objects = d.pop("objects", UNSET)
        objects: list[LabelAnswerObjectsItem] | Unset = UNSET
        if _objects is not UNSET:
            objects = []
            for objects_item_data in _objects:
                objects_item = LabelAnswerObjectsItem.from_dict(objects_item_data)

                objects.append(objects_item)

        _classifications = d.pop("classifications", UNSET)
        classifications: list[LabelAnswerClassificationsItem] | Unset = UNSET
        if _classifications is not UNSET:
            classifications = []
            for classifications_item_data in _classifications:
                classifications_item = LabelAnswerClassificationsItem.from_dict(
                    classifications_item_data
                )

                classifications.append(classifications_item)

        _relations = d.pop("relations", UNSET)
        relations: list[LabelAnswerRelationsItem] | Unset = UNSET
        if _relations is not UNSET:
            relations = []
            for relations_item_data in _relations:
                relations_item = LabelAnswerRelationsItem.from_dict(relations_item_data)

                relations.append(relations_item)

        label_answer = cls(
            objects=objects,
            classifications=classifications,
            relations=relations,
        )

        label_answer.additional_properties = d
        return label_answer

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
