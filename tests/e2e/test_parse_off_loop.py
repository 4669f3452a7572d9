"""One long message is understood in worker threads, and holds up no other conversation
(channels/parse_off_loop.py).

The server here reads up to 512 tokens of a message (SEND_GUIDE_EMBEDDING_TOKENS; 96 when
deployed), and the message is longer than that, so that it takes the e5 engine about half a
second on purpose (342 tokens took 0.3 s on 2026-12-02: too close to the moment the short message
is sent). Its parse is asked for on /model/parse, which does nothing after the parse but reply: if the parse held the
event loop, no other request could be answered before it. The test checks the order of the
replies, not their times.
"""

import threading
import time
import uuid

import requests

from tests.e2e.conftest import model_path
from tools.servers import running_assistant

SLOW_TOKENS = "512"
STORY = ("مجھے اپنے بیٹے کی پڑھائی کی بہت فکر ہے، اسکول کہتا ہے کہ وہ ٹھیک ہے لیکن گھر پر وہ ہر روز پریشان رہتا ہے۔ "
         * 20)  # about 570 tokens: read up to the 512


def test_a_short_message_is_answered_while_a_long_one_is_still_being_understood(tmp_path) -> None:
    with running_assistant(model_path(), log_dir=tmp_path,
                           extra_env={"SEND_GUIDE_EMBEDDING_TOKENS": SLOW_TOKENS}) as running:
        first = requests.post(running.webhook, json={"sender": "warm-up", "message": "hello"}, timeout=60)
        assert first.status_code == 200  # the model and the engine are loaded

        finished: list[str] = []
        long_parse: dict = {}

        def understand_the_long_message() -> None:
            # A new text each run: a vector already in the cache would cost nothing.
            reply = requests.post(running.api("/model/parse"), json={"text": f"{STORY} {uuid.uuid4().hex}"},
                                  timeout=120)
            long_parse.update(reply.json())
            finished.append("long")

        worker = threading.Thread(target=understand_the_long_message)
        worker.start()
        time.sleep(0.15)  # the long message has reached the server and its parse has begun
        assert worker.is_alive(), "the long message was understood too fast to test anything"
        reply = requests.post(running.webhook, json={"sender": f"other-{uuid.uuid4().hex[:8]}", "message": "hello"},
                              timeout=60)
        finished.append("short")
        worker.join(timeout=120)

        assert reply.status_code == 200 and reply.json() and reply.json()[0]["text"]
        assert long_parse.get("intent", {}).get("name"), long_parse  # the long message was understood too
        assert finished == ["short", "long"]
