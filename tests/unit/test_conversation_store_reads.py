"""The conversation store reads a conversation back exactly as Rasa's SQL store does, on a real
SQLite file (stores/conversation_store.py reads only the events' JSON)."""

import threading
import time

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import event

from stores import conversation_store
from stores.conversation_store import ConversationStore
from tests.project_files import ROOT
from tests.run_async import run_async


def _two_sessions(sender: str, domain: Domain) -> DialogueStateTracker:
    start = time.time() - 100
    events = [ActionExecuted("action_session_start", timestamp=start), SessionStarted(timestamp=start),
              ActionExecuted("action_listen", timestamp=start),
              UserUttered("hello", {"name": "greet"}, timestamp=start),
              SlotSet("role", "parent", timestamp=start + 1),
              ActionExecuted("action_session_start", timestamp=start + 50), SessionStarted(timestamp=start + 50),
              ActionExecuted("action_listen", timestamp=start + 50),
              UserUttered("what is a SENCO?", {"name": "ask_glossary"}, timestamp=start + 51)]
    return DialogueStateTracker.from_events(sender, events, domain.slots)


def test_the_last_session_and_the_whole_conversation_come_back_as_rasa_reads_them(tmp_path) -> None:
    domain = Domain.load(str(ROOT / "domain.yml"))
    url = f"sqlite:///{tmp_path / 'conversations.sqlite3'}"
    ours = ConversationStore(domain, host=url)
    rasas = SQLTrackerStore(domain, host=url)

    async def check() -> None:
        await ours.save(_two_sessions("family-1", domain))
        for read in ("retrieve", "retrieve_full_tracker"):
            mine, theirs = await getattr(ours, read)("family-1"), await getattr(rasas, read)("family-1")
            assert [e.as_dict() for e in mine.events] == [e.as_dict() for e in theirs.events], read
        last = await ours.retrieve("family-1")
        assert [e.text for e in last.events if isinstance(e, UserUttered)] == ["what is a SENCO?"]
        whole = await ours.retrieve_full_tracker("family-1")
        assert [e.text for e in whole.events if isinstance(e, UserUttered)] == ["hello", "what is a SENCO?"]
        assert await ours.retrieve("nobody") is None

    run_async(check())


def test_a_turn_saved_after_another_adds_only_its_new_events_written_in_a_worker_thread(tmp_path) -> None:
    domain = Domain.load(str(ROOT / "domain.yml"))
    url = f"sqlite:///{tmp_path / 'conversations.sqlite3'}"
    ours = ConversationStore(domain, host=url)
    writers: set[str] = set()

    @event.listens_for(ours.engine, "before_cursor_execute")
    def note_writer(_connection, _cursor, statement, *_rest) -> None:
        if statement.lstrip().upper().startswith("INSERT"):
            writers.add(threading.current_thread().name)

    async def check() -> None:
        await ours.save(_two_sessions("family-2", domain))
        tracker = await ours.retrieve("family-2")  # the last session, as Rasa holds it in a turn
        tracker.update(ActionExecuted("utter_senco"))
        tracker.update(UserUttered("thank you", {"name": "thank"}))
        await ours.save(tracker)
        stored = await SQLTrackerStore(domain, host=url).retrieve("family-2")
        assert [e.as_dict() for e in stored.events] == [e.as_dict() for e in tracker.events]
        whole = await ours.retrieve_full_tracker("family-2")
        said = [e.text for e in whole.events if isinstance(e, UserUttered)]
        assert said == ["hello", "what is a SENCO?", "thank you"]

    run_async(check())
    assert writers and all(name.startswith("conversation-database") for name in writers), writers


def test_a_long_conversation_is_loaded_and_saved_in_the_long_lane_and_a_short_one_is_not(tmp_path,
                                                                                          monkeypatch) -> None:
    domain = Domain.load(str(ROOT / "domain.yml"))
    ours = ConversationStore(domain, host=f"sqlite:///{tmp_path / 'conversations.sqlite3'}")
    threads: list[tuple[str, str]] = []

    @event.listens_for(ours.engine, "before_cursor_execute")
    def note(_connection, _cursor, statement, *_rest) -> None:
        threads.append((statement.lstrip().split()[0].upper(), threading.current_thread().name))

    async def turn(sender: str) -> None:
        tracker = await ours.retrieve(sender)
        tracker.update(UserUttered("thank you", {"name": "thank"}))
        await ours.save(tracker)

    async def check() -> None:
        for sender in ("short-talk", "long-talk"):
            await ours.save(_two_sessions(sender, domain))
        monkeypatch.setattr(conversation_store, "LONG_CONVERSATION_BYTES", 1_500)
        for sender in ("short-talk", "long-talk"):
            await ours.retrieve(sender)  # the size is known from the first load
        for sender, long_talk in (("short-talk", False), ("long-talk", True)):
            threads.clear()
            if long_talk:  # more than 1,500 characters of stored events by now, known at the next load
                tracker = await ours.retrieve(sender)
                tracker.update(UserUttered("x" * 2_000, {"name": "nlu_fallback"}))
                await ours.save(tracker)
                await ours.retrieve(sender)
                threads.clear()
            await turn(sender)
            lanes = {name.rsplit("_", 1)[0] for _, name in threads}
            assert lanes == {f"conversation-database-{'long' if long_talk else 'short'}"}, (sender, threads)

    run_async(check())


def test_a_messages_token_places_are_not_stored_and_the_rest_of_its_reading_is(tmp_path) -> None:
    domain = Domain.load(str(ROOT / "domain.yml"))
    url = f"sqlite:///{tmp_path / 'conversations.sqlite3'}"
    ours = ConversationStore(domain, host=url)
    story = "my son is 9 and the school says he is fine " * 40
    parse = {"intent": {"name": "describe_situation", "confidence": 0.9}, "entities": [], "text": story,
             "text_tokens": [[index, index + 2] for index in range(0, 1600, 4)],
             "intent_ranking": [{"name": "describe_situation", "confidence": 0.9}]}

    async def check() -> None:
        tracker = DialogueStateTracker.from_events("family-3", [UserUttered(story, parse_data=parse)], domain.slots)
        await ours.save(tracker)
        stored = await SQLTrackerStore(domain, host=url).retrieve("family-3")
        [said] = [e for e in stored.events if isinstance(e, UserUttered)]
        assert said.text == story and said.intent_name == "describe_situation"
        assert "text_tokens" not in said.parse_data and said.parse_data["intent_ranking"]

    run_async(check())
