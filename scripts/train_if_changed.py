"""Train the Rasa model only when its inputs changed; print the model's path.

Why: training takes minutes, and `make run` and `make test` both need a model. The model file
is named by a hash of everything that shapes it, so an unchanged project never trains twice and
a changed one can never run a stale model.
"""

import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
KEEP_MODELS = 3
INPUTS = [
    "config.yml",
    "domain.yml",
    "data/*.yml",
    "components/*.py",
    "send_guide/content/terms.yml",
    "send_guide/content/crisis_examples.yml",
    "send_guide/terminology.py",
    # What the multilingual intent component runs (not the reply side of send_guide/languages).
    "send_guide/languages/identify.py",
    "send_guide/languages/embeddings.py",
    "send_guide/languages/nearest.py",
    # What the unknown-words component stores (the words of the training data).
    "send_guide/vocabulary.py",
    # The English intent model, and what decides a what-does-it-mean question.
    "send_guide/intent_model.py",
    "send_guide/glossary.py",
    "send_guide/content/glossary.yml",
    "requirements-multilingual.txt",
    "constraints.txt",
]


def inputs_hash() -> str:
    digest = hashlib.sha256()
    for pattern in INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prune_old_models(keep: Path) -> None:
    models = sorted(MODELS.glob("send-guide-*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [m for m in models if m != keep][KEEP_MODELS - 1 :]:
        old.unlink()


def main() -> int:
    name = f"send-guide-{inputs_hash()}"
    model = MODELS / f"{name}.tar.gz"
    if model.exists():
        print(f"Model up to date: {model.relative_to(ROOT)}", file=sys.stderr)
    else:
        print(f"Inputs changed: training {model.relative_to(ROOT)} ...", file=sys.stderr)
        rasa = Path(sys.executable).parent / "rasa"
        command = [str(rasa), "train", "--out", str(MODELS), "--fixed-model-name", name]
        result = subprocess.run(command, cwd=ROOT, stdout=sys.stderr)
        if result.returncode != 0 or not model.exists():
            print("Training failed: see the messages above.", file=sys.stderr)
            return 1
        prune_old_models(model)
    print(model.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
