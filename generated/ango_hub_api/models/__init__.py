"""Contains all the data models used in inputs/outputs"""

from .asset import Asset
from .asset_context_data_type_0 import AssetContextDataType0
from .asset_envelope import AssetEnvelope
from .asset_filters import AssetFilters
from .asset_list_response import AssetListResponse
from .asset_metadata_type_0 import AssetMetadataType0
from .asset_page import AssetPage
from .asset_response import AssetResponse
from .asset_update import AssetUpdate
from .asset_update_context_data import AssetUpdateContextData
from .asset_update_metadata import AssetUpdateMetadata
from .assets_imported_response import AssetsImportedResponse
from .assign_batches_fields import AssignBatchesFields
from .assign_batches_request import AssignBatchesRequest
from .assign_batches_response import AssignBatchesResponse
from .attachment import Attachment
from .attachment_fields import AttachmentFields
from .attachments_imported import AttachmentsImported
from .attachments_imported_envelope import AttachmentsImportedEnvelope
from .batch_assignment import BatchAssignment
from .batch_assignment_envelope import BatchAssignmentEnvelope
from .boolean_string import BooleanString
from .chat_upload_form import ChatUploadForm
from .chat_upload_multipart import ChatUploadMultipart
from .cloud_asset import CloudAsset
from .cloud_asset_context_data_type_0 import CloudAssetContextDataType0
from .cloud_asset_metadata_type_0 import CloudAssetMetadataType0
from .cloud_import_request import CloudImportRequest
from .delete_assets_request import DeleteAssetsRequest
from .delete_assets_response import DeleteAssetsResponse
from .delete_assets_result import DeleteAssetsResult
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .export_format import ExportFormat
from .export_location import ExportLocation
from .export_response import ExportResponse
from .export_type import ExportType
from .import_attachments_request import ImportAttachmentsRequest
from .import_attachments_response import ImportAttachmentsResponse
from .import_labels_fields import ImportLabelsFields
from .import_labels_request import ImportLabelsRequest
from .import_labels_response import ImportLabelsResponse
from .import_summary import ImportSummary
from .import_summary_envelope import ImportSummaryEnvelope
from .label import Label
from .label_answer import LabelAnswer
from .label_answer_classifications_item import LabelAnswerClassificationsItem
from .label_answer_objects_item import LabelAnswerObjectsItem
from .label_answer_relations_item import LabelAnswerRelationsItem
from .label_fields import LabelFields
from .labels_imported_envelope import LabelsImportedEnvelope
from .signed_url import SignedUrl
from .signed_url_response import SignedUrlResponse
from .storage_file_type import StorageFileType
from .upload_local import UploadLocal
from .upload_url import UploadUrl
from .upload_url_response import UploadUrlResponse

__all__ = (
    "Asset",
    "AssetContextDataType0",
    "AssetEnvelope",
    "AssetFilters",
    "AssetListResponse",
    "AssetMetadataType0",
    "AssetPage",
    "AssetResponse",
    "AssetsImportedResponse",
    "AssetUpdate",
    "AssetUpdateContextData",
    "AssetUpdateMetadata",
    "AssignBatchesFields",
    "AssignBatchesRequest",
    "AssignBatchesResponse",
    "Attachment",
    "AttachmentFields",
    "AttachmentsImported",
    "AttachmentsImportedEnvelope",
    "BatchAssignment",
    "BatchAssignmentEnvelope",
    "BooleanString",
    "ChatUploadForm",
    "ChatUploadMultipart",
    "CloudAsset",
    "CloudAssetContextDataType0",
    "CloudAssetMetadataType0",
    "CloudImportRequest",
    "DeleteAssetsRequest",
    "DeleteAssetsResponse",
    "DeleteAssetsResult",
    "ErrorDetail",
    "ErrorResponse",
    "ExportFormat",
    "ExportLocation",
    "ExportResponse",
    "ExportType",
    "ImportAttachmentsRequest",
    "ImportAttachmentsResponse",
    "ImportLabelsFields",
    "ImportLabelsRequest",
    "ImportLabelsResponse",
    "ImportSummary",
    "ImportSummaryEnvelope",
    "Label",
    "LabelAnswer",
    "LabelAnswerClassificationsItem",
    "LabelAnswerObjectsItem",
    "LabelAnswerRelationsItem",
    "LabelFields",
    "LabelsImportedEnvelope",
    "SignedUrl",
    "SignedUrlResponse",
    "StorageFileType",
    "UploadLocal",
    "UploadUrl",
    "UploadUrlResponse",
)
