"""Intent accuracy per language on tests/data/translated_questions.yml (never trained or tuned on).

The model is trained on English only; these questions test how far the multilingual path
(components/multilingual_intents.py) carries it into Luton's common languages. The classifier's
temperature is chosen on the other questions, tests/data/translated_questions_tuning.yml
(benchmarks/tune_temperature.py).
"""

import asyncio
import statistics
import time
from dataclasses import dataclass, field

from tests.project_files import as_list, read_yaml
from tools.servers import ROOT

QUESTIONS = "tests/data/translated_questions.yml"


@dataclass
class LanguageAccuracy:
    language: str
    correct: int
    total: int
    misses: list[tuple[str, str, str]]  # question, expected, predicted
    parse_ms: list[float] = field(default_factory=list)  # NLU time per question, this process

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


async def _parse_all(model: str) -> list[LanguageAccuracy]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    results = []
    for language, questions in read_yaml(QUESTIONS).items():
        misses, timings = [], []
        for question, expected in questions.items():
            started = time.perf_counter()
            parsed = await agent.parse_message(question)
            timings.append((time.perf_counter() - started) * 1000)
            predicted = parsed["intent"]["name"]
            if predicted not in as_list(expected):
                misses.append((question, expected, predicted))
        results.append(LanguageAccuracy(language, len(questions) - len(misses), len(questions), misses, timings))
    return results


def median_parse_ms(result: LanguageAccuracy) -> float:
    return statistics.median(result.parse_ms) if result.parse_ms else 0.0


def run(model: str) -> list[LanguageAccuracy]:
    return asyncio.run(_parse_all(str(ROOT / model)))


if __name__ == "__main__":
    from benchmarks.run_all import trained_model

    for result in run(trained_model()):
        print(f"{result.language}: {result.correct}/{result.total}, median parse {median_parse_ms(result):.0f} ms")
        for miss in result.misses:
            print("   ", *miss)
