"""Rasa SDK custom actions: thin adapters from the conversation to `send_guide`.

rasa_sdk imports this package at start-up: every log record of the action server is made safe from
then on (send_guide/log_safety.py).
"""

from send_guide import log_safety

log_safety.install()
