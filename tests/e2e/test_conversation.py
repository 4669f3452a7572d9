"""Talk to the real assistant over the REST channel, as the web widget and other clients do."""

import pytest

from send_guide.situation.catalogue import catalogue as situations
from send_guide.topics import catalogue
from tests.project_files import domain, read_yaml, response_texts

QUESTIONS = read_yaml("tests/data/source_questions.yml")


def texts(replies: list) -> list[str]:
    return [reply.get("text", "") for reply in replies]


def answered_with(replies: list, response: str) -> bool:
    """True if the replies hold one variant of `response`. Rasa's REST channel splits a plain
    text at blank lines into several messages but keeps a text with buttons whole."""
    got = "\n\n".join(text.strip() for text in texts(replies))
    return any(variant.strip() in got for variant in response_texts(response))


def answered_topic(replies: list, intent: str) -> bool:
    """True if the replies hold the topic's answer: its response, or for a topic a situation
    answers (topics.yml situation:), the first line of that situation's answer."""
    topic = catalogue().get(intent)
    if topic.situation:
        return situations().stage(topic.stage).answer.splitlines()[0] in "\n".join(texts(replies))
    return answered_with(replies, topic.response)


def variant_for(response: str, role: str) -> str:
    """The first part of the variant of `response` written for `role`."""
    for variant in domain()["responses"][response]:
        if any(cond["value"] == role for cond in variant.get("condition", [])):
            return variant["text"].split("\n\n")[0]
    raise LookupError(f"{response} has no {role} variant")


@pytest.mark.parametrize("question,intent", QUESTIONS["parent"].items())
def test_every_parent_source_question_gets_its_answer(chat, question: str, intent: str) -> None:
    replies = chat(question)
    assert answered_topic(replies, intent), f"{question!r} -> {texts(replies)}"


@pytest.mark.parametrize("question,intent", QUESTIONS["professional"].items())
def test_every_professional_source_question_gets_its_answer(chat, question: str, intent: str) -> None:
    chat("I am a professional")
    replies = chat(question)
    assert answered_topic(replies, intent), f"{question!r} -> {texts(replies)}"
    if "professional" in catalogue().get(intent).roles:
        assert variant_for(f"utter_{intent}", "professional") in "\n\n".join(texts(replies)), "professional variant"


def test_role_changes_the_answer_and_re_answers_the_last_question(chat) -> None:
    parent_answer = chat("how do I ask for an EHC needs assessment?")
    professional_answer = chat("I'm a SENCO actually")
    professional_text = variant_for("utter_request_assessment", "professional")
    # REST sends a text with buttons whole and splits a plain one at blank lines: compare the joined replies.
    assert professional_text not in "\n\n".join(texts(parent_answer))
    assert professional_text in "\n\n".join(texts(professional_answer)), "role acknowledged and answered again"


def test_tell_me_more_button_and_typed_follow_up(chat) -> None:
    first = chat("what are the steps after asking for an ehc assessment")
    assert answered_with(first, "utter_ehc_process")
    button = next(b for r in first for b in r.get("buttons", []) if "tell_me_more" in b["payload"])
    assert answered_with(chat(button["payload"]), "utter_more_ehc_process")
    assert answered_with(chat("tell me more"), "utter_more_ehc_process")


def test_glossary_explains_a_term_even_misspelt(chat) -> None:
    assert "Special Educational Needs Co-ordinator" in " ".join(texts(chat("what does sendco mean")))
    assert "dyspraxia" in " ".join(texts(chat("what is dyspraksia"))).lower()


def test_menu_lists_groups_then_topics(chat) -> None:
    menu = chat("show me the menu")
    groups = [b for r in menu for b in r.get("buttons", [])]
    assert len(groups) >= len(catalogue().groups)
    topics = chat(groups[1]["payload"])
    topic_buttons = [b for r in topics for b in r.get("buttons", [])]
    assert any(b["payload"] == "/ehc_process" for b in topic_buttons)


def test_out_of_scope_is_answered_politely(chat) -> None:
    assert answered_with(chat("what's the weather tomorrow in luton"), "utter_out_of_scope")


def test_talk_to_a_person_gives_sendias(chat) -> None:
    assert "01582 548156" in " ".join(texts(chat("can I talk to a real person please")))


def test_gibberish_gets_topic_suggestions_as_buttons(chat) -> None:
    replies = chat("xqzv plorp wibble")
    payloads = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert "/show_menu" in payloads and "/talk_to_person" in payloads


@pytest.mark.parametrize("message", ["xqzv plorp wibble", "Jan Kowalski"])
def test_a_message_not_understood_shows_each_button_once(chat, message: str) -> None:
    for reply in chat(message):
        payloads = [button["payload"] for button in reply.get("buttons", [])]
        assert len(payloads) == len(set(payloads)), reply


def test_crisis_message_gets_crisis_contacts_first(chat) -> None:
    replies = chat("my son said he wants to kill himself, and what is an EHCP?")
    assert "999" in replies[0]["text"] and "116 123" in replies[0]["text"]


def test_figure_of_speech_is_not_a_crisis(chat) -> None:
    replies = chat("it's killing me trying to get an EHCP, how long does it take?")
    assert "116 123" not in " ".join(texts(replies))


def test_a_section_of_the_plan_is_explained_with_its_law(chat) -> None:
    """The issue's example: "what does Section F in the plan mean?" got an unrelated answer."""
    answer = "\n".join(texts(chat("what does Section F in the plan mean?")))
    assert "Section F of an EHC plan" in answer and "how much, how often" in answer, answer
    assert "Law: SEND Regulations 2014, regulation 12(1)" in answer, answer
