"""The answer report on the staff pages: for the content team, charts of what families ask each
week, how often the assistant could not answer or an answer was rated not helpful, and the languages
used (each with its numbers in a table beside it and as a CSV download); then the least helpful
answers, the questions it could not answer, and the translations to check.

The counts come from data already kept (send_guide/triage/content_report.py): no new personal data.
Each chart is its own SVG image at /staff/report/<name>.svg and its numbers at <name>.csv, behind the
staff login like every /staff page. The counting and the drawing happen after the staff session's
transaction has ended, so they hold no database lock.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
from typing import Any

from markupsafe import Markup, escape
from sanic import Sanic, response
from sqlalchemy.exc import SQLAlchemyError

from send_guide.languages.status import translation_statuses
from send_guide.time import today_in_england
from send_guide.triage import feedback
from send_guide.triage.content_report import ContentReport, content_report
from send_guide.triage.report_tables import Share, tables, write_csv
from web.report_charts import CHARTS, ChartsUnavailable, chart_svg
from web.staff import AfterCommit, StaffContext, csv_download, staff_only

REPORT = "/staff/report"
# A visitor's words shown on the answer report are cut to this many characters (what is stored is
# already shorter, send_guide/triage/feedback.py MAX_MESSAGE; this holds for any row, however it got there).
REPORT_CHARS = 300
# matplotlib's SVG styles itself with a <style> element and style attributes, so styles must be
# allowed inline; nothing else is. Shown with <img>, an SVG runs no script and loads nothing anyway;
# this policy keeps it so when someone opens the image on its own (sandbox: not even as this site).
CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; " \
               "form-action 'none'; sandbox"
NOT_READ = "The conversations database cannot be read just now, so the charts cannot be shown. Try again later."
log = logging.getLogger(__name__)


def add_routes(app: Sanic) -> None:
    app.ctx.templates.filters.update(cell=_cell, heading=_heading)
    app.add_route(staff_only(_report), REPORT, methods=["GET"])
    for name in CHARTS:
        app.add_route(staff_only(functools.partial(_chart, name=name)), f"{REPORT}/{name}.svg", methods=["GET"],
                      name=f"report_{name}_svg")
        app.add_route(staff_only(functools.partial(_numbers, name=name)), f"{REPORT}/{name}.csv", methods=["GET"],
                      name=f"report_{name}_csv")


def _report(ctx: StaffContext) -> AfterCommit:
    values = dict(scores=feedback.least_helpful(ctx.db), report_chars=REPORT_CHARS,
                  unanswered=[_shortened(question) for question in feedback.unanswered(ctx.db)],
                  translations=translation_statuses(), current="report", **ctx.page_values())
    app = ctx.request.app

    def page() -> response.HTTPResponse:
        report = _content_report(app)
        charts = [] if report is None else [
            {"table": table, "alt": CHARTS[table.name].alt(report)} for table in tables(report)]
        return response.html(app.ctx.templates.get_template("report.html").render(
            charts=charts, report=report, not_read=NOT_READ, **values))

    return AfterCommit(page)


def _chart(ctx: StaffContext, name: str) -> AfterCommit:
    app = ctx.request.app
    ctx.request.ctx.policy = CHART_POLICY  # web/staff.py puts it on the response

    def image() -> response.HTTPResponse:
        report = _content_report(app)
        if report is None:
            return response.text(NOT_READ, status=503)
        try:
            svg = chart_svg(name, report)
        except ChartsUnavailable:
            return response.text("The charts cannot be drawn just now. The numbers are in the tables.", status=503)
        return response.raw(svg, content_type="image/svg+xml")

    return AfterCommit(image)


def _numbers(ctx: StaffContext, name: str) -> AfterCommit:
    app = ctx.request.app

    def download() -> response.HTTPResponse:
        report = _content_report(app)
        if report is None:
            return response.text(NOT_READ, status=503)
        table = next(table for table in tables(report) if table.name == name)
        buffer = io.StringIO()
        write_csv(table, buffer)
        return csv_download(buffer.getvalue(), f"sendias-report-{name}-{today_in_england():%Y-%m-%d}.csv")

    return AfterCommit(download)


def _content_report(app: Sanic) -> ContentReport | None:
    """The counts, or None when the conversations database cannot be read (logged)."""
    try:
        with app.ctx.sessions() as db, app.ctx.conversations.connect() as conversations:
            return content_report(conversations, db, today_in_england())
    except SQLAlchemyError:
        log.exception("The content report cannot read the conversations")
        return None


def _shortened(text: str) -> str:
    """A visitor's words cut to REPORT_CHARS, with "…" when something was cut."""
    return text if len(text) <= REPORT_CHARS else text[:REPORT_CHARS] + "…"


# --- how the tables show their numbers ------------------------------------------------------------

def _cell(value: Any) -> Markup:
    """A count with thousands separators; a share as a whole percentage, or a dash that a screen
    reader reads as "nothing to count"."""
    if isinstance(value, Share):
        if value.percent is None:
            return Markup('<span aria-hidden="true">–</span><span class="visually-hidden">nothing to count</span>')
        return escape(f"{value.percent:.0f}%")
    return escape(f"{value:,}")


def _heading(value: Any) -> Markup:
    """A week by its Monday ("30 Nov"), with the full date for machines; anything else as it is."""
    if isinstance(value, dt.date):
        return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), f"{value:%-d %b}")
    return escape(value)
