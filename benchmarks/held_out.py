"""Held-out phrasings: how many of tests/stories/test_held_out_phrasings.yml get the right answer.

Cross-validation splits the training data, whose phrasings share a writer and a style; the
held-out stories were written apart from it, so they are the closer stand-in for real users.
"""

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tools.servers import ROOT

BIN = Path(sys.executable).parent
STORIES = "tests/stories/test_held_out_phrasings.yml"


@dataclass
class HeldOut:
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def run() -> HeldOut:
    from benchmarks.run_all import trained_model

    model = trained_model()
    with tempfile.TemporaryDirectory(prefix="send-guide-held-out-") as out:
        subprocess.run(
            [str(BIN / "rasa"), "test", "core", "--e2e", "--model", model, "--stories", STORIES,
             "--out", out, "--no-plot"],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        report = json.loads((Path(out) / "story_report.json").read_text())["conversation_accuracy"]
    return HeldOut(correct=report["correct"], total=report["total"])
