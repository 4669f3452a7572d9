"""Does one person's long message hold up everyone else? (issue 17, item 2)

While LONG_SENDERS clients send long messages one after another, each new (a URL of 1,990
characters; a long story in Romanised Urdu, which is embedded, not read by n-grams alone), another
user sends short ordinary questions, one every SHORT_GAP_S seconds. Measured: that user's latency,
p50 and p95, against the same questions on an idle server. Target: p95 under load ≤ 200 ms.

Run alone: `PYTHONPATH=. .venv/bin/python -m benchmarks.fairness` (make benchmark runs it too).
"""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from dataclasses import dataclass

import requests

from benchmarks.speed import percentile
from tools.servers import running_assistant

LONG_SENDERS = 3
SHORT_QUESTIONS = 60
SHORT_GAP_S = 0.5
TARGET_P95_MS = 200
SHORT = ["hello", "what is a personal budget?", "what is a SENCO", "how do I ask for an EHC needs assessment?",
         "what is SEN support", "who can help me with my appeal?", "what does Section F mean?", "thank you"]
URDU_STORY = ("mera beta 9 saal ka hai aur school wale kehte hain ke woh theek hai lekin ghar par woh har roz "
              "pareshan rehta hai aur rota hai, main kya karoon, kya main EHC assessment ke liye khud darkhwast "
              "de sakti hoon aur is mein kitna waqt lagta hai ") * 6


def long_message(number: int) -> str:
    if number % 2:
        return f"{URDU_STORY} {uuid.uuid4().hex}"  # new each time: a cached vector would cost nothing
    return "http://" + uuid.uuid4().hex + "a" * 1958


@dataclass(frozen=True)
class Fairness:
    idle_p50_ms: float
    idle_p95_ms: float
    loaded_p50_ms: float
    loaded_p95_ms: float
    long_messages_sent: int

    @property
    def met(self) -> bool:
        return self.loaded_p95_ms <= TARGET_P95_MS


def _ask(webhook: str, sender: str, text: str) -> float:
    started = time.perf_counter()
    reply = requests.post(webhook, json={"sender": sender, "message": text}, timeout=120)
    elapsed = (time.perf_counter() - started) * 1000
    if reply.status_code != 200 or not reply.json():
        raise RuntimeError(f"no answer to {text!r}: {reply.status_code}")
    return elapsed


def _short_questions(webhook: str) -> list[float]:
    sender = f"short-{uuid.uuid4().hex[:8]}"
    latencies = []
    for number in range(SHORT_QUESTIONS):
        latencies.append(_ask(webhook, sender, SHORT[number % len(SHORT)]))
        time.sleep(SHORT_GAP_S)
    return latencies


def measure(model: str) -> Fairness:
    with running_assistant(model) as running:
        for text in SHORT:  # warm up: models loaded, short answers' vectors cached as in real use
            _ask(running.webhook, "warm-up", text)
        idle = _short_questions(running.webhook)
        stop = threading.Event()
        sent = [0] * LONG_SENDERS

        def send_long(index: int) -> None:
            sender = f"long-{index}-{uuid.uuid4().hex[:8]}"
            while not stop.is_set():
                _ask(running.webhook, sender, long_message(sent[index] + index))
                sent[index] += 1

        senders = [threading.Thread(target=send_long, args=(index,), daemon=True) for index in range(LONG_SENDERS)]
        for thread in senders:
            thread.start()
        time.sleep(2)  # the long messages are under way
        try:
            loaded = _short_questions(running.webhook)
        finally:
            stop.set()
            for thread in senders:
                thread.join(timeout=120)
    return Fairness(statistics.median(idle), percentile(idle, 0.95), statistics.median(loaded),
                    percentile(loaded, 0.95), sum(sent))


def markdown(result: Fairness) -> list[str]:
    verdict = "met" if result.met else "NOT met"
    return [
        "## One user's long messages and everyone else",
        "",
        f"{LONG_SENDERS} clients send long messages one after another (a {len(long_message(0)):,}-character URL; "
        "a long story in "
        f"Romanised Urdu; each new), {result.long_messages_sent} in all, while another user asks "
        f"{SHORT_QUESTIONS} short questions, one every {SHORT_GAP_S} s (`benchmarks/fairness.py`).",
        "",
        "| the other user's latency | p50 | p95 | target |",
        "|---|---|---|---|",
        f"| idle server | {result.idle_p50_ms:.0f} ms | {result.idle_p95_ms:.0f} ms | |",
        f"| during the long messages | {result.loaded_p50_ms:.0f} ms | {result.loaded_p95_ms:.0f} ms | "
        f"p95 ≤ {TARGET_P95_MS} ms: {verdict} |",
        "",
    ]


def main() -> None:
    from benchmarks.run_all import trained_model

    print("\n".join(markdown(measure(trained_model()))))


if __name__ == "__main__":
    main()
