"""The application's one SQL database: services directory, call-back cases, staff, letters.

engine.py connects (SQLite by default, PostgreSQL in production: send_guide/settings.py), base.py
holds the declarative base every table shares, schema.py runs the Alembic migrations (migrations/)
and checks a database is at their head. Only the set-up command (`python -m send_guide.database
upgrade`) migrates; servers refuse to start on an older schema.
"""
