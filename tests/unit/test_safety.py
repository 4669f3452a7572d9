import pytest

from send_guide.safety import is_crisis


@pytest.mark.parametrize(
    "text",
    [
        "my son said he wants to kill himself",
        "I want to die",
        "my daughter is self-harming again",
        "she has been cutting herself",
        "he is talking about suicide",
        "my partner hits me and I am scared",
        "I think my child is being abused at school",
        "we are not safe at home",
        "the wait is killing me and honestly I want to die",
        "my son took an overdose",
    ],
)
def test_messages_about_harm_are_crises(text: str) -> None:
    assert is_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "it's killing me trying to get an EHCP",
        "this paperwork is killing me lol",
        "he is dying to start college",
        "the council's abuse of process is unbelievable",
        "what is substance abuse support for teenagers",
        "what does SEMH mean",
        "how do I appeal to the tribunal",
        "",
    ],
)
def test_ordinary_messages_are_not_crises(text: str) -> None:
    assert not is_crisis(text)
