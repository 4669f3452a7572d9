from scripts.rasa_server import rasa_arguments


def test_the_token_and_origins_come_from_the_environment() -> None:
    arguments = rasa_arguments(["--port", "5005"], {"RASA_TOKEN": "-starts-with-a-dash",
                                                    "CORS_ORIGINS": "https://a.example, https://b.example"})
    assert arguments == ["run", "--port", "5005", "--auth-token=-starts-with-a-dash",
                         "--cors", "https://a.example", "https://b.example"]
    assert rasa_arguments([], {}) == ["run"]
