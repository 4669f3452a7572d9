"""Which intent classifier: 5-fold cross-validation of each combination, with the real pipeline.

Each combination is config.yml with its classifier lines swapped. All are trained and tested on the
same five folds of data/nlu.yml (stratified, seeded), in one process, so that the e5 vectors of the
training examples are worked out once. Every fold trains the whole NLU pipeline with
`rasa.model_training.train_nlu` and parses each held-back example through it, as `rasa test nlu
--cross-validation` does. Macro-F1 is counted as `rasa test nlu` counts it: over the intents of
the training data (rasa.model_testing.get_evaluation_metrics takes its labels from the targets), so
an answer of nlu_fallback, or of a label an override sets (describe_situation for a story, crisis),
is a miss for the true intent. A stricter count, which also makes each such answer a class of its
own with no right answers, is reported beside it.

"Blend" is not a pipeline: it averages the rankings of the weighted LR and the nearest-neighbour
vote, message by message, and applies the FallbackClassifier's threshold to the result.

"DIET" (Rasa's DIETClassifier in place of the weighted LR, on the same features) is run only when
asked for by name: `make benchmark-diet` compares it with config.yml's classifier on one 80/20
split (the first of the five folds), the comparison config.yml's comment on DIET cites.

Run: `python -m benchmarks.nlu_cv [--nlu data/nlu.yml] [--only NAME ...] [--folds N]` (about 10
minutes for each combination on 2 cores with all five folds).
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import logging
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from tools.servers import ROOT

FOLDS = 5
SEED = 0
OURS = "components.sentence_intents.SentenceIntentClassifier"
FEATURIZER = "components.sentence_embeddings.SentenceEmbeddingFeaturizer"
MULTILINGUAL = "components.multilingual_intents.MultilingualIntentClassifier"
RASA_LR = {"name": "LogisticRegressionClassifier", "max_iter": 300, "solver": "lbfgs", "tol": 0.0001,
           "random_state": 1}
BLEND = "blend: weighted LR + nearest neighbours (mean of rankings)"


def _swap(pipeline: list[dict], name: str, replacement: list[dict]) -> list[dict]:
    index = next(i for i, step in enumerate(pipeline) if step["name"] == name)
    return pipeline[:index] + replacement + pipeline[index + 1:]


def _without(pipeline: list[dict], name: str) -> list[dict]:
    return [step for step in pipeline if step["name"] != name]


def _ngrams_rasa_lr(pipeline: list[dict]) -> list[dict]:
    return _swap(_without(pipeline, FEATURIZER), OURS, [RASA_LR])


def _ours(pipeline: list[dict]) -> list[dict]:
    return pipeline


def _sentence_only(pipeline: list[dict]) -> list[dict]:
    ours = next(step for step in pipeline if step["name"] == OURS)
    return _swap(pipeline, OURS, [{**ours, "ngram_weight": 0.0}])


def _nearest_only(pipeline: list[dict]) -> list[dict]:
    """No English classifier: the multilingual nearest-neighbour vote classifies every message. It
    takes the English classifier's place, before the FallbackClassifier, which needs an intent."""
    multilingual = next(step for step in pipeline if step["name"] == MULTILINGUAL)
    return _swap(_without(pipeline, MULTILINGUAL), OURS, [{**multilingual, "english_too": True}])


def _diet(pipeline: list[dict]) -> list[dict]:
    """DIET, as Rasa's default config sets it, in the weighted LR's place: it reads the same n-gram
    and e5 features (the e5 vector as a dense sentence feature)."""
    return _swap(pipeline, OURS, [{"name": "DIETClassifier", "epochs": 100, "constrain_similarities": True,
                                   "random_seed": SEED}])


DIET = "DIET (Rasa DIETClassifier, 100 epochs) on the same features"
ON_REQUEST = {DIET: _diet}  # slow to train: run only when named with --only (make benchmark-diet)
COMBINATIONS: dict[str, Callable[[list[dict]], list[dict]]] = {
    "n-grams, Rasa LogisticRegressionClassifier (the pipeline before)": _ngrams_rasa_lr,
    "e5 only, nearest-neighbour vote (components/multilingual_intents.py)": _nearest_only,
    "e5 only, LR": _sentence_only,
    "n-grams + e5, weighted LR (config.yml)": _ours,
}


@dataclass
class Outcome:
    name: str
    texts: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)
    predicted: list[str] = field(default_factory=list)
    rankings: list[dict[str, float]] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """As `rasa test nlu` counts it: over the intents of the training data."""
        from sklearn.metrics import f1_score

        return float(f1_score(self.expected, self.predicted, average="macro", labels=sorted(set(self.expected))))

    @property
    def macro_f1_every_label(self) -> float:
        """Stricter: every label answered (nlu_fallback, describe_situation, crisis) is a class too."""
        from sklearn.metrics import f1_score

        return float(f1_score(self.expected, self.predicted, average="macro"))

    @property
    def accuracy(self) -> float:
        return sum(a == b for a, b in zip(self.expected, self.predicted, strict=True)) / len(self.expected)

    def confusions(self, top: int = 12) -> list[tuple[str, str, int]]:
        pairs = Counter((a, b) for a, b in zip(self.expected, self.predicted, strict=True) if a != b)
        return [(a, b, n) for (a, b), n in pairs.most_common(top)]

    def weakest(self, top: int = 8) -> list[tuple[str, float]]:
        from sklearn.metrics import f1_score

        labels = sorted(set(self.expected))
        scores = f1_score(self.expected, self.predicted, average=None, labels=labels)
        return sorted(zip(labels, (float(s) for s in scores), strict=True), key=lambda kv: kv[1])[:top]


def _folds(examples: list[Any], seed: int = SEED) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import StratifiedKFold

    labels = [example.get("intent") for example in examples]
    splitter = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    return [(list(train), list(test)) for train, test in splitter.split(labels, labels)]


async def _evaluate(config: dict, train: Any, test: list[Any], workdir: Path, outcome: Outcome) -> None:
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter

    config_file, data_file = workdir / "config.yml", workdir / "nlu.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    RasaYAMLWriter().dump(data_file, train)
    model = train_nlu(str(config_file), str(data_file), str(workdir / "models"))
    agent = Agent.load(model)
    for example in test:
        parsed = await agent.parse_message(example.get("text"))
        outcome.texts.append(example.get("text"))
        outcome.expected.append(example.get("intent"))
        outcome.predicted.append(parsed["intent"]["name"])
        outcome.rankings.append({entry["name"]: entry["confidence"]
                                 for entry in parsed.get("intent_ranking") or [parsed["intent"]]})


def _blend(first: Outcome, second: Outcome, threshold: float) -> Outcome:
    blended = Outcome(BLEND, texts=list(first.texts), expected=list(first.expected))
    for one, other in zip(first.rankings, second.rankings, strict=True):
        scores = Counter()
        for ranking in (one, other):
            for intent, confidence in ranking.items():
                if intent != "nlu_fallback":
                    scores[intent] += confidence / 2
        intent, confidence = scores.most_common(1)[0]
        blended.predicted.append(intent if confidence >= threshold else "nlu_fallback")
    return blended


def run(nlu: str = "data/nlu.yml", only: list[str] | None = None,
        settings: dict[str, Any] | None = None, seed: int = SEED, folds: int = FOLDS) -> list[Outcome]:
    """`settings` override the weighted LR's config.yml settings (to choose them). `seed` picks the
    folds: a change of a few hundredths between two sets of data can be the folds alone, so a
    comparison that matters is run with several seeds. `folds` below five uses only the first ones
    (one: a single 80/20 split)."""
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData

    logging.getLogger("rasa").setLevel(logging.WARNING)
    base = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    base.pop("policies", None)
    base["pipeline"] = [{**step, **(settings or {})} if step["name"] == OURS else step for step in base["pipeline"]]
    data = load_data(str(ROOT / nlu))
    examples = [example for example in data.training_examples if example.get("intent")]
    splits = _folds(examples, seed)[:folds]
    outcomes = []
    for name, make in {**COMBINATIONS, **ON_REQUEST}.items():
        if (only and not any(part in name for part in only)) or (name in ON_REQUEST and not only):
            continue
        config = copy.deepcopy(base)
        config["pipeline"] = make(config["pipeline"])
        outcome = Outcome(name)
        for train_rows, test_rows in splits:
            train = TrainingData(training_examples=[examples[i] for i in train_rows],
                                 entity_synonyms=data.entity_synonyms, regex_features=data.regex_features,
                                 lookup_tables=data.lookup_tables)
            with tempfile.TemporaryDirectory(prefix="send-guide-cv-") as workdir:
                asyncio.run(_evaluate(config, train, [examples[i] for i in test_rows], Path(workdir), outcome))
        outcomes.append(outcome)
        print(f"{name}: macro-F1 {outcome.macro_f1:.3f}, accuracy {outcome.accuracy:.3f}", flush=True)
    ours = next((o for o in outcomes if o.name.endswith("(config.yml)")), None)
    nearest = next((o for o in outcomes if o.name.startswith("e5 only, nearest")), None)
    if ours and nearest:
        threshold = next(step for step in base["pipeline"] if step["name"] == "FallbackClassifier")["threshold"]
        outcomes.append(_blend(ours, nearest, threshold))
        print(f"{BLEND}: macro-F1 {outcomes[-1].macro_f1:.3f}", flush=True)
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nlu", default="data/nlu.yml")
    parser.add_argument("--only", nargs="*", help="combinations whose name contains one of these")
    parser.add_argument("--json", help="also write every outcome's figures to this file")
    parser.add_argument("--set", nargs="*", default=[], metavar="KEY=NUMBER",
                        help="override a setting of the weighted LR, e.g. regularisation=100")
    parser.add_argument("--seed", type=int, default=SEED, help="how the examples are dealt into folds")
    parser.add_argument("--folds", type=int, default=FOLDS, help="use only the first N folds (1: one 80/20 split)")
    arguments = parser.parse_args()
    settings = {key: float(value) for key, value in (item.split("=", 1) for item in arguments.set)}
    outcomes = run(arguments.nlu, arguments.only, settings, arguments.seed, arguments.folds)
    for outcome in outcomes:
        print(f"\n{outcome.name}: macro-F1 {outcome.macro_f1:.3f} (counting every answered label as a class "
              f"{outcome.macro_f1_every_label:.3f}), accuracy {outcome.accuracy:.3f}")
        print("  weakest:", ", ".join(f"{name} {f1:.2f}" for name, f1 in outcome.weakest()))
        print("  confusions:", "; ".join(f"{a} → {b}: {n}" for a, b, n in outcome.confusions()))
    if arguments.json:
        Path(arguments.json).write_text(json.dumps([
            {"name": o.name, "macro_f1": o.macro_f1, "macro_f1_every_label": o.macro_f1_every_label,
             "accuracy": o.accuracy, "weakest": o.weakest(),
             "confusions": o.confusions(), "expected": o.expected, "predicted": o.predicted,
             "errors": [[text, a, b] for text, a, b in zip(o.texts, o.expected, o.predicted, strict=True) if a != b],
             "rankings": o.rankings}
            for o in outcomes], indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
