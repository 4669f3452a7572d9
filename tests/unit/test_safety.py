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
        "she is really anxious and sometimes says she doesn't want to be here anymore",
        "I do not want to be here any more",
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
        "he doesn't want to be here at 8am for breakfast club",
        "",
    ],
)
def test_ordinary_messages_are_not_crises(text: str) -> None:
    assert not is_crisis(text)


# --- other languages: each language file's patterns (send_guide/content/languages/) ---------

@pytest.mark.parametrize(
    "text",
    [
        "I dont want to live anymore",
        "میں خودکشی کرنا چاہتی ہوں",  # Urdu: I want to commit suicide
        "میرا شوہر مجھے مارتا ہے",  # Urdu: my husband hits me
        "mera shohar mujhe maarta hai",  # Urdu in Latin letters
        "Chcę się zabić",  # Polish: I want to kill myself
        "Mąż mnie bije",  # Polish: my husband beats me
        "Moja córka się tnie",  # Polish: my daughter cuts herself
        "Vreau să mă sinucid",  # Romanian
        "Soțul meu mă bate",  # Romanian: my husband beats me
        "আমি আত্মহত্যা করতে চাই",  # Bengali
        "আমি আর বাঁচতে চাই না",  # Bengali: I don't want to live any more
        "ਮੈਂ ਖ਼ੁਦਕੁਸ਼ੀ ਕਰਨਾ ਚਾਹੁੰਦੀ ਹਾਂ",  # Punjabi
        "زوجي يضربني",  # Arabic: my husband hits me
        "نحن لسنا بأمان في المنزل",  # Arabic: we are not safe at home
    ],
)
def test_harm_in_other_languages_is_a_crisis(text: str) -> None:
    assert is_crisis(text)


@pytest.mark.parametrize("urdu", ["میں خودکشی کرنا چاہتی ہوں", "میں محفوظ نہیں ہوں", "میرا شوہر مجھے مارتا ہے"])
def test_urdu_typed_on_an_arabic_keyboard_is_a_crisis_too(urdu: str) -> None:
    """Arabic yeh and kaf (ي, ك) where Urdu has its own (ی, ک): the same words to the family."""
    arabic_keyboard = urdu.replace("ی", "ي").replace("ک", "ك")
    assert arabic_keyboard != urdu
    assert is_crisis(urdu) and is_crisis(arabic_keyboard)


def test_gurmukhi_typed_with_the_one_character_letters_is_read_as_its_normal_form() -> None:
    """A keyboard may type ਖ਼ and ਸ਼ as one character each (U+0A59, U+0A36); Unicode's normal form (NFC)
    writes them as the letter and a separate nukta, as the pattern file does. is_crisis normalises
    the message first, so both typings get the crisis reply."""
    import unicodedata

    typed = "ਮੈਂ \u0a59ੁਦਕੁ\u0a36ੀ ਕਰਨਾ ਚਾਹੁੰਦੀ ਹਾਂ"  # Punjabi: I want to commit suicide
    normal = unicodedata.normalize("NFC", typed)
    assert typed != normal and "\u0a59" not in normal and "\u0a36" not in normal
    assert is_crisis(typed) and is_crisis(normal)


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to live in Luton any more",
        "my son does not want to live at home after 18",
        "Ten proces mnie wykańcza, jak dostać EHCP?",  # Polish: this process is wearing me out
        "Acest proces mă omoară, cum obțin un plan EHC?",  # Romanian: this process is killing me
        "یہ عمل مجھے مار رہا ہے، ای ایچ سی پی کیسے ملے؟",  # Urdu: this process is killing me
        "Mój syn ma problemy z zachowaniem w szkole",  # Polish: behaviour problems at school
    ],
)
def test_ordinary_messages_in_other_languages_are_not_crises(text: str) -> None:
    assert not is_crisis(text)


def test_every_language_file_has_crisis_patterns_that_compile() -> None:
    import re

    from send_guide.languages.replies import available_languages, load_content

    for code in available_languages():
        if code == "en":
            continue
        patterns = load_content(f"languages/{code}.yml")["crisis_patterns"]
        assert len(patterns) >= 5, code
        for pattern in patterns:
            re.compile(pattern)


def test_other_language_patterns_leave_the_questions_people_ask_alone() -> None:
    from send_guide.safety import _other_languages
    from tests.project_files import nlu_examples, read_yaml

    examples = [text for texts in nlu_examples().values() for text in texts]
    translated = [q for name in ("translated_questions.yml", "translated_questions_tuning.yml")
                  for questions in read_yaml(f"tests/data/{name}").values() for q in questions]
    assert [text for text in examples + translated if _other_languages().search(text)] == []
