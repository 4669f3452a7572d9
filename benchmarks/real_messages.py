"""Real messages (tests/data/real_messages.yml): does the reply carry what a good adviser would say?

For each message: the share of its key points found in the reply (each by its regular
expression), whether the reply is only a question back, and whether it asks for a date the
person did not offer. `make benchmark` runs it against the real server over REST; the e2e test
tests/e2e/test_real_messages.py keeps floors on the same figures.

`python -m benchmarks.real_messages --offline` scores send_guide.situation's reply alone (no
Rasa), for quick work on content: a message it does not read scores nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable, Iterable

import yaml

from send_guide.deadlines import dialogue
from tools.servers import ROOT

MESSAGES = ROOT / "tests" / "data" / "real_messages.yml"
# Collected apart and never tuned on: the closer measure of messages nobody here has seen.
HELD_OUT = ROOT / "tests" / "data" / "real_messages_held_out.yml"
# What the deadline form says when it wants a date: a reply with one of these asks for a date.
_DATE_ASKS = tuple(q.split("?")[0] for q in dialogue.DATE_QUESTIONS.values()) + ("I need the exact day",)
_SOURCE_LINES = re.compile(r"\n\n(?:Law: [^\n]*\n)?Source: [^\n]*$")

Ask = Callable[[str], list[str]]  # a message in, the reply texts out (one conversation each)


@dataclass(frozen=True)
class Scored:
    id: str
    situation: str
    found: tuple[bool, ...]
    only_question: bool
    unoffered_date_ask: bool


@dataclass(frozen=True)
class Summary:
    messages: int
    points: int
    points_found: int
    only_questions: int
    unoffered_date_asks: int

    @property
    def points_share(self) -> float:
        return self.points_found / self.points if self.points else 0.0

    @property
    def only_question_share(self) -> float:
        return self.only_questions / self.messages if self.messages else 0.0


@cache
def load(path: Path = MESSAGES) -> tuple[dict, ...]:
    return tuple(yaml.safe_load(path.read_text(encoding="utf-8"))["messages"])


def is_only_a_question(replies: list[str]) -> bool:
    """Nothing in the reply but questions back (or no reply at all)."""
    bodies = [_SOURCE_LINES.sub("", text).strip() for text in replies if text and text.strip()]
    if not bodies:
        return True
    sentences = [s for body in bodies for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.strip()]
    statements = [s for s in sentences if not s.rstrip().endswith("?") and len(s.split()) >= 6
                  and not s.startswith(("Sorry", "Please"))]
    return not statements


def score(message: dict, replies: list[str]) -> Scored:
    said = "\n\n".join(replies)
    found = tuple(bool(re.search(point["match"], said, re.I)) for point in message["key_points"])
    date_ask = any(ask in said for ask in _DATE_ASKS)
    return Scored(message["id"], message["situation"], found, is_only_a_question(replies),
                  date_ask and not message.get("asks_date", False))


def summarise(scores: Iterable[Scored]) -> Summary:
    scores = list(scores)
    return Summary(
        messages=len(scores),
        points=sum(len(s.found) for s in scores),
        points_found=sum(sum(s.found) for s in scores),
        only_questions=sum(s.only_question for s in scores),
        unoffered_date_asks=sum(s.unoffered_date_ask for s in scores),
    )


def run(ask: Ask, path: Path = MESSAGES) -> list[Scored]:
    return [score(message, ask(message["text"])) for message in load(path)]


def rest_asker(webhook: str) -> Ask:
    import requests

    def ask(text: str) -> list[str]:
        sender = f"real-{uuid.uuid4().hex[:10]}"
        response = requests.post(webhook, json={"sender": sender, "message": text}, timeout=60)
        response.raise_for_status()
        return [reply.get("text") or "" for reply in response.json()]

    return ask


def offline_asker(today: dt.date) -> Ask:
    from send_guide.situation import read, reply

    def ask(text: str) -> list[str]:
        answer = reply(read(text, today), today)
        return [answer.text] if answer else []

    return ask


@dataclass(frozen=True)
class Measured:
    development: Summary
    held_out: Summary


def measure(model: str) -> Measured:
    """Both sets against the real assistant (Rasa and the action server), over REST."""
    from tools.servers import running_assistant

    with running_assistant(model) as assistant:
        ask = rest_asker(assistant.webhook)
        return Measured(summarise(run(ask, MESSAGES)), summarise(run(ask, HELD_OUT)))


def report(scores: list[Scored]) -> str:
    summary = summarise(scores)
    lines = [f"{summary.messages} messages: key points found {summary.points_found}/{summary.points} "
             f"({summary.points_share:.0%}); only a question back {summary.only_questions} "
             f"({summary.only_question_share:.0%}); asked for a date not offered {summary.unoffered_date_asks}"]
    by_situation: dict[str, list[Scored]] = {}
    for scored in scores:
        by_situation.setdefault(scored.situation, []).append(scored)
    for situation, group in sorted(by_situation.items()):
        part = summarise(group)
        lines.append(f"  {situation}: {part.points_found}/{part.points}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offline", action="store_true", help="score send_guide.situation alone")
    parser.add_argument("--webhook", default="http://127.0.0.1:5005/webhooks/rest/webhook")
    parser.add_argument("--misses", action="store_true", help="list the key points not found")
    parser.add_argument("--held-out", action="store_true", help="score the held-out set (figures only)")
    args = parser.parse_args()
    ask = offline_asker(dt.date.today()) if args.offline else rest_asker(args.webhook)
    scores = run(ask, HELD_OUT if args.held_out else MESSAGES)
    print(report(scores))
    if args.misses and not args.held_out:  # the held-out set is measured, never read for tuning
        points = {m["id"]: m["key_points"] for m in load()}
        for scored in scores:
            for point, found in zip(points[scored.id], scored.found, strict=True):
                if not found:
                    print(f"{scored.id} [{scored.situation}] missing: {point['point']}")


if __name__ == "__main__":
    main()
