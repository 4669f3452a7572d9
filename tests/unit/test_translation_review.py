"""Translations not yet checked by a fluent speaker say so (send_guide/languages/review.py, replies.py).

The review block of each language file is read in one place, the loader, which refuses a block
it cannot trust: a typo must not hide the "not yet checked" line, nor show a file as reviewed.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from send_guide.contacts import fill_contacts
from send_guide.database.__main__ import main as set_up_database
from send_guide.languages.replies import (
    MESSAGE_KINDS,
    LanguageFileError,
    available_languages,
    language_messages,
    read_language_file,
)
from send_guide.languages.review import ReviewError, parse_review
from send_guide.languages.status import MESSAGES, WIDGET_LOCALES_DIR, WIDGET_WORDS, translation_statuses
from send_guide.triage.__main__ import main as triage_command
from tests.project_files import ROOT, read_yaml

ENGLISH_LINE = read_yaml("send_guide/content/languages/en.yml")["not_checked"]
POLISH = read_yaml("send_guide/content/languages/pl.yml")


def polish_file(tmp_path: Path, review, **changes) -> Path:
    """A copy of pl.yml with another review block (None: no block at all)."""
    content = {**POLISH, **changes}
    if review is None:
        content.pop("review")
    else:
        content["review"] = review
    path = tmp_path / "pl.yml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return path


# --- the line itself ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", MESSAGE_KINDS)
def test_a_draft_file_adds_the_not_checked_line_in_its_language_then_in_english(tmp_path, kind) -> None:
    draft = read_language_file(polish_file(tmp_path, {"status": "draft", "reviewer": "", "date": ""}))
    assert draft.review.draft
    expected = fill_contacts(POLISH["messages"][kind])  # the file names the number; the user reads it
    assert draft.notice(kind) == f"{expected}\n{POLISH['not_checked']}\n{ENGLISH_LINE}"


@pytest.mark.parametrize("kind", MESSAGE_KINDS)
def test_a_reviewed_file_has_no_not_checked_line(tmp_path, kind) -> None:
    review = {"status": "reviewed", "reviewer": "A. Kowalska", "date": "2026-12-01"}
    reviewed = read_language_file(polish_file(tmp_path, review))
    assert not reviewed.review.draft and reviewed.review.reviewer == "A. Kowalska"
    assert reviewed.notice(kind) == fill_contacts(POLISH["messages"][kind])
    assert POLISH["not_checked"] not in reviewed.notice(kind) and ENGLISH_LINE not in reviewed.notice(kind)


def test_the_real_draft_files_carry_the_line_on_every_notice_and_english_does_not() -> None:
    for code in available_languages():
        raw = read_yaml(f"send_guide/content/languages/{code}.yml")
        for romanised in (False, True):
            messages = language_messages(code, romanised=romanised)
            own_line = ((raw.get("romanised") or {}) if romanised else raw).get("not_checked", raw["not_checked"])
            for kind in MESSAGE_KINDS:
                if raw["review"]["status"] == "draft":
                    assert messages.notice(kind).endswith(f"\n{own_line}\n{ENGLISH_LINE}"), (code, romanised, kind)
                else:
                    assert messages.notice(kind) == messages.text(kind), (code, kind)
    assert language_messages("en").review.status == "reviewed"


def test_the_latin_letter_urdu_line_is_in_latin_letters() -> None:
    romanised = language_messages("ur", romanised=True)
    assert romanised.not_checked.isascii() and romanised.not_checked != language_messages("ur").not_checked


# --- the loader refuses what it cannot trust ----------------------------------------------------

BAD_REVIEWS = {
    "no review block": None,
    "not a mapping": "draft",
    "unknown status": {"status": "checked", "reviewer": "", "date": ""},
    "status missing": {"reviewer": "", "date": ""},
    "reviewed without a reviewer": {"status": "reviewed", "reviewer": "", "date": "2026-12-01"},
    "reviewed without a date": {"status": "reviewed", "reviewer": "A. Kowalska", "date": ""},
    "reviewed with a date that is not a date": {"status": "reviewed", "reviewer": "A. Kowalska", "date": "1/12/2026"},
    "a misspelt field": {"status": "reviewed", "reviwer": "A. Kowalska", "date": "2026-12-01"},
    "a reviewer with no date": {"status": "draft", "reviewer": "A. Kowalska", "date": ""},
    "a reviewer that is not a name": {"status": "reviewed", "reviewer": ["A", "B"], "date": "2026-12-01"},
}


@pytest.mark.parametrize("review", BAD_REVIEWS.values(), ids=BAD_REVIEWS.keys())
def test_the_loader_refuses_a_malformed_review_block(tmp_path, review) -> None:
    with pytest.raises(ReviewError, match="pl.yml"):
        read_language_file(polish_file(tmp_path, review))


def test_the_loader_refuses_a_file_without_its_not_checked_line(tmp_path) -> None:
    content = {key: value for key, value in POLISH.items() if key != "not_checked"}
    path = tmp_path / "pl.yml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LanguageFileError, match="not_checked"):
        read_language_file(path)


def test_an_unquoted_yaml_date_is_read_as_the_date() -> None:
    review = parse_review({"status": "reviewed", "reviewer": "A. Kowalska", "date": dt.date(2026, 12, 1)}, "x")
    assert review.date == dt.date(2026, 12, 1)
    assert review.describe() == "reviewed by A. Kowalska on 2026-12-01"


def test_a_file_back_to_draft_keeps_its_last_reviewer_and_still_shows_the_line(tmp_path) -> None:
    review = {"status": "draft", "reviewer": "A. Kowalska", "date": "2026-12-01"}
    messages = read_language_file(polish_file(tmp_path, review))
    assert messages.review.draft and messages.notice("answer_follows").endswith(ENGLISH_LINE)
    assert messages.review.describe() == "draft (last reviewed by A. Kowalska on 2026-12-01)"


@pytest.mark.parametrize("path", sorted(WIDGET_LOCALES_DIR.glob("*.json")), ids=lambda path: path.name)
def test_every_widget_locale_has_a_valid_review_block(path: Path) -> None:
    locale = json.loads(path.read_text(encoding="utf-8"))
    review = parse_review(locale.get("review"), path.name)
    assert review.draft == (locale["review"]["status"] == "draft")


# --- the staff report ---------------------------------------------------------------------------


def test_the_status_list_has_every_language_file_and_widget_locale() -> None:
    listed = {(status.code, status.part): status for status in translation_statuses()}
    expected = {(code, MESSAGES) for code in available_languages()}
    expected |= {(path.stem, WIDGET_WORDS) for path in WIDGET_LOCALES_DIR.glob("*.json")}
    assert set(listed) == expected
    assert listed[("pl", WIDGET_WORDS)].path == "widget/src/locales/pl.json"
    assert listed[("pl", MESSAGES)].language == "Polish"
    assert listed[("en", MESSAGES)].review.reviewer == "project team"


def test_the_report_command_lists_each_translation_with_its_review(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'report.sqlite3'}")
    assert set_up_database(["upgrade"]) == 0
    assert triage_command(["report"]) == 0
    out = capsys.readouterr().out
    english = read_yaml("send_guide/content/languages/en.yml")["review"]
    assert f"send_guide/content/languages/en.yml: reviewed by {english['reviewer']} on {english['date']}" in out
    for code in available_languages():
        raw = read_yaml(f"send_guide/content/languages/{code}.yml")
        if raw["review"]["status"] == "draft":
            assert f"send_guide/content/languages/{code}.yml: draft" in out, code
    for path in WIDGET_LOCALES_DIR.glob("*.json"):
        status = json.loads(path.read_text(encoding="utf-8"))["review"]["status"]
        assert f"{path.relative_to(ROOT).as_posix()}: {status}" in out
