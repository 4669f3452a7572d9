"""Staff commands for the call-back cases.

  python -m send_guide.triage add-staff NAME      make a staff account (asks for the password)
  python -m send_guide.triage deactivate-staff NAME   stop an account logging in, ending its sessions
  python -m send_guide.triage remove-staff NAME   delete a deactivated account (case histories and
                                                  the audit trail keep its name)
  python -m send_guide.triage audit [--days N]    the staff audit trail: logins, failed logins,
                                                  logouts, exports, account changes (default 7 days)
  python -m send_guide.triage export FILE.csv     the queue as CSV (most urgent first)
  python -m send_guide.triage report              least helpful answers, unanswered questions, and
                                                  which translations a fluent speaker has not checked
  python -m send_guide.triage retention [--days N]
      delete cases, their audit trail, conversations, feedback and the staff audit trail older
      than N days (default: RETENTION_DAYS, else 90), ended staff sessions, and letters kept for
      download whose 1-hour link has expired (unless kept on a case); run it daily, e.g. from cron
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys

from send_guide import conversations
from send_guide.database.engine import as_utc, make_engine, session_factory
from send_guide.database.schema import current_for_command
from send_guide.languages.status import translation_statuses
from send_guide.letters.downloads import forget_expired
from send_guide.settings import conversations_database_url
from send_guide.triage import audit, feedback, sessions
from send_guide.triage.cases import delete_older_than, export_csv, retention_days
from send_guide.triage.staff import StaffAccountError, add_staff, deactivate, normalise, remove

AUDIT_DAYS = 7


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password (at least 12 characters): ")
    if getpass.getpass("Same password again: ") != first:
        raise StaffAccountError("The two passwords are different.")
    return first


def _print_translations() -> None:
    print("Translations (a draft has not been checked by a fluent speaker; users see a line saying so):")
    for status in translation_statuses():
        print(f"  {status.language} ({status.code}), {status.part.lower()}, {status.path}: {status.describe()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m send_guide.triage", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    staff = commands.add_parser("add-staff", help="make a staff account")
    staff.add_argument("name")
    staff.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    commands.add_parser("deactivate-staff", help="stop an account logging in and end its sessions").add_argument("name")
    commands.add_parser("remove-staff", help="delete a deactivated account").add_argument("name")
    trail = commands.add_parser("audit", help="the staff audit trail")
    trail.add_argument("--days", type=int, default=AUDIT_DAYS)
    export = commands.add_parser("export", help="the queue as CSV")
    export.add_argument("file")
    commands.add_parser("report", help="least helpful answers, unanswered questions, translations to check")
    retention = commands.add_parser("retention", help="delete old cases, conversations and feedback")
    retention.add_argument("--days", type=int, default=None)
    args = parser.parse_args(argv)

    engine = make_engine()
    if not current_for_command(engine):
        return 1
    now = dt.datetime.now(dt.timezone.utc)
    with session_factory(engine)() as session:
        try:
            if args.command == "add-staff":
                user = add_staff(session, args.name, _password(args.password_stdin), now)
                session.commit()
                print(f"Staff account {user.username} made.")
            elif args.command == "deactivate-staff":
                ended = deactivate(session, args.name, now)
                session.commit()
                print(f"Staff account {normalise(args.name)} deactivated; "
                      f"{ended} open session{'' if ended == 1 else 's'} ended.")
            elif args.command == "remove-staff":
                remove(session, args.name, now)
                session.commit()
                print(f"Staff account {normalise(args.name)} removed.")
            elif args.command == "audit":
                for event in audit.since(session, now - dt.timedelta(days=args.days)):
                    print(f"{as_utc(event.at):%Y-%m-%d %H:%M} UTC  {event.actor}  {event.action}"
                          + (f"  {event.detail}" if event.detail else ""))
            elif args.command == "export":
                with open(args.file, "w", encoding="utf-8", newline="") as stream:
                    count = export_csv(session, stream)
                audit.record(session, now, audit.COMMAND, audit.EXPORT, f"{count} cases (all) to a file")
                session.commit()
                print(f"{count} cases written to {args.file}.")
            elif args.command == "report":
                print("Least helpful answers (not helpful / ratings):")
                for score in feedback.least_helpful(session):
                    print(f"  {score.intent}: {score.not_helpful} / {score.total}")
                print("Questions the assistant could not place (newest first):")
                for question in feedback.unanswered(session):
                    print(f"  {question}")
                _print_translations()
            else:
                days = args.days if args.days is not None else retention_days()
                deleted = delete_older_than(session, days, now)
                sessions.delete_expired(session, now)
                letters = forget_expired(session, now)
                session.commit()
                events = conversations.delete_older_than(make_engine(conversations_database_url()),
                                                         now - dt.timedelta(days=days))
                print(f"Deleted {deleted['cases']} cases, {deleted['feedback']} feedback entries, "
                      f"{deleted['staff events']} staff audit entries and "
                      f"{events} conversation events older than {days} days.")
                print(f"Deleted {letters} letters kept for download whose 1-hour link had expired "
                      "(a letter kept on a case goes with the case).")
        except (StaffAccountError, ValueError) as error:
            print(error, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
