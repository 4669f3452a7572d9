"""The conversation store reads a conversation back exactly as Rasa's SQL store does, on a real
SQLite file (stores/conversation_store.py reads only the events' JSON)."""

import threading
import time

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import event

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
