"""Rasa input channels hardened against bad input.

Rasa imports this package at start-up for the channels in credentials.yml. Two changes to Rasa's
server are installed here, before the first message: the NLU pipeline runs off the server's event
loop (channels/parse_off_loop.py), and action server replies are checked against a schema that
is itself checked once, not on every reply (channels/action_result_check.py).
"""

from channels import action_result_check, parse_off_loop

parse_off_loop.install()
action_result_check.install()
