"""Reading a family's whole message the way an adviser would: the questions asked, where the
family is in the EHC (Education, Health and Care) process and what went wrong, the dates given
and what each is the date of, who is writing, and how upset they are. Then one reply that answers
the question in the light of that situation.

Plain Python (no Rasa import): the NLU component, the action, the staff pages and the command
line (`python -m send_guide.situation "..."`) all use the same reading.
"""

from send_guide.situation.reading import (
    Reading,
    deadline_form_answers_at_once,
    is_long_story,
    is_one_question,
    prefers_deadline_form,
    read,
    wants_whole_reply,
)
from send_guide.situation.reply import Reply, reply

__all__ = [
    "Reading", "Reply", "deadline_form_answers_at_once", "is_long_story", "is_one_question", "prefers_deadline_form",
    "read", "reply", "wants_whole_reply",
]
