"""Plain English as a measured property: the Flesch-Kincaid grade of everything the assistant says.

textstat stays at 0.7.4: later releases fetch a dictionary at run time, which cannot work here.
Each line of an answer counts as a sentence, as a reader sees a bullet point.
"""

import csv
import re
import statistics

import pytest
import textstat

from send_guide.deadlines import dialogue
from send_guide.deadlines.rules import RULES
from send_guide.languages.replies import MESSAGE_KINDS, language_messages
from send_guide.services.presentation import provenance
from send_guide.services.records import record_from_row
from send_guide.situation.catalogue import catalogue as situations
from tests.project_files import ROOT, domain

MEDIAN_GRADE = 8  # reading age of about 13; the answers aim lower, for reading age 9-11
MAX_GRADE = 12


def sentences(text: str) -> str:
    text = re.split(r"\n\n(?:Law|Source): ", text)[0]
    lines = [line.strip().lstrip("-• ").strip() for line in text.splitlines() if line.strip()]
    return " ".join(line if line[-1] in ".!?:" else line + "." for line in lines)


def everything_said() -> list[tuple[str, str]]:
    texts = [(name, variant["text"]) for name, variants in domain()["responses"].items()
             for variant in variants if "text" in variant and "{" not in variant["text"]]
    for rule in RULES.values():
        texts.append((f"deadline rule {rule.key}", rule.duty.format(date="Monday 3 March 2025")))
        texts += [(f"caveat of {rule.key}", caveat) for caveat in rule.caveats]
    texts += [("deadline question", question) for question in [dialogue.EVENT_QUESTION,
                                                               *dialogue.DATE_QUESTIONS.values()]]
    english = language_messages("en")
    texts += [(f"language notice {kind}", english.text(kind)) for kind in MESSAGE_KINDS]
    texts.append(("language notice not_checked", english.not_checked))
    for stage in situations().stages:
        texts += [(f"situation {stage.key}", stage.answer), (f"situation {stage.key} more", stage.more),
                  (f"situation {stage.key} aside", stage.aside)]
    texts += [(f"point {point.key}", point.text) for point in situations().points]
    with (ROOT / "data" / "services.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    texts += [(f"service {row['name']}", f"{row['description']} {row['who_can_refer']}") for row in rows]
    texts += [(f"where the details of {row['name']} come from", provenance(record_from_row(row)[0]))
              for row in rows]
    return texts


GRADES = [(name, textstat.flesch_kincaid_grade(sentences(text))) for name, text in everything_said()]


def test_median_grade_is_plain_english() -> None:
    assert statistics.median(grade for _, grade in GRADES) <= MEDIAN_GRADE


@pytest.mark.parametrize(("name", "grade"), GRADES, ids=[name for name, _ in GRADES])
def test_no_text_is_hard_to_read(name: str, grade: float) -> None:
    assert grade <= MAX_GRADE, f"{name} reads at grade {grade}"
