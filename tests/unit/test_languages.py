"""Language identification for Luton's common languages."""

import json
import re

import pytest

from send_guide.contacts import fill_contacts
from send_guide.languages.identify import SUPPORTED, identify, identify_message
from send_guide.languages.replies import (
    ANSWER_FOLLOWS,
    CRISIS_FOLLOWS,
    MESSAGE_KINDS,
    available_languages,
    language_messages,
)
from tests.project_files import ROOT, domain


@pytest.mark.parametrize(("text", "code"), [
    ("my son needs help at school, who do I ask?", "en"),
    ("میرے بیٹے کو اسکول میں مدد چاہیے", "ur"),
    ("Mój syn potrzebuje pomocy w szkole", "pl"),
    ("Fiul meu are nevoie de ajutor la școală", "ro"),
    ("আমার ছেলের স্কুলে সাহায্য দরকার", "bn"),
    ("ਮੇਰੇ ਪੁੱਤਰ ਨੂੰ ਸਕੂਲ ਵਿੱਚ ਮਦਦ ਦੀ ਲੋੜ ਹੈ", "pa"),
    ("ابني يحتاج مساعدة في المدرسة", "ar"),
    ("mere bete ko school mein madad chahiye", "ur"),
    ("meri beti ka ehcp kaise milega", "ur"),
])
def test_luton_languages(text: str, code: str) -> None:
    assert identify(text).code == code


@pytest.mark.parametrize("text", ["ok", "ehcp", "SENCO?", "", "👍", "thanks"])
def test_short_text_counts_as_english(text: str) -> None:
    result = identify(text)
    assert result.code == "en" and result.reason == "short"


def test_english_with_a_few_urdu_like_words_stays_english() -> None:
    assert identify("Is the school meeting at ten? I can come to it.").code == "en"


def test_a_picked_language_wins() -> None:
    assert identify("my son needs help at school", picked="PL").code == "pl"
    assert identify("my son needs help at school", picked="xx").code == "en"


# --- the per-language content files -----------------------------------------------------------

LANGUAGE_CODES = [code for code in available_languages() if code != "en"]
ENGLISH_MESSAGES = language_messages("en")
SENDIAS_PHONE = "01582 548156"
WIDGET = ROOT / "widget" / "src"


def test_every_language_the_detector_knows_has_a_content_file() -> None:
    assert set(available_languages()) == set(SUPPORTED)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_each_language_file_translates_every_message_and_keeps_the_phone_number(code: str) -> None:
    for romanised in (False, True):
        messages = language_messages(code, romanised=romanised)
        assert set(messages.messages) == set(ENGLISH_MESSAGES.messages) == set(MESSAGE_KINDS)
        assert messages.direction in ("ltr", "rtl")
        for kind, text in messages.messages.items():
            if kind == CRISIS_FOLLOWS:
                assert re.findall(r"\d+", text) == ["999"], (code, "the emergency number, no other")
            else:
                assert SENDIAS_PHONE in text and "Luton SENDIAS" in text, (code, kind)
                assert re.findall(r"\d[\d ]{4,}\d", text) == [SENDIAS_PHONE], "no other number"
            assert text != ENGLISH_MESSAGES.text(kind), "translated"


def test_romanised_urdu_has_its_own_latin_letter_messages() -> None:
    romanised = language_messages("ur", romanised=True)
    assert romanised.code == "ur-Latn" and romanised.direction == "ltr"
    assert all(text.isascii() for text in romanised.messages.values())


def test_widget_locales_translate_every_widget_string() -> None:
    script = (WIDGET / "send-guide-widget.js").read_text(encoding="utf-8")
    english_block = script[script.index("var ENGLISH = {"):script.index("};", script.index("var ENGLISH = {"))]
    keys = set(re.findall(r"(?:\{|,)\s*(\w+):", english_block))
    used = set(re.findall(r'\bt\("(\w+)"\)', script))
    assert used <= keys, "every string the widget shows has an English original"
    offered = set(re.findall(r'\["(\w\w)", "', script[script.index("languages: ["):]))
    assert offered == set(SUPPORTED)
    for code in offered - {"en"}:
        locale = json.loads((WIDGET / "locales" / f"{code}.json").read_text(encoding="utf-8"))
        assert locale["language"] == code and locale["dir"] == language_messages(code).direction
        assert set(locale["strings"]) == keys, code
        assert "{contact_sendias}" in locale["strings"]["unreachable"], "the number from contacts.yml"
        assert SENDIAS_PHONE in fill_contacts(locale["strings"]["unreachable"])
        assert re.findall(r"\d", locale["strings"]["notChecked"]) == [], "no number in the draft line"


def test_message_metadata_of_any_shape_is_read_safely() -> None:
    for metadata in (None, "ur", [], {"language": 5}, {"identified_language": "ur"},
                     {"identified_language": {"code": "xx"}}, {"language": "klingon"}):
        assert identify_message("how do I ask for an assessment?", metadata).code == "en"
    assert identify_message("hello", {"language": "pl"}).code == "pl"
    channel_decision = {"identified_language": {"code": "ro", "confidence": "high", "reason": "detected"}}
    assert identify_message("hello", channel_decision).code == "ro"


# --- translating the answer: a way that works on a phone, not only "right-click" -------------------

RIGHT_CLICK = re.compile(r"right[- ]?click", re.IGNORECASE)


def english_texts() -> list[tuple[str, str]]:
    """Everything in English that could tell a user how to translate the page."""
    texts = [(f"en.yml {kind}", text) for kind, text in ENGLISH_MESSAGES.messages.items()]
    texts += [(name, variant["text"]) for name, variants in domain()["responses"].items()
              for variant in variants if "text" in variant]
    script = (WIDGET / "send-guide-widget.js").read_text(encoding="utf-8")
    texts += [(f"widget string {key}", text) for key, text in re.findall(r'(\w+): "([^"]*)"', script)]
    return texts


def test_no_english_text_says_right_click_without_a_way_for_phones() -> None:
    for name, text in english_texts():
        if RIGHT_CLICK.search(text):
            assert re.search(r"\bon a phone\b", text, re.IGNORECASE) and "menu" in text, name


def test_the_english_notice_gives_a_phone_way_and_a_computer_way_to_translate() -> None:
    text = ENGLISH_MESSAGES.text(ANSWER_FOLLOWS)
    phone, computer = text.index("On a phone"), text.index("On a computer")
    assert text.count('"Translate"') == 2, "one for each way"
    assert '"Translate"' in text[phone:computer] and '"Translate"' in text[computer:]
    assert "Chrome" in text and "Edge" in text


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_each_translated_notice_keeps_both_ways_to_translate(code: str) -> None:
    """Structure, not language: the phone way and the computer way each name the browser's
    "Translate" command, kept in English as the user may see it in her browser's menu."""
    for romanised in (False, True):
        text = language_messages(code, romanised=romanised).text(ANSWER_FOLLOWS)
        assert text.count("Translate") == 2, (code, romanised)
        assert "Chrome" in text and "Edge" in text, (code, romanised)
