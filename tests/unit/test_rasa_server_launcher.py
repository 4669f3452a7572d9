from scripts.rasa_server import rasa_arguments


def test_the_token_and_origins_come_from_the_environment() -> None:
    arguments = rasa_arguments(["--port", "5005"], {"RASA_TOKEN": "-starts-with-a-dash",
                                                    "CORS_ORIGINS": "https://a.example, https://b.example"})
    assert arguments == ["run", "--port", "5005", "--auth-token=-starts-with-a-dash",
                         "--cors", "https://a.example", "https://b.example"]
    assert rasa_arguments([], {}) == ["run"]


def test_several_origins_reach_rasa_from_each_deployment() -> None:
    """Issue 19, item 12: Kubernetes once passed `--cors "$CORS_ORIGINS"`, one argument that Rasa
    took for a single origin. Each deployment's Rasa command, with two origins in CORS_ORIGINS as
    its settings give them, read by Rasa's own argument parser."""
    from rasa.__main__ import create_argument_parser

    from tests.unit.test_deploy import COMPOSE, containers, kubernetes

    [container] = containers(kubernetes("StatefulSet", "rasa"))
    commands = {"kubernetes": [*container["command"], *container["args"]],
                "compose": COMPOSE["services"]["rasa-1"]["command"].split()}
    environment = {"RASA_TOKEN": "a-token", "CORS_ORIGINS": "https://a.example, https://b.example"}
    for where, command in commands.items():
        assert command[:2] == ["python", "scripts/rasa_server.py"], where
        options = create_argument_parser().parse_args(rasa_arguments(command[2:], environment))
        assert options.cors == ["https://a.example", "https://b.example"], where
        assert options.auth_token == "a-token" and options.enable_api, where
    one_argument = ["run", "--cors", "https://a.example https://b.example"]  # what Kubernetes passed
    assert create_argument_parser().parse_args(one_argument).cors == ["https://a.example https://b.example"]
