"""Stored events still come back as the same classes once the faster look-up is installed
(channels/event_types.py)."""

import pytest
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from channels import event_types


def test_every_event_class_is_found_by_its_name_as_rasa_finds_it() -> None:
    event_types.install()
    assert event_types.installed()
    for cls in all_subclasses(Event):
        assert Event.resolve_by_type(cls.type_name) is next(
            c for c in all_subclasses(Event) if c.type_name == cls.type_name)


def test_unknown_names_fail_or_give_the_default_every_time() -> None:
    event_types.install()
    for _ in range(2):  # the second time too: an unknown name is never remembered
        with pytest.raises(ValueError, match="Unknown event name"):
            Event.resolve_by_type("no_such_event")
        assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
        assert Event.resolve_by_type("topic") is None


def test_stored_events_come_back_whole() -> None:
    event_types.install()
    stored = [UserUttered("hello", {"name": "greet", "confidence": 0.9}).as_dict(),
              ActionExecuted("utter_greet").as_dict(), SlotSet("role", "parent").as_dict()]
    events = [Event.from_parameters(data) for data in stored]
    assert [type(e) for e in events] == [UserUttered, ActionExecuted, SlotSet]
    assert events[0].text == "hello" and events[2].value == "parent"
