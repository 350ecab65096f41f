"""Rule sets written as TOML files, for offices without a programmer.

A TOML rule file holds the same building blocks as a Python rule set. Loading it runs no code:
the file is parsed with :mod:`tomllib` and every table is turned into a block by a fixed
table of readers; an escape-hatch function can only be *named* (``value = { function =
"tongcheng.bonus" }``) and must have been registered by an installed plugin. Every problem in a
file is reported at once, each with its line and key.

The format, block by block, is documented in the docs (reference → TOML rule files). A short
example::

    jurisdiction = "anhui.anqing.tongcheng"
    name = "tongcheng-2019"
    title = "政协桐城市委员会委员履职考核暂行办法"
    effective_from = 2019-01-10

    [[categories]]
    id = "proposals"
    label = "提案 (最高25分)"
    cap = 25

    [[categories.items]]
    id = "proposals.submitted_and_filed"
    label = "提交提案10分/件，立案再加15分"
    where = { source = "proposal" }
    value = { by_stage = { submitted = 10, filed = 15 } }
    attribution = { first_share = "1/2", collective = { max_members = 3, mode = "full" } }
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from cppcc_model.errors import Location, Problem, ProblemsError
from cppcc_model.numbers import RoundingPolicy
from cppcc_model.rules._toml_awards import read_award
from cppcc_model.rules._toml_blocks import (
    TomlPath,
    _attribution,
    _Bad,
    _build,
    _counting,
    _external,
    _flag,
    _keyword_block,
    _number,
    _only,
    _optional_condition,
    _optional_number,
    _table,
    _text,
    _value,
    _where,
)
from cppcc_model.rules._toml_groups import read_group_rules
from cppcc_model.rules._toml_lines import dotted, line_index, locate
from cppcc_model.rules.items import Category, Dimension, Item, Pool
from cppcc_model.rules.outcomes import (
    Band,
    ConsecutiveYears,
    Consequence,
    Grades,
    Ladder,
    Requirement,
    ScoreBelow,
    TooFew,
    Trigger,
)
from cppcc_model.rules.ruleset import RuleSet, Settings
from cppcc_model.rules.selection import Where

__all__ = ["RuleFileError", "load_rule_set", "loads_rule_set"]


class RuleFileError(ProblemsError):
    """A TOML rule file that cannot be loaded; every problem has its line and key."""


class _Reader:
    def __init__(self, functions: Mapping[str, Callable[..., object]]) -> None:
        self.functions = functions
        self.problems: list[tuple[TomlPath, str, str | None]] = []

    def array(self, data: Mapping[str, Any], key: str) -> list[Any]:
        """``data[key]`` if it is an array (of tables), else a problem and an empty list."""
        value = data.get(key, [])
        if isinstance(value, list):
            return value
        self.problems.append(
            ((key,), f"{key} must be an array of tables ([[{key}]])", f"write [[{key}]] sections")
        )
        return []

    def attempt(self, path: TomlPath, make: Callable[[], Any]) -> Any:
        try:
            return make()
        except _Bad as bad:
            self.problems.append((bad.path, bad.message, bad.hint))
            return None

    def item(self, value: object, path: TomlPath) -> Item:
        table = _table(value, path, "an item")
        allowed = {
            "id",
            "label",
            "clause",
            "where",
            "value",
            "attribution",
            "counting",
            "cap",
            "applies_to",
        }
        _only(table, allowed, path, "an item")
        for key in ("where", "value"):
            if key not in table:
                raise _Bad(path, f"the item needs {key}")
        arguments: dict[str, Any] = {
            "where": _where(table["where"], path + ("where",)),
            "value": _value(table["value"], path + ("value",), self.functions),
            "cap": _optional_number(table, "cap", path),
            "clause": _text(table, "clause", path, required=False),
        }
        if "attribution" in table:
            arguments["attribution"] = _attribution(table["attribution"], path + ("attribution",))
        if "counting" in table:
            arguments["counting"] = _counting(table["counting"], path + ("counting",))
        if "applies_to" in table:
            arguments["applies_to"] = _optional_condition(table, path)
        item_id, label = _text(table, "id", path), _text(table, "label", path)
        return _build(path, lambda: Item(item_id, label, **arguments))  # type: ignore[no-any-return]

    def category(self, value: object, path: TomlPath) -> Category | None:
        table = _table(value, path, "a category")
        allowed = {"id", "label", "clause", "items", "base", "cap", "floor", "applies_to", "given"}
        _only(table, allowed, path, "a category")
        given = None
        if "given" in table:
            given_table = _table(table["given"], path + ("given",), "given")
            _only(given_table, {"external", "missing"}, path + ("given",), "given")
            given = _external(given_table, path + ("given",))
        raw_items = table.get("items", [])
        if not isinstance(raw_items, list):
            raise _Bad(path + ("items",), "items must be an array of tables ([[categories.items]])")
        items = [
            self.attempt(path + ("items", i), functools.partial(self.item, v, path + ("items", i)))
            for i, v in enumerate(raw_items)
        ]
        if any(item is None for item in items):
            return None
        applies_to = _optional_condition(table, path)
        category_id, label = _text(table, "id", path), _text(table, "label", path)
        return _build(  # type: ignore[no-any-return]
            path,
            lambda: Category(
                category_id,
                label,
                items,
                base=_optional_number(table, "base", path),
                cap=_optional_number(table, "cap", path),
                floor=_optional_number(table, "floor", path),
                clause=_text(table, "clause", path, required=False),
                applies_to=applies_to,
                given=given,
            ),
        )

    def wheres(self, table: Mapping[str, Any], path: TomlPath) -> list[Where]:
        raw = table.get("where")
        if isinstance(raw, Mapping):
            raw = [raw]
        if not isinstance(raw, list) or not raw:
            raise _Bad(path, "where must be a table or a list of tables")
        return [_where(v, path + ("where", i)) for i, v in enumerate(raw)]

    def requirement(self, value: object, path: TomlPath) -> Requirement:
        table = _table(value, path, "a requirement")
        allowed = {
            "id",
            "label",
            "clause",
            "where",
            "at_least",
            "strength",
            "credit_co_authors",
            "per_quarter",
            "applies_to",
            "window",
            "each",
        }
        _only(table, allowed, path, "a requirement")
        wheres = self.wheres(table, path)
        applies_to = _optional_condition(table, path)
        return _build(  # type: ignore[no-any-return]
            path,
            lambda: Requirement(
                _text(table, "id", path),
                _text(table, "label", path),
                wheres,
                at_least=table.get("at_least", 1),
                strength=table.get("strength", "mandatory"),
                credit_co_authors=_flag(table, "credit_co_authors", True, path),
                per_quarter=_flag(table, "per_quarter", False, path),
                clause=_text(table, "clause", path, required=False),
                applies_to=applies_to,
                window=table.get("window", "period"),
                each=table.get("each"),
            ),
        )

    def trigger(
        self, value: object, path: TomlPath
    ) -> Trigger | TooFew | ScoreBelow | ConsecutiveYears | Ladder:
        table = _table(value, path, "a trigger")
        kind = table.get("kind", "count")
        if kind == "ladder":
            _only(table, {"id", "label", "clause", "kind", "rungs"}, path, "a ladder")
            rungs = table.get("rungs")
            if not isinstance(rungs, list) or not all(isinstance(r, str) for r in rungs):
                raise _Bad(
                    path + ("rungs",),
                    "rungs must be a list of trigger ids, mildest first",
                    'rungs = ["talk", "notice", "resign"]',
                )
            return _build(  # type: ignore[no-any-return]
                path,
                lambda: Ladder(
                    _text(table, "id", path),
                    _text(table, "label", path),
                    rungs,
                    _text(table, "clause", path, required=False),
                ),
            )
        common = {"id", "label", "clause", "kind", "consequence"}
        tid, label = _text(table, "id", path), _text(table, "label", path)
        clause = _text(table, "clause", path, required=False)
        consequence = _build(
            path + ("consequence",),
            functools.partial(Consequence.parse, _text(table, "consequence", path)),
        )
        if kind == "count":
            _only(
                table,
                common | {"where", "at_least", "window", "each", "applies_to"},
                path,
                "a count trigger",
            )
            wheres = self.wheres(table, path)
            applies_to = _optional_condition(table, path)
            return _build(  # type: ignore[no-any-return]
                path,
                lambda: Trigger(
                    tid,
                    label,
                    wheres,
                    table.get("at_least", 1),
                    consequence,
                    table.get("window", "period"),
                    clause,
                    applies_to,
                    table.get("each"),
                ),
            )
        if kind == "too_few":
            _only(
                table,
                common | {"where", "fewer_than", "window", "each", "applies_to"},
                path,
                "a too_few trigger",
            )
            wheres = self.wheres(table, path)
            applies_to = _optional_condition(table, path)
            return _build(  # type: ignore[no-any-return]
                path,
                lambda: TooFew(
                    tid,
                    label,
                    wheres,
                    table.get("fewer_than"),  # type: ignore[arg-type]
                    consequence,
                    table.get("window", "period"),
                    table.get("each"),
                    clause,
                    applies_to,
                ),
            )
        if kind == "score_below":
            _only(table, common | {"threshold", "basis"}, path, "a score_below trigger")
            threshold = _number(table.get("threshold"), path + ("threshold",))
            basis = table.get("basis", "exact")
            return _build(  # type: ignore[no-any-return]
                path, lambda: ScoreBelow(tid, label, threshold, consequence, clause, basis)
            )
        if kind == "consecutive_years":
            _only(
                table,
                common
                | {
                    "years",
                    "grade",
                    "requirement",
                    "score_below",
                    "basis",
                    "trigger",
                    "bottom",
                    "consecutive",
                },
                path,
                "a consecutive_years trigger",
            )
            score_below = _optional_number(table, "score_below", path)
            return _build(  # type: ignore[no-any-return]
                path,
                lambda: ConsecutiveYears(
                    tid,
                    label,
                    table.get("years", 2),
                    consequence,
                    table.get("grade"),
                    table.get("requirement"),
                    clause,
                    score_below=score_below,
                    basis=table.get("basis", "exact"),
                    trigger=table.get("trigger"),
                    bottom=table.get("bottom"),
                    consecutive=_flag(table, "consecutive", True, path),
                ),
            )
        raise _Bad(
            path + ("kind",),
            f"unknown trigger kind {kind!r}",
            "use count, too_few, score_below, consecutive_years or ladder",
        )

    def grades(self, value: object, path: TomlPath) -> Grades:
        table = _table(value, path, "grades")
        _only(table, {"bands", "boundary", "basis", "rounding"}, path, "grades")
        rounding = None
        if "rounding" in table:
            rounding_table = _table(table["rounding"], path + ("rounding",), "grades.rounding")
            _only(rounding_table, {"places", "mode"}, path + ("rounding",), "grades.rounding")
            rounding = _build(path + ("rounding",), lambda: RoundingPolicy(**rounding_table))
        bands_raw = table.get("bands")
        if not isinstance(bands_raw, list):
            raise _Bad(path, "grades need [[grades.bands]]")
        bands = []
        for i, raw in enumerate(bands_raw):
            band = _table(raw, path + ("bands", i), "a band")
            _only(band, {"label", "at_least", "requires"}, path + ("bands", i), "a band")
            at_least = _optional_number(band, "at_least", path + ("bands", i))
            label = _text(band, "label", path + ("bands", i))
            requires = band.get("requires", ())
            if not isinstance(requires, list | tuple) or not all(
                isinstance(r, str) for r in requires
            ):
                raise _Bad(
                    path + ("bands", i, "requires"),
                    "requires must be a list of requirement ids",
                    'write requires = ["six_ones"]',
                )
            bands.append(
                _build(path + ("bands", i), functools.partial(Band, label, at_least, requires))
            )
        return _build(  # type: ignore[no-any-return]
            path,
            lambda: Grades(
                bands,
                table.get("boundary", "inclusive"),
                table.get("basis", "exact"),
                rounding,
            ),
        )

    def rule_set(self, data: Mapping[str, Any]) -> RuleSet | None:
        allowed = {
            "jurisdiction",
            "name",
            "title",
            "effective_from",
            "effective_until",
            "source",
            "settings",
            "rounding",
            "categories",
            "pools",
            "grades",
            "requirements",
            "triggers",
            "awards",
            "dimensions",
            "groups",
        }
        self.attempt((), lambda: _only(data, allowed, (), "the rule file"))
        header: dict[str, Any] = {}
        for key in ("jurisdiction", "name", "title"):
            header[key] = self.attempt((key,), functools.partial(_text, data, key, ()))
        for key in ("effective_from", "effective_until"):
            raw = data.get(key)
            if raw is None and key == "effective_until":
                header[key] = None
            elif not isinstance(raw, dt.date) or isinstance(raw, dt.datetime):
                self.problems.append(
                    ((key,), f"{key} must be a TOML date such as 2019-01-10", None)
                )
            else:
                header[key] = raw
        start, until = header.get("effective_from"), header.get("effective_until")
        if start is not None and until is not None and until < start:
            self.problems.append(
                (
                    ("effective_until",),
                    f"the rule set ends on {until}, before it starts on {start}",
                    "check the effective dates",
                )
            )
        categories_raw = data.get("categories", [])
        if not isinstance(categories_raw, list) or not (
            categories_raw or "awards" in data or "groups" in data
        ):
            self.problems.append(
                (("categories",), "a rule set needs at least one [[categories]]", None)
            )
            categories_raw = []
        categories = [
            self.attempt(("categories", i), functools.partial(self.category, v, ("categories", i)))
            for i, v in enumerate(categories_raw)
        ]
        pools = []
        for i, raw in enumerate(self.array(data, "pools")):

            def make_pool(raw: Any = raw, i: int = i) -> Pool:
                table = _table(raw, ("pools", i), "a pool")
                _only(table, {"id", "label", "categories", "cap", "clause"}, ("pools", i), "a pool")
                cap = _number(table.get("cap"), ("pools", i, "cap"))
                pool: Pool = _build(
                    ("pools", i),
                    lambda: Pool(
                        _text(table, "id", ("pools", i)),
                        _text(table, "label", ("pools", i)),
                        table.get("categories", []),
                        cap,
                        table.get("clause"),
                    ),
                )
                return pool

            pools.append(self.attempt(("pools", i), make_pool))
        dimensions = []
        for i, raw in enumerate(self.array(data, "dimensions")):

            def make_dimension(raw: Any = raw, i: int = i) -> Dimension:
                path: TomlPath = ("dimensions", i)
                table = _table(raw, path, "a dimension")
                _only(
                    table,
                    {"id", "label", "categories", "cap", "floor", "clause"},
                    path,
                    "a dimension",
                )
                dimension: Dimension = _build(
                    path,
                    lambda: Dimension(
                        _text(table, "id", path),
                        _text(table, "label", path),
                        table.get("categories", []),
                        _optional_number(table, "cap", path),
                        _optional_number(table, "floor", path),
                        _text(table, "clause", path, required=False),
                    ),
                )
                return dimension

            dimensions.append(self.attempt(("dimensions", i), make_dimension))
        requirements = [
            self.attempt(
                ("requirements", i), functools.partial(self.requirement, v, ("requirements", i))
            )
            for i, v in enumerate(self.array(data, "requirements"))
        ]
        triggers = [
            self.attempt(("triggers", i), functools.partial(self.trigger, v, ("triggers", i)))
            for i, v in enumerate(self.array(data, "triggers"))
        ]
        awards = [
            self.attempt(
                ("awards", i), functools.partial(read_award, v, ("awards", i), self.functions)
            )
            for i, v in enumerate(self.array(data, "awards"))
        ]
        group_rules = [
            self.attempt(("groups", i), functools.partial(read_group_rules, v, ("groups", i)))
            for i, v in enumerate(self.array(data, "groups"))
        ]
        grades = (
            self.attempt(("grades",), lambda: self.grades(data["grades"], ("grades",)))
            if "grades" in data
            else None
        )
        settings = (
            self.attempt(
                ("settings",), functools.partial(_keyword_block, data, "settings", Settings)
            )
            if "settings" in data
            else Settings()
        )
        rounding = (
            self.attempt(
                ("rounding",), functools.partial(_keyword_block, data, "rounding", RoundingPolicy)
            )
            if "rounding" in data
            else RoundingPolicy()
        )
        known = {r.id for r in requirements if r is not None}
        for i, band in enumerate(grades.bands if grades is not None else ()):
            for missing in [r for r in band.requires if r not in known]:
                self.problems.append(
                    (
                        ("grades", "bands", i, "requires"),
                        f"grade {band.label!r} requires the unknown requirement {missing!r}",
                        "define it under [[requirements]] or correct the id",
                    )
                )
        if self.problems:
            return None
        return self.attempt(  # type: ignore[no-any-return]
            (),
            lambda: _build(
                (),
                lambda: RuleSet(
                    jurisdiction=header["jurisdiction"],
                    name=header["name"],
                    title=header["title"],
                    effective_from=header["effective_from"],
                    effective_until=header.get("effective_until"),
                    categories=categories,
                    pools=pools,
                    grades=grades,
                    requirements=requirements,
                    triggers=triggers,
                    awards=awards,
                    group_rules=group_rules,
                    settings=settings,
                    rounding=rounding,
                    source=data.get("source"),
                    dimensions=dimensions,
                ),
            ),
        )


def loads_rule_set(
    text: str,
    *,
    source: str | None = None,
    functions: Mapping[str, Callable[..., object]] | None = None,
) -> RuleSet:
    """Build a rule set from TOML text.

    Args:
        text: the TOML document.
        source: the file name, for error messages.
        functions: named functions the file may refer to (a loaded plugin set's ``functions``).

    Raises:
        RuleFileError: listing every problem with its line and key; nothing is built.
    """
    index = line_index(text)
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise RuleFileError(
            f"cannot read the rule file{f' {source}' if source else ''}",
            [Problem("the file nests arrays or tables too deeply", Location(file=source))],
            hint="a rule file needs only a few levels of nesting",
        ) from None
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)
        if line is None:  # tomllib reports the position in its message before Python 3.14
            found = re.search(r"\(at line (\d+), column \d+\)", str(error))
            line = int(found.group(1)) if found else None
        raise RuleFileError(
            f"cannot read the rule file{f' {source}' if source else ''}",
            [
                Problem(
                    f"not valid TOML: {error.args[0] if error.args else error}",
                    Location(file=source, line=line),
                )
            ],
            hint="fix the TOML syntax",
        ) from None
    reader = _Reader(functions or {})
    rule_set = reader.rule_set(data)
    if reader.problems or rule_set is None:
        problems = [
            Problem(
                message,
                Location(file=source, line=locate(index, path), key=dotted(path) or None),
                hint,
            )
            for path, message, hint in reader.problems
        ]
        raise RuleFileError(
            f"cannot load the rule file{f' {source}' if source else ''}",
            problems,
            hint="fix the problems listed; nothing was loaded",
        )
    return rule_set


def load_rule_set(
    path: str | Path, *, functions: Mapping[str, Callable[..., object]] | None = None
) -> RuleSet:
    """Build a rule set from a TOML file (see :func:`loads_rule_set`)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")  # Notepad saves a byte-order mark
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(
            f"cannot read the rule file {path}",
            [Problem(str(error), Location(file=str(path)))],
            hint="check the path, and save the file as UTF-8",
        ) from None
    return loads_rule_set(text, source=str(path), functions=functions)
