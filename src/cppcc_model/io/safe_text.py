r"""Text that is safe to hand to a reader: no live formulas, no broken layout, nothing cut.

Every writer of the library — reports (CSV, xlsx, Markdown, terminal tables), rankings, award
lists, problem lists and :func:`~cppcc_model.io.dataset.write_dataset` — passes the text of each
cell through this module. It guards against three harms:

**Formula injection.** A spreadsheet treats a cell that starts with ``=``, ``+``, ``-``, ``@``
(or their full-width forms ``＝ ＋ － ＠``), a tab, a carriage return or a line feed as a formula
or a command (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``). :func:`neutralise_formula` puts an
apostrophe in front of such a cell, as Excel itself does for text typed with a leading
apostrophe. Plain numbers (``-2``, ``-1.50``, ``+3``) stay as they are: a spreadsheet reads them
as the numbers they are, never as a formula. The change is reversible —
:func:`restore_formula` gives the original text back, which is how a dataset written by
:func:`~cppcc_model.io.dataset.write_dataset` reads back equal.

**Broken layout.** Control characters (an escape sequence can rewrite a terminal), lone
surrogates (which no file encoding can hold) and bidirectional controls (a right-to-left
override turns the rest of a line around) are shown as visible escapes (``\u202e``) by
:func:`printable`; line breaks become spaces where a table needs one line per row (terminal
and Markdown tables).

**Silent truncation.** A worksheet cell holds at most :data:`EXCEL_CELL_LIMIT` characters;
openpyxl cuts longer text without a word. :func:`check_cell_length` raises instead, so writers
either store the text whole or fail with the place named.

:func:`safe_cell` is the one function report writers call; it combines the first two.
:func:`text_problem` (from :mod:`cppcc_model.text`, re-exported here) is what loaders ask of
every text they accept.
"""

from __future__ import annotations

import re
import unicodedata

from cppcc_model.text import BIDI_CONTROLS, text_problem

__all__ = [
    "BIDI_CONTROLS",
    "EXCEL_CELL_LIMIT",
    "FORMULA_STARTS",
    "CellTooLongError",
    "check_cell_length",
    "is_formula_like",
    "neutralise_formula",
    "printable",
    "restore_formula",
    "safe_cell",
    "text_problem",
]

FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")
"""Characters that make a spreadsheet read a cell as a formula when the cell starts with one."""

EXCEL_CELL_LIMIT = 32_767
"""The most characters one worksheet cell holds (Excel's limit; openpyxl truncates silently)."""

_QUOTE = "'"
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?%?")
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ALLOWED_CONTROLS = frozenset("\t\n\r")


class CellTooLongError(ValueError):
    """Text longer than a worksheet cell can hold; writers turn it into a located error."""

    def __init__(self, length: int) -> None:
        super().__init__(
            f"the text has {length:,} characters, more than the {EXCEL_CELL_LIMIT:,} a "
            "worksheet cell holds"
        )
        self.length = length


def _dangerous(text: str) -> bool:
    """Whether ``text`` (not starting with an apostrophe) would be read as a formula.

    Leading white space does not hide a formula: many readers trim it.
    """
    if not text:
        return False
    if text[0] in FORMULA_STARTS:
        return _PLAIN_NUMBER.fullmatch(text) is None
    trimmed = text.lstrip()
    return (
        bool(trimmed) and trimmed[0] in FORMULA_STARTS and _PLAIN_NUMBER.fullmatch(trimmed) is None
    )


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (or a command) if stored as is.

    >>> is_formula_like("=1+1"), is_formula_like("-2.5"), is_formula_like("张三")
    (True, False, False)
    """
    return _dangerous(text)


def neutralise_formula(text: str) -> str:
    r"""``text`` with an apostrophe in front when a spreadsheet would read it as a formula.

    Text that already starts with apostrophes before a formula character gets one more, so
    that :func:`restore_formula` can always give the original back.

    >>> neutralise_formula("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    >>> neutralise_formula("-1.5"), neutralise_formula("李四")
    ('-1.5', '李四')
    """
    if _dangerous(text.lstrip(_QUOTE)):
        return _QUOTE + text
    return text


def restore_formula(text: str) -> str:
    """The text :func:`neutralise_formula` was given (the inverse of it).

    >>> restore_formula(neutralise_formula("@SUM(A1)"))
    '@SUM(A1)'
    """
    if text.startswith(_QUOTE) and _dangerous(text.lstrip(_QUOTE)):
        return text[1:]
    return text


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str, *, line_breaks: bool = True) -> str:
    r"""``text`` with nothing that can break a layout or an encoding.

    Control characters, lone surrogates, bidirectional controls and other invisible format
    characters that reorder text are replaced by visible escapes (``\x1b``, ``\ud800``,
    ``\u202e``); a carriage return becomes a line feed. With ``line_breaks=False`` every line
    break (``\n``, ``\r\n``, ``\u2028`` …) becomes one space and a tab becomes a space,
    for tables that need one line per row.

    >>> printable("a\u202eb\x1b[31m")
    'a\\u202eb\\x1b[31m'
    >>> printable("第一行\n第二行", line_breaks=False)
    '第一行 第二行'
    """
    if not line_breaks:
        text = _LINE_BREAKS.sub(" ", text).replace("\t", " ")
    elif "\r" in text:  # a lone carriage return is a line break some readers miss
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        if char in BIDI_CONTROLS:
            out.append(_escape(char))
            continue
        category = unicodedata.category(char)
        if category == "Cs" or (category == "Cc" and char not in _ALLOWED_CONTROLS):
            out.append(_escape(char))
        elif line_breaks is False and category in ("Zl", "Zp"):
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def safe_cell(text: str, *, line_breaks: bool = True) -> str:
    r"""The text of a report cell as every writer stores it: printable, never a formula.

    This is the one function report writers (CSV, xlsx, Markdown) call for each text cell,
    header, title and note. ``line_breaks=False`` is for formats that need one line per row
    (Markdown); CSV and worksheets keep line breaks inside a cell, where they are safe.

    >>> safe_cell("=cmd|' /C calc'!A0")
    "'=cmd|' /C calc'!A0"
    >>> safe_cell("\u202e名单", line_breaks=False)
    '\\u202e名单'
    """
    return neutralise_formula(printable(text, line_breaks=line_breaks))


def check_cell_length(text: str) -> str:
    """``text`` itself, when a worksheet cell can hold it whole.

    Raises:
        CellTooLongError: when it has more than :data:`EXCEL_CELL_LIMIT` characters.

    """
    if len(text) > EXCEL_CELL_LIMIT:
        raise CellTooLongError(len(text))
    return text
