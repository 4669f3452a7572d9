"""Load: 50 and 200 concurrent conversations, one and two Rasa instances behind nginx, and bare Rasa.

Each conversation sends realistic messages one after another (the next when the answer has come),
all conversations at once. Ours runs as deployed: PostgreSQL for conversations and services, Redis
locks, nginx (deploy/nginx/send-guide.conf.template, per-client limits raised because every
request here comes from one address). The bare `rasa init` assistant runs alone, in memory, on
the same machine in the same run. The load generator shares the machine's cores.

`python -m benchmarks.load` measures and rewrites the "Load" section of benchmarks/RESULTS.md;
`make benchmark` runs it with the rest.

Why Rasa's listen queue is raised to 1024 (SANIC_BACKLOG): with its default of 100, the first run
of this benchmark (2026-12-02) lost 420 of 1,200 messages at 200 conversations.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import ContextManager, Iterator

from benchmarks.speed import BARE_MESSAGES, bare_assistant, load, percentile
from tools.nginx import temporary_nginx
from tools.postgres import temporary_postgres
from tools.redis import temporary_redis
from tools.servers import RunningAssistant, running_assistant, running_web_server

LEVELS = (50, 200)
TURNS = 6
MESSAGES = [
    "hello",
    "how do I ask for an EHC needs assessment for my son",
    "is there a speech and language therapy service in Luton?",
    "we asked for an assessment on 3 March, when should we hear?",
    "what does SENCO mean",
    "میرے بچے کو اسکول میں مدد چاہیے",  # Urdu: the multilingual path
    "can I appeal the decision",
    "thank you",
]
THINK_SECONDS = 30  # a family reads the answer and types the next message
HEADROOM = 0.5  # plan for half the measured maximum
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SECTION = re.compile(r"## Load\n.*?(?=\n## |\Z)", re.S)
# Every request here comes from one address: nginx's per-client limits would refuse most of them.
UNLIMITED = {"chat_rate": 1_000_000, "chat_burst": 1_000_000}


@dataclass
class LoadResult:
    setup: str
    users: int
    messages: int
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    throughput: float  # answered messages per second


def measure(setup: str, url: str, messages: list[str]) -> list[LoadResult]:
    results = []
    for users in LEVELS:
        run = load(url, messages, users, TURNS, timeout_s=120, warm_up_turns=TURNS)
        latencies = run.latencies_ms
        results.append(LoadResult(setup, users, users * TURNS, run.errors, percentile(latencies, 0.50),
                                  percentile(latencies, 0.95), percentile(latencies, 0.99), run.throughput))
    return results


@dataclass
class Production:
    """The set-up as deployed, started here: PostgreSQL, Redis locks, the action server, Rasa, the web server."""

    assistant: RunningAssistant
    web: str  # the web server's host:port
    database: str  # conversations and services
    lock_store: str  # the Redis URL of the conversation locks

    def nginx(self, instances: int) -> ContextManager[str]:
        """nginx in front (as deploy/ configures it) of the first `instances` Rasa instances; yields its URL."""
        hosts = [url.removeprefix("http://") for url in self.assistant.rasa_urls[:instances]]
        return temporary_nginx((hosts[0], hosts[-1]), self.web, **UNLIMITED)


@contextlib.contextmanager
def production(model: str, log_dir: Path, instances: int = 2) -> Iterator[Production]:
    """Ours as deployed, until the block ends (this benchmark and benchmarks/turn_breakdown.py)."""
    with temporary_postgres() as database, temporary_redis() as redis_url:
        stores = {"DATABASE_URL": database, "CONVERSATIONS_DATABASE_URL": database, "LOCK_STORE_URL": redis_url}
        with running_assistant(model, extra_env=stores, instances=instances, log_dir=log_dir) as ours, \
                running_web_server(ours.rasa_url, database, log_dir=log_dir,
                                   extra_env={"RASA_TOKEN": ours.token}) as web:
            yield Production(ours, web.removeprefix("http://"), database, redis_url)


def run(model: str) -> list[LoadResult]:
    results: list[LoadResult] = []
    with tempfile.TemporaryDirectory(prefix="send-guide-load-") as tmp:
        tmp_path = Path(tmp)
        bare, bare_model, _ = bare_assistant(tmp_path)
        bare_logs = tmp_path / "bare-logs"
        with running_assistant(str(bare_model), cwd=bare, with_actions=False, log_dir=bare_logs) as bare_run:
            results += measure("bare `rasa init`, 1 instance", bare_run.webhook, BARE_MESSAGES)
        with production(model, tmp_path / "logs") as deployed:
            for instances in (1, 2):
                with deployed.nginx(instances) as nginx:
                    results += measure(f"SEND Guide, {instances} instance{'s' * (instances > 1)} behind nginx",
                                       f"{nginx}/webhooks/rest/webhook", MESSAGES)
    return results


def markdown(results: list[LoadResult], machine: str, date: str) -> str:
    lines = [
        "## Load",
        "",
        f"Measured {date} on {machine}, by `benchmarks/load.py`: every conversation sends {TURNS} messages",
        "one after another, all conversations at once; ours with PostgreSQL, Redis locks and nginx as deployed.",
        "",
        "| setup | conversations | messages | errors | p50 | p95 | p99 | throughput |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += [f"| {r.setup} | {r.users} | {r.messages} | {r.errors} | {r.p50_ms:.0f} ms | {r.p95_ms:.0f} ms | "
              f"{r.p99_ms:.0f} ms | {r.throughput:.1f} msg/s |" for r in results]
    return "\n".join(lines + ["", *capacity(results)]) + "\n"


def capacity(results: list[LoadResult]) -> list[str]:
    """A written estimate of instances per number of families, from the one-instance figures."""
    one = max(r.throughput for r in results if r.setup.startswith("SEND Guide, 1 instance"))
    per_instance = int(one * THINK_SECONDS * HEADROOM)
    cores = os.cpu_count()

    def instances(families: int) -> int:
        return -(-families // per_instance) + 1

    return [
        "Capacity estimate. Here every conversation sends its next message the moment the answer",
        "arrives; a family reads the answer and types, about one message every "
        f"{THINK_SECONDS} seconds. One instance",
        f"answered up to {one:.0f} messages a second (one Rasa process uses one core; here the",
        f"load generator, PostgreSQL, the action server and nginx shared the same {cores} cores), so it keeps",
        f"up with about {one * THINK_SECONDS:.0f} families chatting at the same moment; at half that load, for short",
        f"answers and room for peaks, plan **{per_instance} families chatting at once per instance**, one core",
        "each and the Rasa server's resident memory (\"Speed and memory\" above). Instances for N families",
        f"chatting at once: N / {per_instance}, rounded up, plus one so that one can fail or restart",
        f"(e.g. 100 families: {instances(100)}; 1,000 families: {instances(1000)}). The two-instance runs here",
        f"share {cores} cores with everything else, so they show the set-up works under load, not how",
        "it scales on separate machines.",
        "",
        "Rasa's listen queue is set to 1024 (`SANIC_BACKLOG`, in `make run`, the tests and deploy/): with",
        "Rasa's default of 100, connections were reset at 200 conversations and nginx took the instance",
        "out for a while (benchmarks/load.py says how many messages that lost).",
    ]


def main() -> None:
    import datetime

    from benchmarks.run_all import machine, trained_model

    section = markdown(run(trained_model()), machine(), datetime.date.today().isoformat())
    text = RESULTS.read_text()
    updated = SECTION.sub(lambda _: section.rstrip("\n"), text) if SECTION.search(text) else text + "\n" + section
    RESULTS.write_text(updated.rstrip("\n") + "\n")
    print(section)


if __name__ == "__main__":
    main()
