"""Which facts an item, a requirement or a trigger looks at: :class:`Where`.

``Where`` reads like the clause it encodes: "each 社情民意 item adopted at provincial level or
above" is ``Where(Source.INFO_REPORT, reached=(Reached(Stage.ADOPTED, Level.PROVINCE),))``;
"standing-committee meetings missed without leave" is ``Where(Source.ATTENDANCE,
kinds=(ActivityKind.STANDING_COMMITTEE_MEETING,), statuses=(AttendanceStatus.UNEXCUSED,))``.
Every criterion left empty matches everything: leaving it out, ``None`` and an empty list all
mean "any" (``Where("proposal", roles=None)`` is every proposal); one value stands for a list of
one (``roles="first"``). Anything else is an :class:`~cppcc_model.errors.InvalidValueError`
naming the criterion.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from cppcc_model.errors import InvalidValueError
from cppcc_model.labels import LabeledEnum
from cppcc_model.model import (
    ActivityKind,
    AttendanceStatus,
    BodyKind,
    ContributionKind,
    InfoStep,
    Level,
    ProposalStep,
)
from cppcc_model.rules import _evaluation
from cppcc_model.rules.facts import AuthorRole, Fact, Source, Stage

__all__ = ["Reached", "Where"]


def _to_stage(value: Stage | str) -> Stage:
    return Stage.parse(value)


def _to_optional_level(value: Level | str | None) -> Level | None:
    return None if value is None else Level.parse(value)


@attrs.frozen
class Reached:
    """The record reached ``stage`` (at ``min_level`` or above, where a level is given)."""

    stage: Stage = attrs.field(converter=_to_stage)
    min_level: Level | None = attrs.field(default=None, converter=_to_optional_level)

    def holds(self, fact: Fact) -> bool:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.reached`."""
        return _evaluation.reached(self, fact)

    def describe(self) -> str:
        """``"采用 (adopted) ≥ 省"``."""
        text = f"{self.stage.label} ({self.stage.value})"
        return f"{text} ≥ {self.min_level.label}" if self.min_level else text


def _to_source(value: Source | str) -> Source:
    return Source.parse(value)


_KIND_ENUMS: tuple[type[LabeledEnum], ...] = (ActivityKind, ContributionKind)


def _criterion(values: object, what: str) -> Iterable[Any]:
    """A criterion's values: ``None`` is empty (any), one value is a list of one.

    Raises:
        InvalidValueError: for anything that is neither a value nor a list of values.

    """
    if values is None:
        return ()
    if isinstance(values, str | enum.Enum | Reached):
        return (values,)
    if isinstance(values, Iterable):
        return values
    raise InvalidValueError(
        f"Where({what}=…) takes a list of {what}, got {values!r}",
        hint=f"give a list such as {what}=[…], one value, or leave it out (None) for any",
    )


def _to_kinds(values: Iterable[LabeledEnum | str] | None) -> frozenset[str]:
    values = _criterion(values, "kinds")
    kinds: set[str] = set()
    for value in values:
        if isinstance(value, LabeledEnum):
            kinds.add(value.value)
            continue
        for enum_type in _KIND_ENUMS:
            try:
                kinds.add(enum_type.parse(value).value)
                break
            except InvalidValueError:
                continue
        else:
            raise InvalidValueError(
                f"{value!r} is neither an activity kind nor a contribution kind",
                hint=f"use one of: {ActivityKind.choices()}; or: {ContributionKind.choices()}",
            )
    return frozenset(kinds)


def _to_statuses(values: Iterable[AttendanceStatus | str] | None) -> frozenset[AttendanceStatus]:
    values = _criterion(values, "statuses")
    return frozenset(AttendanceStatus.parse(v) for v in values)


def _to_roles(values: Iterable[AuthorRole | str] | None) -> frozenset[AuthorRole]:
    values = _criterion(values, "roles")
    return frozenset(AuthorRole.parse(v) for v in values)


def _to_reached(values: Iterable[Reached | Stage | str] | None) -> tuple[Reached, ...]:
    values = _criterion(values, "reached")
    return tuple(v if isinstance(v, Reached) else Reached(v) for v in values)


def _to_reached_any(values: Iterable[Reached | Stage | str] | None) -> tuple[Reached, ...]:
    return _to_reached(_criterion(values, "reached_any"))


def _to_not_reached(values: Iterable[Stage | str] | None) -> frozenset[Stage]:
    values = _criterion(values, "not_reached")
    return frozenset(Stage.parse(v) for v in values)


def _to_organisers(values: Iterable[BodyKind | str] | None) -> frozenset[BodyKind]:
    values = _criterion(values, "organisers")
    return frozenset(BodyKind.parse(v) for v in values)


def _to_levels(values: Iterable[Level | str] | None) -> frozenset[Level]:
    values = _criterion(values, "levels")
    return frozenset(Level.parse(v) for v in values)


def _to_step(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, ProposalStep | InfoStep):
        return value.value
    for enum_type in (ProposalStep, InfoStep):
        try:
            return enum_type.parse(value).value  # type: ignore[arg-type]
        except InvalidValueError:
            continue
    raise InvalidValueError(
        f"{value!r} is neither a proposal step nor a 社情民意 step",
        hint=f"use one of: {ProposalStep.choices()}; or: {InfoStep.choices()}",
    )


def _to_keys(values: Iterable[str] | None) -> frozenset[str]:
    keys = frozenset(_criterion(values, "keys"))
    if not all(isinstance(k, str) and k for k in keys):
        raise InvalidValueError(f"input keys must be text, got {sorted(map(repr, keys))}")
    return keys


@attrs.frozen
class Where:
    """A filter on facts. Every non-empty criterion must hold.

    Attributes:
        source: the kind of record (attendance, proposal, 社情民意 item, contribution).
        kinds: activity or contribution kinds (English ids or Chinese labels).
        statuses: attendance statuses.
        roles: author roles (sole, first, co, main member of a collective work).
        reached: stages that must all have been reached (staged values, adoption levels).
        reached_any: stages of which at least one must have been reached ("批示或省级采用").
        not_reached: stages that must not have been reached.
        organisers: kinds of organising body (eligible organisers, 55).
        levels: contribution levels (commendations by level).
        collective: only collective works (True), only non-collective ones (False), or both.
        keys: input keys (``source="input"`` only: ``keys=["employer_rating"]``).
        step_in_period: a history step the proposal or 社情民意 item reached within the period
            (``"重新办理"``, ``"跟踪落实"``, ``"采用"`` …), whatever the record's own date: the
            record is then selected by that step, not by its submission date.

    """

    source: Source = attrs.field(converter=_to_source)
    kinds: frozenset[str] = attrs.field(default=frozenset(), converter=_to_kinds)
    statuses: frozenset[AttendanceStatus] = attrs.field(default=frozenset(), converter=_to_statuses)
    roles: frozenset[AuthorRole] = attrs.field(default=frozenset(), converter=_to_roles)
    reached: tuple[Reached, ...] = attrs.field(default=(), converter=_to_reached)
    reached_any: tuple[Reached, ...] = attrs.field(default=(), converter=_to_reached_any)
    not_reached: frozenset[Stage] = attrs.field(default=frozenset(), converter=_to_not_reached)
    organisers: frozenset[BodyKind] = attrs.field(default=frozenset(), converter=_to_organisers)
    levels: frozenset[Level] = attrs.field(default=frozenset(), converter=_to_levels)
    collective: bool | None = None
    keys: frozenset[str] = attrs.field(default=frozenset(), converter=_to_keys)
    step_in_period: str | None = attrs.field(default=None, converter=_to_step)

    def matches(self, fact: Fact) -> bool:
        """Deprecated alias of :func:`cppcc_model.engine.evaluate.matches`."""
        return _evaluation.matches(self, fact)

    def describe(self) -> str:
        """A compact description for docs and score cards."""
        parts = [self.source.label]
        if self.keys:
            parts.append("/".join(sorted(self.keys)))
        if self.step_in_period:
            parts.append(f"{self.step_in_period} in the period")
        if self.kinds:
            parts.append("/".join(sorted(self.kinds)))
        if self.statuses:
            parts.append("/".join(sorted(s.label for s in self.statuses)))
        if self.roles:
            parts.append("/".join(sorted(r.label for r in self.roles)))
        if self.reached:
            parts.append(" + ".join(r.describe() for r in self.reached))
        if self.reached_any:
            parts.append(" 或 ".join(r.describe() for r in self.reached_any))
        return ", ".join(parts)
