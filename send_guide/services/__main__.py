"""Staff commands for the services directory (DATABASE_URL picks the database).

    python -m send_guide.services init               create or upgrade the tables; seed if empty
    python -m send_guide.services export FILE.csv    write the directory to a CSV file ("-" = stdout)
    python -m send_guide.services import FILE.csv    check the file, then replace the directory with it
    python -m send_guide.services find "speech therapy"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from send_guide.services import directory
from send_guide.services.db import make_engine, session_factory
from send_guide.services.presentation import as_text
from send_guide.services.records import RecordErrors
from send_guide.services.search import find_services


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m send_guide.services", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init", help="create or upgrade the tables; seed from data/services.csv if empty")
    export = commands.add_parser("export", help="write the directory as CSV")
    export.add_argument("file")
    load = commands.add_parser("import", help="check a CSV file, then make it the directory")
    load.add_argument("file", type=Path)
    find = commands.add_parser("find", help="search as the assistant does")
    find.add_argument("text")
    args = parser.parse_args(argv)

    engine = make_engine()
    directory.ensure_ready(engine)
    if args.command == "init":
        print("The services directory is ready.")
    elif args.command == "export":
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
    else:
        with session_factory(engine)() as session:
            matches = find_services(session, args.text)
        print("\n\n".join(as_text(match.service) for match in matches) or "No match.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
