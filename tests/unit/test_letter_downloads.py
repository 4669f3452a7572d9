"""Letters kept for download (send_guide/letters/downloads.py) on a real SQLite file: the link's token is
never stored, the link stops working after an hour, a malformed token never reaches the database, and
expired letters go unless they are kept on a call-back case (then they go with the case)."""

import dataclasses
import datetime as dt
from typing import Iterator

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from send_guide.database.engine import make_engine, session_factory
from send_guide.database.schema import migrate
from send_guide.letters.downloads import (
    DOWNLOAD_LIFETIME,
    download_url,
    forget_expired,
    keep_for_download,
    keep_on_case,
    letter_for,
    letter_from_json,
    letter_to_json,
    letters_on_case,
    made_in_the_hour,
    public_base_url,
)
from send_guide.letters.letter import Letter
from send_guide.triage.cases import CallBackRequest, delete_older_than, open_case
from send_guide.triage.model import LetterDownload
from send_guide.triage.urgency import Level, Urgency

NOW = dt.datetime(2026, 12, 14, 10, 0, tzinfo=dt.timezone.utc)
LETTER = Letter(
    kind="final-plan-late",
    title="The final EHC plan is late",
    sender=("Zażółć Ștefan محمد", "12 Park Street", "Luton LU1 3AA"),
    recipient=("SEN Team", "Luton Borough Council"),
    date="Monday 14 December 2026",
    subject="The final EHC plan for Sam Khan is late",
    greeting="Dear SEN Team,",
    paragraphs=("The plan was due by Friday 4 December 2026.", 'He wrote: "<b>late</b>" & more.'),
    closing=("Yours faithfully,", "", "[your name]"),
    law=("Special Educational Needs and Disability Regulations 2014, regulation 13",),
    footer="This letter gives information, not legal advice.",
)
MALFORMED = ["", "x" * 10_000, "../../etc/passwd", "<script>alert(1)</script>", "a" * 42, "a" * 44,
             "a" * 42 + "=", "a" * 43 + "\n", "é" * 43, "' OR 1=1 --" + "a" * 32]


@pytest.fixture
def session(tmp_path) -> Iterator[Session]:
    engine = make_engine(f"sqlite:///{tmp_path / 'letters.sqlite3'}")
    migrate(engine)
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


def kept(session: Session, when: dt.datetime = NOW, case_id: int | None = None) -> str:
    token = keep_for_download(session, LETTER, when, case_id=case_id)
    session.commit()
    return token


def test_a_kept_letter_comes_back_equal_from_a_new_session(session) -> None:
    token = kept(session)
    session.expunge_all()
    assert letter_for(session, token, NOW + dt.timedelta(minutes=59)) == LETTER
    assert letter_for(session, token + "x", NOW) is None
    assert letter_for(session, "A" * 43, NOW) is None  # well formed, but no such link


def test_the_token_itself_is_never_stored(session) -> None:
    token = kept(session)
    rows = session.execute(text("SELECT * FROM letter_download")).all()
    assert len(rows) == 1
    assert token not in repr(rows)
    assert rows[0].token_hash != token and len(rows[0].token_hash) == 64


def test_two_letters_get_different_tokens(session) -> None:
    assert len({kept(session) for _ in range(20)}) == 20


def test_the_link_stops_working_after_one_hour(session) -> None:
    token = kept(session)
    assert DOWNLOAD_LIFETIME.total_seconds() == 3600
    assert letter_for(session, token, NOW + DOWNLOAD_LIFETIME - dt.timedelta(seconds=1)) == LETTER
    assert letter_for(session, token, NOW + DOWNLOAD_LIFETIME + dt.timedelta(seconds=1)) is None
    # The same moment in another timezone is the same moment.
    later_elsewhere = (NOW + dt.timedelta(hours=2)).astimezone(dt.timezone(dt.timedelta(hours=5)))
    assert letter_for(session, token, later_elsewhere) is None


@pytest.mark.parametrize("token", MALFORMED, ids=range(len(MALFORMED)))
def test_a_malformed_token_opens_nothing_and_causes_no_database_error(session, token: str) -> None:
    kept(session)
    assert letter_for(session, token, NOW) is None
    session.commit()  # the transaction is still usable


def test_expired_letters_are_forgotten_unless_kept_on_a_case(session) -> None:
    case = open_case(session, CallBackRequest("conv-1", NOW, name="Amina"), Urgency(Level.NORMAL, "none"), NOW)
    session.commit()
    old = kept(session, NOW - dt.timedelta(hours=2))
    on_case = kept(session, NOW - dt.timedelta(hours=2), case_id=case.id)
    fresh = kept(session, NOW - dt.timedelta(minutes=10))
    assert forget_expired(session, NOW) == 1
    session.commit()
    assert session.scalar(select(LetterDownload.case_id).where(LetterDownload.case_id.is_not(None))) == case.id
    assert session.query(LetterDownload).count() == 2
    assert letter_for(session, old, NOW) is None
    assert letter_for(session, on_case, NOW) is None, "the link stops working even on a case"
    assert letter_for(session, fresh, NOW) == LETTER
    assert forget_expired(session, NOW) == 0


def test_a_letter_on_a_case_is_deleted_with_the_case(session) -> None:
    case = open_case(session, CallBackRequest("conv-2", NOW, name="Amina"), Urgency(Level.NORMAL, "none"), NOW)
    session.commit()
    kept(session, NOW, case_id=case.id)
    deleted = delete_older_than(session, 30, NOW + dt.timedelta(days=31))
    session.commit()
    assert deleted["cases"] == 1
    assert session.execute(text("SELECT COUNT(*) FROM letter_download")).scalar() == 0


def test_a_call_back_keeps_only_its_own_conversations_letters_of_the_last_hour(session) -> None:
    def made(conversation: str | None, when: dt.datetime) -> None:
        keep_for_download(session, LETTER, when, conversation_id=conversation)

    made("conv-3", NOW - dt.timedelta(minutes=20))
    made("conv-3", NOW - dt.timedelta(hours=2))  # its hour is over: told gone, stays gone
    made("conv-other", NOW - dt.timedelta(minutes=5))
    made(None, NOW - dt.timedelta(minutes=5))
    session.commit()
    assert made_in_the_hour(session, "conv-3", NOW) and not made_in_the_hour(session, "conv-4", NOW)
    assert not made_in_the_hour(session, "conv-3", NOW + dt.timedelta(minutes=41))
    case = open_case(session, CallBackRequest("conv-3", NOW, name="Amina"), Urgency(Level.NORMAL, "none"), NOW)
    assert keep_on_case(session, "conv-3", case.id, NOW) == 1
    session.commit()
    assert not made_in_the_hour(session, "conv-3", NOW), "a letter already on a case is not offered again"
    [on_case] = letters_on_case(session, case.id)
    assert on_case.letter == LETTER and on_case.by_family
    assert on_case.made_at == NOW - dt.timedelta(minutes=20)
    assert forget_expired(session, NOW + dt.timedelta(hours=3)) == 3, "every other letter goes after its hour"
    session.commit()
    assert [item.id for item in letters_on_case(session, case.id)] == [on_case.id]


def test_a_damaged_letter_on_a_case_is_left_out_of_the_list_not_fatal(session) -> None:
    case = open_case(session, CallBackRequest("conv-5", NOW, name="Amina"), Urgency(Level.NORMAL, "none"), NOW)
    kept(session, NOW, case_id=case.id)
    session.execute(text("UPDATE letter_download SET letter = '{\"kind\": 1}'"))
    kept(session, NOW + dt.timedelta(minutes=1), case_id=case.id)
    letters = letters_on_case(session, case.id)
    assert [item.letter for item in letters] == [LETTER] and not letters[0].by_family


def test_every_field_survives_the_json_round_trip() -> None:
    back = letter_from_json(letter_to_json(LETTER))
    assert back == LETTER
    for field in dataclasses.fields(Letter):
        assert getattr(back, field.name) == getattr(LETTER, field.name)
        assert type(getattr(back, field.name)) is type(getattr(LETTER, field.name)), field.name
    assert "Zażółć" in letter_to_json(LETTER)  # kept as written, not escaped
    with pytest.raises(ValueError):
        letter_from_json('{"kind": "final-plan-late"}')


def test_download_addresses_follow_the_public_url() -> None:
    assert download_url("https://localoffer.example/chat/", "TOKEN", "pdf") == \
        "https://localoffer.example/chat/letters/TOKEN.pdf"
    assert download_url("http://localhost:8080", "TOKEN", "docx") == "http://localhost:8080/letters/TOKEN.docx"
    with pytest.raises(ValueError):
        download_url("http://localhost:8080", "TOKEN", "exe")
    assert public_base_url({}) == "http://localhost:8080"
    assert public_base_url({"SEND_GUIDE_PUBLIC_URL": "  "}) == "http://localhost:8080"
    assert public_base_url({"SEND_GUIDE_PUBLIC_URL": "https://localoffer.example/chat/"}) == \
        "https://localoffer.example/chat"
