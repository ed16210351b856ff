"""A steps file of the cross-language check played in-process through ``hub.call``, by the
check's own runner (:func:`tools.other_languages.steps.play_file`), with every answer kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tools.other_languages import steps


@dataclass
class Played:
    """What a file's run left: the names (saved ones included) and each step's answer."""

    names: dict[str, Any] = field(default_factory=dict)
    answers: list[Any] = field(default_factory=list)


@dataclass
class _Recording:
    hub: steps.Caller
    answers: list[Any]

    def call(self, *args: Any, **kwargs: Any) -> Any:  # steps.Caller, passed through
        answer = self.hub.call(*args, **kwargs)
        self.answers.append(answer)
        return answer


def play(hub: steps.Caller, name: str, *, project: str, generator: str = "python") -> Played:
    """Play ``steps/<name>`` with the run token ``r1`` (so a test can name what it creates)."""
    played = Played()
    recording = _Recording(hub, played.answers)
    played.names = steps.play_file(
        recording, steps.named(name), generator=generator, project=project, run="r1"
    )
    return played
