# ruff: noqa: E501  (verbatim transcriptions keep the pages' long lines)
"""Every request and response example of the two API reference pages, transcribed verbatim.

The pages are kept beside this file (``reference/``, as rendered from the vendor's site);
``test_docs_examples_verbatim`` proves each text below appears there character for character.
``request`` is the curl command or raw HTTP request exactly as shown (placeholders such as
``{projectId}`` and ``YOUR_API_KEY`` included); ``response_body`` is the JSON text shown for the
success answer, and ``response_status`` its status (``None`` where the page shows none).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocsExample:
    """One operation's example pair from a reference page."""

    operation_id: str
    page: str
    request: str
    response_status: int | None
    response_body: str


EXAMPLES: tuple[DocsExample, ...] = (
    DocsExample(
        operation_id="getUploadUrl",
        page="assets.txt",
        request=r'''curl -X GET "https://imeritapi.ango.ai/v2/getUploadUrl?name=image.jpg&project=507f1f77bcf86cd799439011&type=assets" \
  -H "apikey: YOUR_API_KEY" \
  -H "Content-Type: application/json"''',
        response_status=201,
        response_body=r"""{
  "status": "success",
  "data": {
    "uploadUrl": "https://bucket.s3.amazonaws.com/project/assets/file.jpg?X-Amz-Signature=..."
  }
}""",
    ),
    DocsExample(
        operation_id="getSignedUrl",
        page="assets.txt",
        request=r'''curl -X GET "https://imeritapi.ango.ai/v2/getSignedUrl?url=https://bucket.s3.amazonaws.com/project/assets/image.jpg" \
  -H "apikey: YOUR_API_KEY" \
  -H "Content-Type: application/json"''',
        response_status=201,
        response_body=r"""{
  "status": "success",
  "data": {
    "signedUrl": "text"
  }
}""",
    ),
    DocsExample(
        operation_id="importCloudAssets",
        page="assets.txt",
        request=r"""curl -X POST "https://imeritapi.ango.ai/v2/project/507f1f77bcf86cd799439011/cloud" \
  -H "apikey: YOUR_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{
    "assets": [
      {
        "data": "https://my-bucket.s3.amazonaws.com/images/img001.jpg",
        "externalId": "IMG-001"
      },
      {
        "data": "https://my-bucket.s3.amazonaws.com/images/img002.jpg",
        "externalId": "IMG-002"
      }
    ]
  }'""",
        # The page shows the body but not the status code.
        response_status=None,
        response_body=r"""{
  "status": "success",
  "data": {
    "assets": {
      "assetsCreated": 1,
      "tasksCreated": 1,
      "preLabelsCount": 1,
      "validPreLabelsCount": 1
    }
  }
}""",
    ),
    DocsExample(
        operation_id="uploadChatAssets",
        page="assets.txt",
        request=r"""POST /v2/project/{projectId}/chat HTTP/1.1
Host: imeritapi.ango.ai
apikey: YOUR_API_KEY
Content-Type: multipart/form-data
Accept: */*
Content-Length: 174

{
  "file": "binary",
  "conversations": "text",
  "storageId": "text",
  "bucket": "text",
  "batches": "text",
  "llmConfig": "text",
  "numberOfConversations": 1,
  "namingStrategy": "text",
  "priority": 1
}""",
        response_status=201,
        response_body=r"""{
  "status": "success",
  "data": {
    "assets": {
      "assetsCreated": 1,
      "tasksCreated": 1,
      "preLabelsCount": 1,
      "validPreLabelsCount": 1
    }
  }
}""",
    ),
    DocsExample(
        operation_id="listAssets",
        page="assets.txt",
        request=r'''curl -X GET "https://imeritapi.ango.ai/v2/project/507f1f77bcf86cd799439011/assets?page=1&limit=10&externalId=image-001" \
  -H "apikey: YOUR_API_KEY" \
  -H "Content-Type: application/json"''',
        response_status=200,
        response_body=r"""{
  "status": "success",
  "data": {
    "assets": [
      {
        "_id": "text",
        "data": "text",
        "dataset": [
          "text"
        ],
        "overlay": [
          "text"
        ],
        "project": "text",
        "organization": "text",
        "externalId": "text",
        "batches": [
          "text"
        ],
        "metadata": {},
        "contextData": {},
        "labelTasks": [
          "text"
        ],
        "deleted": true,
        "createdAt": "2025-12-06T20:46:59.269Z",
        "createdBy": "text"
      }
    ],
    "total": 1
  }
}""",
    ),
    DocsExample(
        operation_id="deleteAssets",
        page="assets.txt",
        request=r"""DELETE /v2/project/{projectId}/assets HTTP/1.1
Host: imeritapi.ango.ai
apikey: YOUR_API_KEY
Content-Type: application/json
Accept: */*
Content-Length: 19

{
  "assets": [
    "text"
  ]
}""",
        response_status=200,
        response_body=r"""{
  "status": "success",
  "data": {
    "deleted": 1,
    "failed": 1
  }
}""",
    ),
    DocsExample(
        operation_id="updateAsset",
        page="assets.txt",
        request=r"""POST /v2/assets/{assetId} HTTP/1.1
Host: imeritapi.ango.ai
apikey: YOUR_API_KEY
Content-Type: application/json
Accept: */*
Content-Length: 85

{
  "metadata": {},
  "contextData": {},
  "data": "text",
  "overlay": [
    "text"
  ],
  "externalId": "text"
}""",
        response_status=200,
        response_body=r"""{
  "status": "success",
  "data": {
    "asset": {
      "_id": "text",
      "data": "text",
      "dataset": [
        "text"
      ],
      "overlay": [
        "text"
      ],
      "project": "text",
      "organization": "text",
      "externalId": "text",
      "batches": [
        "text"
      ],
      "metadata": {},
      "contextData": {},
      "labelTasks": [
        "text"
      ],
      "deleted": true,
      "createdAt": "2025-12-06T20:46:59.269Z",
      "createdBy": "text"
    }
  }
}""",
    ),
    DocsExample(
        operation_id="assignBatches",
        page="assets.txt",
        request=r"""curl -X POST "https://imeritapi.ango.ai/v2/assignBatches" \
  -H "apikey: YOUR_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{
    "project": "507f1f77bcf86cd799439011",
    "assets": ["asset123", "asset456"],
    "batches": ["Batch1", "Batch2"]
  }'""",
        response_status=200,
        response_body=r"""{
  "status": "success",
  "data": {
    "assets": {
      "modifiedCount": 1,
      "batches": [
        "text"
      ]
    }
  }
}""",
    ),
    DocsExample(
        operation_id="importAttachments",
        page="import-export.txt",
        request=r"""curl -X POST "https://imeritapi.ango.ai/v2/attachments" \
  -H "apikey: YOUR_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{
    "project": "507f1f77bcf86cd799439011",
    "attachments": [
      {
        "externalId": "image-001",
        "attachmentUrl": "https://example.com/attachment1.pdf",
        "attachmentType": "pdf"
      },
      {
        "assetId": "asset123",
        "attachmentUrl": "https://example.com/attachment2.doc",
        "attachmentType": "document"
      }
    ]
  }'""",
        response_status=200,
        response_body=r"""{
  "status": "success",
  "data": {
    "project": {
      "attachmentsImported": 1,
      "assetsUpdated": 1
    }
  }
}""",
    ),
    DocsExample(
        operation_id="importLabels",
        page="import-export.txt",
        request=r"""curl -X POST "https://imeritapi.ango.ai/v2/import/labels" \
  -H "apikey: YOUR_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{
    "project": "507f1f77bcf86cd799439011",
    "labels": [
      {
        "externalId": "image-001",
        "answer": {
          "objects": [
            {
              "schemaId": "box-tool-id",
              "bounding-box": {
                "x": 100,
                "y": 100,
                "width": 200,
                "height": 150
              },
              "title": "Car"
            }
          ]
        },
        "status": "Completed"
      },
      {
        "assetId": "asset456",
        "answer": {
          "objects": []
        }
      }
    ]
  }'""",
        response_status=200,
        response_body=r"""{
  "status": "success",
  "data": {
    "project": "50 / 50 tasks are labeled."
  }
}""",
    ),
    DocsExample(
        operation_id="exportTasks",
        page="import-export.txt",
        request=r'''curl -X GET "https://imeritapi.ango.ai/v2/export?project=507f1f77bcf86cd799439011&format=json&status=Completed&includeAssets=true&includeHistory=false" \
  -H "apikey: YOUR_API_KEY" \
  -H "Content-Type: application/json"''',
        response_status=200,
        response_body=r"""{
  "status": "success",
  "data": {
    "exportPath": "https://bucket.s3.amazonaws.com/exports/export-2025-01-17.json"
  }
}""",
    ),
    DocsExample(
        operation_id="exportTasksV3",
        page="import-export.txt",
        request=r"""GET /v2/exportV3?project=text HTTP/1.1
Host: imeritapi.ango.ai
apikey: YOUR_API_KEY
Accept: */*""",
        response_status=200,
        response_body=r"""{
  "status": "success",
  "data": {
    "exportPath": "https://bucket.s3.amazonaws.com/exports/export-2025-01-17.json"
  }
}""",
    ),
)

BY_OPERATION = {example.operation_id: example for example in EXAMPLES}
