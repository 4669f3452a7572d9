"""The content report's numbers as tables: each chart's table on the page and its CSV download are
made from the same Table, so the two always agree. Counts only, no words of any message."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from typing import TextIO

from send_guide.triage.content_report import ContentReport


@dataclass(frozen=True)
class Share:
    """`part` of `whole`, shown as a percentage; nothing to show when there was nothing to count."""

    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        return 100 * self.part / self.whole if self.whole else None


Heading = str | dt.date  # a date is the Monday a week starts
Cell = int | Share


@dataclass(frozen=True)
class Table:
    name: str  # in the chart's and the CSV's web address
    title: str
    caption: str
    corner: str  # the heading over the rows' names
    columns: tuple[Heading, ...]
    rows: tuple[tuple[Heading, tuple[Cell, ...]], ...]
    total: tuple[str, tuple[Cell, ...]] | None = None  # the line that adds them up, if there is one


ALL_WEEKS = "All weeks"


def topics_table(report: ContentReport) -> Table:
    total = ("All questions", (*report.questions, sum(report.questions)))
    return Table(
        "topics", "Questions by topic",
        f"Questions each week by topic, {_period(report)}. The last column adds up the weeks.",
        "Topic", (*report.weeks, ALL_WEEKS),
        tuple((row.name, (*row.counts, row.total)) for row in report.topics), total)


def answers_table(report: ContentReport) -> Table:
    lines = zip(report.weeks, report.questions, report.could_not_answer, report.ratings, report.not_helpful,
                strict=True)
    rows = tuple((week, _answer_cells(*numbers)) for week, *numbers in lines)
    total = (ALL_WEEKS, _answer_cells(sum(report.questions), sum(report.could_not_answer), sum(report.ratings),
                                      sum(report.not_helpful)))
    return Table(
        "answers", "Questions it could not answer, and answers rated not helpful",
        f"Each week, {_period(report)}: how many questions the assistant could not answer, and how many "
        "ratings said an answer was not helpful.",
        "Week starting", ("Questions", "Could not answer", "Could not answer (%)", "Ratings",
                          "Rated not helpful", "Rated not helpful (%)"), rows, total)


def languages_table(report: ContentReport) -> Table:
    asked = sum(language.questions for language in report.languages)
    rows = tuple((f"{language.name} ({language.code})", (language.questions, Share(language.questions, asked)))
                 for language in report.languages)
    return Table(
        "languages", "Languages used",
        f"Questions in each language, {_period(report)}, most used first.",
        "Language", ("Questions", "Share (%)"), rows)


def tables(report: ContentReport) -> tuple[Table, ...]:
    return topics_table(report), answers_table(report), languages_table(report)


def write_csv(table: Table, stream: TextIO) -> None:
    """The table as CSV: weeks as 2026-11-30, percentages with one decimal, empty when nothing to count."""
    writer = csv.writer(stream)
    writer.writerow([table.corner, *(_csv(heading) for heading in table.columns)])
    for name, cells in (*table.rows, *([table.total] if table.total else [])):
        writer.writerow([_csv(name), *(_csv(cell) for cell in cells)])


def _answer_cells(questions: int, unanswered: int, ratings: int, not_helpful: int) -> tuple[Cell, ...]:
    return questions, unanswered, Share(unanswered, questions), ratings, not_helpful, Share(not_helpful, ratings)


def _period(report: ContentReport) -> str:
    return f"{len(report.weeks)} weeks from Monday {day(report.weeks[0])} to {day(report.last_day)}"


def day(date: dt.date) -> str:
    return f"{date:%-d %B %Y}"


def _csv(value: Heading | Cell) -> str | int:
    if isinstance(value, Share):
        return "" if value.percent is None else f"{value.percent:.1f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
