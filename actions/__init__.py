"""Rasa SDK custom actions: thin adapters from the conversation to `send_guide`.

rasa_sdk imports this package at start-up: every log record of the action server is made safe from
then on (send_guide/log_safety.py), and its app refuses bodies it cannot take and never sends a
conversation back in an error (actions/server_guard.py).
"""

from actions import server_guard
from send_guide import log_safety

log_safety.install()
server_guard.install()
