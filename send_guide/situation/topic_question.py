"""A short message that names a situation topic by the situation's own words ("can the school send
him home early?", "my son got a fixed-term exclusion") is a question about that topic.

The situation's patterns (send_guide/content/situations.yml) were written to find it in stories,
and they are more exact than a classifier trained on a few dozen examples: "send my child home
early because of his behaviour" is about an exclusion, though its words are mostly about behaviour.
Only a situation made a topic (send_guide/content/topics.yml, situation: true) is decided this way.
"""

from __future__ import annotations

from send_guide.situation.catalogue import catalogue
from send_guide.situation.reading import Reading
from send_guide.topics import Topic
from send_guide.topics import catalogue as topics


def situation_topic_named(reading: Reading) -> str | None:
    """The situation topic's intent when the message's main situation is one and is shown by its
    own patterns (not only by common words such as "college"); None otherwise."""
    main = reading.main
    if main is None or not main.shown_by_own_words(reading.text):
        return None
    topic = topics().answered_by(main.key)
    return topic.intent if topic is not None else None


def topic_for_dates_of(event: str | None) -> Topic | None:
    """The situation topic whose dates the deadline form has just worked out ("when must the plan
    name her secondary school?" is answered with the exact date): offered beside the dates for the
    rights at that stage. Only when one situation alone works out that event's dates: a decision's
    dates belong to several (a refused assessment, a refused plan, a final plan)."""
    stages = [stage for stage in catalogue().stages if stage.event is not None and stage.event.value == event]
    if len(stages) != 1:
        return None
    return topics().answered_by(stages[0].key)
