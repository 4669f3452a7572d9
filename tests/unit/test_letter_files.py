"""A letter drawn as a Word file and as a PDF, read back with the same libraries a family's software relies on."""

import ast
import io
import re
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pypdf
from docx.shared import Pt

from send_guide.letters import letter as letter_module
from send_guide.letters.letter import Letter
from send_guide.letters.pdf import to_pdf
from send_guide.letters.word import to_docx

HTML = "<script>alert(1)</script>"
LAW_HEADING = "Law this letter relies on:"

LETTER = Letter(
    kind="assessment-request",
    title="Asking for an EHC needs assessment",
    sender=("Amira Khan", "12 Park Street", "Luton LU1 3AA", "[your e-mail address]"),
    recipient=("SEN Assessment Team (SENAT)", "Luton Borough Council", "Town Hall", "Luton LU1 2BQ"),
    date="Thursday 3 December 2026",
    subject="Request for an EHC needs assessment: Sam Khan, born 4 May 2016",
    greeting="Dear SEN Assessment Team,",
    paragraphs=(
        "I am writing to ask the council to carry out an EHC needs assessment for my son, Sam Khan, "
        "born on Wednesday 4 May 2016, who attends [your child's school].",
        "At school [your child's name] struggles to read and write. His teacher wrote: " + HTML,
        "Please reply within 6 weeks of the date you receive this letter, by Thursday 14 January 2027.",
    ),
    closing=("Yours faithfully,", "", "[your name]"),
    law=(
        "Children and Families Act 2014, section 36(1)",
        "Special Educational Needs and Disability Regulations 2014, regulation 4",
    ),
    footer="This letter gives information, not legal advice. Keep a copy of everything you send.",
)

# The Bengali name is outside DejaVu Sans; the others are inside it.
POLISH = "Zażółć gęślą jaźń"
ROMANIAN = "Ștefan"
ARABIC = "محمد"
BENGALI = "সাকিব"
MIXED_NAME = f"{POLISH} {ROMANIAN} {ARABIC} {BENGALI} 😀 🦄"


def reading_order(letter: Letter) -> list[str]:
    """Every line of the letter, top to bottom, as a reader meets it."""
    return [
        *letter.sender,
        letter.date,
        *letter.recipient,
        letter.subject,
        letter.greeting,
        *letter.paragraphs,
        *letter.closing,
        LAW_HEADING,
        *letter.law,
        letter.footer,
    ]


def squashed(text: str) -> str:
    """Text without any whitespace: a PDF breaks long lines wherever they wrap."""
    return re.sub(r"\s+", "", text)


def assert_in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing, or out of order, after position {position}"
        position = found + len(part)


def word_paragraphs(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs]


def word_part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


# The Letter value


def test_gaps_are_every_bracketed_gap_in_reading_order() -> None:
    assert LETTER.gaps() == [
        "[your e-mail address]",
        "[your child's school]",
        "[your child's name]",
        "[your name]",
    ]
    assert replace(LETTER, sender=("Amira Khan",), paragraphs=("All done.",), closing=("Yours,",)).gaps() == []


def test_a_file_name_comes_from_the_kind_of_letter_only() -> None:
    assert LETTER.file_stem() == "letter-assessment-request"
    for personal in ("Sam", "Khan", "Amira", "2016", "2026"):
        assert personal not in LETTER.file_stem()
    assert replace(LETTER, kind="Tribunal appeal / ../Sam").file_stem() == "letter-tribunal-appeal-sam"
    assert replace(LETTER, kind="Zażółć").file_stem() == "letter-za"
    assert replace(LETTER, kind="***").file_stem() == "letter"


# The Word file


def test_the_word_file_holds_every_line_of_the_letter_in_reading_order() -> None:
    assert word_paragraphs(to_docx(LETTER)) == reading_order(LETTER)


def test_the_word_file_keeps_gaps_and_markup_as_visible_text() -> None:
    data = to_docx(LETTER)
    paragraphs = word_paragraphs(data)
    assert "At school [your child's name] struggles to read and write. His teacher wrote: " + HTML in paragraphs
    body = word_part(data, "word/document.xml")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>" not in body


def test_the_word_file_is_plain_subject_as_a_bold_heading_law_as_a_list_footer_smaller() -> None:
    document = docx.Document(io.BytesIO(to_docx(LETTER)))
    by_text = {paragraph.text: paragraph for paragraph in document.paragraphs}
    subject = by_text[LETTER.subject]
    assert subject.style.name == "Heading 1" and subject.style.font.bold and subject.style.font.size == Pt(12)
    assert [by_text[line].style.name for line in LETTER.law] == ["List Bullet", "List Bullet"]
    assert by_text[LETTER.footer].runs[0].font.size == Pt(10)
    styles = word_part(to_docx(LETTER), "word/styles.xml")
    defaults = styles[styles.index("<w:docDefaults>") : styles.index("</w:docDefaults>")]
    assert 'w:ascii="Arial"' in defaults and '<w:sz w:val="24"/>' in defaults and 'w:val="en-GB"' in defaults
    assert "w:asciiTheme" not in defaults


def test_the_word_file_properties_carry_the_title_and_no_one_s_name() -> None:
    data = to_docx(LETTER)
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert properties.title == LETTER.title
    assert properties.author == "" and properties.last_modified_by == "" and properties.comments == ""
    assert properties.language == "en-GB"
    for part in ("docProps/core.xml", "docProps/app.xml"):
        text = word_part(data, part)
        assert "Khan" not in text and "Amira" not in text and "python-docx" not in text


def test_the_word_file_keeps_every_script_and_drops_only_characters_a_word_file_cannot_hold() -> None:
    letter = replace(LETTER, sender=(MIXED_NAME, "1 Road\x00\x07\ud800"), subject="Sam\x0b Khan")
    paragraphs = word_paragraphs(to_docx(letter))
    assert paragraphs[:2] == [MIXED_NAME, "1 Road"]
    assert "Sam Khan" in paragraphs


def test_a_letter_without_law_has_no_law_heading() -> None:
    letter = replace(LETTER, law=())
    assert LAW_HEADING not in word_paragraphs(to_docx(letter))
    assert squashed(LAW_HEADING) not in squashed(pdf_text(to_pdf(letter)))
    assert squashed(LETTER.footer) in squashed(pdf_text(to_pdf(letter)))


# The PDF


def test_the_pdf_holds_every_line_of_the_letter_in_reading_order() -> None:
    text = squashed(pdf_text(to_pdf(LETTER)))
    assert_in_order(text, [squashed(line) for line in reading_order(LETTER) if line])
    assert squashed("[your child's name]") in text
    assert squashed(HTML) in text


def test_the_pdf_metadata_has_the_title_and_language_and_no_one_s_name() -> None:
    reader = pypdf.PdfReader(io.BytesIO(to_pdf(LETTER)))
    assert reader.metadata.title == LETTER.title
    assert reader.metadata.author is None
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert not any("Khan" in str(value) or "Amira" in str(value) for value in reader.metadata.values())


def test_the_pdf_draws_names_in_other_scripts_and_marks_what_the_font_cannot_draw() -> None:
    text = pdf_text(to_pdf(replace(LETTER, sender=(MIXED_NAME, *LETTER.sender[1:]))))
    assert POLISH in text and ROMANIAN in text
    # Arabic is laid out right to left, so a PDF reader may give its letters back in drawing order.
    assert ARABIC in text or ARABIC[::-1] in text
    # DejaVu Sans has no Bengali: each letter shows as "?" instead of disappearing.
    assert "?" * len(BENGALI) in text
    assert BENGALI not in text
    assert squashed(LETTER.footer) in squashed(text)


def test_the_pdf_skips_control_characters_without_failing() -> None:
    text = pdf_text(to_pdf(replace(LETTER, subject="Sam\x00 Khan\x07", greeting="Dear\tteam,")))
    assert "Sam Khan" in text and "Dear team," in text


def test_a_very_long_name_wraps_within_the_page_onto_more_pages() -> None:
    name = ("Wolfeschlegelsteinhausenbergerdorff" * 150)[:5000]
    data = to_pdf(replace(LETTER, sender=(name, *LETTER.sender[1:])))
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = pdf_text(data)
    assert text.startswith(name[:40])
    assert name in squashed(text)  # nothing cut off
    assert len(reader.pages) > 1
    # On one line the name would run off the page; wrapped, no line holds more than an A4 line can.
    assert max(len(line) for line in text.splitlines()) < 100


def test_a_short_letter_fits_on_one_page() -> None:
    assert len(pypdf.PdfReader(io.BytesIO(to_pdf(LETTER))).pages) == 1


# The code itself


def test_the_letter_value_and_its_renderers_import_no_rasa() -> None:
    folder = Path(letter_module.__file__).parent
    for name in ("letter.py", "word.py", "pdf.py"):
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        modules = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        modules += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [module for module in modules if module.split(".")[0] in {"rasa", "rasa_sdk"}], name


def test_matplotlib_is_loaded_only_when_a_pdf_is_made() -> None:
    check = (
        "import sys, send_guide.letters.pdf as pdf, send_guide.letters.word;"
        "assert 'matplotlib' not in sys.modules, 'loaded on import';"
        "pdf._font_folder();"
        "assert 'matplotlib' in sys.modules and 'matplotlib.pyplot' not in sys.modules"
    )
    project = Path(letter_module.__file__).parents[2]
    subprocess.run([sys.executable, "-W", "ignore", "-c", check], check=True, cwd=project)
