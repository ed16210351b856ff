from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatUploadForm")


@_attrs_define
class ChatUploadForm:
    """Chat upload fields without a file (`application/x-www-form-urlencoded`).

    Attributes:
        conversations (str | Unset): JSON array of conversations, as text.
        project_id (str | Unset): Project ID (sent by the official SDK; must equal the path's).
        storage_id (str | Unset):
        bucket (str | Unset):
        batches (str | Unset): JSON array of batch IDs, as text.
        llm_config (str | Unset): LLM configuration as JSON text, e.g. `{"id": "<llm id>"}`; makes assets dynamic.
        number_of_conversations (int | Unset): How many empty conversations to create when no conversations are given.
        naming_strategy (str | Unset): Naming strategy as JSON text, e.g. `{"type": "random"}`.
        priority (float | Unset): Task priority for queue ordering (higher is sooner).
    """

    conversations: str | Unset = UNSET
    project_id: str | Unset = UNSET
    storage_id: str | Unset = UNSET
    bucket: str | Unset = UNSET
    batches: str | Unset = UNSET
    llm_config: str | Unset = UNSET
    number_of_conversations: int | Unset = UNSET
    naming_strategy: str | Unset = UNSET
    priority: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conversations = self.conversations

        project_id = self.project_id

        storage_id = self.storage_id

        bucket = self.bucket

        batches = self.batches

        llm_config = self.llm_config

        number_of_conversations = self.number_of_conversations

        naming_strategy = self.naming_strategy

        priority = self.priority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if conversations is not UNSET:
            field_dict["conversations"] = conversations
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if storage_id is not UNSET:
            field_dict["storageId"] = storage_id
        if bucket is not UNSET:
            field_dict["bucket"] = bucket
        if batches is not UNSET:
            field_dict["batches"] = batches
        if llm_config is not UNSET:
            field_dict["llmConfig"] = llm_config
        if number_of_conversations is not UNSET:
            field_dict["numberOfConversations"] = number_of_conversations
        if naming_strategy is not UNSET:
            field_dict["namingStrategy"] = naming_strategy
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        conversations = d.pop("conversations", UNSET)

        project_id = d.pop("projectId", UNSET)

        storage_id = d.pop("storageId", UNSET)

        bucket = d.pop("bucket", UNSET)

        batches = d.pop("batches", UNSET)

        llm_config = d.pop("llmConfig", UNSET)

        number_of_conversations = d.pop("numberOfConversations", UNSET)

        naming_strategy = d.pop("namingStrategy", UNSET)

        priority = d.pop("priority", UNSET)

        chat_upload_form = cls(
            conversations=conversations,
            project_id=project_id,
            storage_id=storage_id,
            bucket=bucket,
            batches=batches,
            llm_config=llm_config,
            number_of_conversations=number_of_conversations,
            naming_strategy=naming_strategy,
            priority=priority,
        )

        chat_upload_form.additional_properties = d
        return chat_upload_form

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
