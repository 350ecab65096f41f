"""Score cards: a member's result for one period, every point traced to its records and clause.

A :class:`ScoreCard` has categories; a category has lines (one per rule item); a line has
entries (one per record that earned, or failed to earn, points) and the adjustments that changed
it (caps, floors, once-a-year counting …). Totals are exact fractions; :meth:`ScoreCard.to_dict`
gives plain, JSON-ready data with both the exact value (``"103/2"``) and the presented one
(``"51.50"``), and :meth:`ScoreCard.render_text` a readable rendering for a member to check.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.model import Period
from cppcc_model.numbers import RoundingPolicy, format_fraction

__all__ = [
    "Adjustment",
    "CategoryCard",
    "DimensionCard",
    "Entry",
    "Flag",
    "Line",
    "RequirementResult",
    "ScoreCard",
]


@attrs.frozen
class Entry:
    """One record's part in a line: its value, the member's share, the points it gave.

    ``counted`` is false for an entry kept only as evidence (a second proposal under a
    once-a-year item, co-signed work under first-proposer-only credit …); ``note`` says why.
    """

    record_id: str
    source: str
    on: dt.date
    value: Fraction
    share: Fraction
    points: Fraction
    counted: bool = True
    note: str | None = None

    def to_dict(self, rounding: RoundingPolicy) -> dict[str, Any]:
        """Plain data."""
        data: dict[str, Any] = {
            "record_id": self.record_id,
            "source": self.source,
            "on": self.on.isoformat(),
            "value": format_fraction(self.value),
            "share": format_fraction(self.share),
            "points": format_fraction(self.points),
            "display": str(rounding.present(self.points)),
            "counted": self.counted,
        }
        if self.note:
            data["note"] = self.note
        return data


@attrs.frozen
class Adjustment:
    """Something that changed a line, a category or the total (a cap, a floor, a base).

    ``kind`` is one of ``cap``, ``floor``, ``base``, ``pool``, ``counting``, ``input`` (a
    missing input and its policy), ``dimension``; ``before`` and
    ``after`` are the figures it changed; ``clause`` the rule text that imposes it.
    """

    kind: str
    before: Fraction
    after: Fraction
    clause: str | None
    note: str

    def to_dict(self, rounding: RoundingPolicy) -> dict[str, Any]:
        """Plain data."""
        return {
            "kind": self.kind,
            "before": format_fraction(self.before),
            "after": format_fraction(self.after),
            "clause": self.clause,
            "note": self.note,
        }


@attrs.frozen
class Line:
    """One rule item's result for one member."""

    item_id: str
    label: str
    clause: str | None
    entries: tuple[Entry, ...]
    raw: Fraction
    points: Fraction
    adjustments: tuple[Adjustment, ...] = ()
    given: str | None = None

    def to_dict(self, rounding: RoundingPolicy) -> dict[str, Any]:
        """Plain data; ``given`` names the input(s) and their source, for a given line."""
        return {
            **({"given": self.given} if self.given else {}),
            "item": self.item_id,
            "label": self.label,
            "clause": self.clause,
            "raw": format_fraction(self.raw),
            "points": format_fraction(self.points),
            "display": str(rounding.present(self.points)),
            "entries": [e.to_dict(rounding) for e in self.entries],
            "adjustments": [a.to_dict(rounding) for a in self.adjustments],
        }


@attrs.frozen
class CategoryCard:
    """One category's result: its lines, then base, cap and floor applied in that order."""

    category_id: str
    label: str
    clause: str | None
    lines: tuple[Line, ...]
    raw: Fraction
    points: Fraction
    adjustments: tuple[Adjustment, ...] = ()
    given: str | None = None

    def line(self, item_id: str) -> Line:
        """The line of ``item_id``."""
        for line in self.lines:
            if line.item_id == item_id:
                return line
        raise KeyError(item_id)

    def to_dict(self, rounding: RoundingPolicy) -> dict[str, Any]:
        """Plain data."""
        return {
            **({"given": self.given} if self.given else {}),
            "category": self.category_id,
            "label": self.label,
            "clause": self.clause,
            "raw": format_fraction(self.raw),
            "points": format_fraction(self.points),
            "display": str(rounding.present(self.points)),
            "lines": [line.to_dict(rounding) for line in self.lines],
            "adjustments": [a.to_dict(rounding) for a in self.adjustments],
        }


@attrs.frozen
class DimensionCard:
    """A dimension's subtotal (履职 / 纪律 …): its categories' points, then its cap and floor."""

    dimension_id: str
    label: str
    clause: str | None
    categories: tuple[str, ...]
    raw: Fraction
    points: Fraction

    def to_dict(self, rounding: RoundingPolicy) -> dict[str, Any]:
        """Plain data."""
        return {
            "dimension": self.dimension_id,
            "label": self.label,
            "clause": self.clause,
            "categories": list(self.categories),
            "raw": format_fraction(self.raw),
            "points": format_fraction(self.points),
            "display": str(rounding.present(self.points)),
        }


@attrs.frozen
class RequirementResult:
    """Whether a member met one minimum requirement (基本要求, 六个一 …).

    A requirement that does not apply to the member (``applies_to`` fails, or a term-window
    requirement is not yet due) is shown with ``applicable=False`` and a note saying why: it
    neither fails the member nor counts as met in completion rates. ``met`` is then ``True``
    only so that it blocks nothing (grades, awards, "all met").
    """

    requirement_id: str
    label: str
    clause: str | None
    strength: str
    needed: int
    count: int
    met: bool
    records: tuple[str, ...] = ()
    note: str | None = None
    applicable: bool = True

    @property
    def status(self) -> str:
        """``met``, ``not_met`` or ``not_applicable``."""
        if not self.applicable:
            return "not_applicable"
        return "met" if self.met else "not_met"

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        data: dict[str, Any] = {
            **({"applicable": False} if not self.applicable else {}),
            "requirement": self.requirement_id,
            "label": self.label,
            "clause": self.clause,
            "strength": self.strength,
            "needed": self.needed,
            "count": self.count,
            "met": self.met,
            "records": list(self.records),
        }
        if self.note:
            data["note"] = self.note
        return data


@attrs.frozen
class Flag:
    """An outcome that is not points: a warning or a consequence (谈话, 通报, 劝辞 …)."""

    trigger_id: str
    label: str
    clause: str | None
    consequence: str
    reason: str
    records: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "trigger": self.trigger_id,
            "label": self.label,
            "clause": self.clause,
            "consequence": self.consequence,
            "reason": self.reason,
            "records": list(self.records),
        }


@attrs.frozen
class ScoreCard:
    """One member's assessment for one period under one rule set.

    ``excluded`` says which records were left out before scoring and why (a proposal converted
    into a 社情民意 item is counted once, as the rule set's conversion setting says).
    ``pending`` lists the inputs the card waits for (a missing input whose policy is
    ``"pending"``): such a card is incomplete — it has no total and no grade, and rankings
    and awards list it apart with these reasons.
    """

    member_id: str
    member_name: str
    rule_set: str
    period: Period
    as_of: dt.date
    categories: tuple[CategoryCard, ...]
    total: Fraction
    rounding: RoundingPolicy
    adjustments: tuple[Adjustment, ...] = ()
    grade: str | None = None
    requirements: tuple[RequirementResult, ...] = ()
    flags: tuple[Flag, ...] = ()
    excluded: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()
    dimensions: tuple[DimensionCard, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether the card has every input it needs (and so a total and a grade)."""
        return not self.pending

    def category(self, category_id: str) -> CategoryCard:
        """The category card of ``category_id``."""
        for category in self.categories:
            if category.category_id == category_id:
                return category
        raise KeyError(category_id)

    def line(self, item_id: str) -> Line:
        """The line of ``item_id``, whatever its category."""
        for category in self.categories:
            for line in category.lines:
                if line.item_id == item_id:
                    return line
        raise KeyError(item_id)

    @property
    def requirements_met(self) -> bool:
        """Whether every mandatory or required requirement was met."""
        return all(r.met for r in self.requirements if r.strength != "encouraged")

    @property
    def display_total(self) -> str:
        """The total as presented, rounded once by the rule set's policy; 待定 when incomplete."""
        if self.pending:
            return "待定 (pending)"
        return str(self.rounding.present(self.total))

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data; exact fractions as text beside the presented figures."""
        return {
            "member_id": self.member_id,
            "member_name": self.member_name,
            "rule_set": self.rule_set,
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "as_of": self.as_of.isoformat(),
            "total": format_fraction(self.total) if self.complete else None,
            "display_total": self.display_total,
            "grade": self.grade,
            **({"complete": False, "pending": list(self.pending)} if self.pending else {}),
            "categories": [c.to_dict(self.rounding) for c in self.categories],
            "adjustments": [a.to_dict(self.rounding) for a in self.adjustments],
            **(
                {"dimensions": [d.to_dict(self.rounding) for d in self.dimensions]}
                if self.dimensions
                else {}
            ),
            "requirements": [r.to_dict() for r in self.requirements],
            "flags": [f.to_dict() for f in self.flags],
            **({"excluded": list(self.excluded)} if self.excluded else {}),
        }

    def render_text(self) -> str:
        """A readable rendering, line by line, with clauses, caps and floors."""
        present = self.rounding.present
        out = [
            f"{self.member_name} ({self.member_id}) — {self.rule_set}, {self.period}",
            f"总分 total: {self.display_total}"
            + (f"   等次 grade: {self.grade}" if self.grade else ""),
        ]
        out.extend(f"  … {reason}" for reason in self.pending)
        for category in self.categories:
            clause = f" [{category.clause}]" if category.clause else ""
            given = f" ({category.given})" if category.given else ""
            out.append(f"  {category.label}{clause}: {present(category.points)}{given}")
            for line in category.lines:
                line_clause = f" [{line.clause}]" if line.clause else ""
                line_given = f" ({line.given})" if line.given else ""
                out.append(f"    {line.label}{line_clause}: {present(line.points)}{line_given}")
                for entry in line.entries:
                    mark = "" if entry.counted else " (not counted)"
                    note = f" — {entry.note}" if entry.note else ""
                    out.append(
                        f"      {entry.on} {entry.record_id}: {present(entry.points)}{mark}{note}"
                    )
                out.extend(f"      ↳ {a.note}" for a in line.adjustments)
            out.extend(f"    ↳ {a.note}" for a in category.adjustments)
        for dimension in self.dimensions:
            clause = f" [{dimension.clause}]" if dimension.clause else ""
            out.append(
                f"  = {dimension.label}{clause}: {present(dimension.points)}"
                f" ({' + '.join(dimension.categories)})"
            )
        out.extend(f"  ↳ {a.note}" for a in self.adjustments)
        for requirement in self.requirements:
            if not requirement.applicable:
                out.append(f"  – {requirement.label}: 不适用 (n/a) — {requirement.note}")
                continue
            status = "✓" if requirement.met else "✗"
            why = f" — {requirement.note}" if requirement.note else ""
            out.append(
                f"  {status} {requirement.label}: {requirement.count}/{requirement.needed}"
                f" ({requirement.strength}){why}"
            )
        out.extend(f"  ⚑ {flag.label}: {flag.consequence} — {flag.reason}" for flag in self.flags)
        out.extend(f"  ∅ {note}" for note in self.excluded)
        return "\n".join(out)
