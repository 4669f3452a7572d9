"""The turn breakdown's arithmetic and its section of RESULTS.md, without servers: a wrong
subtraction or a lost section would publish figures that were never measured."""

from benchmarks import load, turn_breakdown
from benchmarks.turn_breakdown import Breakdown, LoadFigures


def breakdown() -> Breakdown:
    turns = 4
    return Breakdown(
        over_nginx=[30.0, 32.0, 34.0, 60.0],
        to_rasa=[28.0, 30.0, 31.0, 50.0],
        nlu=[10.0] * turns,
        tracker_load=[3.0] * turns,
        tracker_save=[4.0] * turns,
        lock=[1.0] * turns,
        actions=[0.0, 5.0, 0.0, 5.0],
        action_calls=[5.0, 5.0],
    )


def test_nginx_and_the_rest_are_differences_of_the_same_turn() -> None:
    rows = dict(breakdown().rows())
    assert rows["nginx (over nginx − straight to Rasa)"] == [2.0, 2.0, 3.0, 10.0]
    assert rows["the rest: policies, responses, REST channel (by subtraction)"] == [10.0, 7.0, 13.0, 27.0]


def test_the_table_gives_medians_p95_and_shares_of_the_median_turn() -> None:
    text = turn_breakdown.markdown(breakdown(), "2 cores", "2026-12-03", LoadFigures(38.6, 45.9, "2026-12-02"))
    assert text.startswith(turn_breakdown.TITLE + "\n")
    # median of 4: (32 + 34) / 2; mean 39
    assert "| whole turn, over nginx | 33.0 ms | 60.0 ms | 39.0 ms | 100% | 100% |" in text
    assert "| NLU (`/model/parse`, its HTTP request included) | 10.0 ms | 10.0 ms | 10.0 ms | 30% | 26% |" in text
    assert "(most turns call no action, so that median is 0)" not in text  # its median is 2.5 ms here
    assert "(2 in 4 turns; one call p50 5.0 ms, p95 5.0 ms)" in text
    assert "45.9 messages a second" in text and "38.6 for the bare" in text and "bare bot: met." in text


def test_slower_than_the_bare_bot_is_written_not_met() -> None:
    text = turn_breakdown.markdown(breakdown(), "2 cores", "2026-12-03", LoadFigures(40.0, 30.0))
    assert "bare bot: not met." in text


def test_the_load_figures_are_read_from_the_load_section() -> None:
    results = [load.LoadResult("bare `rasa init`, 1 instance", 50, 300, 0, 1276, 1439, 2553, 38.6),
               load.LoadResult("bare `rasa init`, 1 instance", 200, 1200, 0, 5657, 6441, 6862, 35.2),
               load.LoadResult("SEND Guide, 1 instance behind nginx", 50, 300, 0, 1025, 1431, 1475, 45.9),
               load.LoadResult("SEND Guide, 2 instances behind nginx", 50, 300, 0, 779, 1399, 1489, 54.3)]
    text = "# Benchmark results\n\n" + load.markdown(results, "2 cores", "2026-12-02")
    assert turn_breakdown.load_figures_from(text) == LoadFigures(38.6, 45.9, "2026-12-02")
    assert turn_breakdown.load_figures(results, "2026-12-02") == LoadFigures(38.6, 45.9, "2026-12-02")
    assert turn_breakdown.load_figures_from("# Benchmark results\n") is None


def test_the_section_is_replaced_in_place_or_put_after_load() -> None:
    new = turn_breakdown.TITLE + "\n\nnew figures\n"
    text = "# Results\n\n## Load\n\nload figures\n\n## Fairness\n\nfair\n"
    placed = turn_breakdown.replace_section(text, new)
    assert placed.index("## Load") < placed.index("new figures") < placed.index("## Fairness")
    again = turn_breakdown.replace_section(placed, turn_breakdown.TITLE + "\n\nnewer figures\n")
    assert "new figures" not in again and again.count(turn_breakdown.TITLE) == 1 and "## Fairness\n\nfair" in again
    assert turn_breakdown.replace_section("# Results\n", new).endswith(new)


def test_action_calls_include_a_forms_validation_and_its_custom_question() -> None:
    """The first turn holds the session start and the first message; each later one starts at its message."""
    events = [
        {"event": "action", "name": "action_session_start"}, {"event": "session_started"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "SENCO?"}, {"event": "action", "name": "action_explain_term"},
        {"event": "bot", "text": "..."}, {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "we asked on 3 March"}, {"event": "action", "name": "deadline_form"},
        {"event": "active_loop", "name": "deadline_form"},
        {"event": "slot", "name": "requested_slot", "value": "deadline_event"}, {"event": "bot", "text": "Which?"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "thanks"}, {"event": "action", "name": "utter_thanks"},
    ]
    registered = {"action_explain_term", "validate_deadline_form", "action_ask_deadline_event"}
    assert turn_breakdown._action_calls(events, registered, {"deadline_form"}) == [
        (0, "action_explain_term", 4), (1, "validate_deadline_form", 8), (1, "action_ask_deadline_event", 11)]
