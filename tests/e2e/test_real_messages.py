"""Over the real Rasa server: real messages parents, professionals and young people posted in
public get replies that carry what a good adviser would say (benchmarks/real_messages.py).

Two sets: tests/data/real_messages.yml (development data, tuned on) and
real_messages_held_out.yml (collected apart, never tuned on). The floors below hold what the
assistant does today so that it cannot get worse unnoticed; issue 15's targets (at least 80% of
key points found) are reported by `make benchmark` in benchmarks/RESULTS.md, met or not met.
"""

import pytest

from benchmarks.real_messages import HELD_OUT, MESSAGES, load, rest_asker, run, summarise

# Share of key points found; measured 2026-12-02 (session 11): development 82.8% of 320 (the
# issue's target is 80%), held-out 48.2% of 137.
FLOORS = {MESSAGES: 0.80, HELD_OUT: 0.45}
ONLY_QUESTION_CEILING = 0.05  # issue 15: at most 5% of replies only a question back
SETS = [pytest.param(MESSAGES, id="development"), pytest.param(HELD_OUT, id="held-out")]


@pytest.fixture(scope="module")
def scores(assistant):
    return {path: run(rest_asker(assistant.webhook), path) for path in (MESSAGES, HELD_OUT)}


@pytest.mark.parametrize("path", SETS)
def test_the_set_is_real_and_spread(scores, path) -> None:
    messages = load(path)
    assert len(messages) >= 40 and all(m["source"].startswith(("https://", "http://")) for m in messages)
    assert len({m["situation"] for m in messages}) >= 15
    assert len(scores[path]) == len(messages)


def test_the_held_out_set_shares_no_message_with_the_development_set() -> None:
    assert not {m["source"] for m in load(MESSAGES)} & {m["source"] for m in load(HELD_OUT)}


@pytest.mark.parametrize("path", SETS)
def test_key_points_found(scores, path) -> None:
    summary = summarise(scores[path])
    assert summary.points_share >= FLOORS[path], f"{summary.points_share:.0%} of {summary.points} key points"


@pytest.mark.parametrize("path", SETS)
def test_replies_are_not_only_a_question_back(scores, path) -> None:
    only = [s.id for s in scores[path] if s.only_question]
    assert summarise(scores[path]).only_question_share <= ONLY_QUESTION_CEILING, only


@pytest.mark.parametrize("path", SETS)
def test_no_reply_asks_for_a_date_the_person_did_not_offer(scores, path) -> None:
    asked = [s.id for s in scores[path] if s.unoffered_date_ask]
    assert not asked, asked
