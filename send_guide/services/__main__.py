"""Staff commands for the services directory (DATABASE_URL picks the database; the set-up step,
`python -m send_guide.database upgrade`, makes and fills it).

    python -m send_guide.services export FILE.csv    write the directory to a CSV file ("-" = stdout)
    python -m send_guide.services import FILE.csv    check the file, then replace the directory with it
    python -m send_guide.services find "speech therapy"
    python -m send_guide.services confirm "Penrose" --by "SENDIAS adviser"   [--on YYYY-MM-DD]
    python -m send_guide.services unchecked          list the services no person has checked yet

Confirm a service only after checking its details with the service itself (phone it, or read
its own current page). Give a name or a role, never contact details.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from send_guide.database.engine import make_engine, session_factory
from send_guide.database.schema import current_for_command
from send_guide.services import directory
from send_guide.services.presentation import as_text, provenance
from send_guide.services.records import RecordErrors
from send_guide.services.search import find_services


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m send_guide.services", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write the directory as CSV")
    export.add_argument("file")
    load = commands.add_parser("import", help="check a CSV file, then make it the directory")
    load.add_argument("file", type=Path)
    find = commands.add_parser("find", help="search as the assistant does")
    find.add_argument("text")
    confirm = commands.add_parser("confirm", help="record that a person checked a service's details")
    confirm.add_argument("name", help="the service's name, as `export` writes it")
    confirm.add_argument("--by", required=True, help="who checked it: a name or a role")
    confirm.add_argument("--on", type=_day, default=dt.date.today(), help="the day it was checked (default today)")
    commands.add_parser("unchecked", help="list the services no person has checked yet")
    args = parser.parse_args(argv)

    engine = make_engine()
    if not current_for_command(engine):
        return 1
    if args.command == "export":
        if args.file == "-":
            count = directory.export_csv(engine, sys.stdout)
        else:
            with open(args.file, "w", newline="", encoding="utf-8") as stream:
                count = directory.export_csv(engine, stream)
        print(f"Exported {count} services.", file=sys.stderr)
    elif args.command == "import":
        try:
            count = directory.import_csv(engine, args.file)
        except RecordErrors as errors:
            print(f"Nothing was imported. Fix these lines of {args.file} and try again:", file=sys.stderr)
            print(errors, file=sys.stderr)
            return 1
        print(f"Imported {count} services; the directory now holds exactly the file.")
    elif args.command == "confirm":
        return _confirm(engine, args.name, args.by, args.on)
    elif args.command == "unchecked":
        with session_factory(engine)() as session:
            names = directory.unconfirmed_names(session)
        print("\n".join(names) if names else "Every service has been checked by a person.")
        print(f"{len(names)} services not yet checked.", file=sys.stderr)
    else:
        with session_factory(engine)() as session:
            matches = find_services(session, args.text)
        print("\n\n".join(as_text(match.service) for match in matches) or "No match.")
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _confirm(engine, name: str, by: str, on: dt.date) -> int:
    try:
        record = directory.confirm(engine, name, by, on)
    except RecordErrors as errors:
        print(f"Nothing was changed:\n{errors}", file=sys.stderr)
        return 1
    except LookupError:
        with session_factory(engine)() as session:
            close = [match.service.name for match in find_services(session, name)]
        hint = f" Did you mean: {'; '.join(close)}?" if close else " `export` lists every name."
        print(f"Nothing was changed: no service is called {name!r}.{hint}", file=sys.stderr)
        return 1
    print(f"Confirmed {record.name}. The assistant now says: {provenance(record)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
