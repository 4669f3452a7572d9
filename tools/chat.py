"""Chat with the running assistant in a terminal, over the REST channel.

Why not `rasa shell`: that starts a second Rasa server; this talks to the one `make run` started.
Type a number to press a button; an empty line or Ctrl-D ends the chat.
"""

import os
import sys
import uuid

import requests

URL = os.environ.get("SEND_GUIDE_URL", "http://127.0.0.1:5005/webhooks/rest/webhook")


def send(sender: str, message: str) -> list:
    reply = requests.post(URL, json={"sender": sender, "message": message}, timeout=60)
    reply.raise_for_status()
    return reply.json()


def main() -> int:
    sender = f"terminal-{uuid.uuid4().hex[:8]}"
    buttons: list = []
    print("SEND Guide. Type your question (empty line to stop).")
    for line in sys.stdin if not sys.stdin.isatty() else iter(lambda: input("> "), ""):
        text = line.strip()
        if not text:
            break
        if text.isdigit() and 0 < int(text) <= len(buttons):
            text = buttons[int(text) - 1]["payload"]
        try:
            messages = send(sender, text)
        except requests.RequestException as error:
            print(f"Cannot reach the assistant at {URL} ({error}). Is `make run` running?")
            return 1
        buttons = []
        for message in messages:
            if message.get("text"):
                print(message["text"])
            for button in message.get("buttons", []):
                buttons.append(button)
                print(f"  [{len(buttons)}] {button['title']}")
        print()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (EOFError, KeyboardInterrupt):
        print()
