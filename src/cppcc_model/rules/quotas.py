"""How many win (名额): counts, shares, bands, soft quotas and the rank gate.

A :class:`Quota` is one of

* a **count** — ``Quota(count=20)`` (全国政协委员优秀履职奖: 20 members, whatever the size);
* a **share** of a stated denominator with a stated rounding — ``Quota(share="1/100",
  of="assessed")`` (按照提案总数的1%左右);
* a **band** — ``Quota(at_least="8/100", at_most="1/10")`` (不低于8%、不超过10%), each end
  rounded its own way (the lower end up, the upper end down by default, so that both ends are
  honest);
* a **soft quota** — ``Quota(share="5/100", tolerance="1/100")`` ("about 5%"): the target is the
  share, the band is the share ± the tolerance, and winners outside the band are a *warning*,
  not an error.

The denominator is a stated choice, ``of``: ``"eligible"`` (the candidates left after every
gate), ``"assessed"`` (every subject of the kind assessed in the period, eligible or not),
``"submitted"`` (every record of the kind submitted in the period), ``"filed"`` (those filed,
立案) or a number. :class:`RankGate` ("in the top 30% of all members") ranks every assessed
subject *before* eligibility and keeps only those inside it.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.numbers import Number, exact, format_fraction

__all__ = ["DENOMINATORS", "ROUNDINGS", "Quota", "QuotaBounds", "RankGate", "round_count"]

ROUNDINGS = {
    "half_up": decimal.ROUND_HALF_UP,
    "up": decimal.ROUND_CEILING,
    "down": decimal.ROUND_FLOOR,
}
"""Rounding of a share to a whole number of winners: 四舍五入, 向上取整, 向下取整."""

_ROUNDING_LABELS = {"half_up": "四舍五入", "up": "向上取整", "down": "向下取整"}

DENOMINATORS = {
    "eligible": "符合条件的候选对象 (eligible candidates)",
    "assessed": "参加考核的全部对象 (all assessed)",
    "submitted": "提交的全部件数 (all submitted records)",
    "filed": "立案件数 (filed records)",
}
"""The denominators a share may be of, with their labels."""

_ALIASES = {"candidates": "eligible", "population": "assessed"}


def round_count(value: Fraction, rounding: str) -> int:
    """``value`` rounded to a whole number as ``rounding`` says (``half_up``, ``up``, ``down``)."""
    exact_decimal = Decimal(value.numerator) / Decimal(value.denominator)
    return int(exact_decimal.quantize(Decimal(1), rounding=ROUNDINGS[rounding]))


def check_rounding(value: str) -> str:
    """``value`` if it is a known rounding, else a clear error."""
    if value not in ROUNDINGS:
        raise InvalidValueError(
            f"rounding {value!r} is not known",
            hint="use 'half_up' (四舍五入), 'up' (向上取整) or 'down' (向下取整)",
        )
    return value


def _optional_share(value: Number | None) -> Fraction | None:
    if value is None:
        return None
    share = exact(value, what="share")
    if not 0 < share <= 1:
        raise InvalidValueError(f"a share must be above 0 and at most 1, got {share}")
    return share


def _optional_tolerance(value: Number | None) -> Fraction | None:
    if value is None:
        return None
    tolerance = exact(value, what="tolerance")
    if not 0 <= tolerance < 1:
        raise InvalidValueError(f"a tolerance is a share from 0 to below 1, got {tolerance}")
    return tolerance


def _denominator(value: str | int) -> str | int:
    if isinstance(value, bool):
        raise InvalidValueError(f"quota denominator {value!r} is not known")
    if isinstance(value, int):
        if value < 0:
            raise InvalidValueError(f"a quota denominator cannot be negative, got {value}")
        return value
    chosen = _ALIASES.get(value, value)
    if chosen not in DENOMINATORS:
        raise InvalidValueError(
            f"quota denominator {value!r} is not known",
            hint="use 'eligible', 'assessed', 'submitted', 'filed' or a number",
        )
    return chosen


@attrs.frozen
class QuotaBounds:
    """A quota worked out for one population: the band ``low``..``high`` and the ``target``.

    ``denominator`` is the number the shares were taken of (``None`` for a count); ``soft`` says
    winners outside the band are a warning rather than a rule broken.
    """

    low: int
    target: int
    high: int
    denominator: int | None = None
    soft: bool = False

    def describe(self) -> str:
        """``20`` or ``8–10 of 100``."""
        band = str(self.target) if self.low == self.high else f"{self.low}–{self.high}"
        return band if self.denominator is None else f"{band} of {self.denominator}"


@attrs.frozen
class Quota:
    """How many win: a count, a share, a band or a soft quota (see the module docstring).

    Attributes:
        count: a fixed number of winners.
        share: a share of the denominator (``"1/100"``), rounded by ``rounding``.
        of: the denominator: ``"eligible"`` (default; alias ``"candidates"``), ``"assessed"``
            (alias ``"population"``), ``"submitted"``, ``"filed"`` or a number.
        rounding: how a share rounds: ``"half_up"`` (default), ``"up"`` or ``"down"``.
        minimum: a share always gives at least this many winners.
        at_least / at_most: the ends of a band (不低于 / 不超过), each a share.
        at_least_rounding / at_most_rounding: how each end rounds (default up and down).
        tolerance: makes a share soft ("about 5%"): the band is share ± tolerance, and
            winners outside it are a warning.
    """

    count: int | None = None
    share: Fraction | None = attrs.field(default=None, converter=_optional_share)
    of: str | int = attrs.field(default="eligible", converter=_denominator)
    rounding: str = attrs.field(default="half_up", converter=check_rounding)
    minimum: int = 0
    at_least: Fraction | None = attrs.field(default=None, converter=_optional_share)
    at_most: Fraction | None = attrs.field(default=None, converter=_optional_share)
    at_least_rounding: str = attrs.field(default="up", converter=check_rounding)
    at_most_rounding: str = attrs.field(default="down", converter=check_rounding)
    tolerance: Fraction | None = attrs.field(default=None, converter=_optional_tolerance)

    def __attrs_post_init__(self) -> None:
        band = self.at_least is not None or self.at_most is not None
        given = sum((self.count is not None, self.share is not None, band))
        if given != 1:
            raise InvalidValueError(
                "a quota is either a count or a share (or a band of shares)",
                hint="give exactly one of count, share, or at_least/at_most",
            )
        if self.count is not None and self.count < 0:
            raise InvalidValueError(f"a quota count cannot be negative, got {self.count}")
        if self.minimum < 0:
            raise InvalidValueError(f"a quota minimum cannot be negative, got {self.minimum}")
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise InvalidValueError(
                f"the band's lower end {self.at_least} is above its upper end {self.at_most}",
                hint="give at_least ≤ at_most",
            )
        if self.tolerance is not None and self.share is None:
            raise InvalidValueError(
                "a tolerance belongs to a share ('about 5%')",
                hint="give share= with tolerance=, or use at_least/at_most for a band",
            )

    @property
    def is_count(self) -> bool:
        """Whether the quota is a fixed count (no denominator)."""
        return self.count is not None

    def bounds(self, denominators: Mapping[str, int]) -> QuotaBounds:
        """The band and target for a population whose denominators are ``denominators``.

        ``denominators`` maps ``"eligible"``, ``"assessed"``, ``"submitted"``, ``"filed"`` to
        their sizes; only the one ``of`` names is read.

        Raises:
            InvalidValueError: the denominator the quota names was not given.
        """
        if self.count is not None:
            return QuotaBounds(self.count, self.count, self.count)
        if isinstance(self.of, int):
            base = self.of
        elif self.of in denominators:
            base = denominators[self.of]
        else:
            raise InvalidValueError(
                f"the quota is a share of {DENOMINATORS[str(self.of)]}, which is not known here",
                hint="award candidates of records know 'submitted' and 'filed'; "
                "others use 'eligible' or 'assessed'",
            )
        if self.share is not None:
            target = max(self.minimum, round_count(self.share * base, self.rounding))
            if self.tolerance is None:
                return QuotaBounds(target, target, target, base)
            low = round_count(max(Fraction(0), self.share - self.tolerance) * base, "up")
            high = round_count(min(Fraction(1), self.share + self.tolerance) * base, "down")
            return QuotaBounds(min(low, target), target, max(high, target), base, soft=True)
        low = (
            0
            if self.at_least is None
            else round_count(self.at_least * base, self.at_least_rounding)
        )
        high = (
            base
            if self.at_most is None
            else round_count(self.at_most * base, self.at_most_rounding)
        )
        low = max(low, self.minimum)
        high = max(high, low)
        return QuotaBounds(low, high, high, base)

    def size(self, candidates: int, population: int) -> int:
        """The target number of winners for ``candidates`` eligible among ``population``.

        ``population`` stands for every denominator but the eligible candidates.
        """
        sizes = {"assessed": population, "submitted": population, "filed": population}
        return self.bounds({**sizes, "eligible": candidates}).target

    def describe(self) -> str:
        """``20``, ``1/100 of eligible (half_up)``, ``8/100 (up)–1/10 (down) of assessed``."""
        if self.count is not None:
            return str(self.count)
        if self.share is not None:
            about = f"about {self.share} ± {self.tolerance}" if self.tolerance else str(self.share)
            return f"{about} of {self.of} ({self.rounding})"
        low = f"{self.at_least} ({self.at_least_rounding})" if self.at_least is not None else "0"
        high = f"{self.at_most} ({self.at_most_rounding})" if self.at_most is not None else "all"
        return f"{low}–{high} of {self.of}"

    def describe_zh(self) -> str:
        """The clause the quota expresses, such as ``名额20名`` or ``按1%评选(四舍五入)``."""
        if self.count is not None:
            return f"名额{self.count}名"
        if self.share is not None:
            text = f"{'约' if self.tolerance else '按'}{_percent(self.share)}评选"
            if self.tolerance:
                text += f"(浮动±{_percent(self.tolerance)})"
            return f"{text}({_ROUNDING_LABELS[self.rounding]})"
        parts = []
        if self.at_least is not None:
            parts.append(
                f"不低于{_percent(self.at_least)}({_ROUNDING_LABELS[self.at_least_rounding]})"
            )
        if self.at_most is not None:
            parts.append(
                f"不超过{_percent(self.at_most)}({_ROUNDING_LABELS[self.at_most_rounding]})"
            )
        return "、".join(parts)


def _percent(share: Fraction) -> str:
    return f"{format_fraction(share * 100)}%"


@attrs.frozen
class RankGate:
    """Only subjects ranked inside the top (or bottom) ``share`` / ``count`` of *all assessed*.

    "在全体委员中排名前30%": every assessed subject is ranked — eligible or not — in the award's
    direction, and those outside the gate are not candidates. The gate's size is rounded by
    ``rounding``; a tie straddling the gate's edge is inside it.
    """

    share: Fraction | None = attrs.field(default=None, converter=_optional_share)
    count: int | None = None
    rounding: str = attrs.field(default="half_up", converter=check_rounding)

    def __attrs_post_init__(self) -> None:
        if (self.share is None) == (self.count is None):
            raise InvalidValueError(
                "a rank gate is a share or a count of all assessed",
                hint="give exactly one of share and count",
            )
        if self.count is not None and self.count < 0:
            raise InvalidValueError(f"a rank gate count cannot be negative, got {self.count}")

    def places(self, assessed: int) -> int:
        """How many places of ``assessed`` the gate lets through."""
        if self.count is not None:
            return self.count
        assert self.share is not None
        return round_count(self.share * assessed, self.rounding)

    def describe(self) -> str:
        """``top 3/10 of all assessed``."""
        return f"{self.share if self.share is not None else self.count} of all assessed"
