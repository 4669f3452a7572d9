from send_guide.topics import Topic, catalogue
from tests.topic_parts import missing_parts


def test_every_topic_is_in_a_known_group_with_a_short_title() -> None:
    topics = catalogue()
    assert len(topics.topics) >= 50
    for topic in topics.topics.values():
        assert topic.group in topics.groups, topic.intent
        assert 0 < len(topic.title) <= 48, topic.intent


def test_suggestions_skip_non_topics_and_keep_ranking_order() -> None:
    ranking = [("greet", 0.4), ("mediation", 0.3), ("transport", 0.2), ("nlu_fallback", 0.1), ("benefits", 0.06)]
    assert [t.intent for t in catalogue().suggestions(ranking)] == ["mediation", "transport", "benefits"]


def test_suggestions_drop_near_zero_guesses() -> None:
    assert catalogue().suggestions([("mediation", 0.01)]) == []


def test_last_answered_finds_the_latest_topic() -> None:
    intents = ["greet", "mediation", "thanks", "ehc_process", "tell_me_more", None]
    assert catalogue().last_answered(intents).intent == "ehc_process"
    assert catalogue().last_answered(["greet", None]) is None


def test_a_new_topic_is_told_each_part_it_lacks() -> None:
    """tests/topic_parts.py names every missing part (the content test relies on it finding them)."""
    new = Topic(intent="made_up_topic", title="Made up", group="ehc", source="999", has_more=True)
    lacking = "\n".join(missing_parts(new))
    for part in ("made_up_topic in the list of intents", "the answer utter_made_up_topic",
                 "utter_more_made_up_topic", 'a rule "intent: made_up_topic"', "examples of made_up_topic (has 0)",
                 "phrasings never trained on (has 0)", "source '999'"):
        assert part in lacking, part
    existing = catalogue().topics["what_is_ehcp"]
    assert missing_parts(existing) == []
    assert "a variant for each role" in "\n".join(missing_parts(
        Topic(existing.intent, existing.title, existing.group, existing.source, existing.has_more, ("professional",))))
