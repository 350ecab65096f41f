"""Chinese first: every message and hint the library writes reads in Chinese under ``zh``.

Three nets: every entry of the registry renders without an English sentence; every hint written
at a raise site of the library and its plugins is registered (read statically, as the codes
test reads the messages); and each malformed file of the reliability corpus — CSV datasets,
JSON ledgers, TOML rule files — is told in Chinese, by the library and by ``cppcc validate``
under the default language.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from cppcc_model.catalogue import HINTS, MESSAGES, Entry, lookup
from cppcc_model.cli import cli
from cppcc_model.errors import CppccError
from cppcc_model.io.dataset import load_dataset
from cppcc_model.messages import render_error, translate
from cppcc_model.rules.toml import load_rule_set
from message_sites import ROOT, SAMPLE, sample, sites

CORPUS = ROOT / "tests" / "reliability" / "corpus"
GOOD = ROOT / "tests" / "data" / "datasets" / "good"
CASES = [
    case
    for case in tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))["case"]
    if case["format"] in ("csv", "json", "toml") and not case.get("loads", False)
]

_ENGLISH = re.compile(r"\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|“[^”]*”|\([^)]*\)|（[^）]*）|«[^»]*»")


def english_in(text: str) -> list[str]:
    """The English sentences left in ``text`` once quoted values and glosses are set aside."""
    return _ENGLISH.findall(_QUOTED.sub("", text))


@pytest.mark.parametrize("entry", [*MESSAGES, *HINTS], ids=lambda e: e.code or e.en[:30])
def test_no_entry_renders_an_english_sentence_in_chinese(entry: Entry) -> None:
    chinese = translate(sample(entry), "zh") or ""
    assert english_in(chinese) == [], chinese


def _hint_text(text: str) -> str:
    # a hint may start with a suggestion ("did you mean …? "), given as a value before its text
    return (
        text[len(SAMPLE) :]
        if text.startswith(SAMPLE) and text[len(SAMPLE) :][:1].isalpha()
        else text
    )


def test_every_hint_the_library_writes_is_registered() -> None:
    missing = [
        f"{site.place}: {site.text!r}"
        for site in sites()
        if site.kind in ("hint", "fragment")
        and re.search(r"[A-Za-z]", site.text.replace(SAMPLE, ""))
        and lookup(_hint_text(site.text)) is None
    ]
    assert missing == [], "add these hints to cppcc_model.catalogue:\n" + "\n".join(missing)


def _error_of(case: dict[str, object], tmp_path: Path) -> CppccError:
    source = CORPUS / str(case["source"])
    try:
        if case["format"] == "toml":
            load_rule_set(source)
        elif case["format"] == "json":
            load_dataset(source)
        else:
            target = tmp_path / "ds"
            shutil.copytree(GOOD, target)
            for path in source.iterdir():
                shutil.copyfile(path, target / path.name)
            load_dataset(target, **dict(case.get("options", {})))  # type: ignore[arg-type]
    except CppccError as error:
        return error
    raise AssertionError(f"{case['name']} loaded")


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("case", CASES, ids=[str(case["name"]) for case in CASES])
def test_each_broken_file_is_told_in_chinese(case: dict[str, object], tmp_path: Path) -> None:
    error = _error_of(case, tmp_path)
    text = render_error(error, "zh")
    assert english_in(text) == [], text
    assert all(line.lstrip(" -").startswith("[") for line in text.splitlines()), text


def test_validate_speaks_chinese_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CPPCC_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    target = tmp_path / "ds"
    shutil.copytree(GOOD, target)
    for name in ("csv_duplicate_member_id", "csv_nul_byte_in_id", "csv_role_ends_before_start"):
        for path in (CORPUS / "csv" / name).iterdir():
            shutil.copyfile(path, target / path.name)
    result = CliRunner().invoke(cli, ["validate", str(target)])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()[1:]
    assert lines
    for line in lines:
        assert english_in(line) == [], line
