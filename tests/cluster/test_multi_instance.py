"""One assistant on two Rasa instances: shared conversations, nothing lost, nginx as the only door."""

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

from tests.cluster.conftest import CHAT_BURST, WIDGET_SITE, Cluster


def say(url: str, sender: str, message: str) -> str:
    reply = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=120)
    assert reply.status_code == 200, reply.text
    return "\n".join(item.get("text", "") for item in reply.json())


def events_of(cluster: Cluster, sender: str) -> list[dict]:
    url = cluster.assistant.rasa_urls[1]
    tracker = requests.get(f"{url}/conversations/{sender}/tracker?token={cluster.assistant.token}", timeout=30)
    return tracker.json()["events"]


def user_texts(events: list[dict]) -> list[str]:
    return [event["text"] for event in events if event.get("event") == "user"]


def test_one_conversation_can_move_between_instances_at_every_message(cluster: Cluster) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    first, second = cluster.assistant.rasa_urls
    steps = [(first, "can someone call me back please", "Do you agree?"), (second, "yes", "What name"),
             (first, "Amina", "phone number or e-mail"), (second, "01582 548156", "good time"),
             (first, "cancel", "Nothing has been kept")]
    for url, message, expected in steps:
        assert expected in say(url, sender, message), f"{message!r} on {url}"
    assert user_texts(events_of(cluster, sender)) == [message for _, message, _ in steps]


def test_messages_sent_at_once_to_both_instances_are_all_kept_one_turn_at_a_time(cluster: Cluster) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    questions = [f"what is a personal budget? ({number})" for number in range(12)]
    urls = cluster.assistant.rasa_urls
    with ThreadPoolExecutor(max_workers=len(questions)) as pool:
        answers = list(pool.map(lambda pair: say(urls[pair[0] % 2], sender, pair[1]), enumerate(questions)))
    assert all("personal budget" in answer.lower() for answer in answers)
    events = events_of(cluster, sender)
    said = user_texts(events)
    assert sorted(said) == sorted(questions), "every message is in the conversation exactly once"
    # The lock made each turn whole: after a message, its answer, before the next message starts.
    kinds = [event["event"] for event in events if event["event"] in ("user", "bot")]
    assert kinds == ["user", "bot"] * len(questions)


def test_nginx_passes_the_chat_and_the_web_pages_and_nothing_else(cluster: Cluster) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    assert "personal budget" in say(cluster.nginx_url, sender, "what is a personal budget?").lower()
    handshake = requests.get(f"{cluster.nginx_url}/socket.io/?EIO=4&transport=polling", timeout=30)
    assert handshake.status_code == 200 and '"sid"' in handshake.text
    assert requests.get(f"{cluster.nginx_url}/staff/login", timeout=30).status_code == 200
    home = requests.get(f"{cluster.nginx_url}/", timeout=30)
    assert home.status_code == 200 and "Hello from Rasa" not in home.text  # the demo page, not Rasa's "/"
    token = cluster.assistant.token
    for path in (f"/conversations/{sender}/tracker?token={token}", f"/status?token={token}", "/model",
                 "/webhook", "/health", "/version", "/socket.io/../version", "/socket.io/version"):
        refused = requests.get(f"{cluster.nginx_url}{path}", timeout=30)
        assert refused.status_code == 404, path  # Rasa's API and the action server are not behind nginx
        assert "personal budget" not in refused.text and "minimum_compatible_version" not in refused.text, path
    too_big = requests.post(f"{cluster.nginx_url}/webhooks/rest/webhook", timeout=30,
                            json={"sender": sender, "message": "x" * 20_000})
    assert too_big.status_code == 413
    assert requests.get(f"{cluster.nginx_url}/webhooks/rest/webhook", timeout=30).status_code == 403


def test_only_the_configured_site_may_call_the_chat_from_a_browser(cluster: Cluster) -> None:
    body = {"sender": f"test-{uuid.uuid4().hex[:10]}", "message": "hello"}
    for url in (cluster.nginx_url, *cluster.assistant.rasa_urls):
        allowed = requests.post(f"{url}/webhooks/rest/webhook", json=body, headers={"Origin": WIDGET_SITE}, timeout=60)
        assert allowed.headers.get("Access-Control-Allow-Origin") == WIDGET_SITE
        other = requests.post(f"{url}/webhooks/rest/webhook", json=body, timeout=60,
                              headers={"Origin": "https://attacker.example"})
        assert "Access-Control-Allow-Origin" not in other.headers, "a browser on another site gets no answer"
        preflight = requests.options(f"{url}/webhooks/rest/webhook", timeout=30, headers={
            "Origin": "https://attacker.example", "Access-Control-Request-Method": "POST"})
        assert "Access-Control-Allow-Origin" not in preflight.headers


def test_nginx_limits_how_fast_one_client_can_send(cluster: Cluster) -> None:
    time.sleep(2)  # a full bucket
    with ThreadPoolExecutor(max_workers=16) as pool:
        codes = list(pool.map(lambda _: requests.post(f"{cluster.nginx_url}/webhooks/rest/webhook", data="{",
                                                      headers={"Content-Type": "application/json"},
                                                      timeout=30).status_code, range(CHAT_BURST * 3)))
    assert codes.count(429) >= CHAT_BURST / 2, codes
    assert set(codes) <= {400, 429}, "refused ones are 400 (bad JSON, from Rasa) or 429 (from nginx)"
    time.sleep(3)  # let the bucket refill for the tests after this one


def test_when_one_instance_dies_the_other_answers_the_same_conversation(cluster: Cluster) -> None:
    import os
    import signal

    sender = f"test-{uuid.uuid4().hex[:10]}"
    assert "Do you agree?" in say(cluster.nginx_url, sender, "can someone call me back please")
    os.kill(cluster.assistant.rasa_pids[0], signal.SIGKILL)
    time.sleep(0.5)
    for message, expected in (("yes", "What name"), ("Amina", "phone number or e-mail")):
        assert expected in say(cluster.nginx_url, sender, message)
    assert user_texts(events_of(cluster, sender)) == ["can someone call me back please", "yes", "Amina"]
