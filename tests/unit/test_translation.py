"""Translation clients over real HTTP against a local stand-in service, and what a user who
wrote in another language receives in one turn (send_guide/languages/turn.py)."""

import json
import time
from pathlib import Path

import pytest

from send_guide.languages.identify import Identified
from send_guide.languages.replies import language_messages
from send_guide.languages.turn import KEEP_IN_ENGLISH, PREWRITTEN, LanguageTurn, tags_without_turn
from send_guide.translation.backends import (
    AzureTranslator,
    GoogleTranslator,
    LibreTranslate,
    Settings,
    TranslationFailed,
)
from send_guide.translation.config import TranslationConfigError, translator_from_environment
from send_guide.translation.protect import LostProtectedText, protect, restore
from tests.run_async import run_async
from tests.translation_stub import running_stub

RECORDED = Path(__file__).resolve().parents[1] / "data" / "recorded"
ANSWER = "Phone Luton SENDIAS on 01582 548156. Ask the SENCO about an EHCP."


@pytest.fixture
def stub():
    with running_stub() as running:
        yield running


def translate(translator, texts, target="ur"):
    return run_async(translator.translate(texts, target))


# --- protection ---------------------------------------------------------------------------


def test_phone_numbers_links_services_and_acronyms_are_protected() -> None:
    text = "Phone Luton SENDIAS on 01582 548156, see https://example.org/a?b=1 or ask your SENCO."
    protected = protect(text)
    assert protected.kept == ("Luton SENDIAS", "01582 548156", "https://example.org/a?b=1", "SENCO")
    assert protected.html.count('translate="no"') == 4


def test_text_is_escaped_on_the_way_out_and_plain_on_the_way_back() -> None:
    protected = protect("Tom & Jerry <script>alert(1)</script>")
    assert "<script>" not in protected.html
    assert restore(protected.html, protected) == "Tom & Jerry <script>alert(1)</script>"


def test_a_protected_part_the_service_changed_fails_the_translation() -> None:
    protected = protect(ANSWER)
    with pytest.raises(LostProtectedText):
        restore(protected.html.replace("01582 548156", "01582 548 156"), protected)


# --- the three services ----------------------------------------------------------------------


def test_libretranslate_sends_html_from_english_and_keeps_protected_parts(stub) -> None:
    translator = LibreTranslate(Settings(url=stub.url, api_key="k1"))
    [answer, button] = translate(translator, [ANSWER, "Talk to a person"])
    assert answer.startswith("[ur] Phone") and "01582 548156" in answer and "Luton SENDIAS" in answer
    assert button == "[ur] Talk to a person"
    body = stub.requests[-1].body
    assert (body["source"], body["target"], body["format"], body["api_key"]) == ("en", "ur", "html", "k1")


@pytest.mark.parametrize(
    "translator_class,recording,target",
    [(AzureTranslator, "azure_translate.json", "ur"), (GoogleTranslator, "google_translate.json", "pl")],
)
def test_cloud_service_request_and_response_match_the_recording(stub, translator_class, recording, target) -> None:
    exchange = json.loads((RECORDED / recording).read_text(encoding="utf-8"))
    stub.mode, stub.replay = "replay", exchange["response"]
    translator = translator_class(Settings(url=stub.url, api_key="test-key", region="uksouth"))
    result = translate(translator, ["Phone Luton SENDIAS on 01582 548156.", "Talk to a person"], target)
    sent = stub.requests[-1]
    assert sent.path == exchange["request"]["path"]
    assert {key: values[0] for key, values in sent.query.items()} == exchange["request"]["query"]
    assert sent.body == exchange["request"]["body"]
    for header, value in exchange["request"].get("headers", {}).items():
        assert sent.headers.get(header) == value
    assert "01582 548156" in result[0] and "Luton SENDIAS" in result[0]
    assert "<span" not in result[0] and result[1] != "Talk to a person"


def test_a_slow_service_is_retried_then_given_up_within_the_time_limit(stub) -> None:
    stub.mode, stub.slow_seconds = "slow", 2.0
    translator = LibreTranslate(Settings(url=stub.url, timeout_seconds=0.3, retries=1))
    started = time.monotonic()
    with pytest.raises(TranslationFailed):
        translate(translator, [ANSWER])
    assert time.monotonic() - started < 1.5
    assert len(stub.requests) == 2, "one retry"


def test_a_failing_or_mangling_service_fails_cleanly(stub) -> None:
    translator = LibreTranslate(Settings(url=stub.url, timeout_seconds=2, retries=1, retry_pause_seconds=0))
    stub.mode = "error"
    with pytest.raises(TranslationFailed):
        translate(translator, [ANSWER])
    stub.mode = "mangle"
    with pytest.raises(TranslationFailed):
        translate(translator, [ANSWER])


def test_an_unreachable_service_fails_cleanly() -> None:
    translator = LibreTranslate(Settings(url="http://127.0.0.1:9", timeout_seconds=1, retries=0))
    with pytest.raises(TranslationFailed):
        translate(translator, [ANSWER])


# --- configuration ---------------------------------------------------------------------------


def test_no_service_by_default_and_each_one_from_the_environment() -> None:
    assert translator_from_environment({}) is None
    libre = translator_from_environment({"TRANSLATION_BACKEND": "libretranslate", "TRANSLATION_URL": "http://x"})
    assert isinstance(libre, LibreTranslate)
    azure = translator_from_environment({"TRANSLATION_BACKEND": "azure", "TRANSLATION_API_KEY": "k"})
    assert isinstance(azure, AzureTranslator) and azure.settings.url.startswith("https://api.cognitive")
    assert isinstance(translator_from_environment({"TRANSLATION_BACKEND": "google", "TRANSLATION_API_KEY": "k"}),
                      GoogleTranslator)


@pytest.mark.parametrize("environ", [
    {"TRANSLATION_BACKEND": "babelfish"},
    {"TRANSLATION_BACKEND": "libretranslate"},
    {"TRANSLATION_BACKEND": "azure"},
    {"TRANSLATION_BACKEND": "libretranslate", "TRANSLATION_URL": "http://x", "TRANSLATION_TIMEOUT_SECONDS": "soon"},
])
def test_incomplete_configuration_stops_with_a_clear_message(environ) -> None:
    with pytest.raises(TranslationConfigError):
        translator_from_environment(environ)


# --- one turn in another language --------------------------------------------------------------


def render_turn(identified, translator, *messages):
    turn = LanguageTurn(identified, translator)

    async def run():
        return [out for message in messages for out in await turn.render(dict(message))]

    return run_async(run())


URDU = Identified("ur", 0.9, "detected")
FIRST = {"text": ANSWER, "utter_action": "utter_request_assessment",
         "buttons": [{"title": "Tell me more", "payload": "/tell_me_more"}]}
SECOND = {"text": "Is there anything else?"}


def test_without_a_service_the_notice_comes_first_then_the_english_answer() -> None:
    out = render_turn(URDU, None, FIRST, SECOND)
    assert [m["lang"] for m in out] == ["ur", "en", "en"]
    assert out[0]["text"] == language_messages("ur").notice("answer_follows") and out[0]["dir"] == "rtl"
    assert out[1]["text"] == ANSWER and out[1]["buttons"] == FIRST["buttons"]


def test_with_a_service_the_answer_and_buttons_are_translated_and_labelled(stub) -> None:
    out = render_turn(URDU, LibreTranslate(Settings(url=stub.url)), FIRST, SECOND)
    assert out[0]["text"] == language_messages("ur").notice("machine_translated")
    assert out[1]["machine_translated"] and out[1]["lang"] == "ur" and out[1]["text"].startswith("[ur]")
    assert out[1]["buttons"] == [{"title": "[ur] Tell me more", "payload": "/tell_me_more"}]
    assert out[2]["text"].startswith("[ur]")


def test_when_the_service_fails_the_turn_falls_back_to_english_and_stops_asking_it(stub) -> None:
    stub.mode, stub.slow_seconds = "slow", 1.0
    translator = LibreTranslate(Settings(url=stub.url, timeout_seconds=0.2, retries=0))
    out = render_turn(Identified("pl", 0.9, "detected"), translator, FIRST, SECOND)
    assert out[0]["text"] == language_messages("pl").notice("answer_follows")
    assert [m["lang"] for m in out[1:]] == ["en", "en"] and out[1]["text"] == ANSWER
    assert len(stub.requests) == 1, "the second message did not wait for the service again"


def test_a_draft_language_notice_says_a_fluent_speaker_has_not_checked_it() -> None:
    urdu = language_messages("ur")
    assert urdu.review.draft, "ur.yml is a draft until a fluent Urdu speaker checks it"
    out = render_turn(URDU, None, FIRST, SECOND)
    lines = out[0]["text"].split("\n")
    assert lines == [urdu.text("answer_follows"), urdu.not_checked, language_messages("en").not_checked]
    assert not any(urdu.not_checked in message["text"] for message in out[1:]), "once per turn, with the notice"


def test_not_understood_gets_its_own_notice() -> None:
    out = render_turn(Identified("ro", 0.9, "detected"), None, {"text": "Sorry", "utter_action": "utter_default"})
    assert out[0]["text"] == language_messages("ro").notice("not_understood")


def test_romanised_urdu_gets_the_latin_letter_notice_and_no_machine_translation(stub) -> None:
    out = render_turn(Identified("ur", 0.8, "romanised"), LibreTranslate(Settings(url=stub.url)), FIRST)
    assert out[0]["lang"] == "ur-Latn" and out[0]["text"].startswith("Hum aap ka sawal")
    assert out[1]["lang"] == "en" and not stub.requests


def test_crisis_contacts_come_first_and_do_not_wait_for_the_service(stub) -> None:
    stub.mode = "slow"
    crisis = {"text": "If you are in danger now, phone 999.", "utter_action": "utter_crisis"}
    out = render_turn(URDU, LibreTranslate(Settings(url=stub.url, timeout_seconds=2)), crisis)
    assert out[0]["text"] == crisis["text"] and out[1]["text"] == language_messages("ur").notice("crisis_follows")
    assert not stub.requests


def test_a_letter_stays_in_english_after_its_pre_written_notice_even_with_a_service(stub) -> None:
    polish = language_messages("pl")
    notice = {"text": polish.notice("letter_in_english"), PREWRITTEN: "pl"}
    check = {"text": "Before you send it: check every date."}
    letter = {"text": "Dear SEN Assessment Team,", KEEP_IN_ENGLISH: True}
    out = render_turn(Identified("pl", 0.9, "detected"), LibreTranslate(Settings(url=stub.url)), notice, check, letter)
    assert [m["text"] for m in out] == [polish.notice("letter_in_english"), "[pl] " + check["text"], letter["text"]], (
        "the notice stands for the turn's notice; only the words around the letter are translated")
    assert [m["lang"] for m in out] == ["pl", "pl", "en"]
    assert len(stub.requests) == 1


def test_a_pre_written_notice_keeps_its_language_in_a_turn_read_as_english_or_another_language() -> None:
    notice = {"text": language_messages("ur", romanised=True).notice("letter_in_english"), PREWRITTEN: "ur-Latn"}
    assert tags_without_turn(notice) == {"lang": "ur-Latn", "dir": "ltr"}
    assert tags_without_turn({"text": "Dear SEN Assessment Team,"}) == {"lang": "en", "dir": "ltr"}
    out = render_turn(Identified("ro", 0.9, "detected"), None, notice, {"text": "Dear SEN Assessment Team,"})
    assert [(m["lang"], m["dir"]) for m in out] == [("ur-Latn", "ltr"), ("en", "ltr")]
    assert out[0]["text"].startswith("Aap ka khat neeche hai")
