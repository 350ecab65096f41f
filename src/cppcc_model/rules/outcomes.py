"""Outcomes that are not points: grade bands, minimum requirements, triggers and flags.

* :class:`Grades` / :class:`Band` — grade bands with a stated boundary policy (优秀 ≥ 90 …),
  optionally gated by requirements (不满足基本要求者不得评为优秀).
* :class:`Requirement` — a minimum count (六个一: at least one proposal, one 社情民意 item …)
  with pass/fail per member, and a strength (mandatory / required / encouraged).
* :class:`Trigger` — a count over a window (the year, or the term so far) that raises a flag with
  a :class:`Consequence` (谈话, 通报, 劝辞 …); :class:`ScoreBelow` and
  :class:`ConsecutiveYears` raise flags from scores and from repeated failures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from fractions import Fraction

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import Period
from cppcc_model.numbers import RoundingPolicy, format_fraction
from cppcc_model.rules._convert import optional_points, points
from cppcc_model.rules.conditions import Condition
from cppcc_model.rules.selection import Where

__all__ = [
    "EACH",
    "WINDOWS",
    "Band",
    "ConsecutiveYears",
    "Consequence",
    "Grades",
    "Ladder",
    "Requirement",
    "ScoreBelow",
    "Strength",
    "TooFew",
    "Trigger",
]

WINDOWS = ("period", "term")
"""What a requirement or a trigger counts over: the assessment period, or the term so far."""

EACH = ("year", "quarter")
"""How a window is split: every calendar year, or every quarter, must pass on its own."""


def _window(owner: str, window: object, each: object) -> None:
    if window not in WINDOWS:
        raise InvalidValueError(
            f"{owner}: window {window!r} is not known",
            hint="use 'period' (the assessment period) or 'term' (届内: the term so far)",
        )
    if each is not None and each not in EACH:
        raise InvalidValueError(
            f"{owner}: each {each!r} is not known",
            hint="use 'year' (每年), 'quarter' (每季度) or leave it out",
        )


def _wheres(value: Iterable[Where]) -> tuple[Where, ...]:
    return tuple(value)


def _bands(value: Iterable[Band]) -> tuple[Band, ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


class Strength(LabeledEnum, kind_label="要求强度 (requirement strength)"):
    """How binding a requirement is."""

    MANDATORY = ("mandatory", "必须")
    REQUIRED = ("required", "应当")
    ENCOURAGED = ("encouraged", "鼓励")


class Consequence(LabeledEnum, kind_label="处理结果 (consequence)"):
    """What a flag leads to."""

    WARNING = ("warning", "预警", "提醒")
    TALK = ("talk", "谈话提醒", "约谈")
    NOTICE = ("notice", "通报", "通报批评")
    RESIGN = ("resign", "劝辞", "劝其辞去")
    REVOKE = ("revoke", "撤销委员资格", "撤销资格")
    NO_REAPPOINTMENT = ("no_reappointment", "不再提名连任", "不再推荐")
    ADVISORY = ("advisory", "建议", "参考")
    PRAISE = ("praise", "通报表扬", "表扬", "表彰")
    NOTIFY_NOMINATOR = ("notify_nominator", "通报所在单位", "告知推荐单位", "通报推荐单位")
    RENOMINATION = ("renomination", "作为连任推荐依据", "推荐连任依据")

    @property
    def positive(self) -> bool:
        """Whether the consequence rewards (表扬, 告知推荐单位, 连任依据) rather than sanctions."""
        return self in (
            Consequence.PRAISE,
            Consequence.NOTIFY_NOMINATOR,
            Consequence.RENOMINATION,
        )


@attrs.frozen
class Band:
    """A grade band: ``label`` for scores of at least ``at_least`` (``None``: any score).

    ``requires`` lists requirement ids a member must meet to get this band; one who does not
    falls to the next band down.
    """

    label: str
    at_least: Fraction | None = attrs.field(default=None, converter=optional_points)
    requires: tuple[str, ...] = attrs.field(default=(), converter=_names)


def _to_strength(value: Strength | str) -> Strength:
    return Strength.parse(value)


def _to_consequence(value: Consequence | str) -> Consequence:
    return Consequence.parse(value)


@attrs.frozen
class Grades:
    """Grade bands, highest first, and the policy at their boundaries.

    ``boundary="inclusive"`` (the default) puts a score equal to a band's bound in that band
    (90 is 优秀 under "90分以上为优秀"); ``"exclusive"`` puts it in the band below ("超过90分").
    ``basis="exact"`` (default) compares the exact score; ``"presented"`` compares the score as
    rounded for presentation (89.996 presented as 90.00 is then 优秀). ``rounding`` is the
    rounding used for that comparison when it differs from the display rounding (grades on the
    score rounded to one place, cards shown with two); by default the rule set's.
    """

    bands: tuple[Band, ...] = attrs.field(converter=_bands)
    boundary: str = "inclusive"
    basis: str = "exact"
    rounding: RoundingPolicy | None = None

    def __attrs_post_init__(self) -> None:
        if self.boundary not in ("inclusive", "exclusive"):
            raise InvalidValueError(
                f"grade boundary {self.boundary!r} is not known",
                hint="use 'inclusive' (90 is in the band '90 and above') or 'exclusive'",
            )
        if self.basis not in ("exact", "presented"):
            raise InvalidValueError(
                f"grade basis {self.basis!r} is not known", hint="use 'exact' or 'presented'"
            )
        if not self.bands:
            raise InvalidValueError("grade bands are empty", hint="give at least one band")
        bounds = [b.at_least for b in self.bands if b.at_least is not None]
        if bounds != sorted(bounds, reverse=True) or len(set(bounds)) != len(bounds):
            raise InvalidValueError(
                "grade bands must be listed from the highest bound down, each bound once",
                hint="order the bands 优秀, 良好, 称职, 不称职",
            )

    def grade(self, score: Fraction, met: frozenset[str]) -> str | None:
        """The band of ``score`` for a member who met the requirements in ``met``."""
        for band in self.bands:
            if band.at_least is not None:
                below = (
                    score < band.at_least
                    if self.boundary == "inclusive"
                    else score <= band.at_least
                )
                if below:
                    continue
            if all(r in met for r in band.requires):
                return band.label
        return None


@attrs.frozen
class Requirement:
    """A minimum count a member must reach in the period (基本要求).

    ``where`` lists alternatives: a fact matching any of them counts. ``at_least`` is the
    number needed; ``credit_co_authors`` says whether co-authored work counts for every author
    (联名计入) or only the first; ``per_quarter`` requires at least one in each quarter of the
    period (均衡分布).

    ``window`` is what is counted: ``"period"`` (the assessment period, the default) or
    ``"term"`` (届内: from the start of the term to the end of the period). ``each`` splits the
    window: ``"year"`` (每年至少…) or ``"quarter"`` (每季度至少…) — every slice must reach
    ``at_least`` on its own; years before the member joined are not counted against them.
    A term-window requirement not yet reached before the term's last year is shown as not
    applicable ("not due"), not failed: the member still has time.
    """

    id: str
    label: str
    where: tuple[Where, ...] = attrs.field(converter=_wheres)
    at_least: int = 1
    strength: Strength = attrs.field(default=Strength.MANDATORY, converter=_to_strength)
    credit_co_authors: bool = True
    per_quarter: bool = False
    clause: str | None = None
    applies_to: Condition | None = None
    window: str = "period"
    each: str | None = None

    def __attrs_post_init__(self) -> None:
        _count(self.at_least, f"requirement {self.id!r}: at_least", minimum=1)
        _window(f"requirement {self.id!r}", self.window, self.each)

    def empty_quarters(self, period: Period, dates: Iterable[dt.date]) -> list[str]:
        """The calendar quarters overlapping ``period`` with none of ``dates``, as ``2023Q3``.

        A period that runs across a year end (2023-07-01..2024-06-30) has quarters of both years.
        """
        have = {(d.year, (d.month - 1) // 3 + 1) for d in dates}
        wanted = []
        year, quarter = period.start.year, (period.start.month - 1) // 3 + 1
        while (year, quarter) <= (period.end.year, (period.end.month - 1) // 3 + 1):
            wanted.append((year, quarter))
            year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
        return [
            f"{y}Q{q}" if period.start.year != period.end.year else f"Q{q}"
            for y, q in wanted
            if (y, q) not in have
        ]


def _basis(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in ("exact", "presented"):
        raise InvalidValueError(
            f"score basis {value!r} is not known",
            hint="use 'exact' (the exact total) or 'presented' (the total as rounded on the card)",
        )


def _count(value: object, what: str, *, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidValueError(
            f"{what} must be a whole number of at least {minimum}, got {value!r}",
            hint="write a whole number without quotes",
        )


@attrs.frozen
class Trigger:
    """A flag raised when at least ``at_least`` facts match ``where`` within the ``window``.

    ``window`` is ``"period"`` (the assessment period) or ``"term"`` (from the start of the
    term covering the period up to its end: 届内累计).
    """

    id: str
    label: str
    where: tuple[Where, ...] = attrs.field(converter=_wheres)
    at_least: int
    consequence: Consequence = attrs.field(converter=_to_consequence)
    window: str = "period"
    clause: str | None = None
    applies_to: Condition | None = None
    each: str | None = None

    def __attrs_post_init__(self) -> None:
        _count(self.at_least, f"trigger {self.id!r}: at_least", minimum=1)
        _window(f"trigger {self.id!r}", self.window, self.each)


@attrs.frozen
class TooFew:
    """A flag raised when fewer than ``fewer_than`` facts match ``where`` within the window.

    届内提交提案少于3件的，予以谈话提醒: ``TooFew("few", "…", [Where("proposal")], 3, "talk",
    window="term")``. Over the term the flag is raised only in the assessment that reaches the
    term's end (before that the member still has time); with ``each="year"`` it is raised when
    any year of the window (years before the member joined aside) has too few.
    """

    id: str
    label: str
    where: tuple[Where, ...] = attrs.field(converter=_wheres)
    fewer_than: int
    consequence: Consequence = attrs.field(converter=_to_consequence)
    window: str = "period"
    each: str | None = None
    clause: str | None = None
    applies_to: Condition | None = None

    def __attrs_post_init__(self) -> None:
        _count(self.fewer_than, f"trigger {self.id!r}: fewer_than", minimum=1)
        _window(f"trigger {self.id!r}", self.window, self.each)


@attrs.frozen
class ScoreBelow:
    """A flag raised when the total is below ``threshold`` (an absolute warning line).

    ``basis`` says which total is compared: ``"exact"`` (the default) or ``"presented"`` (the
    total as rounded for the card: 59.996 shown as 60.00 is then not below 60).
    """

    id: str
    label: str
    threshold: Fraction = attrs.field(converter=points)
    consequence: Consequence = attrs.field(converter=_to_consequence)
    clause: str | None = None
    basis: str = attrs.field(default="exact", validator=_basis)


_KEYS = ("grade", "requirement", "score_below", "trigger", "bottom")


@attrs.frozen
class ConsecutiveYears:
    """A flag raised when something held in several years: 连续两年…, 届内累计两年….

    What must hold in a year is exactly one of:

    * ``grade`` — the member got this grade (连续两年考核不称职);
    * ``requirement`` — this requirement was not met (连续两年未完成基本要求);
    * ``score_below`` — the total was below this line, compared on ``basis`` (``"exact"`` or
      ``"presented"``) (连续两年得分低于60分);
    * ``trigger`` — this trigger's flag was raised that year (连续两年无故缺席2次以上);
    * ``bottom`` — the member was among the last ``bottom`` of all assessed members (连续两年
      排名后5名).

    With ``consecutive=True`` (the default) it must hold in each of the last ``years`` years,
    this one included; with ``consecutive=False`` in at least ``years`` of the term's years so far
    (届内累计), not necessarily in a row, this one included. Counts start again at a term
    boundary; years before the member joined, or in which no rule set was in force, never count
    (a chain through them is broken). Earlier years are assessed under the rule set in force in
    each (``assess(history=…)``; the CLI and golden cases take it from the registry).
    """

    id: str
    label: str
    years: int
    consequence: Consequence = attrs.field(converter=_to_consequence)
    grade: str | None = None
    requirement: str | None = None
    clause: str | None = None
    score_below: Fraction | None = attrs.field(default=None, converter=optional_points)
    basis: str = attrs.field(default="exact", validator=_basis)
    trigger: str | None = None
    bottom: int | None = None
    consecutive: bool = True

    def __attrs_post_init__(self) -> None:
        given = [key for key in _KEYS if getattr(self, key) is not None]
        if len(given) != 1:
            raise InvalidValueError(
                f"ConsecutiveYears {self.id!r} needs exactly one of "
                f"{', '.join(_KEYS)}; got {', '.join(given) or 'none'}",
                hint="say which grade, failed requirement, score line, trigger or rank counts",
            )
        minimum = 2 if self.consecutive else 1
        _count(self.years, f"ConsecutiveYears {self.id!r}: years", minimum=minimum)
        if self.bottom is not None:
            _count(self.bottom, f"ConsecutiveYears {self.id!r}: bottom", minimum=1)

    @property
    def keyed_on(self) -> str:
        """``grade 不称职``, ``requirement six_ones not met`` … for the card's reason."""
        if self.grade is not None:
            return f"grade {self.grade}"
        if self.requirement is not None:
            return f"requirement {self.requirement} not met"
        if self.score_below is not None:
            return f"total below {format_fraction(self.score_below)} ({self.basis})"
        if self.trigger is not None:
            return f"flag {self.trigger}"
        return f"in the bottom {self.bottom}"


def _rungs(value: Iterable[str]) -> tuple[str, ...]:
    rungs = tuple(value)
    if len(rungs) < 2 or not all(isinstance(r, str) for r in rungs):
        raise InvalidValueError(
            f"a ladder needs at least two trigger ids, got {rungs!r}",
            hint='list them from the mildest up: ["talk", "notice", "resign", "revoke"]',
        )
    return rungs


@attrs.frozen
class Ladder:
    """A graduated sanction: only the most severe raised rung counts (谈话 → 通报 → 劝辞 → 撤销).

    ``rungs`` are trigger ids, mildest first. The ladder raises nothing itself; the kept flag
    says which milder ones it supersedes.
    """

    id: str
    label: str
    rungs: tuple[str, ...] = attrs.field(converter=_rungs)
    clause: str | None = None
