"""Staff make any letter from the command line (python -m send_guide.letters), in all three forms;
the Word file and the PDF are opened and read back, not just written."""

import datetime as dt
import io
import re
import subprocess
import sys

import docx
import pypdf
import pytest

from send_guide.letters.__main__ import main
from send_guide.letters.compose import SENDER_DETAILS
from send_guide.letters.kinds import all_kinds
from tests.project_files import ROOT
from tests.unit.test_letters import FILLED

TODAY = dt.date(2026, 12, 3)


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _arguments(key: str, leave_out: str) -> list[str]:
    kind = all_kinds()[key]
    names = [detail.name for detail in kind.details if detail.name != leave_out] + list(SENDER_DETAILS)
    arguments = [key, "--today", TODAY.isoformat()]
    for name in names:
        arguments += ["--" + name.replace("_", "-"), FILLED[name]]
    return arguments


@pytest.mark.parametrize("key", sorted(all_kinds()))
def test_every_kind_is_written_as_word_pdf_and_text_with_its_dates_law_and_gap(key: str, tmp_path) -> None:
    kind = all_kinds()[key]
    left_out = kind.details[0]  # one detail not given: its gap must be in every form
    assert main(_arguments(key, left_out.name) + ["--out", str(tmp_path)]) == 0
    stem = tmp_path / f"letter-{key}"
    text = (stem.with_suffix(".txt")).read_text(encoding="utf-8")
    word = "\n".join(p.text for p in docx.Document(io.BytesIO(stem.with_suffix(".docx").read_bytes())).paragraphs)
    pages = pypdf.PdfReader(io.BytesIO(stem.with_suffix(".pdf").read_bytes())).pages
    pdf = "\n".join(page.extract_text() for page in pages)
    dates = re.findall(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}", text)
    assert "Thursday 3 December 2026" in dates
    expected = [f"[{left_out.gap}]", *dates, *(line.says for line in (*kind.law, *kind.guidance)), "Amina Khan"]
    for form, content in (("txt", text), ("docx", word), ("pdf", pdf)):
        for piece in expected:
            assert _squashed(piece) in _squashed(content), (form, piece)
        assert "{" not in content, form
        gaps = {" ".join(gap.split()) for gap in re.findall(r"\[[^\[\]]+\]", content)}  # PDF lines wrap
        allowed = {f"[{left_out.gap}]", *re.findall(r"\[[^\[\]]+\]", " ".join((*kind.recipient, kind.greeting)))}
        assert gaps <= allowed, form


def test_a_detail_the_kind_does_not_use_is_refused_by_name(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["early-review", "--school-wanted", "Oak School"])
    assert "early-review does not use --school-wanted" in capsys.readouterr().err


def test_a_date_in_9999_gives_a_clear_message_and_no_file(tmp_path, capsys) -> None:
    assert main(["final-plan-late", "--request-date", "1/10/9999", "--out", str(tmp_path)]) == 2
    assert "real date" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_command_runs_as_a_module_and_lists_every_kind() -> None:
    listed = subprocess.run([sys.executable, "-m", "send_guide.letters", "--list"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout
    for key in all_kinds():
        assert f"{key}: " in listed
