from typing import Literal

ExportType = Literal["issue", "task"]

EXPORT_TYPE_VALUES: set[ExportType] = {
    "issue",
    "task",
}


def check_export_type(value: str) -> ExportType:
    if value in EXPORT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXPORT_TYPE_VALUES!r}"
    )
