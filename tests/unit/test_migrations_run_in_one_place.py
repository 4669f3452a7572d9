"""Only the set-up step (send_guide/database/__main__.py) migrates; every other part only checks.

Before, four places migrated on start (the action server, the web server, two commands): servers
starting together raced to migrate, and a rolled-back release quietly met newer tables.
"""

import ast

from tests.project_files import parsed_code

PRODUCTION_CODE = ("send_guide", "actions", "web", "stores", "channels", "components", "scripts", "tools")
SET_UP_STEP = "send_guide/database/__main__.py"
DEFINED_IN = "send_guide/database/schema.py"


def _calls_to(name: str, tree: ast.AST) -> int:
    return sum(
        1 for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) == name or getattr(node.func, "attr", None) == name)
    )


def test_only_the_set_up_step_calls_migrate() -> None:
    code = parsed_code(PRODUCTION_CODE, leave_out=(DEFINED_IN,))
    callers = {path for path, tree in code if _calls_to("migrate", tree)}
    assert callers == {SET_UP_STEP}
