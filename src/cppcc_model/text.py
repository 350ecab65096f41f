r"""Text a loader may accept: no control characters, lone surrogates or direction controls.

The entities (:mod:`cppcc_model.model`) and the loaders ask :func:`text_problem` of every text
they accept; :mod:`cppcc_model.io.safe_text` makes text safe for the files the library writes.
"""

from __future__ import annotations

import unicodedata

__all__ = ["BIDI_CONTROLS", "text_problem"]

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Bidirectional embeddings, overrides and isolates: they reorder the text that follows them."""

_ALLOWED_CONTROLS = frozenset("\t\n\r")


def text_problem(text: str) -> str | None:
    r"""Why a loader must refuse ``text``, or ``None`` when it may be accepted.

    Refused: NUL and other control characters (tab, line feed and carriage return are
    allowed), lone surrogates, and bidirectional controls, which make text read differently
    from how it is stored. The reason names the character and where it is.

    >>> text_problem("张三") is None
    True
    >>> text_problem("张\x00三")
    'the text holds the control character U+0000 at position 2'
    """
    if text.isprintable():
        return None
    for position, char in enumerate(text, start=1):
        if char in BIDI_CONTROLS:
            return (
                f"the text holds the invisible direction control U+{ord(char):04X} at position "
                f"{position}, which makes it read differently from how it is stored"
            )
        category = unicodedata.category(char)
        if category == "Cs":
            return (
                f"the text holds a lone surrogate U+{ord(char):04X} at position {position}, "
                "which is not a character"
            )
        if category == "Cc" and char not in _ALLOWED_CONTROLS:
            return f"the text holds the control character U+{ord(char):04X} at position {position}"
    return None
