"""The custom actions, run with real Rasa SDK trackers and dispatchers (no server needed)."""

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.glossary_actions import ActionExplainTerm
from actions.topic_actions import ActionAcknowledgeRole, ActionShowMenu, ActionSuggestTopics, ActionTellMeMore


def user_event(intent: str, text: str = "", entities: list | None = None) -> dict:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}, "entities": entities or []}}


def tracker(
    intent: str,
    text: str = "",
    entities: list | None = None,
    history: list | None = None,
    slots: dict | None = None,
    ranking: list | None = None,
) -> Tracker:
    latest: dict[str, Any] = {
        "intent": {"name": intent},
        "text": text,
        "entities": entities or [],
        "intent_ranking": [{"name": n, "confidence": c} for n, c in (ranking or [])],
    }
    events = [user_event(i) for i in (history or [])] + [user_event(intent, text, entities)]
    return Tracker("tester", slots or {}, latest, events, False, None, {}, "action_listen")


def run(action, a_tracker: Tracker) -> list[dict]:
    dispatcher = CollectingDispatcher()
    action.run(dispatcher, a_tracker, {})
    return dispatcher.messages


def test_menu_without_group_offers_groups_and_a_person() -> None:
    [message] = run(ActionShowMenu(), tracker("show_menu"))
    payloads = [b["payload"] for b in message["buttons"]]
    assert message["response"] == "utter_menu"
    assert '/show_menu{"menu_group":"ehc"}' in payloads and "/talk_to_person" in payloads


def test_menu_group_offers_its_topics() -> None:
    entities = [{"entity": "menu_group", "value": "disagree"}]
    [message] = run(ActionShowMenu(), tracker("show_menu", entities=entities))
    payloads = [b["payload"] for b in message["buttons"]]
    assert "/mediation" in payloads and "/ehc_process" not in payloads
    assert message["group"] == "Disagreements and appeals"


def test_unknown_menu_group_falls_back_to_all_groups() -> None:
    entities = [{"entity": "menu_group", "value": "<script>"}]
    [message] = run(ActionShowMenu(), tracker("show_menu", entities=entities))
    assert message["response"] == "utter_menu"


def test_fallback_suggests_likely_topics_then_menu_and_person() -> None:
    ranking = [("nlu_fallback", 0.5), ("mediation", 0.2), ("greet", 0.1), ("transport", 0.08)]
    [message] = run(ActionSuggestTopics(), tracker("nlu_fallback", ranking=ranking))
    payloads = [b["payload"] for b in message["buttons"]]
    assert message["response"] == "utter_did_you_mean"
    assert payloads == ["/mediation", "/transport", "/show_menu", "/talk_to_person"]


def test_fallback_with_no_likely_topic_says_so() -> None:
    [message] = run(ActionSuggestTopics(), tracker("nlu_fallback", ranking=[("nlu_fallback", 0.9)]))
    assert message["response"] == "utter_default"


def test_fallback_answers_with_a_service_the_message_names() -> None:
    ranking = [("nlu_fallback", 0.25), ("talk_to_person", 0.32), ("find_service", 0.28)]
    messages = run(ActionSuggestTopics(), tracker("nlu_fallback", text="penrose phone number", ranking=ranking))
    assert "01582 343230" in messages[0]["text"]
    assert messages[0]["custom"]["data"]["services"][0]["name"] == "Penrose"


def test_tell_me_more_uses_the_button_topic_first() -> None:
    entities = [{"entity": "topic", "value": "what_is_send"}]
    [message] = run(ActionTellMeMore(), tracker("tell_me_more", entities=entities, history=["ehc_process"]))
    assert message["response"] == "utter_more_what_is_send"


def test_tell_me_more_typed_uses_the_last_topic() -> None:
    [message] = run(ActionTellMeMore(), tracker("tell_me_more", history=["ehc_process", "thanks"]))
    assert message["response"] == "utter_more_ehc_process"


def test_tell_me_more_on_a_short_topic_says_that_is_all() -> None:
    [message] = run(ActionTellMeMore(), tracker("tell_me_more", history=["transport"]))
    assert message["response"] == "utter_no_more" and message["topic"] == "School transport"


def test_tell_me_more_with_nothing_asked_asks_which_topic() -> None:
    [message] = run(ActionTellMeMore(), tracker("tell_me_more", history=["greet"]))
    assert message["response"] == "utter_more_which_topic"


def test_role_acknowledged_and_role_specific_answer_repeated() -> None:
    a_tracker = tracker("inform_role", history=["request_assessment"], slots={"role": "professional"})
    messages = run(ActionAcknowledgeRole(), a_tracker)
    assert [m["response"] for m in messages] == ["utter_role_professional", "utter_request_assessment"]


def test_role_acknowledged_without_repeating_a_role_neutral_answer() -> None:
    a_tracker = tracker("inform_role", history=["short_breaks"], slots={"role": "parent"})
    assert [m["response"] for m in run(ActionAcknowledgeRole(), a_tracker)] == ["utter_role_parent"]


def test_role_not_understood_asks_for_it() -> None:
    [message] = run(ActionAcknowledgeRole(), tracker("inform_role"))
    assert message["response"] == "utter_ask_role"


def test_glossary_by_entity_id() -> None:
    entities = [{"entity": "term", "value": "senco"}]
    [message] = run(ActionExplainTerm(), tracker("ask_glossary", "what is a sendco", entities=entities))
    assert "Special Educational Needs Co-ordinator" in message["text"]
    assert message["text"].rstrip().endswith(".") and "Source:" in message["text"]


def test_glossary_term_with_a_full_answer_gives_that_answer() -> None:
    entities = [{"entity": "term", "value": "mediation"}]
    [message] = run(ActionExplainTerm(), tracker("ask_glossary", "what is mediation", entities=entities))
    assert message["response"] == "utter_mediation"


def test_glossary_unknown_word_says_so_kindly() -> None:
    [message] = run(ActionExplainTerm(), tracker("ask_glossary", "what does flibbertigibbet mean"))
    assert message["response"] == "utter_term_unknown"
