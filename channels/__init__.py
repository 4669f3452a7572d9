"""Rasa input channels hardened against bad input.

Rasa imports this package at start-up for the channels in credentials.yml. Three changes to Rasa's
server are installed here, before the first message: the NLU pipeline runs off the server's event
loop (channels/parse_off_loop.py); action server replies are checked against a schema that is
itself checked once, not on every reply (channels/action_result_check.py); and a stored event's
class is found by its type name once, not by listing every event class for each event
(channels/event_types.py). The language detector's models are loaded now, not in the first
user's turn.
"""

from send_guide import log_safety

log_safety.install()  # first: every log record from here on is escaped and scrubbed (issue 17)

from channels import action_result_check, event_types, http_api_guard, parse_off_loop  # noqa: E402
from send_guide.languages import identify  # noqa: E402

http_api_guard.install()  # JSON bodies Rasa's HTTP API cannot take get a 400, not a traceback
parse_off_loop.install()
action_result_check.install()
event_types.install()
identify.preload()
