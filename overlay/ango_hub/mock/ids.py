"""IDs and timestamps in Ango's formats."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime

HEX24 = re.compile(r"^[0-9a-f]{24}$")


def new_id() -> str:
    """A fresh 24-hex-digit ID, like a MongoDB ObjectId."""
    return secrets.token_hex(12)


def iso_now() -> str:
    """Now as ISO 8601 with milliseconds and ``Z``: ``2025-12-06T20:46:59.269Z``."""
    return iso(datetime.now(UTC))


def iso(moment: datetime) -> str:
    """Format an aware datetime the way Ango does."""
    # The year padded by hand: strftime's %Y gives "176" for year 176 on glibc, not a date-time.
    utc = moment.astimezone(UTC)
    return f"{utc.year:04d}" + utc.strftime("-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_iso(text: str) -> datetime:
    """Parse an ISO 8601 timestamp (``Z`` or offset; naive means UTC)."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
