"""Check an action server's reply against Rasa's schema without checking the schema itself each time.

Rasa 3.6 checks every reply of the action server with `jsonschema.validate(reply, schema)`, which
first checks the (fixed) schema against the JSON Schema meta-schema. With jsonschema 4.17 that
meta-check took about a third of the server's time for a story's reply (py-spy, 2026-12-02).
`install()` makes RemoteAction check replies with one validator built once: the same schema, the
same errors (with Rasa's hint added), no repeated meta-check. Installed from channels/__init__.py.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Dict

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_INSTALLED = "_send_guide_checks_replies_once"


@cache
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, as jsonschema.validate would each time
    return cls(schema)


def validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result with the validator built once."""
    try:
        _validator().validate(result)
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise
    return True


def install() -> None:
    if getattr(RemoteAction, _INSTALLED, False):
        return
    RemoteAction._validate_action_result = validate_action_result
    setattr(RemoteAction, _INSTALLED, True)


def installed() -> bool:
    return bool(getattr(RemoteAction, _INSTALLED, False))
