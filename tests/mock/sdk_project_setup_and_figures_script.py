"""Drive the official SDK's project setup and figures calls against a live mock (run with .venv-
sdk's Python). Usage: sdk_project_setup_and_figures_script.py ROOT_URL API_KEY PROJECT_ID WORKDIR.

Prints one JSON object: each call's answer, and every exchange the SDK had (method, path, query,
request and response bodies) so the test can check them against openapi.yaml."""

import base64
import json
import os
import sys
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from imerit_ango.models.asset_builder_template import AssetBuilderTemplate, DataConfigItem
from imerit_ango.models.enums import Metrics, ProjectRoles
from imerit_ango.sdk import SDK

root, key, project, workdir = sys.argv[1:5]
sdk = SDK(key, host=root)
exchanges = []


def record(response, *args, **kwargs):
    request = response.request
    body = request.body
    if isinstance(body, str):
        body = body.encode()
    url = urlsplit(request.url)
    exchanges.append(
        {
            "method": request.method,
            "path": url.path,
            "query": url.query,
            "request_type": request.headers.get("Content-Type", ""),
            "request_body": base64.b64encode(body or b"").decode(),
            "status": response.status_code,
            "response_type": response.headers.get("content-type", ""),
            "response_body": base64.b64encode(response.content).decode(),
        }
    )


sdk.session.hooks["response"].append(record)
out = {}

# Assets to count, in a batch (the SDK's compat calls create it).
sdk.create_batch(project, "batch-x")
sdk.upload_files_cloud(
    project,
    [{"data": f"https://example.com/{n}.jpg", "externalId": f"e-{n}"} for n in range(3)],
    batches=["batch-x"],
)
sdk.import_labels(
    project,
    [
        {
            "externalId": "e-0",
            "answer": {"classifications": [{"schemaId": "c", "answer": "yes"}]},
            "status": "Completed",
        }
    ],
)

out["add_members_to_project"] = sdk.add_members_to_project(
    project, ["labeler@example.com", "reviewer@example.com"], ProjectRoles.Labeler
)
out["add_members_again"] = sdk.add_members_to_project(
    project, ["reviewer@example.com"], ProjectRoles.Reviewer
)
guide = os.path.join(workdir, "guide.pdf")
with open(guide, "wb") as fh:
    fh.write(b"%PDF-1.4 instructions " * 500)
out["upload_instructions"] = sdk.upload_instructions(project, guide)
out["upload_instructions_bucket"] = sdk.upload_instructions(
    project, guide, storage_id="st-1", bucket="guides"
)
out["update_label_validation"] = sdk.update_label_validation(
    project, custom_validation_enabled=True, validation_function="return true;"
)
out["update_label_validation_empty"] = sdk.update_label_validation(project)
out["rerun_webhook"] = sdk.rerun_webhook(project, "Start")
template = AssetBuilderTemplate(
    name="Products",
    template="<img src='{{image}}'/>",
    external_id_column="sku",
    batch_column="batch",
    description="one asset per row",
    data_config={
        "sku": DataConfigItem(type="text", include_in_export=True),
        "batch": DataConfigItem(type="text"),
        "image": DataConfigItem(type="image", storage="Public"),
    },
)
out["create_asset_builder_template"] = sdk.create_asset_builder_template(project, template)
out["get_asset_builder_templates"] = sdk.get_asset_builder_templates(project)
out["project_instructions"] = sdk.get_project(project)["data"]["project"]["instructions"]
out["get_metrics"] = {m.value: sdk.get_metrics(project, m) for m in Metrics}
now = datetime.now(UTC)
out["get_project_performance"] = sdk.get_project_performance(project)
out["get_project_performance_window"] = sdk.get_project_performance(
    project, interval=[now - timedelta(days=1), now + timedelta(days=1)], batches=["batch-x"]
)
out["get_project_performance_past"] = sdk.get_project_performance(
    project, interval=[now - timedelta(days=30), now - timedelta(days=20)]
)
out["exchanges"] = exchanges
print(json.dumps(out))
