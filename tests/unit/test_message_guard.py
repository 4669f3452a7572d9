from send_guide.message_guard import (
    EMPTY_MESSAGE,
    MAX_MESSAGE_CHARS,
    UNREADABLE_MESSAGE,
    clean_metadata,
    clean_text,
    valid_sender,
)


def test_empty_and_whitespace_become_the_empty_payload() -> None:
    for raw in ("", "   ", "\n\t", None, "\x00\x01"):
        assert clean_text(raw).text == EMPTY_MESSAGE


def test_non_text_becomes_the_unreadable_payload() -> None:
    for raw in (123, ["hello"], {"text": "hi"}, True):
        assert clean_text(raw).text == UNREADABLE_MESSAGE


def test_long_message_keeps_its_beginning_and_its_question_at_the_end() -> None:
    story = "My son is nine and has struggled at school for years. " * 400
    result = clean_text(story + "How do I ask for an EHC assessment?")
    assert result.truncated
    assert len(result.text) <= MAX_MESSAGE_CHARS + 3
    assert result.text.startswith("My son is nine")
    assert result.text.endswith("How do I ask for an EHC assessment?")


def test_ordinary_text_is_kept_apart_from_control_characters() -> None:
    assert clean_text("  what is a SENCO?\x07 ").text == "what is a SENCO?"
    assert clean_text("سلام، مجھے مدد چاہیے").text == "سلام، مجھے مدد چاہیے"


def test_sender_must_be_a_short_plain_id() -> None:
    assert valid_sender("widget-3f2a_9") == "widget-3f2a_9"
    for bad in (None, "", 42, "a" * 129, "<script>", "x y"):
        assert valid_sender(bad) is None


def test_a_lone_surrogate_becomes_the_replacement_character() -> None:
    """Issue 17, item 13: "\\ud800" cannot be written as UTF-8; the turn was lost."""
    cleaned = clean_text("\ud800 what is a senco \udfff")
    assert cleaned.text == "\ufffd what is a senco \ufffd"
    cleaned.text.encode("utf-8")  # no UnicodeEncodeError


def test_metadata_keeps_only_a_picked_language_tag() -> None:
    assert clean_metadata({"language": "ur", "junk": "x" * 100_000}) == {"language": "ur"}
    assert clean_metadata({"language": "pt-BR"}) == {"language": "pt-BR"}
    for raw in (None, "ur", [], {"language": "x" * 40}, {"language": "<b>"}, {"language": {"code": "ur"}}, {}):
        assert clean_metadata(raw) is None
