"""Rasa natural language generators configured in endpoints.yml (thin adapters over send_guide)."""
