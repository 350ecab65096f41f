"""The one family of errors the library raises.

Every error the library raises on purpose is a :class:`CppccError`. Each says three things:

* **what** is wrong (``message``),
* **where** (:class:`Location`: file, sheet, row, column, record id, field path, plugin, rule set,
  clause, TOML line and key — whichever apply),
* **how to fix it** (``hint``).

Each also has a stable **code** (``code``: ``L104``, ``V201`` …) and names the offending value
where there is one (``value``): both come from the message's entry in the registry of messages
(:mod:`cppcc_model.catalogue`), which ``docs/reference/errors.md`` lists with the meaning of
every code in English and Chinese. Test for a problem by its code, not by its wording.

Errors that gather several problems at once (loading a dataset, checking a ledger's integrity)
are :class:`ProblemsError` subclasses; their ``problems`` list every :class:`Problem` found, so a
clerk can fix a spreadsheet in one pass instead of one error per run.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "CppccError",
    "DatasetError",
    "IntegrityError",
    "InvalidValueError",
    "Location",
    "OutputError",
    "Problem",
    "ProblemsError",
    "RuleEvaluationError",
    "UnknownLabelError",
]


@attrs.frozen
class Location:
    """Where a problem is: any combination of file, sheet, row, column, record and rule coordinates.

    Rows and lines are 1-based, as a spreadsheet or an editor shows them. ``path`` is a
    JSON-style path to a field (``$.members[3].name``). ``table`` names a table given as rows
    (a database table, a data frame), as the caller named it; its rows count from 1.
    """

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    record_id: str | None = None
    path: str | None = None
    plugin: str | None = None
    rule_set: str | None = None
    clause: str | None = None
    line: int | None = None
    key: str | None = None
    table: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.plugin is not None:
            parts.append(f"plugin {self.plugin!r}")
        if self.rule_set is not None:
            parts.append(f"rule set {self.rule_set!r}")
        if self.clause is not None:
            parts.append(f"clause {self.clause}")
        if self.file is not None:
            parts.append(self.file)
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
        if self.table is not None:
            parts.append(f"table {self.table!r}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.key is not None:
            parts.append(f"key {self.key!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        if self.record_id is not None:
            parts.append(f"record {self.record_id!r}")
        if self.path is not None:
            parts.append(f"field {self.path}")
        return ", ".join(parts)

    def merged(self, other: Location | None) -> Location:
        """Return ``other`` with the coordinates it leaves empty filled from ``self``."""
        if other is None:
            return self
        values = {
            field.name: getattr(other, field.name)
            if getattr(other, field.name) is not None
            else getattr(self, field.name)
            for field in attrs.fields(Location)
        }
        return Location(**values)


def _value_of(message: str) -> str | None:
    from cppcc_model.catalogue import lookup

    found = lookup(message)
    return None if found is None else found.value


class CppccError(Exception):
    """Base class of every error cppcc-model raises on purpose.

    Catch this one class to handle any bad input, bad rule or bad plugin the library detects.
    """

    def __init__(
        self,
        message: str,
        *,
        where: Location | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self._render())

    def _render(self) -> str:
        text = self.message
        if self.where is not None and str(self.where):
            text = f"{self.where}: {text}"
        if self.hint:
            text = f"{text} — {self.hint}"
        return text

    @property
    def code(self) -> str | None:
        """The stable code of the message (``L104``), or ``None`` for a message not registered."""
        from cppcc_model.catalogue import code_of

        return code_of(self.message)

    @property
    def value(self) -> str | None:
        """The offending value the message names (``'m 1'`` → ``m 1``), if it names one."""
        return _value_of(self.message)

    def located(self, where: Location) -> CppccError:
        """Return a copy of this error with ``where`` filling the coordinates it did not have."""
        base = where if self.where is None else where.merged(self.where)
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.where = base
        Exception.__init__(clone, clone._render())
        return clone

    def __str__(self) -> str:
        return self._render()


class InvalidValueError(CppccError, ValueError):
    """A value that an entity or a rule cannot hold (an empty name, an end before a start …)."""


class OutputError(CppccError):
    """An output that cannot or must not be written (an unwritable path, the input itself …)."""


class RuleEvaluationError(CppccError):
    """A rule failed while scoring a member (usually a plugin's escape-hatch function)."""


class UnknownLabelError(InvalidValueError):
    """A label that names no member of an enumeration (in English, simplified or traditional)."""


@attrs.frozen
class Problem:
    """One problem among several, found while loading or checking."""

    message: str
    where: Location = attrs.field(factory=Location)
    hint: str | None = None

    @property
    def code(self) -> str | None:
        """The stable code of the message (``L104``), or ``None`` for a message not registered."""
        from cppcc_model.catalogue import code_of

        return code_of(self.message)

    @property
    def value(self) -> str | None:
        """The offending value the message names (``'m 1'`` → ``m 1``), if it names one."""
        return _value_of(self.message)

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if str(self.where) else self.message
        return f"{text} — {self.hint}" if self.hint else text


class ProblemsError(CppccError):
    """An error that reports every problem found at once."""

    def __init__(self, summary: str, problems: Iterable[Problem], *, hint: str | None = None):
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.summary = summary
        super().__init__(summary, hint=hint)

    def _render(self) -> str:
        count = len(self.problems)
        head = f"{self.summary} ({count} problem{'s' if count != 1 else ''})"
        if self.hint:
            head = f"{head} — {self.hint}"
        lines = [head, *(f"  - {problem}" for problem in self.problems)]
        return "\n".join(lines)


class IntegrityError(ProblemsError):
    """A ledger whose records do not fit together (an unknown member id, a duplicate id …)."""


class DatasetError(ProblemsError):
    """A dataset (JSON, CSV or Excel) that cannot be loaded; nothing of it was loaded."""
