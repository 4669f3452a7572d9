"""Two Rasa instances and the action server behind nginx, with real PostgreSQL and Redis.

The same shape as deploy/docker-compose.yml, on this machine: PostgreSQL keeps the services
directory, the call-back cases and the conversations; Redis holds the conversation locks; nginx
runs deploy/nginx/send-guide.conf.template.
"""

from dataclasses import dataclass
from typing import Iterator

import pytest

from tests.e2e.conftest import model_path
from tools.nginx import temporary_nginx
from tools.postgres import temporary_postgres
from tools.redis import temporary_redis
from tools.servers import ROOT, RunningAssistant, running_assistant, running_web_server

LOGS = ROOT / "test-output" / "cluster"
CHAT_RATE, CHAT_BURST = 10, 20  # per client; every test request comes from 127.0.0.1
WIDGET_SITE = "https://localoffer.example.org"  # the one site allowed to call the chat from a browser


@dataclass(frozen=True)
class Cluster:
    assistant: RunningAssistant  # rasa_urls: both instances, directly
    nginx_url: str
    database_url: str


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    with temporary_postgres() as database, temporary_redis() as redis_url:
        stores = {"DATABASE_URL": database, "CONVERSATIONS_DATABASE_URL": database, "LOCK_STORE_URL": redis_url}
        with running_assistant(model_path(), log_dir=LOGS, extra_env=stores, instances=2,
                               cors_origin=WIDGET_SITE) as assistant, \
                running_web_server(assistant.rasa_url, database, log_dir=LOGS,
                                   extra_env={"RASA_TOKEN": assistant.token,
                                              "SEND_GUIDE_WEB_PROXIES_COUNT": "1"}) as web:
            rasa = tuple(url.removeprefix("http://") for url in assistant.rasa_urls)
            with temporary_nginx(rasa, web.removeprefix("http://"), CHAT_RATE, CHAT_BURST) as nginx_url:
                yield Cluster(assistant, nginx_url, database)
