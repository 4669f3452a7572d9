"""The database's set-up step: the one command that migrates (DATABASE_URL picks the database).

    python -m send_guide.database upgrade           create or upgrade every table; seed the services
                                                    directory from data/services.csv if it is empty
    python -m send_guide.database check             say whether the database is at the newest migration
    python -m send_guide.database downgrade REV     take the schema back (rolling back a release)

`make run`, the deploy files' migrate job and the test fixtures that start servers run `upgrade`;
the servers only check (send_guide/database/schema.py).
"""

from __future__ import annotations

import argparse
import sys

from send_guide.database.engine import make_engine
from send_guide.database.schema import current_for_command, downgrade, migrate
from send_guide.services.directory import seed_if_empty


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m send_guide.database", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("upgrade", help="create or upgrade every table; seed an empty services directory")
    commands.add_parser("check", help="exit 1 unless the database is at the newest migration")
    back = commands.add_parser("downgrade", help="take the schema back to an older migration")
    back.add_argument("revision")
    args = parser.parse_args(argv)

    engine = make_engine()
    if args.command == "upgrade":
        migrate(engine)
        seeded = seed_if_empty(engine)
        print("The database is ready" + (" (services directory filled from the seed file)." if seeded else "."))
    elif args.command == "downgrade":
        downgrade(engine, args.revision)
        print(f"The database is at migration {args.revision}.")
    else:
        if not current_for_command(engine):
            return 1
        print("The database is at the newest migration.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
