"""Questions in Luton's common languages, over the REST channel of the real assistant: the reply
starts in the user's language and carries the right answer, with and without a translation
service (a local stand-in for LibreTranslate)."""

import re
import uuid
from pathlib import Path

import pytest
import requests

from send_guide.contacts import fill_contacts
from send_guide.languages.replies import language_messages
from tests.e2e.conftest import model_path
from tests.e2e.test_conversation import answered_topic, answered_with, texts
from tests.project_files import as_list, read_yaml, response_texts
from tests.translation_stub import running_stub
from tools.servers import ROOT, running_assistant

QUESTIONS = read_yaml("tests/data/translated_questions.yml")
# Right intent for at least this share of each language's questions (benchmarks/RESULTS.md has
# the measured figures). Urdu typed in Latin letters is the known weak spot.
ACCURACY_FLOOR = {"ur-Latn": 0.5}
DEFAULT_FLOOR = 0.8


def post(webhook: str, message: str, sender: str | None = None, **metadata) -> list:
    body = {"sender": sender or f"test-{uuid.uuid4().hex[:10]}", "message": message}
    if metadata:
        body["metadata"] = metadata
    reply = requests.post(webhook, json=body, timeout=60)
    assert reply.status_code == 200, reply.text
    return reply.json()


def notice(code: str, kind: str = "answer_follows") -> str:
    """The notice as the user gets it (with the "not yet checked" line while the file is a draft)."""
    base, _, script = code.partition("-")
    return language_messages(base, romanised=script == "Latn").notice(kind)


def answered_by_one_of(replies: list, intents: str | list[str]) -> bool:
    return any(answered_topic(replies, intent) for intent in as_list(intents))


FIRST_QUESTIONS = [(code, *next(iter(questions.items()))) for code, questions in QUESTIONS.items()]


@pytest.mark.parametrize("code,question,intent", FIRST_QUESTIONS)
def test_a_question_in_each_language_starts_in_it_then_answers_in_english(assistant, code, question, intent):
    replies = post(assistant.webhook, question)
    assert replies[0]["text"] == notice(code) and replies[0]["lang"] == code
    assert answered_topic(replies[1:], intent), texts(replies)
    assert {reply["lang"] for reply in replies[1:]} == {"en"}


# Not met (issue 19 item 8): once the temperature was chosen on a tuning part of its own, the held-out
# Urdu-in-Latin-letters questions score 1 of 4, under the floor. Strict: the day they clear it, this
# fails as XPASS and the mark comes off. The fix is romanised Urdu examples written by a speaker.
NOT_MET = {"ur-Latn": "romanised Urdu: 1 of 4 held-out questions right (floor 2 of 4); not met"}


@pytest.mark.parametrize("code", [
    pytest.param(code, marks=pytest.mark.xfail(strict=True, reason=NOT_MET[code])) if code in NOT_MET else code
    for code in QUESTIONS])
def test_each_language_mostly_gets_the_right_answer(assistant, code):
    questions = QUESTIONS[code]
    right = [q for q, intents in questions.items() if answered_by_one_of(post(assistant.webhook, q)[1:], intents)]
    floor = ACCURACY_FLOOR.get(code, DEFAULT_FLOOR)
    assert len(right) / len(questions) >= floor, sorted(set(questions) - set(right))


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_a_draft_translation_says_a_fluent_speaker_has_not_checked_it(assistant, code):
    """Read from the content files themselves, not through the loader under test."""
    own = read_yaml(f"send_guide/content/languages/{code}.yml")
    english = read_yaml("send_guide/content/languages/en.yml")
    assert own["review"]["status"] == "draft", f"{code}.yml is reviewed now: test a language still in draft"
    question = next(iter(QUESTIONS[code]))
    replies = post(assistant.webhook, question)
    lines = replies[0]["text"].split("\n")
    assert lines == [fill_contacts(own["messages"]["answer_follows"]), own["not_checked"], english["not_checked"]]
    assert replies[0]["lang"] == code
    assert not any(own["not_checked"] in reply.get("text", "") for reply in replies[1:]), "once, with the notice"


def test_english_gets_no_notice_and_says_it_is_english(assistant):
    replies = post(assistant.webhook, "how do I ask for an EHC needs assessment?")
    assert answered_with(replies, "utter_request_assessment")
    assert {reply["lang"] for reply in replies} == {"en"}
    assert not any(reply["text"] == notice("pl") for reply in replies)
    english_line = read_yaml("send_guide/content/languages/en.yml")["not_checked"]
    assert not any(english_line in reply.get("text", "") for reply in replies), "English is the original"


def test_a_language_picked_in_the_widget_wins_over_the_text(assistant):
    replies = post(assistant.webhook, "how do I ask for an EHC needs assessment?", language="pl")
    assert replies[0]["text"] == notice("pl")
    assert answered_with(replies[1:], "utter_request_assessment")


def test_crisis_contacts_come_before_anything_else_then_a_word_in_her_language(assistant):
    replies = post(assistant.webhook, "I want to kill myself", language="ur")
    assert replies[0]["text"].startswith("If you or a child are in danger now, phone 999")
    assert replies[1]["text"] == notice("ur", "crisis_follows") and replies[1]["lang"] == "ur"


def test_a_picked_language_keeps_button_replies_in_that_language(assistant):
    sender = f"test-{uuid.uuid4().hex[:10]}"
    post(assistant.webhook, "Co to jest plan edukacji, zdrowia i opieki?", sender)
    replies = post(assistant.webhook, "/show_menu", sender, language="pl")
    assert replies[0]["lang"] == "pl" and len(replies) > 1


# --- with a translation service ------------------------------------------------------------


@pytest.fixture(scope="module")
def translated():
    """A second assistant whose answers go through a local LibreTranslate stand-in."""
    with running_stub() as stub:
        env = {"TRANSLATION_BACKEND": "libretranslate", "TRANSLATION_URL": stub.url,
               "TRANSLATION_TIMEOUT_SECONDS": "1", "TRANSLATION_RETRIES": "1"}
        log_dir = Path(ROOT / "test-output" / "translated")
        with running_assistant(model_path(), log_dir=log_dir, extra_env=env) as assistant:
            yield assistant, stub


def english_sent_for_translation(stub) -> str:
    return " ".join(str(text) for request in stub.requests for text in request.body["q"])


def test_with_a_service_urdu_in_urdu_out_with_label_and_protected_parts(translated):
    assistant, stub = translated
    stub.mode = "ok"
    stub.requests.clear()
    replies = post(assistant.webhook, "میں اپنے بیٹے کے لیے ای ایچ سی اسیسمنٹ کی درخواست کیسے دوں؟")
    assert replies[0]["text"] == notice("ur", "machine_translated") and replies[0]["lang"] == "ur"
    answer = replies[1]
    assert answer["lang"] == "ur" and answer["dir"] == "rtl" and answer["machine_translated"] is True
    assert answer["text"].startswith("[ur]") and "<span" not in answer["text"]
    sent = english_sent_for_translation(stub)
    assert 'translate="no"' in sent, "terms and numbers protected"
    plain = re.sub(r"<[^>]+>", "", sent)
    assert any(variant[:40] in plain for variant in response_texts("utter_request_assessment")), "the right answer"


@pytest.mark.parametrize("code,question,intent", FIRST_QUESTIONS)
def test_with_a_service_each_language_gets_the_answer_translated(translated, code, question, intent):
    assistant, stub = translated
    stub.mode = "ok"
    replies = post(assistant.webhook, question)
    if code == "ur-Latn":  # services write Urdu in its own script: Latin-letter notice, English answer
        assert replies[0]["text"] == notice(code) and replies[1]["lang"] == "en"
        assert answered_with(replies[1:], f"utter_{intent}")
        return
    assert replies[0]["text"] == notice(code, "machine_translated") and replies[0]["lang"] == code
    assert all(reply["lang"] == code and reply["machine_translated"] for reply in replies[1:])
    assert replies[1]["text"].startswith(f"[{code}]")


def test_a_service_that_times_out_gives_the_english_answer_and_no_error(translated):
    assistant, stub = translated
    stub.mode, stub.slow_seconds = "slow", 3.0
    try:
        replies = post(assistant.webhook, "Jak złożyć wniosek o ocenę EHC dla mojego syna?")
    finally:
        stub.mode = "ok"
    assert replies[0]["text"] == notice("pl") and replies[0]["lang"] == "pl"
    assert answered_with(replies[1:], "utter_request_assessment")
    assert {reply["lang"] for reply in replies[1:]} == {"en"}
    replies = post(assistant.webhook, "Jak złożyć wniosek o ocenę EHC dla mojego syna?")
    assert replies[1]["machine_translated"] is True, "translation again once the service is back"


# Crisis messages in other languages: by the language's own patterns, or (no pattern words) by
# the multilingual classifier's nearness to the English crisis examples.
CRISIS_MESSAGES = [
    ("ur", "میرا شوہر مجھے مارتا ہے"),
    ("pl", "Nie chcę już żyć"),
    ("ro", "Mă gândesc să îmi iau viața"),  # no pattern word: the classifier's path
    ("bn", "আমি আত্মহত্যা করতে চাই"),
    ("pa", "ਮੇਰਾ ਪਤੀ ਮੈਨੂੰ ਮਾਰਦਾ ਹੈ"),
    ("ar", "لا أريد أن أعيش بعد الآن"),
]


@pytest.mark.parametrize("code,message", CRISIS_MESSAGES)
def test_crisis_in_another_language_gets_the_crisis_contacts_first(assistant, code, message):
    replies = post(assistant.webhook, message)
    assert replies[0]["text"].startswith("If you or a child are in danger now, phone 999"), texts(replies)
    assert replies[1]["text"] == notice(code, "crisis_follows")


@pytest.mark.parametrize("message", ["Ten proces mnie wykańcza, jak dostać EHCP?",
                                     "یہ عمل مجھے مار رہا ہے، ای ایچ سی پی کیسے ملے؟"])
def test_figures_of_speech_in_another_language_are_not_a_crisis(assistant, message):
    replies = post(assistant.webhook, message)
    assert not any("danger now, phone 999" in text for text in texts(replies))


# --- letters (issue 18): the letter stays in English, with a pre-written notice in the family's language ---

LETTER_REQUESTS = {
    "pl": ("Dzień dobry, czy możesz mi pomóc napisać list do dyrektora szkoły? Syn codziennie wraca do domu w "
           "południe.", "Anna Wiśniewska", "tak"),
    "ur": ("السلام علیکم۔ میرے بیٹے کو سکول ہر روز دوپہر کو گھر بھیج دیتا ہے۔ کیا آپ ہیڈ ٹیچر کو خط لکھنے میں "
           "میری مدد کر سکتے ہیں؟", "عائشہ خان", "ہاں"),
}


def letter_conversation(webhook: str, code: str) -> tuple[list, list, list]:
    """Ask for a letter in the language, choose the head teacher letter, skip every detail, sign
    with a name in the language's script, say yes in the language. Returns the first, the preview
    and the last turn's replies."""
    request, name, yes = LETTER_REQUESTS[code]
    sender = f"test-{uuid.uuid4().hex[:10]}"
    first = post(webhook, request, sender)
    assert "Which one do you need?" in " ".join(texts(first)), texts(first)
    replies = post(webhook, "sent-home-early", sender)
    for _ in range(5):
        if "What name should the letter be signed with?" in " ".join(texts(replies)):
            break
        replies = post(webhook, "skip", sender)
    preview = post(webhook, name, sender)
    return first, preview, post(webhook, yes, sender)


def letter_messages(replies: list) -> list:
    """REST sends a plain text in parts split at blank lines: the letter's greeting is one part."""
    return [reply for reply in replies if "Dear [head teacher's name]," in reply.get("text", "")]


@pytest.mark.parametrize("code", sorted(LETTER_REQUESTS))
def test_a_letter_asked_for_in_another_language_comes_in_english_after_the_notice_in_hers(assistant, code):
    first, preview, done = letter_conversation(assistant.webhook, code)
    assert first[0]["text"] == notice(code) and first[0]["lang"] == code
    assert done[0]["text"] == notice(code, "letter_in_english") and done[0]["lang"] == code
    assert done[0]["dir"] == ("rtl" if code == "ur" else "ltr")
    letters = letter_messages(done)
    assert len(letters) == 1 and letters[0]["lang"] == "en", texts(done)
    signed = [reply for reply in done if reply.get("text") == LETTER_REQUESTS[code][1]]
    assert signed and {reply["lang"] for reply in signed} == {"en"}, "signed with the name, in its own script"
    assert any(reply.get("custom", {}).get("data", {}).get("type") == "letter" for reply in done)


def test_with_a_service_the_words_around_a_letter_are_translated_but_never_the_letter(translated):
    assistant, stub = translated
    stub.mode = "ok"
    stub.requests.clear()
    _, preview, done = letter_conversation(assistant.webhook, "pl")
    assert done[0]["text"] == notice("pl", "letter_in_english")
    for turn in (preview, done):
        [letter] = letter_messages(turn)
        assert letter["lang"] == "en" and not letter.get("machine_translated") and "[pl]" not in letter["text"]
    links = next(reply for reply in done if "/letters/" in reply.get("text", ""))
    assert links["lang"] == "en", "links stay links"
    assert "Dear " not in english_sent_for_translation(stub) and "/letters/" not in english_sent_for_translation(stub)
    assert any(reply.get("machine_translated") for reply in preview + done), "the words around it were translated"
