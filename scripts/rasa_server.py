"""Start Rasa's server (`rasa run ARGS`), with its API token and allowed origins from the environment.

Why not `rasa run --auth-token=...` directly: a command line is readable by every user of the
machine (`ps`), and the token opens every family's conversation through Rasa's HTTP API. Here
RASA_TOKEN becomes the option inside this process, so `ps` shows only this script's arguments.
CORS_ORIGINS (separated by spaces or commas) becomes `--cors`; the socket.io channel reads the
same variable (channels/language_socketio.py). Files the server writes (logs, SQLite stores) are
readable by their owner only (umask 077): they hold personal data.

OpenMP threads (the sentence-vector engine and scikit-learn share one OpenMP library) wait for
work asleep, not spinning: spinning threads took the cores another user's turn needed while long
messages were embedded (benchmarks/fairness.py). OpenMP reads this when it loads, so it is set here,
before anything is imported; a value already in the environment wins.

Usage: python scripts/rasa_server.py --model MODEL --port 5005 ... (any `rasa run` options)
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from any folder

from send_guide.origins import allowed_origins  # noqa: E402

OWNER_ONLY = 0o077


def rasa_arguments(given: list[str], environment: dict[str, str]) -> list[str]:
    arguments = ["run", *given]
    token = environment.get("RASA_TOKEN")
    if token:
        # One argument, "--auth-token=TOKEN": a token that starts with "-" would read as an option.
        arguments.append(f"--auth-token={token}")
    origins = allowed_origins(environment)
    if origins:
        arguments += ["--cors", *origins]
    return arguments


def main() -> None:
    os.umask(OWNER_ONLY)
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *rasa_arguments(sys.argv[1:], dict(os.environ))]
    rasa_main()


if __name__ == "__main__":
    main()
