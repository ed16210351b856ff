"""LLM configurations and notifications (operations the official SDK alone documents)."""

from __future__ import annotations

from typing import Any

from ango_hub_api.models import (
    Llm,
    LlmListResponse,
    LlmResponse,
    SendNotificationResponse,
    SendNotificationResponseData,
)

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, present


class _Secret(str):
    """A string whose repr hides it, should a caller's traceback print the arguments."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'<redacted>'"


class AsyncLlms(AsyncResource):
    """``hub.llms``: the organisation's LLM configurations. The provider key is write-only."""

    async def list(
        self,
        llm_id: str | None = None,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> list[Llm]:
        """Every LLM configuration (or only ``llm_id``'s). Keys never come back."""
        answer = await self._hub.call("listLlms", present({"_id": llm_id}))
        return self._need(
            self._need(
                self._parse(LlmListResponse.from_dict, answer, "listLlms").data, "listLlms", "data"
            ).llms,
            "listLlms",
            "data.llms",
        )

    async def create(
        self,
        name: str,
        *,
        provider: str,
        model: str,
        api_key: str,
        base_url: str | None = None,
        streamable: bool = False,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Llm:
        """Register a model of ``provider`` (``openai`` or ``openrouter``). ``api_key`` is sent
        once and never returned, logged or quoted in an error."""
        configuration: dict[str, Any] = {"apiKey": _Secret(api_key)}
        if base_url is not None:
            configuration["baseUrl"] = base_url
        body = {
            "name": name,
            "provider": provider,
            "model": model,
            "isStreamable": streamable,
            "configuration": configuration,
        }
        answer = await self._hub.call("createLlm", body=body)
        return self._need(
            self._need(
                self._parse(LlmResponse.from_dict, answer, "createLlm").data, "createLlm", "data"
            ).llm,
            "createLlm",
            "data.llm",
        )

    async def delete(
        self,
        llm_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Llm:
        """Delete an LLM configuration; answers what was deleted."""
        answer = await self._hub.call("deleteLlm", {"llmId": llm_id})
        return self._need(
            self._need(
                self._parse(LlmResponse.from_dict, answer, "deleteLlm").data, "deleteLlm", "data"
            ).llm,
            "deleteLlm",
            "data.llm",
        )


class AsyncNotifications(AsyncResource):
    """``hub.notifications``: messages to members of the key's organisation."""

    async def send(
        self,
        receivers: list[str],
        message: str,
        *,
        title: str | None = None,
        link: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> SendNotificationResponseData:
        """Notify members (by email); ``link`` is an absolute http(s) URL (2048 characters at
        most). A receiver who is not a member is refused (400)."""
        body = present(
            {
                "receivers": list(receivers),
                "message": message,
                "title": title,
                "clickableLink": link,
            }
        )
        answer = await self._hub.call("sendNotification", body=body)
        return self._need(
            self._parse(SendNotificationResponse.from_dict, answer, "sendNotification").data,
            "sendNotification",
            "data",
        )
