"""Where a turn's time goes, on the production stores (issue 19, item 14).

One user sends the messages of benchmarks/load.py one at a time, to the set-up load.py starts
(PostgreSQL, Redis locks, the action server, nginx). At the same turns, each part is timed on its
own: the whole turn over nginx; the same turn straight to Rasa; NLU (Rasa's /model/parse); loading
and saving the conversation through stores/conversation_store.py; a Redis lock taken and given back
through stores/lock_store.py; the turn's action-server calls, replayed with the body Rasa sends.
nginx's share and the rest (policies, responses, the REST channel) are found by subtraction, turn
by turn. Single user and one at a time, so each part is its own cost and not a wait behind others.

`python -m benchmarks.turn_breakdown` measures and rewrites the "Where a turn's time goes" section
of benchmarks/RESULTS.md; `make benchmark` runs it with the rest.
"""

from __future__ import annotations

import asyncio
import re
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from benchmarks import load
from benchmarks.speed import percentile

CONVERSATIONS = 8  # each sends load.py's messages once: 64 turns
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TITLE = "## Where a turn's time goes"
SECTION = re.compile(re.escape(TITLE) + r"\n.*?(?=\n## |\Z)", re.S)
LOAD_USERS = 50  # the Load row quoted against the bare bot


@dataclass
class Breakdown:
    """Milliseconds per turn, one value per turn, the same turns in every list."""

    over_nginx: list[float]
    to_rasa: list[float]
    nlu: list[float]
    tracker_load: list[float]
    tracker_save: list[float]
    lock: list[float]
    actions: list[float]  # the turn's action-server calls together (0 when it made none)
    action_calls: list[float] = field(default_factory=list)  # each call on its own

    def rows(self) -> list[tuple[str, list[float]]]:
        """Each part with its per-turn times; nginx and the rest are differences of the same turn."""
        measured = (self.nlu, self.tracker_load, self.tracker_save, self.lock, self.actions)
        rest = [whole - sum(parts) for whole, *parts in zip(self.to_rasa, *measured, strict=True)]
        proxy = [a - b for a, b in zip(self.over_nginx, self.to_rasa, strict=True)]
        calls = len(self.action_calls)
        one_call = (f"; one call p50 {statistics.median(self.action_calls):.1f} ms, "
                    f"p95 {percentile(self.action_calls, 0.95):.1f} ms" if calls else "")
        return [
            ("whole turn, over nginx", self.over_nginx),
            ("nginx (over nginx − straight to Rasa)", proxy),
            ("NLU (`/model/parse`, its HTTP request included)", self.nlu),
            ("conversation load (PostgreSQL, stores/conversation_store.py)", self.tracker_load),
            ("conversation save (PostgreSQL)", self.tracker_save),
            ("conversation lock, taken and given back (Redis, stores/lock_store.py)", self.lock),
            (f"action server, the turn's calls ({calls} in {len(self.to_rasa)} turns{one_call})", self.actions),
            ("the rest: policies, responses, REST channel (by subtraction)", rest),
        ]


@dataclass(frozen=True)
class LoadFigures:
    """The Load section's same-run throughput at LOAD_USERS conversations, quoted against the bare bot."""

    bare: float
    ours: float
    date: str = ""


def load_figures(results: list[load.LoadResult], date: str = "") -> LoadFigures | None:
    by_setup = {r.setup: r.throughput for r in results if r.users == LOAD_USERS}
    bare = next((v for name, v in by_setup.items() if name.startswith("bare")), None)
    ours = by_setup.get("SEND Guide, 1 instance behind nginx")
    return LoadFigures(bare, ours, date) if bare and ours else None


def load_figures_from(text: str) -> LoadFigures | None:
    """The same figures read from RESULTS.md's Load section, when this benchmark runs alone."""
    section = load.SECTION.search(text)
    if not section:
        return None
    date = re.search(r"Measured (\d{4}-\d{2}-\d{2})", section.group(0))
    row = re.compile(r"^\| (?P<setup>[^|]+) \| (?P<users>\d+) \|.*\| (?P<rate>[\d.]+) msg/s \|$", re.M)
    by_setup = {m["setup"]: float(m["rate"]) for m in row.finditer(section.group(0)) if int(m["users"]) == LOAD_USERS}
    bare = next((v for name, v in by_setup.items() if name.startswith("bare")), None)
    ours = by_setup.get("SEND Guide, 1 instance behind nginx")
    return LoadFigures(bare, ours, date.group(1) if date else "") if bare and ours else None


def markdown(breakdown: Breakdown, machine: str, date: str, against: LoadFigures | None) -> str:
    rows = breakdown.rows()
    turn, mean_turn = statistics.median(breakdown.over_nginx), statistics.fmean(breakdown.over_nginx)
    table = [f"| {name} | {statistics.median(values):.1f} ms | {percentile(values, 0.95):.1f} ms | "
             f"{statistics.fmean(values):.1f} ms | {statistics.median(values) / turn:.0%} | "
             f"{statistics.fmean(values) / mean_turn:.0%} |" for name, values in rows]
    parts = sorted(rows[1:], key=lambda row: statistics.fmean(row[1]), reverse=True)
    largest = "; ".join(f"{name.split(' (')[0]}, {statistics.fmean(values) / mean_turn:.0%}"
                        for name, values in parts[:2])
    stores = sum(statistics.fmean(values) for _, values in rows[1:2] + rows[3:6])
    lines = [
        TITLE,
        "",
        f"Measured {date} on {machine}, by `benchmarks/turn_breakdown.py`: one user, one message at a time, "
        f"{len(breakdown.to_rasa)} turns ({len(breakdown.to_rasa) // len(load.MESSAGES)} conversations of the "
        f"{len(load.MESSAGES)} messages of \"Load\"), on the set-up \"Load\" measures (PostgreSQL, Redis locks, "
        "the action server, nginx). "
        "Each part is timed on its own at the same turns; nginx and the rest are the differences, turn by turn. "
        "Medians of parts need not add up to the median turn" + (
            " (most turns call no action, so that median is 0)" if not statistics.median(breakdown.actions) else "")
        + "; means do, so the last column is the one that says where the time goes.",
        "",
        "| part | p50 | p95 | mean | share of the p50 turn | share of the mean turn |",
        "|---|---|---|---|---|---|",
        *table,
        "",
        f"Where the time goes, by the means: {largest}. The production stores and nginx (conversation load "
        f"and save, the Redis lock, nginx) take {stores:.1f} ms of the {mean_turn:.1f} ms mean turn "
        f"({stores / mean_turn:.0%}).",
    ]
    if against:
        verdict = "met" if against.ours >= against.bare else "not met"
        lines += [
            f"In \"Load\" ({against.date or 'same run'}), one SEND Guide instance on these stores behind nginx "
            f"answered {against.ours:.1f} messages a second at {LOAD_USERS} conversations against "
            f"{against.bare:.1f} for the bare `rasa init` bot in memory, measured in the same run. Target, the "
            f"production configuration at least as fast as the bare bot: {verdict}.",
        ]
    return "\n".join(lines) + "\n"


def _post_ms(http: requests.Session, url: str, **kwargs: Any) -> float:
    """Milliseconds from sending the request to having read the answer (an error stops the benchmark)."""
    started = time.perf_counter()
    _answered(http.post(url, timeout=120, **kwargs))
    return (time.perf_counter() - started) * 1000


def _answered(reply: requests.Response) -> requests.Response:
    reply.raise_for_status()
    return reply


def _turns(events: list[dict]) -> list[int]:
    """Where each turn starts in a conversation's events: the first at 0 (the session start), then
    at each user message after the first."""
    users = [i for i, event in enumerate(events) if event["event"] == "user"]
    return [0, *users[1:]]


def _action_calls(events: list[dict], registered: set[str], forms: set[str]) -> list[tuple[int, str, int]]:
    """(turn, action, events before the call) for each action-server call the stored events show:
    a custom action run; when a form runs, its validation action and, if it then asks for a slot,
    that slot's custom question (Rasa stores no event of their own for these two)."""
    starts = _turns(events)
    calls = []
    for index, event in enumerate(events):
        if event["event"] != "action":
            continue
        turn = sum(1 for start in starts if start <= index) - 1
        name = event["name"]
        if name in registered:
            calls.append((turn, name, index))
        if name not in forms:
            continue
        if f"validate_{name}" in registered:
            calls.append((turn, f"validate_{name}", index))
        asked = None
        for later, after in enumerate(events[index + 1:], start=index + 1):
            if after["event"] in ("action", "user"):
                break
            if after["event"] == "slot" and after.get("name") == "requested_slot":
                asked = (after.get("value"), later + 1)
        if asked and asked[0] and f"action_ask_{asked[0]}" in registered:
            calls.append((turn, f"action_ask_{asked[0]}", asked[1]))
    return calls


async def _store_and_lock(database: str, lock_url: str, domain: Any,
                          conversations: list[list[dict]]) -> tuple[list[float], list[float], list[float]]:
    """Each turn's conversation load and save (the events before it stored, then read, then its own
    events written, as Rasa does), and one lock taken and given back, through the project's stores."""
    from rasa.shared.core.trackers import DialogueStateTracker

    from stores.conversation_store import ConversationStore
    from stores.lock_store import redis_lock_store

    store = ConversationStore(domain=domain, host=database)
    locks = redis_lock_store(lock_url)
    loads, saves, held = [], [], []
    for events in conversations:
        starts = _turns(events)
        for turn, start in enumerate(starts):
            end = starts[turn + 1] if turn + 1 < len(starts) else len(events)
            sender = f"store-{uuid.uuid4().hex[:12]}"
            if start:
                await store.save(DialogueStateTracker.from_dict(sender, events[:start], domain.slots))
            started = time.perf_counter()
            async with locks.lock(sender):
                pass
            held.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            await store.retrieve(sender)
            loads.append((time.perf_counter() - started) * 1000)
            after = DialogueStateTracker.from_dict(sender, events[:end], domain.slots)
            started = time.perf_counter()
            await store.save(after)
            saves.append((time.perf_counter() - started) * 1000)
    store.engine.dispose()
    return loads, saves, held


def _replayed_actions(action_url: str, domain: Any, conversations: list[tuple[str, list[dict]]],
                      registered: set[str]) -> tuple[list[float], list[float]]:
    """Each turn's action-server calls, sent again with the body Rasa builds (RemoteAction's own)."""
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    endpoint = EndpointConfig(f"{action_url}/webhook")
    per_turn, each = [], []
    with requests.Session() as http:
        for sender, events in conversations:
            totals = [0.0] * len(_turns(events))
            for turn, name, before in _action_calls(events, registered, set(domain.form_names)):
                tracker = DialogueStateTracker.from_dict(sender, events[:before], domain.slots)
                body = RemoteAction(name, endpoint)._action_call_format(tracker, domain)  # what Rasa sends
                elapsed = _post_ms(http, endpoint.url, json=body)
                totals[turn] += elapsed
                each.append(elapsed)
            per_turn += totals
    return per_turn, each


def measure(deployed: load.Production, nginx: str) -> Breakdown:
    from rasa.shared.core.domain import Domain

    rasa = deployed.assistant
    token = {"token": rasa.token}
    over_nginx, to_rasa, nlu = [], [], []
    senders = []
    with requests.Session() as http:
        def turn(url: str, sender: str, text: str) -> float:
            return _post_ms(http, url, json={"sender": sender, "message": text})

        for text in load.MESSAGES:  # warm up: models loaded, connections open, sentence vectors cached
            turn(f"{nginx}/webhooks/rest/webhook", "warm-up-nginx", text)
            turn(rasa.webhook, "warm-up-rasa", text)
        for number in range(CONVERSATIONS):
            via_nginx, direct = f"nginx-{number}-{uuid.uuid4().hex[:8]}", f"rasa-{number}-{uuid.uuid4().hex[:8]}"
            senders.append(direct)
            for text in load.MESSAGES:
                over_nginx.append(turn(f"{nginx}/webhooks/rest/webhook", via_nginx, text))
                to_rasa.append(turn(rasa.webhook, direct, text))
                nlu.append(_post_ms(http, f"{rasa.rasa_url}/model/parse", params=token, json={"text": text}))
        domain = Domain.from_dict(_answered(http.get(f"{rasa.rasa_url}/domain", params=token,
                                                     headers={"Accept": "application/json"}, timeout=60)).json())
        conversations = [(sender, _answered(http.get(f"{rasa.rasa_url}/conversations/{sender}/tracker",
                                                     params={**token, "include_events": "ALL"}, timeout=60)
                                            ).json()["events"]) for sender in senders]
        registered = {action["name"] for action in _answered(http.get(f"{rasa.action_url}/actions",
                                                                      timeout=60)).json()}
    for sender, events in conversations:
        if len(_turns(events)) != len(load.MESSAGES):
            raise RuntimeError(f"{sender}: {len(_turns(events))} turns stored, {len(load.MESSAGES)} sent")
    loads, saves, held = asyncio.run(_store_and_lock(deployed.database, deployed.lock_store, domain,
                                                     [events for _, events in conversations]))
    actions, calls = _replayed_actions(rasa.action_url, domain, conversations, registered)
    return Breakdown(over_nginx, to_rasa, nlu, loads, saves, held, actions, calls)


def run(model: str) -> Breakdown:
    with tempfile.TemporaryDirectory(prefix="send-guide-turns-") as tmp, \
            load.production(model, Path(tmp) / "logs", instances=1) as deployed, deployed.nginx(1) as nginx:
        return measure(deployed, nginx)


def replace_section(text: str, section: str) -> str:
    """`text` with this section replaced; a new one goes after the Load section, else at the end."""
    section = section.rstrip("\n")
    if SECTION.search(text):
        return SECTION.sub(lambda _: section, text)
    after_load = load.SECTION.search(text)
    if after_load:
        return text[:after_load.end()].rstrip("\n") + "\n\n" + section + "\n" + text[after_load.end():]
    return text.rstrip("\n") + "\n\n" + section + "\n"


def main() -> None:
    import datetime

    from benchmarks.run_all import machine, trained_model

    text = RESULTS.read_text(encoding="utf-8")
    section = markdown(run(trained_model()), machine(), datetime.date.today().isoformat(), load_figures_from(text))
    RESULTS.write_text(replace_section(text, section).rstrip("\n") + "\n", encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
