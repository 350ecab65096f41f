"""Helpers shared by the reliability tests: fixtures on disk, workbook edits, the fuzz budget.

Imported as ``reliability._support`` (``tests`` is on the test path).
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, note, settings

from cppcc_model.errors import CppccError, DatasetError, Location, Problem
from cppcc_model.io.dataset import load_dataset, validate_dataset, write_dataset
from cppcc_model.ledger import Ledger
from cppcc_model.plugins import load_plugins
from cppcc_model.rules import RuleSet

HERE = Path(__file__).parent
TESTS = HERE.parent
GOOD = TESTS / "data" / "datasets" / "good"
CORPUS = HERE / "corpus"

# ---------------------------------------------------------------------- the fuzz budget

FUZZ_EXAMPLES_VARIABLE = "CPPCC_FUZZ_EXAMPLES"


def fuzz_examples(default: int) -> int:
    """How many examples a fuzz test tries: ``default``, or ``$CPPCC_FUZZ_EXAMPLES`` when set.

    CI keeps the defaults small; ``CPPCC_FUZZ_EXAMPLES=5000 pytest tests/reliability`` is the
    long run documented in docs/reliability.md.
    """
    raw = os.environ.get(FUZZ_EXAMPLES_VARIABLE, "").strip()
    return int(raw) if raw else default


def fuzz(default: int) -> Callable[[Any], Any]:
    """Hypothesis settings for one fuzz test (no deadline; fixtures may be function-scoped)."""
    return settings(
        max_examples=fuzz_examples(default),
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )


# ---------------------------------------------------------------------- known escapes

KnownEscape = tuple[type[BaseException], str, str]
"""An exception type, a regex of its message, and the xfail test that pins the bug."""

KNOWN_ESCAPES: list[KnownEscape] = [
    # Every entry has a strict xfail test; remove the entry when that test starts passing.
    # Empty: every escape the fuzzers found has been fixed and its case pinned in the corpus.
]


def is_known_escape(error: BaseException) -> bool:
    """Whether ``error`` is one of the bugs already pinned by a strict xfail test."""
    return any(
        isinstance(error, kind) and re.search(pattern, str(error)) is not None
        for kind, pattern, _ in KNOWN_ESCAPES
    )


# ---------------------------------------------------------------------- the bundled rule sets


def bundled_plugins() -> list[tuple[str, ModuleType]]:
    """The bundled rule plugins the reliability tests use, as ``(name, module)`` pairs."""
    import cppcc_rules_guangshui.plugin
    import cppcc_rules_minhang.plugin
    import cppcc_rules_tongcheng.plugin

    return [
        ("tongcheng", cppcc_rules_tongcheng.plugin),
        ("guangshui", cppcc_rules_guangshui.plugin),
        ("minhang", cppcc_rules_minhang.plugin),
    ]


def bundled_rule_sets() -> list[RuleSet]:
    """Their rule sets, loaded without entry points."""
    return list(load_plugins(bundled_plugins(), entry_points=False).rule_sets)


# ---------------------------------------------------------------------- datasets on disk


def copy_good(target: Path) -> Path:
    """A fresh copy of the good CSV fixture at ``target/ds``."""
    dataset = target / "ds"
    shutil.copytree(GOOD, dataset)
    return dataset


def good_ledger() -> Ledger:
    """The good fixture as a ledger."""
    return load_dataset(GOOD)


def outcome(path: Path, **options: Any) -> Ledger | DatasetError:
    """Load ``path``: the ledger, or the DatasetError; any other exception propagates."""
    try:
        return load_dataset(path, **options)
    except DatasetError as error:
        return error


def assert_all_or_nothing(path: Path, **options: Any) -> Ledger | None:
    """Load ``path`` and check the loader's promises; return the ledger when it loaded.

    * it loads, or raises a :class:`DatasetError` — no other exception;
    * every problem names its file and has a message and a hint;
    * :func:`validate_dataset` agrees with :func:`load_dataset`, problem for problem;
    * a ledger that loads is whole: written out and read back, it is equal.
    """
    result = outcome(path, **options)
    problems = validate_dataset(path, **options)
    if isinstance(result, DatasetError):
        assert result.problems, "a DatasetError lists at least one problem"
        assert list(result.problems) == problems
        for problem in result.problems:
            assert problem.where.file, f"problem without a file: {problem}"
            assert problem.message.strip()
            assert problem.hint, f"problem without a hint: {problem}"
            str(problem)  # renders
        str(result)
        return None
    assert problems == []
    return result


def assert_round_trips(ledger: Ledger, folder: Path) -> None:
    """A loaded ledger is whole: it writes and reads back equal."""
    target = folder / "again"
    write_dataset(ledger, target, "csv")
    assert load_dataset(target) == ledger


# ---------------------------------------------------------------------- workbooks


def good_workbook(path: Path) -> Path:
    """The good fixture written as one workbook (English headers, one sheet per table)."""
    write_dataset(good_ledger(), path, "xlsx")
    return path


def _cell_value(spec: Mapping[str, Any]) -> Any:
    if spec.get("empty"):
        return None
    if "formula" in spec:
        return spec["formula"]
    return spec["value"]


def edit_workbook(path: Path, spec: Mapping[str, Any]) -> None:
    """Apply a corpus case's workbook edits to ``path`` (made from :func:`good_workbook`).

    Keys: ``cells`` (``sheet``, ``cell``, and ``value``, ``formula`` or ``empty``; ``format``
    sets the number format, ``"General"`` making a date cell a plain number),
    ``remove_sheets``, ``rename_sheets`` (``[old, new]`` pairs), ``add_sheets`` (``name`` and
    ``rows``), ``append_rows`` (``sheet`` and ``rows``), ``delete_rows`` (``sheet``, ``row``),
    and ``patch`` (``[old, new]`` text replaced in every worksheet part, for values openpyxl
    cannot write, such as an infinite number).
    """
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    for name in spec.get("remove_sheets", ()):
        del workbook[name]
    for old, new in spec.get("rename_sheets", ()):
        workbook[old].title = new
    for added in spec.get("add_sheets", ()):
        sheet = workbook.create_sheet(added["name"])
        for row in added.get("rows", ()):
            sheet.append(list(row))
    for appended in spec.get("append_rows", ()):
        sheet = workbook[appended["sheet"]]
        for row in appended["rows"]:
            sheet.append(list(row))
    for deleted in spec.get("delete_rows", ()):
        workbook[deleted["sheet"]].delete_rows(deleted["row"])
    for cell in spec.get("cells", ()):
        target = workbook[cell["sheet"]][cell["cell"]]
        target.value = _cell_value(cell)
        if "format" in cell:
            target.number_format = cell["format"]
    workbook.save(path)
    patches = spec.get("patch", ())
    if patches:
        _patch_sheets(path, [tuple(pair) for pair in patches])


def _patch_sheets(path: Path, patches: Iterable[tuple[str, str]]) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            if info.filename.startswith("xl/worksheets/"):
                text = data.decode("utf-8")
                for old, new in patches:
                    text = text.replace(old, new)
                data = text.encode("utf-8")
            archive.writestr(info, data)


# ---------------------------------------------------------------------- locations


LOCATION_FIELDS = tuple(field.name for field in attrs.fields(Location))


def location(spec: Mapping[str, Any]) -> Location:
    """A Location from a corpus entry's coordinates (those it leaves out are ``None``)."""
    return Location(**{name: spec[name] for name in LOCATION_FIELDS if name in spec})


def described(problems: Iterable[Problem]) -> list[tuple[str, Location]]:
    """Problems as (message, location) pairs, for exact comparison."""
    return [(problem.message, problem.where) for problem in problems]


def attempt(call: Callable[[], Any]) -> tuple[Any, Exception | None]:
    """Run ``call``: ``(result, None)``, or ``(None, error)`` for any exception it raised."""
    try:
        return call(), None
    except Exception as error:
        return None, error


def raise_unless_known(error: Exception, expected: type[CppccError]) -> None:
    """Re-raise ``error`` unless it is ``expected`` or a known escape (see KNOWN_ESCAPES)."""
    if isinstance(error, expected):
        return
    if is_known_escape(error):
        note(f"known escape: {error!r}")
        return
    raise error


def raises_cppcc(call: Callable[[], object]) -> CppccError | None:
    """Run ``call``; return the CppccError it raised, or ``None`` when it returned."""
    try:
        call()
    except CppccError as error:
        return error
    return None


skip_without_symlinks = pytest.mark.skipif(
    not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symbolic links"
)
