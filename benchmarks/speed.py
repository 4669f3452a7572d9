"""Speed and memory of the running assistant, against a bare `rasa init` assistant on the same machine.

Measures: cold start, single-user latency (p50, p95), throughput and p95 latency with 50
concurrent conversations, resident memory of the Rasa server, and full training time.
Run with `make benchmark` (writes benchmarks/RESULTS.md through benchmarks.run_all).
"""

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from tools.servers import ROOT, running_assistant

BIN = Path(sys.executable).parent
MESSAGES = [
    "hello",
    "how do I ask for an EHC needs assessment for my son",
    "what does SENCO mean",
    "my child is not talking yet and he is 3",
    "can I appeal the decision",
    "thank you",
]
BARE_MESSAGES = ["hello", "I am sad", "yes", "are you a bot", "goodbye", "great"]
CONCURRENT_USERS = 50
TURNS_PER_USER = 6
SINGLE_USER_TURNS = 60
LONG_WORDS = (130, 170)  # "a 150-word message": real ones of about that length (issue 15)
LONG_TURNS = 30
REPEATS = 3  # concurrent-load runs per assistant; the median one is reported


@dataclass
class SpeedResult:
    name: str
    cold_start_s: float
    p50_single_ms: float
    p95_single_ms: float
    throughput_msgs_per_s: float
    p50_concurrent_ms: float
    p95_concurrent_ms: float
    rss_mb: float
    training_s: float
    p50_single_new_ms: float = 0.0  # every message new: no cached sentence vector
    p50_long_ms: float = 0.0  # single user, a new real message of about 150 words each turn
    throughput_new_msgs_per_s: float = 0.0


def fresh(messages: list[str], count: int, start: int = 0) -> list[str]:
    """`count` messages, each new: the given ones in turn, with a number (from `start`) added."""
    return [f"{messages[i % len(messages)]} {start + i + 1}" for i in range(count)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc."""
    total_kb = 0
    pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                                     text=True).stdout.split()]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total_kb / 1024


@dataclass
class LoadRun:
    latencies_ms: list[float]  # of the answered messages
    errors: int  # messages with no answer (not HTTP 200, refused, timed out)
    elapsed_s: float

    @property
    def throughput(self) -> float:
        return len(self.latencies_ms) / self.elapsed_s


async def _conversation(session: aiohttp.ClientSession, url: str, messages: list[str],
                        turns: int) -> tuple[list[float], int]:
    sender, latencies, errors = f"bench-{uuid.uuid4().hex[:12]}", [], 0
    for turn in range(turns):
        started = time.perf_counter()
        try:
            async with session.post(url, json={"sender": sender, "message": messages[turn % len(messages)]}) as reply:
                await reply.read()
                ok = reply.status == 200
        except (aiohttp.ClientError, asyncio.TimeoutError):
            ok = False
        if ok:
            latencies.append((time.perf_counter() - started) * 1000)
        else:
            errors += 1
    return latencies, errors


async def _load(url: str, messages: list[str], users: int, turns: int, timeout_s: float,
                warm_up_turns: int) -> LoadRun:
    timeout = aiohttp.ClientTimeout(total=timeout_s)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=users), timeout=timeout) as session:
        await _conversation(session, url, messages, warm_up_turns)
        started = time.perf_counter()
        results = await asyncio.gather(*[_conversation(session, url, messages, turns) for _ in range(users)])
        elapsed = time.perf_counter() - started
    return LoadRun([one for latencies, _ in results for one in latencies], sum(errors for _, errors in results),
                   elapsed)


def load(url: str, messages: list[str], users: int, turns: int, timeout_s: float = 600,
         warm_up_turns: int = 2) -> LoadRun:
    """`users` conversations at once, each sending `turns` messages one after another."""
    return asyncio.run(_load(url, messages, users, turns, timeout_s, warm_up_turns))


def long_messages() -> list[str]:
    """Real messages of about 150 words (tests/data/real_messages.yml), as parents write them."""
    from benchmarks.real_messages import load as real_messages

    low, high = LONG_WORDS
    return [m["text"] for m in real_messages() if low <= len(m["text"].split()) <= high]


def _without_errors(run: LoadRun) -> LoadRun:
    if run.errors:
        raise RuntimeError(f"{run.errors} messages got no answer")
    return run


def measure(
    name: str, model: str, cwd: Path, messages: list[str], with_actions: bool, training_s: float,
    long: list[str],
) -> SpeedResult:
    started = time.perf_counter()
    with running_assistant(model, cwd=cwd, with_actions=with_actions) as running:
        cold_start = time.perf_counter() - started
        single = _without_errors(load(running.webhook, messages, 1, SINGLE_USER_TURNS)).latencies_ms
        single_new = _without_errors(load(running.webhook, fresh(messages, SINGLE_USER_TURNS + 2), 1,
                                          SINGLE_USER_TURNS)).latencies_ms
        long_ms = _without_errors(load(running.webhook, fresh(long, LONG_TURNS + 2), 1, LONG_TURNS)).latencies_ms
        # The median of a few runs: one run on a shared machine can be off by 10-20%.
        runs = [_without_errors(load(running.webhook, messages, CONCURRENT_USERS, TURNS_PER_USER))
                for _ in range(REPEATS)]
        median = sorted(runs, key=lambda run: run.throughput)[len(runs) // 2]
        concurrent = median.latencies_ms
        count = (CONCURRENT_USERS + 1) * TURNS_PER_USER
        new_runs = [_without_errors(load(running.webhook, fresh(messages, count, start=run * count),
                                         CONCURRENT_USERS, TURNS_PER_USER)) for run in range(REPEATS)]
        new_median = sorted(new_runs, key=lambda run: run.throughput)[len(new_runs) // 2]
        memory = rss_mb(running.rasa_pid)
    return SpeedResult(
        name=name,
        cold_start_s=cold_start,
        p50_single_ms=statistics.median(single),
        p95_single_ms=percentile(single, 0.95),
        throughput_msgs_per_s=median.throughput,
        p50_concurrent_ms=statistics.median(concurrent),
        p95_concurrent_ms=percentile(concurrent, 0.95),
        rss_mb=memory,
        training_s=training_s,
        p50_single_new_ms=statistics.median(single_new),
        p50_long_ms=statistics.median(long_ms),
        throughput_new_msgs_per_s=new_median.throughput,
    )


def timed_training(cwd: Path, out: Path, extra: list[str]) -> tuple[Path, float]:
    started = time.perf_counter()
    subprocess.run([str(BIN / "rasa"), "train", "--force", "--out", str(out), *extra], cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    return max(out.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime), elapsed


def bare_assistant(workdir: Path) -> tuple[Path, Path, float]:
    """A `rasa init` project in `workdir`, trained: (project, model, training seconds)."""
    bare = workdir / "bare"
    bare.mkdir()
    subprocess.run([str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(bare)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    model, training = timed_training(bare, workdir / "bare-models", [])
    return bare, model, training


def run() -> list[SpeedResult]:
    with tempfile.TemporaryDirectory(prefix="send-guide-bench-") as tmp:
        tmp_path = Path(tmp)
        bare, bare_model, bare_training = bare_assistant(tmp_path)
        ours_model, ours_training = timed_training(ROOT, tmp_path / "ours-models", [])
        return [
            measure("bare rasa init", str(bare_model), bare, BARE_MESSAGES, False, bare_training,
                    long_messages()),
            measure("SEND Guide", str(ours_model), ROOT, MESSAGES, True, ours_training, long_messages()),
        ]
