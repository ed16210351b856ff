"""LLM configurations (per organisation; the provider key is never stored), notifications and
the SDK's plugin reports (recorded for tests to read through the admin API)."""

from __future__ import annotations

import re

from starlette.responses import Response

from .api import ApiError, Call, Handler, success
from .handlers_organization import key_organisation
from .ids import iso_now
from .org_people import LlmConfig, People
from .validation import RequestInvalid

MAX_RECORDED = 1000  # notifications and plugin reports kept per organisation
# RFC 3986's shape of an absolute URI; openapi-core does not check `format: uri` itself.
ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")


def check_uri(field: str, value: str | None) -> None:
    if value is not None and not ABSOLUTE_URI.match(value):
        raise RequestInvalid(f"{field}: {value!r} is not an absolute URI")


def _people(call: Call) -> People:
    return key_organisation(call).people


async def list_llms(call: Call) -> Response:
    wanted = call.op.query.get("_id")
    with call.ctx.state.lock:
        llms = [c.to_api() for c in _people(call).llms.values() if wanted in (None, c.id)]
    return success({"llms": llms})


async def create_llm(call: Call) -> Response:
    body = call.op.body
    configuration = body["configuration"]
    check_uri("body.configuration.baseUrl", configuration.get("baseUrl"))
    record = LlmConfig(
        name=body["name"],
        provider=body["provider"],
        model=body["model"],
        is_streamable=bool(body.get("isStreamable", False)),
        base_url=configuration.get("baseUrl"),
    )
    with call.ctx.state.lock:
        _people(call).llms[record.id] = record
    return success({"llm": record.to_api()}, 201)


async def delete_llm(call: Call) -> Response:
    with call.ctx.state.lock:
        record = _people(call).llms.pop(call.op.path["llmId"], None)
    if record is None:
        raise ApiError(404, "llmId: no such LLM configuration in this organisation")
    return success({"llm": record.to_api()})


def _keep(records: list[dict[str, object]], record: dict[str, object]) -> None:
    records.append(record)
    del records[:-MAX_RECORDED]


async def send_notification(call: Call) -> Response:
    body = call.op.body
    # A receiver listed twice is notified once; any text that is no member's address is refused
    # as "not a member" (the SDK's docstring: receivers must be members).
    receivers = list({email.lower(): email for email in body["receivers"]}.values())
    check_uri("body.clickableLink", body.get("clickableLink"))
    with call.ctx.state.lock:
        org = key_organisation(call)
        for index, email in enumerate(receivers):
            if org.member(email) is None:
                raise RequestInvalid(
                    f"receivers[{index}]: {email} is not a member of this organisation"
                )
        _keep(
            org.people.notifications,
            {**body, "sender": org.owner_email, "createdAt": iso_now()},
        )
    return success({"sent": len(receivers)})


async def plugin_log(call: Call) -> Response:
    with call.ctx.state.lock:
        _keep(_people(call).plugin_logs, dict(call.op.body))
    return success({"recorded": True})


async def plugin_response(call: Call) -> Response:
    with call.ctx.state.lock:
        _keep(_people(call).plugin_responses, dict(call.op.body))
    return success({"recorded": True})


HANDLERS: dict[str, Handler] = {
    "listLlms": list_llms,
    "createLlm": create_llm,
    "deleteLlm": delete_llm,
    "sendNotification": send_notification,
    "postPluginLog": plugin_log,
    "postPluginResponse": plugin_response,
}
