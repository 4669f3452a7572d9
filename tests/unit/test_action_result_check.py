"""Action server replies are still checked against Rasa's schema once the faster check is
installed (channels/action_result_check.py)."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from channels import action_result_check


def test_good_replies_pass_and_bad_ones_fail_with_rasas_hint() -> None:
    action_result_check.install()
    assert action_result_check.installed()
    action = RemoteAction("action_answer_situation", None)
    assert action._validate_action_result({"events": [{"event": "slot", "name": "x", "value": 1}],
                                           "responses": [{"text": "hello"}]})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": "not a list", "responses": []})
    with pytest.raises(ValidationError):
        action._validate_action_result({"events": [{"no_event_name": True}], "responses": []})
