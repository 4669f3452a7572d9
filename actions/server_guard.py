"""The action server refuses a body it cannot take, and never sends a conversation back in an error.

Why (issue 17 items 3 and 8): when anything outside an action failed, rasa_sdk's error handler
logged a traceback and answered 500 with the whole request in the reply ("request_body": the
conversation, the family's name and e-mail included); Rasa then logged that reply. A JSON list or
a body nested 900 deep failed that way too. `install()`, on the action server's app:
- checks each action call's JSON first (send_guide/json_body.py): 400 and the reason if it cannot
  be taken;
- replaces rasa_sdk's error handler: the error's type and place are logged (as in SafeAction, which
  answers for failures inside actions), and the reply carries no part of the request.
Installed from actions/__init__.py: rasa_sdk imports this package after making its app and before
adding its own routes and handler, so the handler is replaced when the server starts.
"""

from __future__ import annotations

import asyncio
import logging

from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.database import check_schema_on_start
from send_guide.json_body import read_body
from send_guide.log_safety import where

logger = logging.getLogger(__name__)
APP_NAME = "rasa_sdk"  # the name rasa_sdk.endpoint.create_app gives its app
_INSTALLED = "_send_guide_guarded"
READ_IN_THREAD_BYTES = 64_000


async def check_action_call(request: Request) -> HTTPResponse | None:
    """Request middleware: an action call must be a JSON object whose "tracker" is an object."""
    if request.method != "POST" or request.headers.get("content-encoding"):
        return None  # compressed calls are read by rasa_sdk; a failure there meets the handler below
    content_type = request.headers.get("content-type", "")
    if len(request.body) > READ_IN_THREAD_BYTES:
        # A long conversation's call (480 KB after 60 long messages) takes tens of milliseconds to
        # read, which another user's action call would otherwise wait for (benchmarks/fairness.py).
        value, problem = await asyncio.to_thread(read_body, request.body, content_type, objects_in=("tracker",))
    else:
        value, problem = read_body(request.body, content_type, objects_in=("tracker",))
    if problem:
        logger.info("Refused a request to %s: %s", request.path, problem)
        return response.json({"error": problem}, status=400)
    if value is not None:
        request.parsed_json = value  # read once: the webhook gets this value from request.json
    return None


async def answer_error(request: Request, exception: Exception) -> HTTPResponse:
    """An error outside the actions: its type and place in the log, nothing of the request anywhere."""
    if isinstance(exception, SanicException) and exception.status_code < 500:
        return response.json({"error": str(exception)}, status=exception.status_code)
    logger.error("Action server request to %s failed: %s", request.path, where(exception))
    return response.json({"error": "The action server could not run the action."}, status=500)


def action_server_app() -> Sanic | None:
    """rasa_sdk's app, if this process runs the action server (None when a test or a tool imports actions)."""
    try:
        return Sanic.get_app(APP_NAME)
    except SanicException:
        return None


def install() -> None:
    """Guard the action server's app, if this process runs one; once."""
    app = action_server_app()
    if app is None or getattr(app.ctx, _INSTALLED, False):
        return
    app.register_middleware(check_action_call, "request")

    async def replace_error_handler(app_: Sanic, _loop: object) -> None:
        app_.error_handler.add(Exception, answer_error)

    app.register_listener(replace_error_handler, "before_server_start")
    check_schema_on_start(app)
    setattr(app.ctx, _INSTALLED, True)
