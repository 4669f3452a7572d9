"""Find an event's class by its type name once, not by walking every Event subclass each time.

Rasa 3.6 rebuilds a tracker from its stored events on every message, and for each event
`Event.resolve_by_type` lists all (about 25) Event subclasses, checking each with
`inspect.isabstract`. For a 60-turn conversation (300 events) that was about half of the time
to load the tracker (cProfile, 2026-12-02). `install()` keeps the class found for each type name;
a name not found goes to Rasa's own lookup every time, so unknown names and the default behave as
before. Installed from channels/__init__.py.
"""

from __future__ import annotations

from typing import Dict, Type

from rasa.shared.core.events import Event

_INSTALLED = "_send_guide_resolves_types_once"
_found: Dict[str, Type[Event]] = {}


def install() -> None:
    if getattr(Event, _INSTALLED, False):
        return
    original = Event.resolve_by_type

    def resolve_by_type(type_name: str, default: Type[Event] | None = None) -> Type[Event] | None:
        """Event.resolve_by_type, remembering each class found by its name."""
        known = _found.get(type_name)
        if known is not None:
            return known
        found = original(type_name, default)
        if found is not None and getattr(found, "type_name", None) == type_name:
            _found[type_name] = found
        return found

    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign]
    setattr(Event, _INSTALLED, True)


def installed() -> bool:
    return bool(getattr(Event, _INSTALLED, False))
