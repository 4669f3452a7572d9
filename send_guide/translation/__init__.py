"""Machine translation of answers through a configured service (LibreTranslate, Azure Translator,
Google Cloud Translation). None by default. No Rasa import."""
