"""The local services directory: a SQL database (SQLite by default, PostgreSQL via DATABASE_URL)
that staff maintain as CSV, and the search the assistant uses. No Rasa import."""
