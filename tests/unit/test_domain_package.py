"""send_guide/ is the domain package: plain Python that the staff web app, the command-line tools and
the Rasa parts (actions/, components/, channels/) all use. It must not need Rasa, or those would
carry Rasa with them and the rules could not be tested or run without it."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "send_guide"
RASA = {"rasa", "rasa_sdk"}


def imported_modules(source: str) -> list[str]:
    tree = ast.parse(source)
    modules = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    return modules + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]


def test_no_module_of_the_domain_package_imports_rasa() -> None:
    """Every file, at any depth, and imports inside functions too."""
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) >= 50 and PACKAGE / "deadlines" / "rules.py" in files
    offending = {str(path.relative_to(PACKAGE)): rasa for path in files
                 if (rasa := [m for m in imported_modules(path.read_text(encoding="utf-8"))
                              if m.split(".")[0] in RASA])}
    assert offending == {}


def test_the_check_sees_an_import_of_rasa_wherever_it_is_written() -> None:
    written = "import os\ndef later():\n    from rasa_sdk import Tracker\n    import rasa.core.agent\n"
    assert sorted(m for m in imported_modules(written) if m.split(".")[0] in RASA) == ["rasa.core.agent", "rasa_sdk"]


def test_importing_every_module_of_the_domain_package_loads_no_rasa() -> None:
    """Also through what the package imports (another of the project's folders, say), in a fresh process."""
    check = (
        "import importlib, pkgutil, sys, send_guide\n"
        "names = [m.name for m in pkgutil.walk_packages(send_guide.__path__, 'send_guide.')"
        " if not m.name.endswith('__main__')]\n"
        "[importlib.import_module(name) for name in names]\n"
        "print(len(names), sorted({m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk')}))\n"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True,
                            cwd=PACKAGE.parent)
    count, loaded = result.stdout.split(" ", 1)
    assert int(count) >= 50
    assert loaded.strip() == "[]"
