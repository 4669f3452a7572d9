"""Over the real Rasa server: a short question about a situation topic (send_guide/content/topics.yml,
situation: true) gets that situation's answer from situations.yml, and "Tell me more" its detail."""

import pytest

from send_guide.situation.catalogue import catalogue
from tests.e2e.test_conversation import texts
from tests.law_lines import answer_citations


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


@pytest.mark.parametrize(("question", "key"), [
    # the issue's own examples of questions that got a generic or unrelated answer
    ("the council wants to stop my son's EHCP at his annual review, what happens to his support?", "plan_ceasing"),
    ("can my daughter still get an EHCP at 20 now she's at college?", "post16"),
    ("my request for an assessment was turned down, what can i do", "refused_assessment"),
    ("my son has been out of school since september, what must the council do?", "out_of_school"),
    ("the school is not giving the help in my son's ehcp, who do i contact?", "provision_not_delivered"),
    ("what is a phase transfer review and when must the new school be in the plan?", "phase_transfer"),
])
def test_a_short_question_about_a_national_law_situation_gets_its_answer_and_law(chat, question: str, key: str) -> None:
    stage = catalogue().stage(key)
    answer = "\n\n".join(texts(chat(question)))
    assert first_line(stage.answer) in answer, answer
    cited = {citation for text in texts_with_law(answer) for citation in answer_citations(text)}
    assert set(answer_citations(stage.law)) <= cited, answer  # a longer reply may cite more


def texts_with_law(answer: str) -> list[str]:
    return [line.removeprefix("Law: ").removesuffix(".") for line in answer.splitlines() if line.startswith("Law: ")]
