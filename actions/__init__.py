"""Rasa SDK custom actions: thin adapters from the conversation to `send_guide`."""
