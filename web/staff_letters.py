"""Letters on a call-back case: an adviser makes any letter from the case, with the case's dates
and contact details filled in, and downloads every letter kept on the case (hers, and one the family
made in the chat before asking for the call back).

A letter on a case is kept with the case and deleted with it, under the case's retention period
(send_guide/letters/downloads.py). Files are made from the stored letter at each download.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from sanic import Sanic, response

from send_guide.letters.compose import MAX_CHARS, SENDER_DETAILS, SENDER_GAPS, Answers, LetterInputError, compose
from send_guide.letters.downloads import FORMS, keep_for_download, letters_on_case
from send_guide.letters.from_case import details_from_case
from send_guide.letters.kinds import LetterKind, all_kinds
from send_guide.time import today_in_england
from send_guide.triage.cases import case_dates
from send_guide.triage.model import CaseEvent, TriageCase
from web.letters import letter_file
from web.staff import AfterCommit, StaffContext, find_case, staff_only

CASE = "/staff/cases/<reference:str>"
SENDER_LABELS = {"your_name": "Name to sign with", "your_address": "Address", "your_email": "E-mail address",
                 "your_phone": "Phone number"}
WRITER_LABELS = {"parent": "The parent or carer", "young_person": "The young person (16 to 25), for themselves"}
log = logging.getLogger(__name__)


def add_routes(app: Sanic) -> None:
    app.add_route(staff_only(_letter_form), CASE + "/letter", methods=["GET"])
    app.add_route(staff_only(_make_letter), CASE + "/letter", methods=["POST"])
    app.add_route(staff_only(_download), CASE + "/letters/<name:str>", methods=["GET"])


def _letter_form(ctx: StaffContext, reference: str) -> response.HTTPResponse:
    case = find_case(ctx.db, reference)
    if case is None:
        return ctx.render("not_found.html", 404, reference=reference)
    kind = all_kinds().get(ctx.request.args.get("kind", ""))
    if kind is None:
        return response.redirect(f"/staff/cases/{quote(case.reference)}#letters", status=303)
    contact = {"name": case.name, "phone": case.phone, "email": case.email}
    values = details_from_case(kind, case_dates(case), contact)
    writer = "young_person" if "young_person" in kind.writers and "young" in case.role.lower() else kind.writers[0]
    return _form_page(ctx, case, kind, values, writer)


def _make_letter(ctx: StaffContext, reference: str) -> response.HTTPResponse:
    case = find_case(ctx.db, reference)
    if case is None:
        return ctx.render("not_found.html", 404, reference=reference)
    kind = all_kinds().get(ctx.request.form.get("kind", ""))
    if kind is None:
        return ctx.render("refused.html", 400)
    names = [detail.name for detail in kind.details] + list(SENDER_DETAILS)
    values = {name: ctx.request.form.get(name, "").replace("\r\n", "\n").strip() for name in names}
    writer = ctx.request.form.get("writer", "")
    writer = writer if writer in kind.writers else kind.writers[0]
    try:
        letter = compose(kind.key, Answers({k: v for k, v in values.items() if v}, writer), today_in_england())
    except LetterInputError as problem:
        return _form_page(ctx, case, kind, values, writer, error=str(problem), status=422)
    # Kept on the case: no link is given out, an adviser downloads it from the case page.
    keep_for_download(ctx.db, letter, ctx.now, case_id=case.id)
    case.events.append(CaseEvent(at=ctx.now, actor=ctx.username, action="letter", detail=f"made: {kind.title}"))
    log.info("Staff letter: %s made a letter (%s) on %s", ctx.username, kind.key, case.reference)
    return response.redirect(f"/staff/cases/{quote(case.reference)}#letters", status=303)


def _download(ctx: StaffContext, reference: str, name: str) -> response.HTTPResponse | AfterCommit:
    number, _dot, form = name.rpartition(".")
    case = find_case(ctx.db, reference)
    if case is None or form not in FORMS or not number.isdigit():
        return ctx.render("not_found.html", 404, reference=reference)
    kept = next((item for item in letters_on_case(ctx.db, case.id) if item.id == int(number)), None)
    if kept is None:
        return ctx.render("not_found.html", 404, reference=reference)
    # The file is made after the transaction: a PDF takes a while, and the database lock is not needed.
    return AfterCommit(lambda: letter_file(kept.letter, form))


def _form_page(ctx: StaffContext, case: TriageCase, kind: LetterKind, values: dict[str, str], writer: str,
               error: str = "", status: int = 200) -> response.HTTPResponse:
    fields = [{"name": detail.name, "label": detail.ask, "gap": detail.gap, "long": detail.kind == "long_text",
               "limit": MAX_CHARS[detail.kind], "value": values.get(detail.name, "")} for detail in kind.details]
    fields += [{"name": name, "label": SENDER_LABELS[name], "gap": SENDER_GAPS[name], "long": False,
                "limit": MAX_CHARS["text"], "value": values.get(name, "")} for name in SENDER_DETAILS]
    writers = [(key, WRITER_LABELS[key]) for key in kind.writers]
    return ctx.render("letter_form.html", status, case=case, kind=kind, fields=fields, writers=writers,
                      writer=writer, error=error)
