"""Triage for SENDIAS staff: how urgent a family's call back is, and the cases waiting for one.
No Rasa import."""
