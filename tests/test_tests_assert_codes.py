"""The tests assert a refusal by its stable code, not by its wording (issue 22, item 8).

A test that matches the English of a message (``pytest.raises(InvalidValueError, match="…")``)
breaks when the message is reworded and says nothing of what it means; the code (``V004``) holds
as long as the meaning does (:func:`cppcc_model.testing.codes.raises_code`). This test reads every
test module and refuses ``pytest.raises(E, match=…)`` on an error of the library
(:class:`~cppcc_model.errors.CppccError` or a subclass) outside the allow-list below, where the
wording itself is what the test is about.

It reads the source (the ``ast``), resolving ``E`` by the module's own imports; an ``E`` that is
not a plain imported name (``type(refused)``) is not checked — such a test compares two errors
with each other, not with a wording.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from cppcc_model.errors import CppccError
from cppcc_model.testing.codes import raises_code

ROOT = Path(__file__).resolve().parents[1]

ALLOWED: dict[str, str] = {
    # the plugin's own exception text is carried into the error ("ZeroDivisionError: boom"):
    # that the cause is kept, word for word, is what these tests are about
    "tests/test_engine_failures.py": "the failing plugin's exception text is kept in the error",
}


def _test_files() -> list[Path]:
    files = [*(ROOT / "tests").rglob("*.py"), *(ROOT / "plugins").glob("*/tests/*.py")]
    return sorted(path for path in files if ".venv" not in path.parts)


def _imported_names(tree: ast.Module) -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module, alias.name)
    return names


def _is_library_error(module: str, name: str) -> bool:
    if not module.startswith(("cppcc_model", "cppcc_rules_")):
        return False
    try:
        found = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):  # pragma: no cover - a test module that cannot import
        return False
    return isinstance(found, type) and issubclass(found, CppccError)


def wording_matches(path: Path, root: Path = ROOT) -> list[str]:
    """The places in ``path`` that match a library error's wording (``path:line Error``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = _imported_names(tree)
    found = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "raises"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "pytest"
            and any(keyword.arg == "match" for keyword in node.keywords)
            and node.args
            and isinstance(node.args[0], ast.Name)
        ):
            continue
        name = node.args[0].id
        if name in imported and _is_library_error(*imported[name]):
            found.append(f"{path.relative_to(root)}:{node.lineno} {name}")
    return found


def test_no_test_matches_the_wording_of_a_library_error() -> None:
    found = [
        place
        for path in _test_files()
        if str(path.relative_to(ROOT)) not in ALLOWED
        for place in wording_matches(path)
    ]
    assert found == [], (
        "assert the code, not the wording: `with raises_code(Error, 'V004', value=…)` "
        "(cppcc_model.testing.codes), or add the file to ALLOWED saying why:\n" + "\n".join(found)
    )


def test_every_allowed_file_still_matches_a_wording() -> None:
    stale = [name for name in ALLOWED if not wording_matches(ROOT / name)]
    assert stale == [], f"no longer match a wording; take them off ALLOWED: {stale}"


def test_the_guard_sees_a_wording_match(tmp_path: Path) -> None:
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "import pytest\n"
        "from cppcc_model.errors import InvalidValueError\n"
        "from cppcc_model.model import Member\n\n"
        "def test_it():\n"
        "    with pytest.raises(InvalidValueError, match='white space'):\n"
        "        Member(id='m 1', name='张三', sector_id='cpc')\n"
        "    with pytest.raises(ValueError, match='any'):\n"
        "        int('x')\n",
        encoding="utf-8",
    )
    assert wording_matches(sample, tmp_path) == ["test_sample.py:6 InvalidValueError"]


def test_raises_code_refuses_another_code_or_value_and_a_block_that_does_not_raise() -> None:
    from cppcc_model.errors import InvalidValueError
    from cppcc_model.model import Member

    with raises_code(InvalidValueError, "V004", value="m 1") as caught:
        Member(id="m 1", name="张三", sector_id="cpc")
    assert caught.value.where is not None
    with (
        pytest.raises(AssertionError, match="expected code V005, got V004"),
        raises_code(InvalidValueError, "V005"),
    ):
        Member(id="m 1", name="张三", sector_id="cpc")
    with (
        pytest.raises(AssertionError, match="expected the value 'm 2', got 'm 1'"),
        raises_code(InvalidValueError, "V004", value="m 2"),
    ):
        Member(id="m 1", name="张三", sector_id="cpc")
    with (
        pytest.raises(AssertionError, match="nothing was raised"),
        raises_code(InvalidValueError, "V004"),
    ):
        pass
