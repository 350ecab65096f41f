"""Caps and floors: one routine for members and groups, with one explanation.

A cap (最高 N 分) and a floor (扣完为止, 最低 N 分) hold a figure within limits, wherever the
rules put them: a member's line, category or dimension, a group's line or category.
:func:`bounded` is the arithmetic; :func:`bound` applies one limit and, when it changes the
figure, gives the :class:`~cppcc_model.scorecard.Adjustment` a card shows, worded alike
everywhere: what the limit is, then the figure before and after (``单项最高 20 分 (line cap):
30 → 20``).
"""

from __future__ import annotations

from fractions import Fraction

from cppcc_model.numbers import format_fraction
from cppcc_model.scorecard import Adjustment

__all__ = [
    "CATEGORY_CAP",
    "FLOOR",
    "LINE_CAP",
    "bound",
    "bounded",
    "dimension_cap",
    "dimension_floor",
    "explanation",
    "pool_cap",
]

LINE_CAP = "单项最高 {} 分 (line cap)"
"""How a line's cap is named; ``{}`` is where the cap goes."""

CATEGORY_CAP = "本类最高 {} 分 (category cap)"
"""How a category's cap is named."""

FLOOR = "扣完为止 (floor {})"
"""How a category's floor is named."""


def dimension_cap(label: str) -> str:
    """How a dimension's cap is named (``履职最高 {} 分 (dimension cap)``)."""
    return f"{label}最高 {{}} 分 (dimension cap)"


def dimension_floor(label: str) -> str:
    """How a dimension's floor is named (``纪律最低 {} 分 (dimension floor)``)."""
    return f"{label}最低 {{}} 分 (dimension floor)"


def pool_cap(label: str) -> str:
    """How a pool's cap is named (``学习合计最高 {} 分 (pool cap)``)."""
    return f"{label}合计最高 {{}} 分 (pool cap)"


def bounded(
    points: Fraction, cap: Fraction | None = None, floor: Fraction | None = None
) -> Fraction:
    """``points`` held at most at ``cap`` and at least at ``floor`` (either may be ``None``).

    The cap is applied first, then the floor, as the rules read (the floor wins where a rule set
    puts it above the cap; the rule blocks refuse that).
    """
    if cap is not None and points > cap:
        points = cap
    if floor is not None and points < floor:
        points = floor
    return points


def explanation(wording: str, limit: Fraction, before: Fraction, after: Fraction) -> str:
    """The explanation of a limit that changed a figure (``单项最高 20 分 (line cap): 30 → 20``).

    ``wording`` names the limit, with ``{}`` where its value goes.
    """
    return (
        f"{wording.format(format_fraction(limit))}: "
        f"{format_fraction(before)} → {format_fraction(after)}"
    )


def bound(
    points: Fraction, limit: Fraction | None, kind: str, clause: str | None, wording: str
) -> tuple[Fraction, Adjustment | None]:
    """Apply one cap (``kind="cap"``) or floor (``kind="floor"``) to ``points``.

    Returns:
        The figure within the limit, and the adjustment that explains the change (``None``
        when the figure was already within it).

    """
    after = bounded(points, cap=limit) if kind == "cap" else bounded(points, floor=limit)
    if limit is None or after == points:
        return points, None
    note = explanation(wording, limit, points, after)
    return after, Adjustment(kind, points, after, clause, note)
