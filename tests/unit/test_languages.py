"""Language identification for Luton's common languages."""

import pytest

from send_guide.languages.identify import identify


@pytest.mark.parametrize(("text", "code"), [
    ("my son needs help at school, who do I ask?", "en"),
    ("میرے بیٹے کو اسکول میں مدد چاہیے", "ur"),
    ("Mój syn potrzebuje pomocy w szkole", "pl"),
    ("Fiul meu are nevoie de ajutor la școală", "ro"),
    ("আমার ছেলের স্কুলে সাহায্য দরকার", "bn"),
    ("ਮੇਰੇ ਪੁੱਤਰ ਨੂੰ ਸਕੂਲ ਵਿੱਚ ਮਦਦ ਦੀ ਲੋੜ ਹੈ", "pa"),
    ("ابني يحتاج مساعدة في المدرسة", "ar"),
    ("mere bete ko school mein madad chahiye", "ur"),
    ("meri beti ka ehcp kaise milega", "ur"),
])
def test_luton_languages(text: str, code: str) -> None:
    assert identify(text).code == code


@pytest.mark.parametrize("text", ["ok", "ehcp", "SENCO?", "", "👍", "thanks"])
def test_short_text_counts_as_english(text: str) -> None:
    result = identify(text)
    assert result.code == "en" and result.reason == "short"


def test_english_with_a_few_urdu_like_words_stays_english() -> None:
    assert identify("Is the school meeting at ten? I can come to it.").code == "en"


def test_a_picked_language_wins() -> None:
    assert identify("my son needs help at school", picked="PL").code == "pl"
    assert identify("my son needs help at school", picked="xx").code == "en"
