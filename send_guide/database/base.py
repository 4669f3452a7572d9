"""The declarative base every table of the application's database is declared on.

One metadata for the services, triage, staff and letter tables, so the migrations (and
`alembic check`) see them all: send_guide/database/schema.py imports each model module.
"""

from __future__ import annotations

from sqlalchemy.orm import declarative_base

Base = declarative_base()
