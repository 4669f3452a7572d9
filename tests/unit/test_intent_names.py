"""The intent and action names the code acts on (send_guide/intents.py) are the ones domain.yml declares,
and a question asked in the middle of the deadline form is answered by what its rules would give it."""

import ast

import pytest

from send_guide import intents
from send_guide.topics import catalogue
from tests.project_files import parsed_code, read_yaml

DOMAIN = read_yaml("domain.yml")
DECLARED_INTENTS = set(DOMAIN["intents"])
RESPONSES = DOMAIN["responses"]
NAMED = {name: value for name, value in vars(intents).items() if name.isupper() and isinstance(value, str)}


@pytest.mark.parametrize("name", sorted(set(NAMED) - {"FALLBACK", "SITUATION_ACTION", "LEFT_THE_FORM"}))
def test_each_named_intent_is_declared_in_the_domain(name: str) -> None:
    assert NAMED[name] in DECLARED_INTENTS


def test_each_action_it_hands_over_to_is_declared_and_ruled_for_its_intent() -> None:
    rules = read_yaml("data/rules.yml")["rules"]
    for intent, action in intents.ACTION_FOR_INTENT.items():
        assert action in DOMAIN["actions"]
        assert any(step.get("intent") == intent and {"action": action} in rule["steps"]
                   for rule in rules for step in rule["steps"]), (intent, action)
    assert intents.LEFT_THE_FORM in RESPONSES


def test_a_question_in_the_middle_of_the_form_gets_its_own_answer() -> None:
    with_response = next(name.removeprefix("utter_") for name in RESPONSES if name.removeprefix("utter_")
                         in DECLARED_INTENTS)
    assert intents.answer_after_leaving_form(with_response, RESPONSES) == f"utter_{with_response}"
    assert intents.answer_after_leaving_form(intents.GLOSSARY, RESPONSES) == "action_explain_term"
    situation_topic = next(intent for intent in DECLARED_INTENTS if (topic := catalogue().get(intent))
                           and topic.situation and f"utter_{intent}" not in RESPONSES)
    assert intents.answer_after_leaving_form(situation_topic, RESPONSES) == "action_answer_situation"
    assert intents.answer_after_leaving_form("goodbye_forever", RESPONSES) == "utter_deadline_left"


def test_no_named_intent_is_written_as_a_literal_elsewhere() -> None:
    names = set(NAMED.values()) - set(intents.ACTION_FOR_INTENT.values())
    # The same word naming something else: "thanks" is also a list of the language files.
    not_intents = {("send_guide/small_talk.py", "thanks")}
    literals = [f"{path}:{node.lineno} {node.value!r}"
                for path, tree in parsed_code(leave_out=("send_guide/intents.py",))
                for node in ast.walk(tree) if isinstance(node, ast.Constant) and node.value in names
                and (path, node.value) not in not_intents]
    assert not literals
