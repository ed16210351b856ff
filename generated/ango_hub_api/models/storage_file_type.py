from typing import Literal

StorageFileType = Literal[
    "assets",
    "brushes",
    "exports",
    "instructions",
    "medicalBrushes",
    "segmentationModels",
]

STORAGE_FILE_TYPE_VALUES: set[StorageFileType] = {
    "assets",
    "brushes",
    "exports",
    "instructions",
    "medicalBrushes",
    "segmentationModels",
}


def check_storage_file_type(value: str) -> StorageFileType:
    if value in STORAGE_FILE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {STORAGE_FILE_TYPE_VALUES!r}"
    )
