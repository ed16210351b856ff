from typing import Literal

ExportFormat = Literal["json", "ndjson", "split"]

EXPORT_FORMAT_VALUES: set[ExportFormat] = {
    "json",
    "ndjson",
    "split",
}


def check_export_format(value: str) -> ExportFormat:
    if value in EXPORT_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXPORT_FORMAT_VALUES!r}"
    )
