"""Over the real Rasa server: a short question about a situation topic (send_guide/content/topics.yml,
situation: true) gets that situation's answer from situations.yml, and "Tell me more" its detail."""

from send_guide.situation.catalogue import catalogue
from tests.e2e.test_conversation import texts


def first_line(text: str) -> str:
    return text.splitlines()[0]


def test_a_short_question_about_being_sent_home_gets_the_exclusion_answer_and_its_detail(chat) -> None:
    exclusion = catalogue().stage("exclusion")
    answer = "\n\n".join(texts(chat("is the school allowed to send my boy home before lunch most days?")))
    assert first_line(exclusion.answer) in answer, answer
    assert "Law: Education Act 2002, section 51A" in answer
    more = "\n\n".join(texts(chat("tell me more")))
    assert first_line(exclusion.more) in more, more


def test_a_short_question_naming_an_exclusion_is_that_topic_whatever_the_classifier_thought(chat) -> None:
    """"Behaviour" pulls the classifier to challenging behaviour; the exclusion's own words decide."""
    exclusion = catalogue().stage("exclusion")
    answer = "\n\n".join(texts(chat("my boy got suspended for his behaviour, what are his rights?")))
    assert first_line(exclusion.answer) in answer, answer


def test_a_call_back_asked_for_beside_an_exclusion_stays_a_call_back(chat) -> None:
    """The exclusion's words make only another topic's answer give way, not a call-back request."""
    exclusion = catalogue().stage("exclusion")
    answer = "\n\n".join(texts(chat("I would like a call back from an adviser, my son was suspended")))
    assert first_line(exclusion.answer) not in answer, answer
    assert "to call you back" in answer, answer
