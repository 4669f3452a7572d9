"""Locate and read the reviewed content files that ship inside the package."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"


@cache
def load_content(name: str) -> Any:
    """Read a YAML content file once; content changes need a restart, like the model."""
    with (CONTENT_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
