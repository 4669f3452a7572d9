"""Translation protection keeps the live directory's service names, not only the seed file's.

A service staff add by importing a file is kept out of machine translation once the names are
read again (every few minutes); with the database unreadable, the seed file's names stand in.
"""

import csv

from sqlalchemy import text

from send_guide.database.engine import session_factory
from send_guide.database.schema import migrate
from send_guide.services import live_names
from send_guide.services.directory import seed_if_empty
from send_guide.services.model import Service
from send_guide.settings import services_seed_file
from send_guide.translation.protect import protect

NEW_SERVICE = "Zebra Lantern Family Support"
MESSAGE = f"You can ask {NEW_SERVICE} or Luton SENDIAS for help."


def test_a_service_added_to_the_directory_is_kept_out_of_translation(engine, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    migrate(engine)
    seed_if_empty(engine)
    live_names.forget()
    assert NEW_SERVICE not in protect(MESSAGE).kept
    with session_factory(engine).begin() as session:
        session.add(Service(name=NEW_SERVICE, source="test"))
    assert NEW_SERVICE not in protect(MESSAGE).kept, "read again only when the names are no longer fresh"
    live_names.forget()
    protected = protect(MESSAGE)
    assert NEW_SERVICE in protected.kept
    assert f'<span translate="no" class="notranslate">{NEW_SERVICE}</span>' in protected.html
    live_names.forget()


def test_the_seed_files_names_stand_in_when_the_database_cannot_be_read(engine, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE unrelated (id INTEGER)"))  # no service table at all
    live_names.forget()
    with services_seed_file().open(encoding="utf-8", newline="") as handle:
        seed_names = tuple(sorted(row["name"] for row in csv.DictReader(handle)))
    assert live_names.service_names() == seed_names
    assert "Penrose" in seed_names and "Penrose" in protect("Phone Penrose today.").kept
    live_names.forget()
