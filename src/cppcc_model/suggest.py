"""Suggestions, "did you mean …?": the nearest known word to one that is not known.

Clerks type Chinese through a pinyin input method, so their slips are homophones (性名 for 姓名)
or one wrong character, which a plain similarity ratio misses in a two-character word. They
also write a name where an id belongs (李秀英 where the member's 编号 ``m02`` goes).
:func:`nearest` tries, in order:

1. a name typed where an id belongs: ``names`` maps names to ids;
2. the same word in toneless pinyin (when pypinyin is installed): a homophone;
3. the same length with one character different;
4. :func:`difflib.get_close_matches` at a ratio of 0.6.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping

from cppcc_model.labels import normalize_label

__all__ = ["did_you_mean", "nearest"]


@functools.lru_cache(maxsize=4096)
def _pinyin(text: str) -> str | None:
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # pinyin is an optional extra
        return None
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return None
    return " ".join(lazy_pinyin(text))


def _one_apart(first: str, second: str) -> bool:
    if len(first) != len(second) or len(first) < 2:
        return False
    return sum(a != b for a, b in zip(first, second, strict=True)) == 1


def nearest(
    value: str, known: Collection[str], names: Mapping[str, str] | None = None
) -> tuple[str, str | None] | None:
    """The known word ``value`` most likely stands for, and the name it was found by, if any.

    Returns ``(id, name)`` when ``value`` is a name of ``names`` (name → id), ``(word, None)``
    for a near miss of a word of ``known``, or ``None``.
    """
    if names:
        found = names.get(value) or names.get(normalize_label(value))
        if found is not None:
            return found, value
    ordered = sorted(known)
    sound = _pinyin(value)
    if sound is not None:
        for word in ordered:
            if word != value and _pinyin(word) == sound:
                return word, None
    for word in ordered:
        if _one_apart(value, word):
            return word, None
    import difflib  # the last resort, and only when a value is unknown

    close = difflib.get_close_matches(value, ordered, n=1, cutoff=0.6)
    return (close[0], None) if close else None


def did_you_mean(value: str, known: Collection[str], names: Mapping[str, str] | None = None) -> str:
    """``"did you mean 'm02' (李秀英)? "``, or ``""`` when nothing is near (see :func:`nearest`)."""
    found = nearest(value, known, names)
    if found is None:
        return ""
    word, name = found
    return f"did you mean {word!r} ({name})? " if name else f"did you mean {word!r}? "
