"""Run `rasa data validate` and fail on any warning that is not expected by design.

Why not `--fail-on-warnings`: some intents and entities never appear in training data on
purpose. `crisis` is set by the CrisisOverride component, `empty_message` and
`unreadable_message` by the guarded REST channel, and `topic` / `menu_group` come only from
button payloads, as do `inform_deadline_event` and its entities. Rasa warns about each of
them; every other warning still fails the build.
"""

import re
import subprocess
import sys
from pathlib import Path

RASA = Path(sys.executable).parent / "rasa"
SENT_BY_ACTIONS = [
    r"utter_more_[a-z_]+", "utter_menu", "utter_menu_group", "utter_did_you_mean", "utter_story_not_placed",
    "utter_more_which_topic",
    "utter_no_more", "utter_term_unknown", "utter_ask_role", r"utter_role_[a-z_]+", "utter_default",
    "utter_deadline_left", "utter_deadline_no_dates", "utter_no_service_found", "utter_feedback_thanks",
    "utter_feedback_sorry",
]
SET_OUTSIDE_NLU = ["crisis", "describe_situation", "situation_more", "situation",
                   "empty_message", "unreadable_message", "topic", "menu_group",
                   "inform_deadline_event", "deadline_event", "deadline_detail", "service_category"]
EXPECTED = [
    re.compile(rf"'{name}' (?:is listed in the domain file, but is not found|is not used)") for name in SET_OUTSIDE_NLU
] + [
    # Responses that custom actions send (actions/), so no rule or story names them.
    re.compile(rf"The utterance '{name}' is not used in any story or rule")
    for name in SENT_BY_ACTIONS
]
WARNING = re.compile(r"UserWarning: (?P<message>.+)")


def main() -> int:
    result = subprocess.run(
        [str(RASA), "data", "validate", "--max-history", "5"], capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    unexpected = [
        match.group("message")
        for match in WARNING.finditer(output)
        if not any(pattern.search(match.group("message")) for pattern in EXPECTED)
    ]
    for message in unexpected:
        print(f"unexpected warning: {message}", file=sys.stderr)
    if result.returncode != 0:
        print(output, file=sys.stderr)
        return result.returncode
    print(f"rasa data validate: passed ({len(unexpected)} unexpected warnings)")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
