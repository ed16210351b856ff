"""The server's values in what the CLI prints, as they came.

Commands print the library's models (``to_dict()``), and a model re-serializes the timestamps
it parsed: the server's ``2024-05-01T10:00:00.000Z`` comes back as
``2024-05-01T10:00:00+00:00``. Timestamps are the only values a model rewrites (every other
field is kept as read, unknown ones in ``additional_properties``), so the CLI's client records
each timestamp of every API answer as the server wrote it, and the output module puts those
texts back (:meth:`ServerValues.restore`) before printing JSON, TSV or a table.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ango_hub.client import AngoHub

# What datetime.fromisoformat reads, and all a model's isoformat() writes starts with.
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")

_Instant = tuple[datetime, timedelta | None]


def _instant(text: str) -> _Instant | None:
    if not _TIMESTAMP.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment, moment.utcoffset()  # the offset too: +02:00 and Z are not the same text


class ServerValues:
    """The timestamps of the answers read so far, by instant, in the server's spelling."""

    def __init__(self) -> None:
        self._texts: dict[_Instant, str] = {}
        self._seen: set[str] = set()

    def clear(self) -> None:
        """Forget every answer (a new command starts)."""
        self._texts.clear()
        self._seen.clear()

    def record(self, answer: Any) -> None:
        """Remember the timestamps in one parsed JSON answer."""
        if isinstance(answer, str):
            instant = _instant(answer)
            if instant is not None and answer not in self._seen:
                self._seen.add(answer)
                self._texts.setdefault(instant, answer)
        elif isinstance(answer, dict):
            for value in answer.values():
                self.record(value)
        elif isinstance(answer, list):
            for value in answer:
                self.record(value)

    def restore(self, value: Any) -> Any:
        """``value`` with each re-serialized timestamp replaced by the server's text of it (a
        text the server wrote itself is kept as it is)."""
        if not self._texts:
            return value
        if isinstance(value, str):
            if value in self._seen:
                return value
            instant = _instant(value)
            return value if instant is None else self._texts.get(instant, value)
        if isinstance(value, dict):
            return {key: self.restore(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.restore(item) for item in value]
        return value


SERVER_VALUES = ServerValues()


def recording_hub(**options: Any) -> AngoHub:
    """The library's client, recording every API answer's timestamps in :data:`SERVER_VALUES`."""
    return _recording_class()(**options)


@cache
def _recording_class() -> type[AngoHub]:
    from ango_hub._sync.client import AngoHub  # noqa: PLC0415  (loads httpx)

    class RecordingHub(AngoHub):
        # Every API answer goes through here (resources and hub.call alike).
        def _send_prepared(self, *args: Any, **kwargs: Any) -> Any:
            answer = super()._send_prepared(*args, **kwargs)
            SERVER_VALUES.record(answer)
            return answer

    return RecordingHub
