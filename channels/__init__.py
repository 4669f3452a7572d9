"""Rasa input channels hardened against bad input.

Rasa imports this package at start-up for the channels in credentials.yml; the NLU pipeline is
moved off the server's event loop here, before the first message (channels/parse_off_loop.py).
"""

from channels.parse_off_loop import install

install()
