"""Rasa's HTTP API answers a JSON body it cannot take with 400 and the reason, not a traceback.

Why (issue 17 item 8): a body nested 900 deep sent to /conversations/<id>/tracker/events wrote a
124 KB traceback (Rasa's event check printed the body until Python ran out of stack); a JSON list
sent to /conversations/<id>/messages failed with a traceback too. `install()` wraps Rasa's
`configure_app` so that every app it makes checks JSON bodies first (send_guide/json_body.py).
The channels' own webhooks are left to the channels, which check their bodies themselves.
Installed from channels/__init__.py: Rasa imports the channels before it makes its app.
"""

from __future__ import annotations

import logging
from typing import Any

import rasa
import rasa.core.run
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from send_guide.json_body import read_body

logger = logging.getLogger(__name__)
_INSTALLED = "_send_guide_checks_json_bodies"
_CHANNEL_ROUTES = ("/webhooks/", "/socket.io")
_EVENTS = "/tracker/events"  # takes one event or a list of them


async def check_json_body(request: Request) -> HTTPResponse | None:
    """Request middleware: a 400 in Rasa's error format for a JSON body that cannot be taken."""
    if request.method not in ("POST", "PUT", "PATCH") or request.path.startswith(_CHANNEL_ROUTES):
        return None
    value, problem = read_body(request.body, request.headers.get("content-type", ""),
                               lists_allowed=request.path.endswith(_EVENTS))
    if problem:
        logger.info("Refused a request to %s: %s", request.path, problem)
        return response.json({"version": rasa.__version__, "status": "failure", "message": problem,
                              "reason": "BadRequest", "details": {}, "help": None, "code": 400}, status=400)
    if value is not None:
        request.parsed_json = value  # read once: the route gets this value from request.json
    return None


def install() -> None:
    """Make every Rasa app check JSON bodies; once per process."""
    original = rasa.core.run.configure_app
    if getattr(original, _INSTALLED, False):
        return

    def configure_app(*args: Any, **kwargs: Any) -> Sanic:
        app = original(*args, **kwargs)
        app.register_middleware(check_json_body, "request")
        return app

    setattr(configure_app, _INSTALLED, True)
    rasa.core.run.configure_app = configure_app


def installed() -> bool:
    return bool(getattr(rasa.core.run.configure_app, _INSTALLED, False))
