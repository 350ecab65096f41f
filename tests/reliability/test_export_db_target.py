"""``cppcc export-db`` never writes into what it reads: a located OutputError, exit 2.

The database is the command's output. An SQLite URL names a file, and that file is checked as
every ``--output`` is: not the dataset's own database (by the same URL, another spelling of
the path or a link), not the dataset's workbook or JSON file, not a file inside its directory,
not the rule file. The input is left as it was, byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cppcc_model.cli import cli
from cppcc_model.errors import OutputError
from reliability._support import GOOD

pytest.importorskip("sqlalchemy")

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "plugins/cppcc-rules-tongcheng/src/cppcc_rules_tongcheng/tongcheng-2019.toml"


def _digest(path: Path) -> str:
    if path.is_dir():
        return "".join(_digest(p) for p in sorted(path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _export(*arguments: str) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(cli, ["--lang", "en", "export-db", *arguments])
    return result.exit_code, result.output, result.exception


@pytest.fixture
def sqlite_dataset(tmp_path: Path) -> Path:
    """The good fixture written into ``tmp_path/ledger.db`` by ``export-db --no-results``."""
    database = tmp_path / "ledger.db"
    code, output, _ = _export("--no-results", str(GOOD), f"sqlite:///{database}")
    assert code == 0, output
    return database


def _refused(code: int, output: str, error: BaseException | None, *names: str) -> None:
    assert code == 2, output
    assert "Traceback" not in output
    assert error is None or isinstance(error, SystemExit)
    for name in names:
        assert name in output, (name, output)


def test_into_the_sqlite_dataset_it_reads_by_the_same_url(sqlite_dataset: Path) -> None:
    url = f"sqlite:///{sqlite_dataset}"
    before = _digest(sqlite_dataset)
    for extra in ([], ["--replace"], ["--no-results", "--replace"]):
        code, output, error = _export(*extra, url, url, "--rules", str(RULES))
        _refused(code, output, error, "the database file", str(sqlite_dataset))
    assert _digest(sqlite_dataset) == before


def test_into_the_sqlite_dataset_by_another_spelling_or_a_link(
    sqlite_dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = sqlite_dataset.parent
    monkeypatch.chdir(folder)
    link = folder / "link.db"
    link.symlink_to(sqlite_dataset)
    before = _digest(sqlite_dataset)
    for data, url in [
        (f"sqlite:///{sqlite_dataset}", "sqlite:///ledger.db"),  # relative, same file
        ("sqlite:///./ledger.db", f"sqlite:///{sqlite_dataset}"),
        ("sqlite:///link.db", "sqlite:///ledger.db"),  # through a symbolic link
        ("sqlite:///ledger.db", "sqlite+pysqlite:///link.db"),
    ]:
        code, output, error = _export("--replace", "--no-results", data, url)
        _refused(code, output, error, "the database file", "is the input")
    assert _digest(sqlite_dataset) == before


@pytest.mark.parametrize("form", ["directory", "inside", "xlsx", "json"])
def test_over_a_dataset_file_or_into_its_directory(tmp_path: Path, form: str) -> None:
    from cppcc_model.io.dataset import load_dataset, write_dataset

    if form in ("directory", "inside"):
        dataset = tmp_path / "ds"
        shutil.copytree(GOOD, dataset)
        target = dataset if form == "directory" else dataset / "results.db"
    else:
        dataset = tmp_path / f"book.{form}"
        write_dataset(load_dataset(GOOD), dataset, form)  # type: ignore[arg-type]
        target = dataset
    before = _digest(dataset)
    code, output, error = _export("--no-results", "--replace", str(dataset), f"sqlite:///{target}")
    _refused(code, output, error, "the database file")
    assert _digest(dataset) == before
    assert not (tmp_path / "ds" / "results.db").exists()


def test_over_the_rule_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    shutil.copyfile(RULES, rules)
    before = _digest(rules)
    code, output, error = _export(
        str(GOOD), f"sqlite:///{rules}", "--rules", str(rules), "--year", "2023"
    )
    _refused(code, output, error, "the database file", "rules.toml")
    assert _digest(rules) == before


def test_the_error_is_an_output_error_naming_the_file(sqlite_dataset: Path) -> None:
    from cppcc_model.cli.database import _check_target
    from cppcc_model.cli.options import remember_input

    url = f"sqlite:///{sqlite_dataset}"
    with cli.make_context("cppcc", ["validate", url], resilient_parsing=True):
        remember_input(url)
        with pytest.raises(OutputError) as caught:
            _check_target(url, f"sqlite:///{sqlite_dataset.parent}/./ledger.db")
    assert caught.value.where is not None
    assert caught.value.where.file is not None
    assert os.path.samefile(caught.value.where.file, sqlite_dataset)


def test_another_database_file_is_written(sqlite_dataset: Path, tmp_path: Path) -> None:
    other = tmp_path / "results.db"
    code, output, _ = _export(
        f"sqlite:///{sqlite_dataset}", f"sqlite:///{other}", "--rules", str(RULES)
    )
    assert code == 0, output
    assert other.stat().st_size > 0


def test_a_server_database_is_refused_when_its_url_is_the_datasets() -> None:
    from cppcc_model.cli.database import _check_target

    url = "postgresql+psycopg://clerk@localhost/ledger"
    with pytest.raises(OutputError) as caught:
        _check_target(url, f" {url} ")
    assert caught.value.where is not None
    assert caught.value.where.file == f" {url} "
    _check_target(url, "postgresql+psycopg://clerk@localhost/results")  # another one is fine
