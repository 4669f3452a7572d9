"""Honest dates in the services directory: each source page's own date, what a service says about
where its details come from, and the rules a confirmation (who checked a row, and when) must meet."""

import csv
import datetime as dt
import re

import pytest

from send_guide.services.presentation import as_card, as_text, provenance
from send_guide.services.records import COLUMNS, ServiceRecord, record_from_row
from send_guide.sources import PAGE_DATES, SOURCE_TITLES, dated_titles
from tests.project_files import ROOT, SOURCES

TODAY = dt.date(2026, 12, 1)
SENAT = ServiceRecord(name="SEN Assessment Team (SENAT), Luton Council", categories=("assessment_and_plans",),
                      source=("003",), phone="01582 548187")


def test_every_source_page_has_a_date_record() -> None:
    """A new numbered page needs its date (or "no date given") before a service can cite it."""
    pages = {sid for sid in SOURCE_TITLES if sid.isdigit()}
    assert set(PAGE_DATES) == pages


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the source pages (../shared/sources) are not beside this clone")
@pytest.mark.parametrize("sid", sorted(PAGE_DATES))
def test_each_page_date_rests_on_the_pages_own_words(sid: str) -> None:
    (page,) = SOURCES.glob(f"{sid}_*.txt")
    text = " ".join(page.read_text(encoding="utf-8").split())
    date = PAGE_DATES[sid]
    assert date.evidence in text
    said = date.dated or date.mentions
    assert said.removeprefix("last updated ").removeprefix("the ").split()[0] in date.evidence
    if not date.dated:  # an undated page really has no date line of its own
        assert not re.search(r"©|last updated|published:|published on|date published|updated on", text, re.I), sid


def test_an_undated_page_is_shown_as_undated() -> None:
    assert str(PAGE_DATES["001"]) == "no date given; it mentions April 2021"
    assert str(PAGE_DATES["003"]) == "2022"
    assert str(PAGE_DATES["004"]) == "last updated 10 January 2017"
    assert dated_titles("000", "003") == ('Luton Local Offer, "I am a professional" page (no date given; it mentions '
                                          'the 2018 inspection) and Luton Council, "Education, Health and Care needs '
                                          'assessment" page (2022)')


def test_an_unchecked_service_says_where_from_how_old_and_not_checked() -> None:
    line = 'Details from: Luton Council, "Education, Health and Care needs assessment" page (2022). ' \
           "Not yet checked by staff."
    assert provenance(SENAT) == line
    assert as_text(SENAT).splitlines()[-1] == line
    card = as_card(SENAT)
    assert card["provenance"] == line and card["confirmed_by"] == "" and card["confirmed_on"] is None
    assert "last_verified" not in card and not re.search(r"\bchecked on\b|verified", str(card), re.I)


def test_a_checked_service_says_who_checked_it_and_when() -> None:
    checked = ServiceRecord(name="Penrose", categories=("housing",), source=("001",),
                            confirmed_by="SENDIAS adviser", confirmed_on=dt.date(2026, 12, 3))
    assert provenance(checked) == ('Details from: Luton Local Offer, "I am a parent or carer" page (no date given; '
                                   "it mentions April 2021). Checked by SENDIAS adviser on 3 December 2026.")
    card = as_card(checked)
    assert (card["confirmed_by"], card["confirmed_on"]) == ("SENDIAS adviser", "2026-12-03")
    assert card["provenance"] == provenance(checked) and as_text(checked).endswith(provenance(checked))


def row(**changes: str) -> dict[str, str]:
    base = {column: "" for column in COLUMNS}
    base.update(name="Penrose", categories="housing", source="001")
    base.update(changes)
    return base


@pytest.mark.parametrize(("by", "on", "problem"), [
    ("SENDIAS adviser", "", "confirmed_by and confirmed_on go together: confirmed_on (the day it was checked)"),
    ("", "2026-11-30", "confirmed_by and confirmed_on go together: confirmed_by (who checked it) is missing"),
    ("SENDIAS adviser", "2026-12-02", "confirmed_on: 2026-12-02 is in the future"),
    ("SENDIAS adviser", "yesterday", "confirmed_on: 'yesterday' is not a date (YYYY-MM-DD)"),
    ("A" * 101, "2026-11-30", "confirmed_by: longer than 100 characters"),
    ("Kim\nSENDIAS", "2026-11-30", "should be a name or a role only"),
    ("kim@example.org", "2026-11-30", "should be a name or a role only"),
    ("Kim 01582 548156", "2026-11-30", "should be a name or a role only"),
])
def test_a_confirmation_is_who_and_when_in_the_past_and_no_contact_details(by: str, on: str, problem: str) -> None:
    record, problems = record_from_row(row(confirmed_by=by, confirmed_on=on), TODAY)
    assert record is None and len(problems) == 1 and problem in problems[0], problems


def test_a_whole_confirmation_today_or_before_is_accepted() -> None:
    for day in ("2026-12-01", "2025-01-31"):
        record, problems = record_from_row(row(confirmed_by="Kim, SENDIAS adviser", confirmed_on=day), TODAY)
        assert problems == [] and record is not None
        assert (record.confirmed_by, record.confirmed_on) == ("Kim, SENDIAS adviser", dt.date.fromisoformat(day))
        assert record.as_row()["confirmed_on"] == day
    record, problems = record_from_row(row(), TODAY)
    assert problems == [] and record is not None and record.as_row()["confirmed_on"] == ""


def test_a_service_may_cite_only_a_dated_page() -> None:
    _, problems = record_from_row(row(source="001|timescales"), TODAY)
    assert problems == ["source: unknown source page 'timescales' (known: 000, 001, 002, 003, 004)"]


def test_the_seed_file_confirms_no_row() -> None:
    with (ROOT / "data" / "services.csv").open(encoding="utf-8") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == COLUMNS and "last_verified" not in (reader.fieldnames or ())
    assert rows and all(r["confirmed_by"] == "" and r["confirmed_on"] == "" for r in rows)
