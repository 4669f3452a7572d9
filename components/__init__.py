"""Custom Rasa NLU components: thin adapters over the plain `send_guide` package."""
