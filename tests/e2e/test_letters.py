"""Letters from a conversation over REST, against the real assistant, its database and the web
server that serves the downloads (issue 18)."""

import io
import json
import re
import uuid
from urllib.parse import urlsplit

import docx
import pypdf
import pytest
import requests

from send_guide.letters.kinds import all_kinds
from tests.unit.test_letters import FILLED
from tools.servers import running_web_server

DATE_IN_WORDS = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}")


@pytest.fixture(scope="module")
def web(assistant, tmp_path_factory):
    with running_web_server(assistant.rasa_url, assistant.database_url, tmp_path_factory.mktemp("web")) as url:
        yield url


def _conversation(assistant):
    sender = f"test-{uuid.uuid4().hex[:10]}"

    def send(message: str) -> list[dict]:
        reply = requests.post(assistant.webhook, json={"sender": sender, "message": message}, timeout=60)
        assert reply.status_code == 200, reply.text
        return reply.json()

    return send


def _texts(replies: list[dict]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def _download(web: str, url: str) -> bytes:
    """The link names the public address (SEND_GUIDE_PUBLIC_URL); the test's web server has its own."""
    answer = requests.get(web + urlsplit(url).path, timeout=60)
    assert answer.status_code == 200, answer.text[:200]
    return answer.content


@pytest.mark.parametrize("key", sorted(all_kinds()))
def test_every_letter_is_made_in_a_conversation_and_downloaded_as_word_and_pdf(assistant, web, key: str) -> None:
    kind = all_kinds()[key]
    send = _conversation(assistant)
    replies = send(f'/ask_letter{{"letter_kind":"{key}"}}')
    if len(kind.writers) > 1:
        assert "Who is writing the letter?" in _texts(replies)
        replies = send("I am the parent")
    for detail in kind.details:
        assert detail.ask in _texts(replies), detail.name
        replies = send(FILLED[detail.name])
    assert "What name should the letter be signed with?" in _texts(replies)
    preview = send("Amina Khan")
    assert "Here is your letter" in _texts(preview) and "Amina Khan" in _texts(preview)
    done = send("yes")
    text = _texts(done)
    letter_text = next(reply["text"] for reply in done if "Subject: " in reply.get("text", ""))
    # The chat does not ask for an address, e-mail or phone number: those stay gaps to fill in.
    by_hand = {"[your address]", "[your e-mail address]", "[your phone number]",
               *re.findall(r"\[[^\[\]]+\]", " ".join((*kind.recipient, kind.greeting)))}
    assert set(re.findall(r"\[[^\[\]]+\]", letter_text)) <= by_hand
    for line in (*kind.law, *kind.guidance):
        assert line.says in text
    customs = [reply.get("custom", {}).get("data", {}) for reply in done]  # REST: {"custom": {"data": card}}
    cards = [custom for custom in customs if custom.get("type") == "letter"]
    assert len(cards) == 1 and cards[0]["title"] == kind.title
    assert cards[0]["url"] in text and cards[0]["pdf_url"] in text  # the links as text too
    dates = set(DATE_IN_WORDS.findall(text))
    word = "\n".join(p.text for p in docx.Document(io.BytesIO(_download(web, cards[0]["url"]))).paragraphs)
    pages = pypdf.PdfReader(io.BytesIO(_download(web, cards[0]["pdf_url"]))).pages
    pdf = re.sub(r"\s+", "", "".join(page.extract_text() for page in pages))
    for date in dates:
        assert date in word and re.sub(r"\s+", "", date) in pdf, date
    assert "Amina Khan" in word and "AminaKhan" in pdf


def test_asking_for_a_letter_in_words_offers_every_kind_and_stop_keeps_nothing(assistant) -> None:
    send = _conversation(assistant)
    replies = send("can you help me write a letter please")
    payloads = [button["payload"] for reply in replies for button in reply.get("buttons", [])]
    assert set(all_kinds()) <= set(payloads)
    assert "Nothing from it is kept" in _texts(send("stop"))
    assert send("what is a SENCO?")  # the conversation goes on


def test_a_story_that_names_the_letter_starts_at_that_letter(assistant) -> None:
    send = _conversation(assistant)
    replies = send("the council is late with the final EHC plan, can you help me write a letter to them?")
    assert "The final EHC plan is late" in _texts(replies)


def test_a_five_thousand_character_name_gets_a_clear_message_and_the_question_again(assistant) -> None:
    send = _conversation(assistant)
    send('/ask_letter{"letter_kind":"final-plan-late"}')
    send("parent")
    answered = _texts(send("A" * 5000))  # the chat keeps 2,000 characters of it; a name takes 120
    assert "too long" in answered and "What is your child's full name?" in answered


def test_a_date_in_9999_gets_a_clear_message_and_the_question_again(assistant) -> None:
    send = _conversation(assistant)
    send('/ask_letter{"letter_kind":"final-plan-late"}')
    for answer in ("parent", "Sam", "skip"):
        send(answer)
    answered = _texts(send("1/10/9999"))
    assert "as a real date" in answered
    assert "On what date did the council receive the request" in answered


def test_html_in_a_name_comes_back_as_text(assistant) -> None:
    send = _conversation(assistant)
    send('/ask_letter{"letter_kind":"early-review"}')
    send("parent")
    replies = send("<b>Sam</b>")
    assert "What is the date of birth?" in _texts(replies)
    for _ in range(3):
        replies = send("skip")
    preview = send("skip")
    assert "<b>Sam</b>" in _texts(preview)
    assert json.dumps(preview)  # plain JSON text: the widget shows it as text, never as HTML


def test_a_deadline_answer_that_shows_the_council_is_late_offers_the_letter(assistant) -> None:
    send = _conversation(assistant)
    send('/inform_deadline_event{"deadline_event":"request"}')
    replies = send("6 January 2025")
    payloads = [button["payload"] for reply in replies for button in reply.get("buttons", [])]
    assert '/ask_letter{"letter_kind":"final-plan-late"}' in payloads, _texts(replies)
    started = send('/ask_letter{"letter_kind":"final-plan-late"}')
    assert "The final EHC plan is late (20 weeks)" in _texts(started)
    # The date the deadline form was given is stated with its right and offered again, not typed twice.
    assert "The council must send the final EHC plan by Monday 26 May 2025." in _texts(started)
    send("I am the parent")
    send("Sam Khan")
    asked = send("skip")
    assert "You told me: Monday 6 January 2025." in _texts(asked)
    assert {"title": "Monday 6 January 2025", "payload": "Monday 6 January 2025"} in asked[-1]["buttons"]


def test_a_story_that_asks_for_a_letter_gets_its_right_and_its_date_offered(assistant) -> None:
    send = _conversation(assistant)
    replies = send("Hi, we asked the council for an EHC needs assessment for my son on 10 February 2025 and they "
                   "agreed to assess in March. It is now December and we still have no plan. Can you help me write "
                   "a letter to them? What are my rights here?")
    text = _texts(replies)
    assert text.startswith("The council must send the final EHC plan by Monday 30 June 2025.")
    assert "Law: SEND Regulations 2014, regulation 13(2)." in text
    assert "I will help you write: The final EHC plan is late (20 weeks). What is your child's full name?" in text
