"""Serve the demo Local Offer page and the widget on http://localhost:8080 (make run).

Only these things are served, all from this repository: the demo page and its privacy notice,
the widget's own files,
and the socket.io client from widget/node_modules (installed from the npm registry by make).
"""

from __future__ import annotations

import argparse
import functools
import http.server
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDGET = ROOT / "widget"
ROUTES = {
    "/": WIDGET / "demo" / "index.html",
    "/index.html": WIDGET / "demo" / "index.html",
    "/privacy.html": WIDGET / "demo" / "privacy.html",
    "/widget/send-guide-widget.js": WIDGET / "src" / "send-guide-widget.js",
    "/widget/send-guide-widget.css": WIDGET / "src" / "send-guide-widget.css",
    "/vendor/socket.io.min.js": WIDGET / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js",
    # The widget's own words in each language it offers.
    **{f"/widget/locales/{path.name}": path for path in sorted((WIDGET / "src" / "locales").glob("*.json"))},
}
TYPES = {
    ".json": "application/json; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
DEMO_BOT_URL = "http://localhost:5005"  # as written in widget/demo/index.html


class WidgetHandler(http.server.BaseHTTPRequestHandler):
    bot_url = "http://localhost:5005"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/favicon.ico":  # no icon, and no 404 in the browser console
            self.send_response(204)
            self.end_headers()
            return
        path = ROUTES.get(self.path.split("?", 1)[0])
        if path is None or not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        if path.suffix == ".html":  # point the demo page at the bot this server was started for
            body = body.replace(DEMO_BOT_URL.encode(), self.bot_url.encode())
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(path.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        # The page may talk only to itself and the bot; inline script is the embedding snippet.
        bot_ws = self.bot_url.replace("http", "ws", 1)
        self.send_header("Content-Security-Policy", f"default-src 'self'; script-src 'self' 'unsafe-inline'; "
                         f"style-src 'self' 'unsafe-inline'; connect-src 'self' {self.bot_url} {bot_ws}; "
                         "img-src 'self' data:; frame-ancestors 'none'")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        pass  # request lines would be noise next to Rasa's log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--bot-url", default="http://localhost:5005")
    args = parser.parse_args()
    handler = type("Handler", (WidgetHandler,), {"bot_url": args.bot_url})
    server = http.server.ThreadingHTTPServer((args.host, args.port), functools.partial(handler))
    print(f"Demo Local Offer page with the widget: http://localhost:{args.port}/")
    server.serve_forever()


if __name__ == "__main__":
    main()
