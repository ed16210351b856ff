"""Drive the official SDK's upload_brush_array against a live mock (.venv-sdk python, with the
numpy and Pillow it imports): a 2D mask as PNG, an RGB image as PNG, a volume as NRRD; each is
read back through getSignedUrl and decoded here.

Usage: sdk_brush_script.py ROOT_URL API_KEY. Prints one JSON object of results.
"""

import io
import json
import sys

import numpy as np
import requests
from imerit_ango.sdk import SDK
from PIL import Image

root, key = sys.argv[1:3]
sdk = SDK(key, host=root)
project = sdk.create_project("SDK brush")["data"]["project"]["_id"]
out = {"project": project}


def read_back(url: str) -> bytes:
    answer = requests.get(
        f"{root}/v2/getSignedUrl", params={"url": url}, headers={"apikey": key}, timeout=30
    )
    answer.raise_for_status()
    signed = answer.json()["data"]["signedUrl"]
    got = requests.get(signed, timeout=30)
    got.raise_for_status()
    return got.content


mask = np.array([[0, 1, 0], [1, 1, 0]])
url = sdk.upload_brush_array(project, mask)
png = Image.open(io.BytesIO(read_back(url)))
out["mask_url"] = url
out["mask_mode"] = png.mode
out["mask_alpha"] = np.array(png)[..., 3].tolist()
rgb = np.zeros((2, 2, 3), dtype=np.uint8)
rgb[0, 1] = [10, 20, 30]
colour = Image.open(io.BytesIO(read_back(sdk.upload_brush_array(project, rgb))))
out["rgb_pixels"] = np.array(colour).tolist()
volume = np.arange(30, dtype=np.uint8).reshape(2, 3, 5)  # last axis not 3 or 4: a volume
nrrd_url = sdk.upload_brush_array(project, volume, medical=True)
nrrd = read_back(nrrd_url)
out["nrrd_url"] = nrrd_url
out["nrrd_header"] = nrrd.split(b"\n\n", 1)[0].decode()
print(json.dumps(out))
