"""Drive the official SDK's upload_files_with_asset_builder against a live mock (.venv-sdk
python): a template made with create_asset_builder_template, a CSV of two rows.

Usage: sdk_asset_builder_script.py ROOT_URL API_KEY CSV_PATH. Prints one JSON object of results.
"""

import json
import sys

from imerit_ango.models.asset_builder_template import AssetBuilderTemplate, DataConfigItem
from imerit_ango.sdk import SDK

root, key, csv_path = sys.argv[1:4]
sdk = SDK(key, host=root)
project = sdk.create_project("SDK asset builder")["data"]["project"]["_id"]
template = AssetBuilderTemplate(
    name="Product card",
    template="<div><h1>{{title}}</h1><p>{{description}}</p></div>",
    external_id_column="sku",
    data_config={
        "sku": DataConfigItem(type="text", include_in_export=True),
        "title": DataConfigItem(type="text", include_in_export=True),
        "description": DataConfigItem(type="text"),
    },
)
made = sdk.create_asset_builder_template(project, template)
template_id = made["data"]["template"]["_id"]
sdk.upload_files_with_asset_builder(project, template_id, csv_path, priority=3)
assets = sdk.get_assets(project, page=1, limit=10)["data"]["assets"]
print(json.dumps({"project": project, "template": template_id, "assets": assets}))
