"""The project ``hub.projects.get`` returns: the generated ``Project`` (every field as the
generated model reads it) with its label set and workflow also as the typed objects of
:mod:`ango_hub.labels`."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, Self

import attrs
from ango_hub_api.models import Project

from ango_hub.labels import LabelSet, Stage

__all__ = ["LabelledProject"]


@attrs.define
class LabelledProject(Project):
    """A :class:`~ango_hub_api.models.Project` with ``.label_set`` (a
    :class:`~ango_hub.labels.LabelSet`, empty when the answer has none) and ``.workflow``
    (its :class:`~ango_hub.labels.Stage` list), read from the answer's ``categorySchema`` and
    ``stages`` as they came (``.category_schema`` and ``.stages`` are the generated reads of
    the same)."""

    label_set: LabelSet = attrs.field(init=False, factory=LabelSet)
    workflow: list[Stage] = attrs.field(init=False, factory=list)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        project = super().from_dict(src_dict)
        project._read_labels(src_dict)
        return project

    @classmethod
    def of(cls, project: Project, src_dict: Mapping[str, Any]) -> LabelledProject:
        """``project`` (already read, tolerantly) with the label set and workflow of
        ``src_dict``, the project's JSON it was read from."""
        made = cls(
            **{str(a.alias): getattr(project, a.name) for a in attrs.fields(Project) if a.init}
        )
        for field in attrs.fields(Project):
            if not field.init:  # additional_properties; the nulls the answer sent (to_dict)
                setattr(made, field.name, copy.copy(getattr(project, field.name)))
        made._read_labels(src_dict)
        return made

    def _read_labels(self, src_dict: Mapping[str, Any]) -> None:
        self.label_set = LabelSet.from_dict(src_dict.get("categorySchema") or {})
        self.workflow = [Stage.from_dict(stage) for stage in src_dict.get("stages") or ()]
