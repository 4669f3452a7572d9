"""The story gate (scripts/check_story_results.py): conversations all pass, phrasings clear a floor."""

from pathlib import Path

from scripts.check_story_results import CONVERSATIONS, PHRASINGS, judge, reported, story_names

CONVERSATION_NAMES = ["greet then more", "role then question", "menu then person"]
PHRASING_NAMES = [f"topic {n}" for n in range(1, 101)]


def outcomes(failing_conversations: list[str], failing_phrasings: list[str]) -> tuple[list, list]:
    """(passed, failed) as (name, file) pairs, the way the result files name them."""
    stories = [(name, CONVERSATIONS) for name in CONVERSATION_NAMES] + [(name, PHRASINGS) for name in PHRASING_NAMES]
    failing = set(failing_conversations) | set(failing_phrasings)
    return [s for s in stories if s[0] not in failing], [s for s in stories if s[0] in failing]


def test_everything_passing_passes() -> None:
    assert judge(CONVERSATION_NAMES, PHRASING_NAMES, *outcomes([], [])).ok


def test_one_failed_conversation_fails_the_gate_though_the_pooled_accuracy_is_high() -> None:
    passed, failed = outcomes(["role then question"], [])
    assert len(passed) / (len(passed) + len(failed)) > 0.99  # pooled, as the gate used to count
    verdict = judge(CONVERSATION_NAMES, PHRASING_NAMES, passed, failed)
    assert not verdict.ok
    assert "  missed: role then question" in verdict.lines


def test_every_conversation_failing_fails_the_gate_though_the_pooled_accuracy_clears_the_floor() -> None:
    passed, failed = outcomes(CONVERSATION_NAMES, [])
    assert len(passed) / (len(passed) + len(failed)) >= 0.88
    assert not judge(CONVERSATION_NAMES, PHRASING_NAMES, passed, failed).ok


def test_phrasings_are_judged_against_the_floor_on_their_own() -> None:
    twelve_misses = PHRASING_NAMES[:12]  # 88/100 right: on the floor
    assert judge(CONVERSATION_NAMES, PHRASING_NAMES, *outcomes([], twelve_misses)).ok
    assert not judge(CONVERSATION_NAMES, PHRASING_NAMES, *outcomes([], PHRASING_NAMES[:13])).ok


def test_a_story_the_run_did_not_report_fails_the_gate() -> None:
    passed, failed = outcomes([], [])
    unreported = [story for story in passed if story[0] != "menu then person"]
    verdict = judge(CONVERSATION_NAMES, PHRASING_NAMES, unreported, failed)
    assert not verdict.ok and "menu then person" in verdict.lines[0]
    assert not judge(CONVERSATION_NAMES, PHRASING_NAMES, [s for s in passed if s[0] != "topic 7"], failed).ok


def test_a_story_with_the_same_name_in_the_other_file_counts_for_its_own_file() -> None:
    passed, failed = outcomes([], [])
    passed = [s for s in passed if s[0] != "greet then more"] + [("greet then more", PHRASINGS)]
    assert not judge(CONVERSATION_NAMES, PHRASING_NAMES, passed, failed).ok


def test_rasas_result_files_are_read_by_story_name_and_file(tmp_path: Path) -> None:
    """The shape `rasa test core` writes: each story named "name (file)"; a comment when there are none."""
    failed = tmp_path / "failed_test_stories.yml"
    failed.write_text(
        'version: "3.1"\nstories:\n'
        f"- story: annual_review 3 ({PHRASINGS})\n  steps:\n  - intent: annual_review  # predicted: ask_deadline\n"
        "  - action: utter_annual_review\n"
        f"- story: the menu, then a question (2) ({CONVERSATIONS})\n  steps:\n  - intent: show_menu\n",
        encoding="utf-8")
    assert reported(failed) == [("annual_review 3", PHRASINGS), ("the menu, then a question (2)", CONVERSATIONS)]
    none = tmp_path / "none.yml"
    none.write_text("# None of the test stories failed - all good!", encoding="utf-8")
    assert reported(none) == [] and reported(tmp_path / "absent.yml") == []


def test_the_real_test_files_hold_both_kinds() -> None:
    assert len(story_names(Path(CONVERSATIONS))) >= 3
    assert len(story_names(Path(PHRASINGS))) >= 300
