"""Golden cases: a worked example from the rule text, as a file anyone can read and check.

A golden case is a TOML file named ``*.golden.toml``: records in, expected score-card figures
out. The pytest plugin shipped with cppcc-model collects every such file under a test
directory, so a district's worked examples run with its other tests::

    name = "Example B: joint-proposal split and leave"
    source = "桐城 2019, 第三条 worked example B"
    rule_set = "tongcheng-2019"          # a rule set name, or a jurisdiction (+ as_of)
    period = "2019"                      # 2019, 2019-H1, 2019-Q3 or START..END
    options = { collective = "split" }   # optional: another reading of an ambiguous clause

    [[ledger.members]]
    id = "zhou"
    name = "周"

    [[ledger.activities]]
    id = "plenary"
    kind = "全体会议"
    title = "十三届三次会议"
    start = 2019-01-05
    attendance = [{ member_id = "zhou", status = "请假" }]

    [expect.zhou]
    total = "51.5"                       # exact: "103/2" is the same number
    grade = "不合格"
    categories = { meetings = "30" }
    lines = { plenary = "30", proposal = "35/2" }
    requirements = { six_ones = false }  # id → true, false or "not_applicable"
    flags = []                           # the trigger ids raised, exactly
    complete = true                      # false: the card waits for an input (评分录入)

    [awards.excellent_member]            # an award of the rule set, by id
    winners = ["zhou"]                   # exactly these candidate ids win
    left_out = { wu = "tie" }            # id → the stage, or words of the reason

    [groups.town_groups.shuanggou]       # a group rule, by id; a body, by id
    total = "452/3"
    rank = 1
    measures = { "proposals.filed" = "5" }

    [periods."2018".expect.zhou]         # another period of the same ledger, in one case
    total = "40"

``[groups.<rule id>.<body id>]`` takes ``total``, ``per_capita``, ``rank``, ``categories``,
``lines``, ``measures`` and ``requirements``; ``[periods."<period>"]`` takes ``as_of``,
``expect``, ``awards`` and ``groups``, each run under the rule set in force in that period.

``[ledger]`` is the JSON ledger format (see the JSON reference) written in TOML, with two
conveniences: ``committee`` may be left out, and members without ``sector_id`` sit in a sector
``default`` that is created for them. Expected numbers are text, read exactly.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from cppcc_model.assess.engine import Assessment, assess
from cppcc_model.errors import CppccError, Location
from cppcc_model.io.json import ledger_from_dict
from cppcc_model.model import Period, period_text
from cppcc_model.numbers import exact, format_fraction
from cppcc_model.rules.registry import RuleSetRegistry
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.testing._golden_awards import (
    AwardExpectation,
    award_expectations,
    award_mismatches,
)
from cppcc_model.testing._golden_groups import (
    GroupExpectation,
    group_expectations,
    group_mismatches,
)

__all__ = ["GoldenCase", "GoldenCaseError", "GoldenCaseFailure", "load_golden_case"]


class GoldenCaseError(CppccError):
    """A golden-case file is malformed."""


class GoldenCaseFailure(CppccError, AssertionError):
    """A golden case ran, and the figures differ from the expected ones."""


_DEFAULT_COMMITTEE = {
    "id": "committee",
    "name": "golden-case committee",
    "level": "county",
    "jurisdiction": "golden.case",
}
_KNOWN_KEYS = {
    "name",
    "source",
    "rule_set",
    "period",
    "as_of",
    "options",
    "ledger",
    "expect",
    "awards",
    "groups",
    "periods",
}
_PERIOD_KEYS = {"as_of", "expect", "awards", "groups"}
_EXPECT_KEYS = {"total", "grade", "categories", "lines", "requirements", "flags", "complete"}


def _isoformat(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _isoformat(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_isoformat(item) for item in value]
    return value


@attrs.frozen
class Expectation:
    """What one member's score card must show."""

    member_id: str
    total: Fraction | None = None
    grade: str | None = None
    has_grade: bool = False
    categories: dict[str, Fraction] = attrs.field(factory=dict)
    lines: dict[str, Fraction] = attrs.field(factory=dict)
    requirements: dict[str, bool | str] = attrs.field(factory=dict)
    flags: tuple[str, ...] | None = None
    complete: bool | None = None


@attrs.frozen
class GoldenCase:
    """One golden case, loaded and checked for form (not yet run)."""

    path: str
    name: str
    rule_set: str
    period: Period
    ledger_data: dict[str, Any]
    expectations: tuple[Expectation, ...]
    as_of: dt.date | None = None
    options: dict[str, object] = attrs.field(factory=dict)
    source: str | None = None
    awards: tuple[AwardExpectation, ...] = ()
    groups: tuple[GroupExpectation, ...] = ()
    periods: tuple[GoldenCase, ...] = ()

    def resolve(self, registry: RuleSetRegistry) -> RuleSet:
        """The rule set the case runs under, with its options applied."""
        rule_set = registry.resolve(self.rule_set, self.as_of or self.period.end)
        return rule_set.with_options(**self.options) if self.options else rule_set

    def run(self, registry: RuleSetRegistry) -> Assessment:
        """Assess the case's ledger under its rule set.

        Earlier years (for outcomes over years) are assessed under the rule set the registry
        has in force in each of them; the case's ``options`` apply to those rule sets too.
        """
        ledger = ledger_from_dict(self.ledger_data, source=self.path)
        rule_set = self.resolve(registry)
        in_force = registry.history(rule_set.jurisdiction)

        def history(year: int) -> RuleSet | None:
            found = in_force(year)
            if found is None or not self.options or found.factory is None:
                return found
            return found.with_options(**self.options)

        return assess(ledger, rule_set, self.period, as_of=self.as_of, history=history)

    def mismatches(self, assessment: Assessment) -> list[str]:
        """Every difference between the expectations and ``assessment``; empty if none."""
        found: list[str] = []
        for expected in self.expectations:
            try:
                card = assessment.card(expected.member_id)
            except CppccError:
                found.append(f"{expected.member_id}: no score card")
                continue
            prefix = f"{expected.member_id}"
            if expected.complete is not None and card.complete is not expected.complete:
                why = "; ".join(card.pending) or "every input was given"
                found.append(
                    f"{prefix}: complete={card.complete} ({why}), "
                    f"expected complete={expected.complete}"
                )
            if expected.total is not None and card.total != expected.total:
                found.append(
                    f"{prefix}: total {format_fraction(card.total)} "
                    f"({card.display_total}), expected {format_fraction(expected.total)}"
                )
            if expected.has_grade and card.grade != expected.grade:
                found.append(f"{prefix}: grade {card.grade!r}, expected {expected.grade!r}")
            for category_id, points in expected.categories.items():
                try:
                    actual = card.category(category_id).points
                except KeyError:
                    found.append(f"{prefix}: no category {category_id!r}")
                    continue
                if actual != points:
                    found.append(
                        f"{prefix}: category {category_id} {format_fraction(actual)}, "
                        f"expected {format_fraction(points)}"
                    )
            for item_id, points in expected.lines.items():
                try:
                    actual = card.line(item_id).points
                except KeyError:
                    found.append(f"{prefix}: no line {item_id!r}")
                    continue
                if actual != points:
                    found.append(
                        f"{prefix}: line {item_id} {format_fraction(actual)}, "
                        f"expected {format_fraction(points)}"
                    )
            results = {r.requirement_id: r for r in card.requirements}
            for requirement_id, met in expected.requirements.items():
                if requirement_id not in results:
                    found.append(f"{prefix}: no requirement {requirement_id!r}")
                    continue
                result = results[requirement_id]
                wanted = met if isinstance(met, str) else ("met" if met else "not_met")
                if result.status != wanted:
                    why = f" ({result.note})" if result.note else ""
                    found.append(
                        f"{prefix}: requirement {requirement_id} {result.status}, "
                        f"{result.count}/{result.needed}{why}; expected {wanted}"
                        f" [records: {', '.join(result.records) or 'none'}]"
                    )
            if expected.flags is not None:
                raised = tuple(sorted(flag.trigger_id for flag in card.flags))
                if raised != tuple(sorted(expected.flags)):
                    found.append(f"{prefix}: flags {list(raised)}, expected {list(expected.flags)}")
        return found

    def all_mismatches(self, registry: RuleSetRegistry) -> tuple[Assessment, list[str], str]:
        """Run the case (and its other periods): the assessment, every mismatch, the cards.

        Mismatches of another period start with that period (``2023: li: total …``).
        """
        assessment = self.run(registry)
        found = self.mismatches(assessment)
        ledger = ledger_from_dict(self.ledger_data, source=self.path)
        found += award_mismatches(self.awards, ledger, assessment.rule_set, self.period, self.as_of)
        found += group_mismatches(self.groups, ledger, assessment.rule_set, assessment)
        cards = "\n\n".join(
            assessment.card(e.member_id).render_text()
            for e in self.expectations
            if e.member_id in assessment.member_ids
        )
        for other in self.periods:
            _, theirs, their_cards = other.all_mismatches(registry)
            label = period_text(other.period)
            found += [f"{label}: {mismatch}" for mismatch in theirs]
            if theirs and their_cards:
                cards += f"\n\n[{label}]\n{their_cards}"
        return assessment, found, cards

    def check(self, registry: RuleSetRegistry) -> Assessment:
        """Run the case and raise :class:`GoldenCaseFailure` listing every mismatch.

        Every period of the case is run; the assessment of the first period is returned.
        """
        assessment, found, cards = self.all_mismatches(registry)
        if found:
            raise GoldenCaseFailure(
                f"golden case {self.name!r} failed:\n  " + "\n  ".join(found) + "\n\n" + cards,
                where=Location(file=self.path, rule_set=self.rule_set),
            )
        return assessment


def _fail(path: str, message: str, key: str | None = None) -> GoldenCaseError:
    return GoldenCaseError(
        message,
        where=Location(file=path, key=key),
        hint="see the golden-case format in the docs (writing a rule plugin → golden cases)",
    )


def _numbers(path: str, key: str, table: object) -> dict[str, Fraction]:
    if not isinstance(table, Mapping):
        raise _fail(path, f"{key} must be a table of id → number", key)
    result: dict[str, Fraction] = {}
    for name, value in table.items():
        if isinstance(value, float):
            raise _fail(path, f'{key}.{name}: write numbers as text ("12.5"), not floats', key)
        try:
            result[str(name)] = exact(value, what=f"{key}.{name}")
        except CppccError as error:
            raise _fail(path, error.message, f"{key}.{name}") from None
    return result


def _expectation(path: str, member_id: str, data: object) -> Expectation:
    key = f"expect.{member_id}"
    if not isinstance(data, Mapping):
        raise _fail(path, f"{key} must be a table", key)
    unknown = sorted(set(data) - _EXPECT_KEYS)
    if unknown:
        raise _fail(path, f"{key} has unknown keys: {', '.join(unknown)}", key)
    total = None
    if "total" in data:
        total = _numbers(path, key, {"total": data["total"]})["total"]
    requirements = data.get("requirements", {})
    if not isinstance(requirements, Mapping) or not all(
        isinstance(v, bool) or v == "not_applicable" for v in requirements.values()
    ):
        raise _fail(
            path,
            f'{key}.requirements must map requirement ids to true, false or "not_applicable"',
            key,
        )
    flags = data.get("flags")
    if flags is not None and (
        not isinstance(flags, list) or not all(isinstance(f, str) for f in flags)
    ):
        raise _fail(path, f"{key}.flags must be a list of trigger ids", key)
    grade = data.get("grade")
    if grade is not None and not isinstance(grade, str):
        raise _fail(path, f"{key}.grade must be text", key)
    complete = data.get("complete")
    if complete is not None and not isinstance(complete, bool):
        raise _fail(path, f"{key}.complete must be true or false", key)
    return Expectation(
        member_id=member_id,
        total=total,
        grade=grade,
        has_grade="grade" in data,
        categories=_numbers(path, f"{key}.categories", data.get("categories", {})),
        lines=_numbers(path, f"{key}.lines", data.get("lines", {})),
        requirements=dict(requirements),
        flags=tuple(flags) if flags is not None else None,
        complete=complete,
    )


def _ledger_data(path: str, ledger: object) -> dict[str, Any]:
    if not isinstance(ledger, Mapping):
        raise _fail(path, "[ledger] must be a table", "ledger")
    data: dict[str, Any] = dict(_isoformat(dict(ledger)))  # type: ignore[call-overload]
    data.setdefault("committee", dict(_DEFAULT_COMMITTEE))
    members = data.get("members", [])
    if isinstance(members, list) and any(
        isinstance(m, dict) and "sector_id" not in m for m in members
    ):
        data["members"] = [
            {**m, "sector_id": "default"} if isinstance(m, dict) and "sector_id" not in m else m
            for m in members
        ]
        sectors = list(data.get("sectors", []))
        if not any(isinstance(s, dict) and s.get("id") == "default" for s in sectors):
            sectors.append({"id": "default", "name": "默认界别"})
        data["sectors"] = sectors
    return {"format": "cppcc-ledger", "version": 1, **data}


def load_golden_case(path: str | Path) -> GoldenCase:
    """Read and check a ``*.golden.toml`` file.

    Raises:
        GoldenCaseError: the file is not valid TOML or not a valid golden case.
        DatasetError: its ledger is not valid.

    """
    name = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise _fail(name, f"not valid TOML: {error}") from None
    except OSError as error:
        raise _fail(name, f"cannot read the file: {error.strerror}") from None
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise _fail(name, f"unknown top-level keys: {', '.join(unknown)}")
    for required in ("rule_set", "period", "ledger"):
        if required not in data:
            raise _fail(name, f"the key {required!r} is missing", required)
    try:
        period = Period.parse(str(data["period"]))
    except CppccError as error:
        raise _fail(name, error.message, "period") from None
    options = data.get("options", {})
    if not isinstance(options, Mapping):
        raise _fail(name, "options must be a table", "options")
    ledger_data = _ledger_data(name, data["ledger"])
    ledger_from_dict(ledger_data, source=name)  # fail early, with locations, on a bad ledger
    base = GoldenCase(
        path=name,
        name=str(data.get("name", Path(path).name)),
        rule_set=str(data["rule_set"]),
        period=period,
        ledger_data=ledger_data,
        expectations=(),
        options=dict(options),
        source=data.get("source"),
    )
    first = _with_outcomes(base, name, data, "")
    periods = data.get("periods", {})
    if not isinstance(periods, Mapping):
        raise _fail(name, '[periods] must have a table per period ([periods."2023"])', "periods")
    others = []
    for text, table in sorted(periods.items()):
        key = f"periods.{text}"
        if not isinstance(table, Mapping):
            raise _fail(name, f"{key} must be a table", key)
        unknown = sorted(set(table) - _PERIOD_KEYS)
        if unknown:
            raise _fail(name, f"{key} has unknown keys: {', '.join(unknown)}", key)
        try:
            other = Period.parse(str(text))
        except CppccError as error:
            raise _fail(name, error.message, key) from None
        others.append(_with_outcomes(attrs.evolve(base, period=other), name, table, key + "."))
    return attrs.evolve(first, periods=tuple(others))


def _with_outcomes(case: GoldenCase, name: str, data: Mapping[str, Any], at: str) -> GoldenCase:
    """``case`` with the as-of date and the expectations of ``data`` (a file or a period)."""
    as_of = data.get("as_of")
    if as_of is not None and not isinstance(as_of, dt.date):
        raise _fail(name, "as_of must be a TOML date (2019-12-31)", f"{at}as_of")
    expect = data.get("expect", {})
    if not isinstance(expect, Mapping) or not (expect or "awards" in data or "groups" in data):
        raise _fail(name, "[expect] must have a table per member", f"{at}expect")

    def fail(message: str, key: str | None) -> GoldenCaseError:
        return _fail(name, message, f"{at}{key}" if key else None)

    return attrs.evolve(
        case,
        as_of=as_of,
        expectations=tuple(_expectation(name, str(k), v) for k, v in sorted(expect.items())),
        awards=award_expectations(data.get("awards", {}), fail),
        groups=group_expectations(data.get("groups", {}), fail),
    )
