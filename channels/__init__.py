"""Rasa input channels hardened against bad input."""
