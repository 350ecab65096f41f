"""The hand-made corpus of malformed files: each gives exactly the problems its entry lists.

``corpus/expected.toml`` holds one entry per case — CSV overlays of the good dataset, workbook
edits, JSON ledgers and TOML rule files — with the code, the offending value and the location
of every problem the loader must report, in order, and nothing else. Cases marked ``xfail`` pin a known bug: they
state what a fix must produce and fail (strictly) until it is made.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cppcc_model.errors import CppccError, DatasetError, Location, Problem
from cppcc_model.io.dataset import load_dataset, validate_dataset
from cppcc_model.rules.toml import RuleFileError, load_rule_set
from reliability._support import CORPUS, GOOD, LOCATION_FIELDS, edit_workbook, location

ENTRIES: list[dict[str, Any]] = tomllib.loads((CORPUS / "expected.toml").read_text("utf-8"))["case"]
FORMATS = ("csv", "xlsx", "json", "toml")


def _param(entry: dict[str, Any]) -> Any:
    marks = []
    if "xfail" in entry:
        marks.append(pytest.mark.xfail(strict=True, reason=entry["xfail"]))
    return pytest.param(entry, id=entry["name"], marks=marks)


def _exact(entry: dict[str, Any]) -> bool:
    return "xfail" not in entry and not entry.get("loads", False)


# ---------------------------------------------------------------------- the table itself


def test_the_corpus_has_forty_exact_cases_across_every_format() -> None:
    exact = [entry for entry in ENTRIES if _exact(entry)]
    assert len(exact) >= 40
    for fmt in FORMATS:
        assert sum(entry["format"] == fmt for entry in exact) >= 10, fmt
    names = [entry["name"] for entry in ENTRIES]
    assert len(set(names)) == len(names), "case names are unique"
    for entry in exact:
        assert entry["problems"], f"{entry['name']} lists its problems"
        assert all("code" in problem for problem in entry["problems"])


def test_every_corpus_file_belongs_to_a_case() -> None:
    sources = {entry["source"] for entry in ENTRIES if "source" in entry}
    on_disk = {
        f"{kind}/{path.name}"
        for kind in ("csv", "json", "toml")
        for path in (CORPUS / kind).iterdir()
    }
    assert on_disk == sources
    for entry in ENTRIES:
        assert entry["format"] in FORMATS
        assert ("source" in entry) == (entry["format"] != "xlsx"), entry["name"]


# ---------------------------------------------------------------------- loading a case


def _load(
    entry: dict[str, Any], tmp_path: Path, fresh_book: Callable[[Path], Path]
) -> tuple[list[Problem], CppccError | None]:
    """The problems ``validate`` reports and the error ``load`` raises (None: it loaded)."""
    options = entry.get("options", {})
    fmt = entry["format"]
    if fmt == "toml":
        try:
            load_rule_set(entry["source"])
        except RuleFileError as error:
            return list(error.problems), error
        return [], None
    if fmt == "csv":
        target = tmp_path / "ds"
        shutil.copytree(GOOD, target)
        for path in (CORPUS / entry["source"]).iterdir():
            shutil.copyfile(path, target / path.name)
    elif fmt == "xlsx":
        target = fresh_book(tmp_path)
        edit_workbook(target, entry.get("workbook", {}))
    else:
        target = Path(entry["source"])
    problems = validate_dataset(target, **options)
    raised: DatasetError | None = None
    try:
        load_dataset(target, **options)
    except DatasetError as error:
        raised = error
    loaded_problems = list(raised.problems) if raised is not None else []
    assert loaded_problems == problems, "validate and load report the same problems"
    return problems, raised


def _described(problem: Problem) -> tuple[str | None, str | None, Location]:
    return (problem.code, problem.value, problem.where)


def _expected(problem: dict[str, Any]) -> tuple[str | None, str | None, Location]:
    return (problem["code"], problem.get("value"), location(problem))


def _matches(problem: Problem, expected: dict[str, Any]) -> bool:
    where = problem.where
    return problem.code == expected["code"] and all(
        getattr(where, name) == expected[name] for name in LOCATION_FIELDS if name in expected
    )


@pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl on dates out of its range
@pytest.mark.parametrize("entry", [_param(entry) for entry in ENTRIES])
def test_a_corpus_case_reports_exactly_its_problems(
    entry: dict[str, Any],
    tmp_path: Path,
    fresh_book: Callable[[Path], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(CORPUS)  # file names in messages are the corpus-relative sources
    problems, error = _load(entry, tmp_path, fresh_book)
    expected = entry.get("problems", [])
    if entry.get("loads", False):
        assert error is None, str(error)
        return
    assert error is not None, "the malformed file loaded"
    if "xfail" in entry:
        for wanted in expected:
            assert any(_matches(problem, wanted) for problem in problems), (wanted, problems)
        return
    assert [_described(problem) for problem in problems] == [_expected(p) for p in expected]
    if entry["format"] != "toml":
        assert all(problem.hint for problem in problems), "every dataset problem says how to fix it"
    assert str(error).count("\n") == len(problems), "the error lists every problem on its own line"
