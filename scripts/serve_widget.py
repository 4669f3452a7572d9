"""Serve the demo Local Offer page, the widget and the SENDIAS staff page on http://localhost:8080 (make run).

The server itself is web/app.py; this is its command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from any folder

from web.app import create_app  # noqa: E402
from web.settings import WebSettings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--bot-url", default="http://localhost:5005", help="where browsers reach Rasa")
    parser.add_argument("--rasa-api-url", default="",
                        help="where this server reaches Rasa's HTTP API for transcripts (default: --bot-url)")
    args = parser.parse_args()
    app = create_app(WebSettings.from_environment(args.bot_url, args.rasa_api_url))
    print(f"Demo Local Offer page with the widget: http://localhost:{args.port}/\n"
          f"SENDIAS staff page: http://localhost:{args.port}/staff", flush=True)
    app.run(host=args.host, port=args.port, access_log=False, motd=False)


if __name__ == "__main__":
    main()
