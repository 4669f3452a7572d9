"""The content report's charts, as SVG images drawn with matplotlib.

matplotlib is already installed (Rasa depends on it; pinned in constraints.txt), so the charts add
no dependency, and an SVG image runs no script, so the staff pages' policy stays strict. Only its
object-oriented API is used (a Figure saved through its SVG canvas), never pyplot, whose global
figures are not safe in the server's worker threads; nothing is drawn as pixels (Agg). Drawing
holds a lock: matplotlib's settings and font caches are shared by the whole process.

matplotlib is imported on first use, in the worker thread the staff view runs in (web/staff.py
staff_only): its import and font cache take a second or more the first time, and a problem there
raises ChartsUnavailable (that image is answered 503) instead of stopping the server. An unwritable
MPLCONFIGDIR folder is not such a problem: matplotlib then uses a temporary folder (tested). The
page's tables never need matplotlib.

Meaning never rests on colour alone: each part of a bar has its own pattern and a black outline,
the two lines have their own marker and dash, and every chart has labels and a legend.
"""

from __future__ import annotations

import io
import logging
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from send_guide.triage.content_report import COULD_NOT_ANSWER, OTHER_TOPICS, ContentReport
from send_guide.triage.report_tables import Share, day

FONT = "DejaVu Sans"
# matplotlib names only its own font in the SVG; a computer without it (Windows, say) would show a
# serif font. Verdana is nearly as wide.
FONT_IN_SVG = (f"'{FONT}'".encode(), f"'{FONT}', Verdana, sans-serif".encode())
INK = "#0b0c0c"  # the staff pages' text colour (web/static/staff.css)
# Okabe and Ito's colours, told apart by most people with colour blindness; the pattern is what counts.
# Line patterns only: matplotlib writes dots and circles as long SVG paths. "Other topics" and
# "Could not answer" always look the same, whatever comes before them.
TOPIC_STYLES = (("#56b4e9", "//"), ("#e69f00", "\\\\"), ("#009e73", "||"), ("#f0e442", "--"), ("#cc79a7", "++"))
FIXED_STYLES = {OTHER_TOPICS: ("#bbbbbb", ""), COULD_NOT_ANSWER: ("#ffffff", "xx")}
LINE_STYLES = ({"color": "#0072b2", "marker": "o", "linestyle": "-"},
               {"color": "#a3470c", "marker": "s", "linestyle": "--"})
STYLE = {
    "svg.fonttype": "none",  # text stays text: it can be selected and zoomed, and is smaller
    "svg.hashsalt": "send-guide-report",  # the same chart for the same numbers
    "font.family": FONT,  # matplotlib's own font: it measures the text with it
    "font.size": 11,
    "text.color": INK, "axes.labelcolor": INK, "axes.edgecolor": INK, "xtick.color": INK, "ytick.color": INK,
    "hatch.linewidth": 1.0,
}
WIDTH = 8.0  # inches, at 72 points each
log = logging.getLogger(__name__)
_lock = threading.Lock()


class ChartsUnavailable(RuntimeError):
    """matplotlib could not be loaded; the page's tables still hold the numbers."""


@dataclass(frozen=True)
class Chart:
    name: str  # the name of its table too (send_guide/triage/report_tables.py)
    draw: Callable[[Any, ContentReport], None]
    height: Callable[[ContentReport], float]  # inches
    alt: Callable[[ContentReport], str]


def chart_svg(name: str, report: ContentReport) -> bytes:
    """The chart `name` of CHARTS for the report, as an SVG document."""
    chart = CHARTS[name]
    with _lock:
        figure_class = _figure_class()
        figure = figure_class(figsize=(WIDTH, chart.height(report)))
        chart.draw(figure, report)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buffer.getvalue().replace(*FONT_IN_SVG)


def _figure_class() -> Any:
    """matplotlib's Figure, imported and set up the first time (call with the lock held)."""
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except Exception as error:  # any failure to load must leave the server running
        log.exception("The report's charts cannot be drawn: matplotlib did not load")
        raise ChartsUnavailable(str(error)) from error
    matplotlib.rcParams.update(STYLE)
    return Figure


# --- the charts -------------------------------------------------------------------------------------

def _week_labels(report: ContentReport) -> list[str]:
    return [f"{week:%-d %b}" for week in report.weeks]


def _nothing(axes: Any, words: str) -> None:
    axes.text(0.5, 0.5, words, transform=axes.transAxes, ha="center", va="center")


def _draw_topics(figure: Any, report: ContentReport) -> None:
    from matplotlib.ticker import MaxNLocator

    axes = figure.add_subplot()
    places = list(range(len(report.weeks)))
    bottom = [0] * len(places)
    for number, row in enumerate(report.topics):
        colour, hatch = FIXED_STYLES.get(row.name) or TOPIC_STYLES[number % len(TOPIC_STYLES)]
        axes.bar(places, row.counts, bottom=bottom, width=0.7, label=row.name, color=colour, hatch=hatch,
                 edgecolor=INK, linewidth=0.8)
        bottom = [below + count for below, count in zip(bottom, row.counts, strict=True)]
    for place, total in zip(places, report.questions, strict=True):
        if total:
            axes.text(place, total, str(total), ha="center", va="bottom")
    axes.set_xticks(places, labels=_week_labels(report))
    axes.set_xlabel("Week starting (Monday)")
    axes.set_ylabel("Questions")
    axes.set_ylim(0, max(max(report.questions) * 1.12, 5))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    if report.topics:
        axes.legend(title="Topic, from the bottom of each bar", loc="upper left", bbox_to_anchor=(0, -0.16),
                    ncol=2, frameon=False, handlelength=2.6, handleheight=1.6)
    else:
        _nothing(axes, "No questions in these weeks")


def _draw_answers(figure: Any, report: ContentReport) -> None:
    from matplotlib.ticker import PercentFormatter

    axes = figure.add_subplot()
    places = list(range(len(report.weeks)))
    lines = (("Could not answer, share of questions", report.could_not_answer, report.questions),
             ("Rated not helpful, share of ratings", report.not_helpful, report.ratings))
    for (label, parts, wholes), style in zip(lines, LINE_STYLES, strict=True):
        shares = [Share(part, whole).percent for part, whole in zip(parts, wholes, strict=True)]
        axes.plot(places, [math.nan if share is None else share for share in shares], label=label,
                  linewidth=2, markersize=8, **style)
    axes.set_xticks(places, labels=_week_labels(report))
    axes.set_xlabel("Week starting (Monday)")
    axes.set_ylabel("Share")
    axes.set_ylim(0, 100)
    axes.yaxis.set_major_formatter(PercentFormatter(100))
    axes.grid(axis="y", color="#b1b4b6", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), frameon=False, handlelength=3.5)
    if not sum(report.questions) and not sum(report.ratings):
        _nothing(axes, "Nothing to count in these weeks")


def _draw_languages(figure: Any, report: ContentReport) -> None:
    axes = figure.add_subplot()
    names = [language.name for language in report.languages]
    bars = axes.barh(names, [language.questions for language in report.languages], height=0.6,
                     color="#0072b2", edgecolor=INK, linewidth=0.8)
    axes.bar_label(bars, padding=4)
    axes.invert_yaxis()  # the most used at the top, as in the table
    axes.set_xlabel("Questions")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    if not names:
        axes.set_yticks([])
        axes.set_xlim(0, 5)
        _nothing(axes, "No questions in these weeks")


# --- alt text: what the chart shows, and where its numbers are ----------------------------------------

WITH_TABLE = "The same numbers are in the table with this chart."


def _period(report: ContentReport) -> str:
    return f"the {len(report.weeks)} weeks from {day(report.weeks[0])} to {day(report.last_day)}"


def _topics_alt(report: ContentReport) -> str:
    said = f"Bar chart of questions each week by topic, for {_period(report)}."
    if not report.topics:
        return f"{said} There were no questions."
    most = report.topics[0]
    return f"{said} {sum(report.questions)} questions in all; the most asked topic was {most.name} ({most.total}). " \
           + WITH_TABLE


def _answers_alt(report: ContentReport) -> str:
    unanswered = Share(sum(report.could_not_answer), sum(report.questions)).percent
    unhelpful = Share(sum(report.not_helpful), sum(report.ratings)).percent
    said = f"Line chart of the share of questions it could not answer and of answers rated not helpful, " \
           f"week by week, for {_period(report)}."
    overall = [f"{words}: {round(share)}% over all weeks" for words, share in
               (("Could not answer", unanswered), ("Rated not helpful", unhelpful)) if share is not None]
    return " ".join([said, *(f"{line}." for line in overall), WITH_TABLE])


def _languages_alt(report: ContentReport) -> str:
    said = f"Bar chart of questions in each language, for {_period(report)}."
    if not report.languages:
        return f"{said} There were no questions."
    listed = ", ".join(f"{language.name} {language.questions}" for language in report.languages[:3])
    return f"{said} Most used: {listed}. {WITH_TABLE}"


CHARTS = {
    "topics": Chart("topics", _draw_topics, lambda report: 4.6, _topics_alt),
    "answers": Chart("answers", _draw_answers, lambda report: 4.2, _answers_alt),
    "languages": Chart("languages", _draw_languages, lambda report: 1.4 + 0.45 * max(len(report.languages), 1),
                       _languages_alt),
}
