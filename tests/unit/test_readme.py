"""The README's list of what the assistant covers stays in step with the content files."""

from send_guide.situation.catalogue import catalogue as situations
from send_guide.topics import catalogue as topics
from tests.project_files import ROOT


def test_readme_lists_every_situation_topic_with_its_law() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [topic.intent for topic in topics().topics.values() if topic.situation
               and f"| {topic.title} | {situations().stage(topic.stage).law} |" not in readme]
    assert missing == []


def test_readme_counts_the_topics() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f": {len(topics().topics)} topics |" in readme
