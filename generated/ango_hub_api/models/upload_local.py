from typing import Literal

UploadLocal = Literal["false", "true"]

UPLOAD_LOCAL_VALUES: set[UploadLocal] = {
    "false",
    "true",
}


def check_upload_local(value: str) -> UploadLocal:
    if value in UPLOAD_LOCAL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {UPLOAD_LOCAL_VALUES!r}"
    )
