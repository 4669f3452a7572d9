"""The migrations and the models describe the same tables, on real SQLite and PostgreSQL: at head,
`alembic check` (autogenerate, as `alembic revision --autogenerate` runs it through
send_guide/database/migrations/env.py) finds nothing to do. Before env.py loaded every model, it
would have written a migration dropping every call-back, staff and letter table."""

from alembic import command
from alembic.config import Config

from send_guide.database.schema import migrate
from tests.project_files import ROOT


def _config(url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "send_guide/database/migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def test_autogenerate_at_head_finds_nothing_to_do(engine) -> None:
    migrate(engine)
    command.check(_config(engine.url.render_as_string(hide_password=False)))

