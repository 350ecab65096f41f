"""The blocks an award is made of besides its quota: order, ties, gates and periods.

* :class:`Order` — highest first (表彰) or lowest first (末位, "bottom N", 不再续聘);
* :class:`TieBreak` — one criterion of a chain that separates equal scores at the cut
  (another score line, a category, a count of records); the chain ends with the award's tie
  policy (include all, exclude all, 姓氏笔画);
* :class:`Exclusion` — negative eligibility (一票否决): a raised flag, a role held, an outside
  input or a record of some kind excludes, with the reason the rules give;
* :class:`AnyOfRecords` / :class:`AllOfRecords` — the records a candidate must have, across
  record kinds ("提交提案、或社情民意被采用、或大会发言");
* :class:`Periods` — several periods: aggregate the score (sum, mean, latest, minimum) before
  selecting, or require selection in each ("连续两年末位").

All of them are plain data; selection is in :mod:`cppcc_model.assess.awards`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import RoleKind
from cppcc_model.rules import _evaluation
from cppcc_model.rules.facts import Fact
from cppcc_model.rules.selection import Where

__all__ = [
    "TIE_POLICIES",
    "AllOfRecords",
    "AnyOfRecords",
    "Exclusion",
    "Order",
    "Periods",
    "TieBreak",
]

TIE_POLICIES = {
    "exclude": "并列者均不入选 (a tie across the cut wins nothing)",
    "include": "并列者均入选 (everyone tied at the cut wins; the list grows)",
    "name_order": "按姓氏笔画 (姓氏笔画 order decides)",
}
"""What happens to a tie still standing at the cut after every tie-breaker."""


class Order(LabeledEnum, kind_label="评选方向 (order)"):
    """Whether the highest or the lowest scores are selected."""

    HIGHEST = ("highest", "从高到低", "前", "top", "descending")
    LOWEST = ("lowest", "从低到高", "末位", "bottom", "ascending")


def check_tie_policy(value: str) -> str:
    """``value`` if it is a known tie policy, else a clear error."""
    if value not in TIE_POLICIES:
        raise InvalidValueError(
            f"tie policy {value!r} is not known",
            hint="use 'exclude' (并列均不入选), 'include' (并列均入选) or 'name_order' (姓氏笔画)",
        )
    return value


def _breaker_by(value: str) -> str:
    if value in ("total", "per_capita", "records") or value.partition(":")[0] in (
        "category",
        "line",
    ):
        return value
    raise InvalidValueError(
        f"tie-breaker {value!r} is not known",
        hint="use 'total', 'per_capita', 'category:<id>', 'line:<id>' or 'records' (with where)",
    )


def _descending(value: str) -> str:
    if value not in ("descending", "ascending"):
        raise InvalidValueError(
            f"tie-breaker direction {value!r} is not known",
            hint="use 'descending' (more is better) or 'ascending' (less is better)",
        )
    return value


@attrs.frozen
class TieBreak:
    """One link of a tie-breaking chain: a figure that separates equal scores.

    Attributes:
        by: ``"category:<id>"``, ``"line:<id>"``, ``"total"`` (under the score rule set),
            ``"per_capita"`` (bodies) or ``"records"`` (how many of the subject's records match
            ``where``).
        label: the criterion as the rules state it (``"立案提案数多者优先"``); shown wherever
            it decides.
        direction: ``"descending"`` (more is better, the default) or ``"ascending"``.
        where: for ``by="records"``, the records counted.
    """

    by: str = attrs.field(converter=_breaker_by)
    label: str
    direction: str = attrs.field(default="descending", converter=_descending)
    where: Where | None = None

    def __attrs_post_init__(self) -> None:
        if (self.by == "records") != (self.where is not None):
            raise InvalidValueError(
                f"tie-breaker {self.label!r}: 'records' counts the records a selection matches",
                hint="give where= exactly when by='records'",
            )
        if not self.label.strip():
            raise InvalidValueError("a tie-breaker needs a label", hint="name the criterion")


def _role(value: RoleKind | str | None) -> RoleKind | None:
    return None if value is None else RoleKind.parse(value)


@attrs.frozen
class Exclusion:
    """Negative eligibility: holders of this are not candidates, for ``reason``.

    Exactly one of: ``flag`` (a trigger id raised on the subject's score card), ``role`` (a
    role held during the period), ``input`` (an outside input key recorded for the subject, such
    as a discipline finding 受到处分) or ``where`` (the subject has a record this selection
    matches). ``reason`` is the rules' wording (``"受到党纪政务处分"``); ``clause`` where stated.
    """

    reason: str
    flag: str | None = None
    role: RoleKind | None = attrs.field(default=None, converter=_role)
    input: str | None = None
    where: Where | None = None
    clause: str | None = None

    def __attrs_post_init__(self) -> None:
        given = [
            name
            for name, value in (
                ("flag", self.flag),
                ("role", self.role),
                ("input", self.input),
                ("where", self.where),
            )
            if value is not None
        ]
        if len(given) != 1:
            raise InvalidValueError(
                f"exclusion {self.reason!r} names {len(given)} grounds",
                hint="give exactly one of flag, role, input and where",
            )
        if not self.reason.strip():
            raise InvalidValueError("an exclusion needs its reason", hint="quote the rules")

    @property
    def ground(self) -> str:
        """``flag:warning``, ``role:chair``, ``input:discipline`` or ``records:<selection>``."""
        if self.flag is not None:
            return f"flag:{self.flag}"
        if self.role is not None:
            return f"role:{self.role.value}"
        if self.input is not None:
            return f"input:{self.input}"
        assert self.where is not None
        return f"records:{self.where.describe()}"

    def describe_en(self) -> str:
        """The ground in English, such as ``has the flag 'warning'``."""
        if self.flag is not None:
            return f"has the flag {self.flag!r}"
        if self.role is not None:
            return f"holds the role {self.role.value}"
        if self.input is not None:
            return f"has the outside input {self.input!r}"
        assert self.where is not None
        return f"has a record of {self.where.describe()}"


def _wheres(value: Iterable[Where]) -> tuple[Where, ...]:
    found = tuple(value)
    if not found:
        raise InvalidValueError("a combination of selections needs at least one", hint="add one")
    return found


@attrs.frozen(init=False)
class AnyOfRecords:
    """A candidate needs a record matching at least one of the selections (或)."""

    wheres: tuple[Where, ...]

    def __init__(self, *wheres: Where) -> None:
        self.__attrs_init__(_wheres(wheres))

    def holds(self, facts: Sequence[Fact]) -> bool:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.records_hold`."""
        return _evaluation.records_hold(self, facts)

    def describe(self) -> str:
        """``提案 或 社情民意信息, 采用``."""
        return " 或 ".join(w.describe() for w in self.wheres)


@attrs.frozen(init=False)
class AllOfRecords:
    """A candidate needs, for each selection, a record matching it (且)."""

    wheres: tuple[Where, ...]

    def __init__(self, *wheres: Where) -> None:
        self.__attrs_init__(_wheres(wheres))

    def holds(self, facts: Sequence[Fact]) -> bool:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.records_hold`."""
        return _evaluation.records_hold(self, facts)

    def describe(self) -> str:
        """``提案 且 社情民意信息``."""
        return " 且 ".join(w.describe() for w in self.wheres)

    def missing(self, facts: Sequence[Fact]) -> tuple[Where, ...]:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.records_missing`."""
        missing: tuple[Where, ...] = _evaluation.records_missing(self, facts)
        return missing


COMBINES = {
    "sum": "累计 (sum)",
    "mean": "平均 (mean)",
    "latest": "最近一期 (latest)",
    "min": "最低 (minimum)",
    "each": "每期均入选 (selected in each, e.g. 连续两年末位)",
}
"""How :class:`Periods` combines several periods."""


def _combine(value: str) -> str:
    if value not in COMBINES:
        raise InvalidValueError(
            f"periods combine {value!r} is not known",
            hint="use 'sum', 'mean', 'latest', 'min' or 'each'",
        )
    return value


@attrs.frozen
class Periods:
    """The award looks at ``count`` consecutive periods ending with the one assessed.

    ``combine`` is ``"sum"``, ``"mean"``, ``"latest"`` or ``"min"`` (aggregate each subject's
    score, then select once: a biennial award) or ``"each"`` (select in every period and keep
    only those selected in all of them: "连续两年排名末位"). A subject must be a candidate in
    every period (except for ``"latest"``), or it is left out with the periods it misses.
    """

    count: int
    combine: str = attrs.field(default="sum", converter=_combine)

    def __attrs_post_init__(self) -> None:
        if self.count < 1:
            raise InvalidValueError(f"periods count must be at least 1, got {self.count}")

    def describe(self) -> str:
        """``2 periods, sum``."""
        return f"{self.count} periods, {self.combine}"
