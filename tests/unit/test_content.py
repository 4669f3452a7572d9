"""The answers themselves: every topic answered, sourced, short, plain, with real contacts only."""

import json
import re

import pytest
from rasa.core.nlg.interpolator import interpolate_text

from send_guide.content_files import load_content
from send_guide.sources import SOURCE_TITLES
from send_guide.topics import catalogue
from tests.law_lines import NATIONAL_LAW, answer_citations, law_line, on_sheet, sheet_citations
from tests.project_files import SOURCES, domain, nlu_examples, plain_text, read_yaml
from tests.topic_parts import missing_parts

TOPICS = list(catalogue().topics.values())
FAQ_TOPICS = [topic for topic in TOPICS if not topic.situation]  # answered by a domain.yml response
# The closing lines: an optional "Law:" line (national law the answer states), then the "Source:" line.
SOURCE_LINE = re.compile(r"\n\n(?:Law: [^\n]+\.\n)?Source: (?P<names>.+)\.$")
PHONE = re.compile(r"(?<!\d)(?:\+44\s?|0)\d(?:[\s-]?\d){8,10}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
MAX_WORDS = {"answer": 130, "more": 220}
# Acronyms a parent may not know: each answer that uses one must also spell it out "(ACRONYM".
ACRONYMS = ["SENCO", "SENDIAS", "SENAT", "CAMHS", "EHCP", "DSA", "PFA", "SLCN", "SEMH", "LA", "EP"]
KNOWN_SOURCES = list(SOURCE_TITLES.values()) + [
    "national emergency and helpline numbers (999, NHS 111, Samaritans, Childline, NSPCC, "
    "National Domestic Abuse Helpline)",
    "national emergency and helpline numbers (999, NHS 111, Samaritans, Childline)",
]
NAVIGATION = {
    "utter_menu", "utter_menu_group", "utter_did_you_mean", "utter_more_which_topic", "utter_empty_message",
    "utter_unreadable_message", "utter_affirm_ack", "utter_deny_ack", "utter_goodbye", "utter_youre_welcome",
    "utter_ask_role", "utter_role_parent", "utter_role_young_person", "utter_role_professional", "utter_greet",
    "utter_out_of_scope", "utter_default", "utter_deadline_left", "utter_deadline_no_dates",
    "utter_feedback_thanks", "utter_feedback_sorry",
}


def all_answer_texts() -> list[tuple[str, str]]:
    return [
        (name, variant["text"])
        for name, variants in domain()["responses"].items()
        for variant in variants
        if "text" in variant and "{" not in variant["text"]
    ]


def body(text: str) -> str:
    return SOURCE_LINE.split(text)[0]


def digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def contacts() -> list[dict]:
    """The contacts that have a number (one the council has still to give has none yet)."""
    return [entry for entry in load_content("contacts.yml")["contacts"] if entry.get("phone")]


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.intent)
def test_topic_has_every_part(topic) -> None:
    """Intent, answer, role variants, "Tell me more", rule, training examples, held-out phrasings and
    source (tests/topic_parts.py lists them; `python -m tests.topic_parts` prints what is missing)."""
    assert missing_parts(topic) == []


def test_button_payloads_with_entities_escape_their_braces() -> None:
    """Rasa fills {slot} placeholders in responses, buttons too: a payload's JSON must be written
    with doubled braces, or every use logs an error (and costs time) before Rasa gives up on it."""
    payloads = [button["payload"] for variants in domain()["responses"].values() for variant in variants
                for button in variant.get("buttons", [])]
    with_entities = [payload for payload in payloads if "{" in payload]
    assert with_entities, "the check looks at something"
    for payload in with_entities:
        sent = interpolate_text(payload, {})
        assert payload.count("{{") == 1 and sent == payload.replace("{{", "{").replace("}}", "}"), payload
        assert json.loads(sent[sent.index("{"):]), payload


@pytest.mark.parametrize("topic", FAQ_TOPICS, ids=lambda t: t.intent)
def test_answer_variants_end_with_the_default_and_carry_the_more_button(topic) -> None:
    variants = domain()["responses"][topic.response]
    assert "condition" not in variants[-1], "the default (parents) variant must come last"
    for variant in variants:
        payloads = [interpolate_text(b["payload"], {}) for b in variant.get("buttons", [])]  # as Rasa sends them
        assert (f'/tell_me_more{{"topic":"{topic.intent}"}}' in payloads) == topic.has_more


@pytest.mark.parametrize("name,text", all_answer_texts(), ids=lambda v: v if len(v) < 60 else "")
def test_every_answer_ends_with_a_known_source(name: str, text: str) -> None:
    if name in NAVIGATION and "Source:" not in text:
        return  # navigation text states no facts
    match = SOURCE_LINE.search(text)
    assert match, f"{name} does not end with a Source line"
    rest = match.group("names")
    for title in sorted(KNOWN_SOURCES, key=len, reverse=True):
        rest = rest.replace(title, "")
    assert rest.replace(" and ", "").strip() == "", f"{name}: unknown source in {match.group('names')!r}"
    if "\nLaw: " in text:
        assert law_line(text), f"{name}: the Law line must come just before the Source line"
        answer_citations(law_line(text))  # names only laws of send_guide.sources.LAW_TAGS, in the known form


@pytest.mark.skipif(not NATIONAL_LAW.is_file(), reason="the national law sheet (../shared) is not beside this clone")
def test_every_law_an_answer_cites_is_on_the_national_law_sheet() -> None:
    """An answer may state only the law the sheet was checked for: each provision on a Law line
    must be cited on shared/national-law.md (citing a section where the sheet has a subsection is fine)."""
    sheet = sheet_citations(NATIONAL_LAW.read_text(encoding="utf-8"))
    cited = [(name, citation) for name, text in all_answer_texts() if law_line(text)
             for citation in answer_citations(law_line(text))]
    assert cited, "the check looks at something"
    missing = [(name, citation) for name, citation in cited if not on_sheet(citation, sheet)]
    assert not missing, f"not on shared/national-law.md: {missing}"


@pytest.mark.parametrize("name,text", all_answer_texts(), ids=lambda v: v if len(v) < 60 else "")
def test_answers_are_short_and_plain(name: str, text: str) -> None:
    words = body(text).split()
    limit = MAX_WORDS["more"] if name.startswith("utter_more_") else MAX_WORDS["answer"]
    assert len(words) <= limit, f"{name} has {len(words)} words"
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", body(text)) if s.strip()]
    longest = max(sentences, key=lambda s: len(s.split()))
    assert len(longest.split()) <= 30, f"{name}: sentence too long: {longest}"


@pytest.mark.parametrize("name,text", all_answer_texts(), ids=lambda v: v if len(v) < 60 else "")
def test_acronyms_are_spelled_out(name: str, text: str) -> None:
    for acronym in ACRONYMS:
        if re.search(rf"\b{acronym}\b", body(text)):
            assert f"({acronym}" in body(text) or f"{acronym} (" in body(text), f"{name}: {acronym} not expanded"


def test_every_phone_number_is_a_known_contact() -> None:
    allowed = {digits(contact["phone"]) for contact in contacts()}
    for name, text in all_answer_texts():
        for number in PHONE.findall(text):
            assert digits(number) in allowed, f"{name}: {number} is not in send_guide/content/contacts.yml"


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the source pages (../shared/sources) are not beside this clone")
def test_every_local_contact_is_in_its_source_page() -> None:
    for contact in contacts():
        if contact["source"] in ("national", "council"):
            continue
        (page,) = SOURCES.glob(f"{contact['source']}_*.txt")
        text = re.sub(r"\s+", " ", re.sub(r"[()–-]", " ", page.read_text(encoding="utf-8")))
        found = {digits(match) for match in PHONE.findall(text)}
        assert digits(contact["phone"]) in found, f"{contact['phone']} is not on page {contact['source']}"


def test_no_answer_contains_an_email_address() -> None:
    for name, text in all_answer_texts():
        assert not EMAIL.search(text), name


def test_training_examples_do_not_repeat_across_intents() -> None:
    seen: dict[str, str] = {}
    for intent, examples in nlu_examples().items():
        for example in examples:
            key = example.lower().strip(" ?.!")
            assert seen.setdefault(key, intent) == intent, f"{example!r} in {intent} and {seen[key]}"


def test_held_out_test_phrases_are_not_training_examples() -> None:
    """tests/stories/test_held_out_phrasings.yml measures generalisation only if its phrasings were never trained on."""
    trained = {example.lower().strip(" ?.!") for examples in nlu_examples().values() for example in examples}
    stories = read_yaml("tests/stories/test_held_out_phrasings.yml")["stories"]
    phrases = [plain_text(step["user"]) for story in stories for step in story["steps"] if "user" in step]
    assert phrases, "no held-out phrases found"
    leaked = [phrase for phrase in phrases if phrase.lower().strip(" ?.!") in trained]
    assert not leaked, f"held-out phrases also in data/nlu.yml: {leaked}"


def test_test_stories_cover_every_intent_the_user_can_type() -> None:
    stories = read_yaml("tests/stories/test_held_out_phrasings.yml")["stories"]
    tested = {step["intent"] for story in stories for step in story["steps"] if "intent" in step}
    typed = set(nlu_examples())
    assert typed <= tested, f"intents without a test story: {sorted(typed - tested)}"
