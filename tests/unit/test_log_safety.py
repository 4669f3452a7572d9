"""Log records that cannot forge a line or carry a family's details (send_guide/log_safety.py).

Issue 17: a session id with a newline wrote a fake "Staff login" line; an action that failed made
Rasa log the whole conversation (the action server's reply echoes it), name and e-mail included.
"""

import io
import json
import logging
from collections.abc import Iterator

import pytest

from send_guide import log_safety

NAME, EMAIL, PHONE = "Amina Khan", "amina.k@example.org", "07911 123456"
TRACKER = {"sender_id": "abc", "slots": {"callback_state": {"answers": {"name": NAME, "contact": EMAIL}}},
           "latest_message": {"text": "yes"}, "events": [{"event": "user", "text": f"I am {NAME}"}]}


@pytest.fixture
def log() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A logger writing to a string, with the safety installed as the services install it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s - %(message)s"))
    logger = logging.getLogger(f"test_log_safety.{id(stream)}")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    previous = logging.getLogRecordFactory()
    log_safety.install()
    try:
        yield logger, stream
    finally:
        logging.setLogRecordFactory(previous)
        logger.removeHandler(handler)


def test_a_newline_in_a_logged_value_cannot_start_a_new_line(log) -> None:
    logger, stream = log
    forged = "abc\nINFO web.staff - Staff login: admin\r\x1b[2K\u2028x"
    logger.warning("Conversation %s: the turn ended without a reply.", forged)
    logger.info("Staff login: %s", "real-user")
    lines = stream.getvalue().splitlines()
    assert lines == [
        "WARNING " + logger.name + r" - Conversation abc\nINFO web.staff - Staff login: admin"
        r"\r\x1b[2K\u2028x: the turn ended without a reply.",
        "INFO " + logger.name + " - Staff login: real-user",
    ]


def test_a_value_rasa_puts_into_its_message_itself_cannot_start_a_new_line_either(log) -> None:
    logger, stream = log
    sender = "x\nERROR rasa.server - forged"
    logger.error(f"Messages of sender '{sender}' cannot be handled.")  # as rasa/server.py does
    assert stream.getvalue().splitlines() == [
        f"ERROR {logger.name} - Messages of sender 'x\\nERROR rasa.server - forged' cannot be handled."]


def test_values_that_are_not_text_are_escaped_too_and_numbers_still_format(log) -> None:
    logger, stream = log

    class Shown:
        def __str__(self) -> str:
            return "one\ntwo"

    logger.info("%s made %d cases in %.1f s (%r)", Shown(), 3, 1.25, "a\nb")
    logger.info("%(who)s said %(what)s", {"who": "x\ny", "what": "hi"})
    assert stream.getvalue().splitlines() == [
        f"INFO {logger.name} - one\\ntwo made 3 cases in 1.2 s ('a\\nb')",
        f"INFO {logger.name} - x\\ny said hi",
    ]


def test_e_mail_addresses_and_phone_numbers_are_left_out(log) -> None:
    logger, stream = log
    logger.info("Contact %s or %s", EMAIL, PHONE)
    logger.info(f"f-string with {EMAIL} and +44 7911 123456")
    text = stream.getvalue()
    assert EMAIL not in text and "7911" not in text and "[e-mail]" in text and "[number]" in text


def test_a_tracker_dump_in_a_message_or_a_traceback_is_left_out(log) -> None:
    logger, stream = log
    body = json.dumps({"error": "boom", "request_body": {"next_action": "x", "tracker": TRACKER}})
    logger.error("Action server said: %s", f"500, Internal Server Error, body='{body}'")
    try:
        try:
            raise ValueError(f"500, Internal Server Error, body='b'{body}''")
        except ValueError as error:
            raise RuntimeError("Failed to execute custom action 'action_callback_submit'") from error
    except RuntimeError:
        logger.exception("Encountered an exception while running action 'action_callback_submit'.")
    text = stream.getvalue()
    assert NAME not in text and EMAIL not in text and "callback_state" not in text
    assert text.count(log_safety.LEFT_OUT) == 2
    assert "Failed to execute custom action 'action_callback_submit'" in text, "what failed is still logged"
    assert "Traceback (most recent call last)" in text


def test_a_token_in_a_logged_url_is_hidden(log) -> None:
    logger, stream = log
    logger.error("Exception occurred while handling uri: 'http://127.0.0.1:5005/conversations/x/messages"
                 "?token=Hn_s_U87shLuzu0N-_5yAXjP5OCCgkJm&x=1'")
    text = stream.getvalue()
    assert "Hn_s_U87" not in text and "?token=[hidden]&x=1" in text


def test_a_very_deep_traceback_is_shortened(log) -> None:
    logger, stream = log

    def down(n: int) -> None:  # two functions in turn, as in the JSON parser: no "line repeated" summary
        if n == 0:
            raise RecursionError("maximum recursion depth exceeded")
        across(n - 1)

    def across(n: int) -> None:
        down(n)

    try:
        down(300)
    except RecursionError:
        logger.exception("Request failed.")
    text = stream.getvalue()
    assert len(text) < 8000 and "RecursionError: maximum recursion depth exceeded" in text
    assert "lines left out" in text


def test_a_long_message_is_shortened(log) -> None:
    logger, stream = log
    logger.info("Body: %s", "x" * 100_000)
    assert len(stream.getvalue()) < 5000 and "characters left out" in stream.getvalue()


def test_a_record_whose_arguments_do_not_fit_is_still_logged_by_logging_s_own_error_path(log) -> None:
    logger, _ = log
    record = logging.getLogRecordFactory()("n", logging.INFO, "f", 1, "%d items", ("many\nlines",), None)
    assert "\n" not in str(record.args[0])  # escaped; logging reports the bad format as it always did


def test_install_is_idempotent_and_keeps_the_factory_it_wraps() -> None:
    previous = logging.getLogRecordFactory()
    try:
        log_safety.install()
        once = logging.getLogRecordFactory()
        log_safety.install()
        assert logging.getLogRecordFactory() is once
    finally:
        logging.setLogRecordFactory(previous)
