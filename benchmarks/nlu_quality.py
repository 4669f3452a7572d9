"""Intent quality: `rasa test nlu` cross-validation macro-F1 and the most confused intent pairs."""

import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tools.servers import ROOT

BIN = Path(sys.executable).parent
FOLDS = 5


@dataclass
class NluQuality:
    folds: int
    macro_f1: float
    accuracy: float
    weakest: list[tuple[str, float]]
    confusions: list[tuple[str, str, int]]


def run(folds: int = FOLDS) -> NluQuality:
    with tempfile.TemporaryDirectory(prefix="send-guide-nlu-") as out:
        subprocess.run(
            [str(BIN / "rasa"), "test", "nlu", "--nlu", "data/nlu.yml", "--config", "config.yml",
             "--cross-validation", "--folds", str(folds), "--out", out, "--no-plot"],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        report = json.loads((Path(out) / "intent_report.json").read_text())
        errors_file = Path(out) / "intent_errors.json"
        errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
    per_intent = {k: v for k, v in report.items() if isinstance(v, dict) and "f1-score" in v
                  and k not in {"macro avg", "weighted avg", "micro avg"}}
    pairs = Counter((e["intent"], e["intent_prediction"]["name"]) for e in errors)
    return NluQuality(
        folds=folds,
        macro_f1=report["macro avg"]["f1-score"],
        accuracy=report.get("accuracy", report.get("micro avg", {}).get("f1-score", 0.0)),
        weakest=sorted(((k, v["f1-score"]) for k, v in per_intent.items()), key=lambda kv: kv[1])[:8],
        confusions=[(a, b, n) for (a, b), n in pairs.most_common(12)],
    )
