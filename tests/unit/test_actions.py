"""The custom actions, run with real Rasa SDK trackers and dispatchers (no server needed)."""

import importlib
import logging
import pkgutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions
from actions.deadline_actions import DeadlineAnswer
from actions.glossary_actions import ActionExplainTerm
from actions.safe_action import SafeAction
from actions.topic_actions import ActionAcknowledgeRole, ActionShowMenu, ActionSuggestTopics, ActionTellMeMore
from send_guide.fallback import something_went_wrong
from tests.run_async import run_async

ROOT = Path(__file__).resolve().parents[2]


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
    run_async(action.run(dispatcher, a_tracker, {}))
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
    # The response has the menu and person buttons in domain.yml; Rasa adds an action's buttons to a
    # response's, so sending them here too showed each button twice.
    assert not message["buttons"]
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    [response] = domain["responses"]["utter_default"]
    assert {button["payload"] for button in response["buttons"]} == {
        "/show_menu", "/talk_to_person"}


def test_fallback_for_a_long_story_gives_a_next_step_and_contact_not_only_did_you_mean() -> None:
    story = " ".join(["We have had a very long year with the school and nobody listens to us at all."] * 4)
    ranking = [("nlu_fallback", 0.5), ("mediation", 0.2)]
    [message] = run(ActionSuggestTopics(), tracker("nlu_fallback", text=story, ranking=ranking))
    assert message["response"] == "utter_story_not_placed"
    assert [b["payload"] for b in message["buttons"]] == ["/mediation", "/show_menu", "/talk_to_person"]


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
    [message] = run(ActionTellMeMore(), tracker("tell_me_more", history=["personal_budget"]))
    assert message["response"] == "utter_no_more" and message["topic"] == "Personal budgets"


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


def test_a_parent_is_not_given_the_same_answer_twice() -> None:
    """Parents get the default answer already: only a role with its own variant repeats it."""
    a_tracker = tracker("inform_role", history=["transport"], slots={"role": "parent"})
    assert [m["response"] for m in run(ActionAcknowledgeRole(), a_tracker)] == ["utter_role_parent"]
    young = tracker("inform_role", history=["transport"], slots={"role": "young_person"})
    assert [m["response"] for m in run(ActionAcknowledgeRole(), young)] == ["utter_role_young_person",
                                                                          "utter_transport"]


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


# --- every action answers, even when it fails ---------------------------------------------------

def action_classes() -> dict[str, type[SafeAction]]:
    """Every action class in the actions package, by the name Rasa calls it."""
    for module in pkgutil.iter_modules(actions.__path__):
        importlib.import_module(f"actions.{module.name}")
    found, todo = {}, list(SafeAction.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        found[cls().name()] = cls
    return found


def test_every_custom_action_of_the_domain_is_a_safe_action() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    custom = {name for name in domain["actions"] if not name.startswith("utter_")}
    assert custom and custom <= set(action_classes())
    rasa_actions = {cls for module in pkgutil.iter_modules(actions.__path__)
                    for cls in vars(importlib.import_module(f"actions.{module.name}")).values()
                    if isinstance(cls, type) and issubclass(cls, Action) and cls.__module__.startswith("actions.")}
    assert all(issubclass(cls, SafeAction) for cls in rasa_actions), "every action must derive from SafeAction"


@pytest.mark.parametrize("name", sorted(action_classes()))
def test_every_action_answers_kindly_when_it_fails(name: str, monkeypatch, caplog) -> None:
    cls = action_classes()[name]

    def fail(*_args):
        raise RuntimeError("Amina amina@example.org 07911 123456")  # what an error could quote

    monkeypatch.setattr(cls, "act", fail)
    dispatcher = CollectingDispatcher()
    with caplog.at_level(logging.ERROR):
        events = run_async(cls().run(dispatcher, tracker("affirm", "yes"), {}))
    assert dispatcher.messages[-1]["text"] == something_went_wrong()
    assert "01582 548156" in dispatcher.messages[-1]["text"]
    assert isinstance(events, list)
    assert name in caplog.text and "RuntimeError" in caplog.text
    assert "Amina" not in caplog.text and "07911" not in caplog.text


def test_a_deadline_the_engine_refuses_ends_in_an_apology_and_a_fresh_start() -> None:
    """A date accepted before the engine refused far-future dates (or by any other path) must
    not leave the answer silent, nor fail the same way on every later message."""
    slots = {"deadline_event": "request", "deadline_date": "9999-10-01", "deadline_outcome": "done"}
    dispatcher = CollectingDispatcher()
    events = run_async(DeadlineAnswer().run(dispatcher, tracker("affirm", "yes", slots=slots), {}))
    assert [m["text"] for m in dispatcher.messages] == [something_went_wrong()]
    assert {"event": "slot", "name": "deadline_date", "value": None} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events]


@pytest.mark.parametrize("intent", ["show_menu", "describe_situation"])
def test_leaving_the_deadline_form_for_another_question_answers_it_in_the_same_turn(intent: str) -> None:
    """DeadlineAnswer runs the other action's work itself (ACTION_FOR_INTENT): it must get that
    action's events, not an un-awaited coroutine (SafeAction.run is async)."""
    dispatcher = CollectingDispatcher()
    slots = {"deadline_outcome": "moved_on"}
    events = run_async(DeadlineAnswer().run(dispatcher, tracker(intent, "my son was excluded", slots=slots), {}))
    assert isinstance(events, list)
    assert dispatcher.messages and dispatcher.messages[-1]["text"] != something_went_wrong()
