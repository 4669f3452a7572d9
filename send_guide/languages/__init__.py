"""Which language a message is in, for Luton's common languages. No Rasa import."""
