"""A letter as a PDF, for a family who wants to print it or attach it to an e-mail exactly as it looks.

Names may be written in any script, so the text is drawn with DejaVu Sans, a TrueType font that ships
inside matplotlib (already installed with Rasa): nothing is fetched from the network. A character the
font cannot draw is printed as "?" rather than dropped without a trace; the Word file keeps the original.
"""

import unicodedata
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from send_guide.letters.letter import Letter

FONT = "DejaVu"
REGULAR_FILE = "DejaVuSans.ttf"
BOLD_FILE = "DejaVuSans-Bold.ttf"
LANGUAGE = "en-GB"
LAW_HEADING = "Law this letter relies on:"
NOT_DRAWABLE = "?"

MARGIN_MM = 20
BODY_SIZE_PT = 12
FOOTER_SIZE_PT = 10
LINE_MM = 6
FOOTER_LINE_MM = 5
GAP_MM = 5
BULLET_MM = 6


def to_pdf(letter: Letter) -> bytes:
    """The letter as the bytes of an A4 PDF, in the order it is read: sender, date, recipient, subject, body."""
    pdf = _plain_pdf(letter.title)
    _write_lines(pdf, letter.sender, align=Align.R)
    _write_lines(pdf, (letter.date,), align=Align.R)
    _write_lines(pdf, letter.recipient)
    pdf.set_font(FONT, style="B", size=BODY_SIZE_PT)
    _write(pdf, letter.subject)
    pdf.set_font(FONT, size=BODY_SIZE_PT)
    pdf.ln(GAP_MM)
    _write_lines(pdf, (letter.greeting,))
    for paragraph in letter.paragraphs:
        _write_lines(pdf, (paragraph,))
    _write_lines(pdf, letter.closing)
    _write_law(pdf, letter.law)
    pdf.set_font(FONT, size=FOOTER_SIZE_PT)
    _write(pdf, letter.footer, height=FOOTER_LINE_MM)
    return bytes(pdf.output())


def _plain_pdf(title: str) -> FPDF:
    """An A4 page with wide margins, the Unicode font loaded, and only the title and language in the metadata."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(auto=True, margin=MARGIN_MM)
    folder = _font_folder()
    pdf.add_font(FONT, style="", fname=str(folder / REGULAR_FILE))
    pdf.add_font(FONT, style="B", fname=str(folder / BOLD_FILE))
    pdf.set_font(FONT, size=BODY_SIZE_PT)
    # The metadata is read by whoever receives the file: the title, the language for screen readers, no names.
    pdf.set_title(_drawable(title, pdf))
    pdf.set_lang(LANGUAGE)
    pdf.add_page()
    return pdf


def _font_folder() -> Path:
    """Where matplotlib keeps its DejaVu fonts; imported here, not at the top, so only making a PDF needs it."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    missing = [name for name in (REGULAR_FILE, BOLD_FILE) if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"matplotlib's fonts folder has no {', '.join(missing)}: cannot draw a letter as PDF")
    return folder


def _write_lines(pdf: FPDF, lines: tuple[str, ...], align: Align = Align.L) -> None:
    """A block of lines (an address, the closing, one paragraph), then a gap; an empty line is a blank line."""
    for line in lines:
        if line:
            _write(pdf, line, align=align)
        else:
            pdf.ln(LINE_MM)
    pdf.ln(GAP_MM)


def _write_law(pdf: FPDF, law: tuple[str, ...]) -> None:
    """The law the letter relies on, as a bulleted list whose wrapped lines stay indented under their bullet."""
    if not law:
        return
    _write(pdf, LAW_HEADING)
    for line in law:
        pdf.cell(BULLET_MM, LINE_MM, "\N{BULLET}")
        _write(pdf, line)
    pdf.ln(GAP_MM)


def _write(pdf: FPDF, text: str, height: float = LINE_MM, align: Align = Align.L) -> None:
    """Text wrapped within the margins from where the cursor is; a word longer than the line is broken, not cut off.

    Left-aligned rather than justified: even word spacing is easier to read.
    """
    pdf.multi_cell(0, height, _drawable(text, pdf), align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _drawable(text: str, pdf: FPDF) -> str:
    """The text with each character the current font has no glyph for shown as "?", so nothing vanishes silently."""
    glyphs = pdf.current_font.cmap
    characters = []
    for character in text:
        if character == "\n":
            characters.append(character)
        elif character == "\t":
            characters.append(" ")
        elif unicodedata.category(character) == "Cc":
            continue
        elif ord(character) in glyphs:
            characters.append(character)
        else:
            characters.append(NOT_DRAWABLE)
    return "".join(characters)
