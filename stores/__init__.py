"""Rasa stores configured for this assistant (endpoints.yml)."""
