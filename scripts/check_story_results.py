"""Fail the build when a test conversation fails, or too few held-out phrasings come out right.

The two kinds of test story in tests/stories/ are judged apart, story by story, from the
stories `rasa test core --successes` lists as passed and failed (each named "name (file)"):

- tests/stories/test_conversations.yml: multi-turn conversations written to pass. Every one must
  pass; a pooled figure would let all of them fail behind the many phrasings.
- tests/stories/test_held_out_phrasings.yml: phrasings the model never saw, so a few misses are
  expected and honest; tuning the data until every one passes would only make them training
  data in disguise. A floor catches real regressions; every miss is listed for review.

A story the run did not report (or reported twice) fails the gate: a checker that cannot see a
story must not count it as passed.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

MIN_PHRASING_ACCURACY = 0.88
RESULTS = Path("results/core")
CONVERSATIONS = "tests/stories/test_conversations.yml"
PHRASINGS = "tests/stories/test_held_out_phrasings.yml"
PASSED_FILE = "successful_test_stories.yml"
FAILED_FILE = "failed_test_stories.yml"
_NAMED = re.compile(r"^(?P<name>.*) \((?P<file>[^()]+)\)$")


@dataclass(frozen=True)
class Verdict:
    ok: bool
    lines: list[str]


def story_names(path: Path) -> list[str]:
    return [story["story"] for story in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("stories", [])]


def reported(path: Path) -> list[tuple[str, str]]:
    """(story name, test file) of each story in one of rasa's result files; none if absent or empty."""
    if not path.exists():
        return []
    stories = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("stories") or []
    pairs = []
    for story in stories:
        match = _NAMED.match(story["story"])
        pairs.append((match["name"], match["file"]) if match else (story["story"], ""))
    return pairs


def judge(conversations: list[str], phrasings: list[str], passed: list[tuple[str, str]],
          failed: list[tuple[str, str]], floor: float = MIN_PHRASING_ACCURACY) -> Verdict:
    """Every conversation passed and at least `floor` of the phrasings did, each story reported once."""
    lines, ok = [], True
    for kind, file, names in (("conversation", CONVERSATIONS, conversations), ("phrasing", PHRASINGS, phrasings)):
        outcomes = [(name, True) for name, source in passed if source == file]
        outcomes += [(name, False) for name, source in failed if source == file]
        counted = {name: sum(1 for seen, _ in outcomes if seen == name) for name in names}
        unreported = [name for name, count in counted.items() if count != 1]
        if unreported:
            ok = False
            lines.append(f"{file}: not reported exactly once by the test run: {unreported}")
        right = sum(1 for name, passing in outcomes if passing and counted.get(name) == 1)
        misses = [name for name, passing in outcomes if not passing]
        total = len(names)
        if not total:
            ok = False
            lines.append(f"{file}: no {kind} stories")
            continue
        if kind == "conversation":
            ok = ok and right == total
            lines.append(f"conversations ({file}): {right}/{total} passed; every one must pass")
        else:
            accuracy = right / total
            ok = ok and accuracy >= floor
            lines.append(f"held-out phrasings ({file}): {right}/{total} right ({accuracy:.1%}); floor {floor:.0%}")
        lines += [f"  missed: {name}" for name in misses]
    return Verdict(ok, lines)


def main() -> int:
    verdict = judge(story_names(Path(CONVERSATIONS)), story_names(Path(PHRASINGS)),
                    reported(RESULTS / PASSED_FILE), reported(RESULTS / FAILED_FILE))
    print("\n".join(verdict.lines))
    print(f"details of each miss: {RESULTS / FAILED_FILE}")
    return 0 if verdict.ok else 1


if __name__ == "__main__":
    sys.exit(main())
