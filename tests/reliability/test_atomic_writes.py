"""Writes that never leave half a file: failures, kill -9, concurrent writers, permissions,
outputs that would overwrite their input, and byte-identical workbooks.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cppcc_model.cli import cli
from cppcc_model.cli.formatting import OutputError, Report, Table, write_report
from cppcc_model.errors import DatasetError
from cppcc_model.io import atomic
from cppcc_model.io.atomic import atomic_write_bytes, atomic_writer, check_output_path
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.testing.codes import raises_code

ROOT = Path(__file__).resolve().parents[2]
LIUJIANG = ROOT / "examples" / "liujiang" / "dataset"
SRC = ROOT / "src"
TONGCHENG_RULES = (
    ROOT
    / "plugins"
    / "cppcc-rules-tongcheng"
    / "src"
    / "cppcc_rules_tongcheng"
    / "tongcheng-2019.toml"
)


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def _report(text: str) -> Report:
    return Report([Table("表", [("t", "内容")], [(text,)])])


# ---------------------------------------------------------------------- failures


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"previous")

    def fail() -> None:
        with atomic_writer(target) as stream:
            stream.write(b"half of the new")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        fail()
    assert target.read_bytes() == b"previous"
    assert _leftovers(tmp_path) == []


def test_an_interrupt_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"previous")

    def interrupted() -> None:
        with atomic_writer(target) as stream:
            stream.write(b"half")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert target.read_bytes() == b"previous"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("format", ["csv", "xlsx", "md", "json"])
def test_a_report_that_fails_to_render_keeps_the_previous_report(
    tmp_path: Path, format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / f"report.{format}"
    write_report(_report("旧"), format, target)
    before = target.read_bytes()

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with raises_code(OutputError, "O001"):
        write_report(_report("新"), format, target)
    assert target.read_bytes() == before
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("format", ["csv", "xlsx", "json"])
def test_write_dataset_that_fails_keeps_the_previous_files(
    tmp_path: Path, format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = load_dataset(LIUJIANG)
    target = tmp_path / {"csv": "data", "xlsx": "data.xlsx", "json": "data.json"}[format]
    write_dataset(ledger, target, format=format)  # type: ignore[arg-type]
    before = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with raises_code(DatasetError, "O012"):
        write_dataset(ledger, target, format=format)  # type: ignore[arg-type]
    after = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.rglob("*.tmp"))


# ---------------------------------------------------------------------- kill -9

_SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    from cppcc_model.io.atomic import atomic_writer
    with atomic_writer(sys.argv[1]) as stream:
        for _ in range(200):
            stream.write(b"new" * 10_000)
            stream.flush()
            print("writing", flush=True)
            time.sleep(0.01)
    """
)


def test_kill_9_during_a_write_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_bytes(b"previous,complete\n")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    for _ in range(3):
        process = subprocess.Popen(
            [sys.executable, "-c", _SLOW_WRITER, str(target)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert process.stdout is not None
        assert process.stdout.readline() == b"writing\n"  # the temporary file is half written
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert target.read_bytes() == b"previous,complete\n"
    stray = _leftovers(tmp_path)
    assert stray
    assert all(name.startswith(".report.csv.") for name in stray)


_CLI_WRITER = textwrap.dedent(
    """
    import sys
    from cppcc_model.cli import main
    sys.argv = ["cppcc", "rank", sys.argv[1], "--rules", "tongcheng", "-f", sys.argv[2],
                "-o", sys.argv[3]]
    main()
    """
)


@pytest.mark.installed_plugins
@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_kill_9_at_any_moment_of_a_command_leaves_a_whole_file(tmp_path: Path, format: str) -> None:
    target = tmp_path / f"rank.{format}"
    complete = subprocess.run(
        [sys.executable, "-c", _CLI_WRITER, str(LIUJIANG), format, str(target)],
        capture_output=True,
        check=True,
    )
    assert complete.returncode == 0
    whole = target.read_bytes()
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-c", _CLI_WRITER, str(LIUJIANG), format, str(target)], check=True
    )
    duration = time.monotonic() - started
    for fraction in (0.6, 0.9, 1.0):
        process = subprocess.Popen(
            [sys.executable, "-c", _CLI_WRITER, str(LIUJIANG), format, str(target)]
        )
        time.sleep(duration * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert target.read_bytes() == whole  # the old report or the same new one, never half


# ---------------------------------------------------------------------- concurrency


def test_concurrent_writers_never_leave_a_mixture(tmp_path: Path) -> None:
    target = tmp_path / "shared.bin"
    contents = [bytes([65 + n]) * (200_000 + n) for n in range(4)]
    atomic_write_bytes(target, contents[0])
    seen: list[bytes] = []
    stop = threading.Event()

    def writer(data: bytes) -> None:
        for _ in range(15):
            atomic_write_bytes(target, data)

    def reader() -> None:
        while not stop.is_set():
            seen.append(target.read_bytes())

    threads = [threading.Thread(target=writer, args=(c,)) for c in contents]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    watcher.join()
    assert target.read_bytes() in contents
    assert seen
    assert all(data in contents for data in seen)
    assert _leftovers(tmp_path) == []


def test_concurrent_processes_write_one_whole_report(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    script = textwrap.dedent(
        """
        import sys
        from cppcc_model.cli.formatting import Report, Table, write_report
        for _ in range(20):
            rows = [(sys.argv[2] * 50, n) for n in range(2000)]
            write_report(Report([Table("t", [("a", "甲"), ("n", "乙")], rows)]), "csv", sys.argv[1])
        """
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    processes = [
        subprocess.Popen([sys.executable, "-c", script, str(target), letter], env=env)
        for letter in "XYZ"
    ]
    for process in processes:
        assert process.wait() == 0
    text = target.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert len(lines) == 2001
    assert len({line.split(",")[0] for line in lines[1:]}) == 1  # one writer's rows only


# ---------------------------------------------------------------------- permissions


def test_new_files_get_ordinary_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_report(_report("x"), "csv", tmp_path / "r.csv")
        write_report(_report("x"), "xlsx", tmp_path / "r.xlsx")
        write_dataset(load_dataset(LIUJIANG), tmp_path / "d", format="csv")
        write_dataset(load_dataset(LIUJIANG), tmp_path / "d.json", format="json")
        assert atomic.default_file_mode() == 0o644
    finally:
        os.umask(previous)
    files = [
        tmp_path / "r.csv",
        tmp_path / "r.xlsx",
        tmp_path / "d.json",
        *(tmp_path / "d").iterdir(),
    ]
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) == 0o644, file


def test_a_replaced_file_keeps_its_own_permissions(tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    target.write_text("old")
    target.chmod(0o600)
    write_report(_report("x"), "csv", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


# ---------------------------------------------------------------------- output over input


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    write_dataset(load_dataset(LIUJIANG), target, format="csv")
    return target


def _snapshot(path: Path) -> dict[str, bytes]:
    if path.is_file():
        return {path.name: path.read_bytes()}
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


@pytest.mark.installed_plugins
@pytest.mark.parametrize("where", ["inside", "input-file", "workbook", "json", "rules", "link"])
def test_an_output_that_is_the_input_is_refused(dataset: Path, tmp_path: Path, where: str) -> None:
    data: Path = dataset
    extra: list[str] = []
    if where == "inside":
        output = dataset / "members.csv"
    elif where == "input-file":
        output = dataset / "委员.csv"
    elif where == "workbook":
        data = tmp_path / "book.xlsx"
        write_dataset(load_dataset(LIUJIANG), data, format="xlsx")
        output = data
    elif where == "json":
        data = tmp_path / "book.json"
        write_dataset(load_dataset(LIUJIANG), data, format="json")
        output = data
    elif where == "rules":
        rules = tmp_path / "rules.toml"
        rules.write_bytes(TONGCHENG_RULES.read_bytes())
        extra = ["--rules", str(rules)]
        output = rules
    else:
        data = tmp_path / "book.json"
        write_dataset(load_dataset(LIUJIANG), data, format="json")
        output = tmp_path / "link.json"
        output.symlink_to(data)
    before = _snapshot(data)
    rules_before = output.read_bytes() if where == "rules" else b""
    args = [
        "score",
        str(data),
        *(extra or ["--rules", "tongcheng"]),
        "-f",
        "csv",
        "-o",
        str(output),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "input" in result.output or "inside the dataset" in result.output
    assert _snapshot(data) == before
    if where == "rules":
        assert output.read_bytes() == rules_before


def test_check_output_path_accepts_a_new_file_beside_the_dataset(dataset: Path) -> None:
    check_output_path(dataset.parent / "report.csv", [dataset])
    with pytest.raises(OutputError):
        check_output_path(dataset / "sub" / "x.csv", [dataset])
    hard = dataset.parent / "hard.csv"
    os.link(dataset / "members.csv", hard)
    with pytest.raises(OutputError):
        check_output_path(hard, [dataset / "members.csv"])


def test_validate_refuses_to_write_its_problem_list_into_the_dataset(dataset: Path) -> None:
    (dataset / "members.csv").write_text("id,name\n", encoding="utf-8")
    before = _snapshot(dataset)
    out = dataset / "#problems.csv"
    result = CliRunner().invoke(cli, ["validate", str(dataset), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 2
    assert "inside the dataset directory" in result.output
    assert _snapshot(dataset) == before


# ---------------------------------------------------------------------- reproducible workbooks


def test_xlsx_is_byte_identical_for_identical_input(tmp_path: Path) -> None:
    report = _report("同样的内容")
    ledger = load_dataset(LIUJIANG)
    write_report(report, "xlsx", tmp_path / "a.xlsx")
    write_dataset(ledger, tmp_path / "a-data.xlsx", format="xlsx")
    time.sleep(2.1)  # a zip stores times to two seconds; a stamped file would differ now
    write_report(report, "xlsx", tmp_path / "b.xlsx")
    write_dataset(ledger, tmp_path / "b-data.xlsx", format="xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    assert (tmp_path / "a-data.xlsx").read_bytes() == (tmp_path / "b-data.xlsx").read_bytes()
    assert load_dataset(tmp_path / "b-data.xlsx") == ledger


def test_source_date_epoch_sets_the_stamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    write_report(_report("x"), "xlsx", tmp_path / "a.xlsx")
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert book.properties.modified is not None
    assert book.properties.modified.year == 2023


# ---------------------------------------------------------------------- every writing command


@pytest.fixture
def json_dataset(tmp_path: Path) -> Path:
    target = tmp_path / "data" / "book.json"
    target.parent.mkdir()
    write_dataset(load_dataset(LIUJIANG), target, format="json")
    return target


WRITERS = [
    pytest.param(["score", "--rules", "tongcheng"], "csv", id="score-csv"),
    pytest.param(["rank", "--rules", "tongcheng"], "xlsx", id="rank-xlsx"),
    pytest.param(["report", "--rules", "tongcheng"], "xlsx", id="report-xlsx"),
    pytest.param(["report", "--rules", "tongcheng"], "html", id="report-html"),
    pytest.param(["dossier", "--rules", "tongcheng"], "md", id="dossier-md"),
    pytest.param(["awards", "--rules", "tongcheng"], "xlsx", id="awards-xlsx"),
    pytest.param(["validate"], "json", id="validate-json"),
    pytest.param(["popolo"], "json", id="popolo-json"),
]


def _invoke(command: list[str], data: Path | str, output: Path) -> object:
    name, *options = command
    return CliRunner().invoke(cli, [name, str(data), *options, "-o", str(output)])


@pytest.mark.installed_plugins
@pytest.mark.parametrize(("command", "suffix"), WRITERS)
def test_every_writing_command_replaces_its_output_in_one_step(
    json_dataset: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    suffix: str,
) -> None:
    """The last step fails (a full disk at the rename): the previous file stays, whole."""
    out = tmp_path / f"out.{suffix}"
    out.write_bytes(b"previous")
    renamed: list[str] = []

    def full_disk(source: object, target: object) -> None:
        renamed.append(os.fspath(target))  # type: ignore[arg-type]
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(atomic.os, "replace", full_disk)
        failed = _invoke(command, json_dataset, out)
    assert failed.exit_code == 2, failed.output  # type: ignore[attr-defined]
    assert "No space left on device" in failed.output  # type: ignore[attr-defined]
    assert "Traceback" not in failed.output  # type: ignore[attr-defined]
    assert renamed == [str(out)]  # the write went through io.atomic, aimed at the output
    assert out.read_bytes() == b"previous"
    assert _leftovers(tmp_path) == []
    written = _invoke(command, json_dataset, out)
    assert written.exit_code == 0, written.output  # type: ignore[attr-defined]
    assert out.read_bytes() != b"previous"
    assert _leftovers(tmp_path) == []


@pytest.mark.installed_plugins
@pytest.mark.parametrize(("command", "suffix"), WRITERS)
def test_every_writing_command_refuses_to_write_over_its_dataset(
    json_dataset: Path, command: list[str], suffix: str
) -> None:
    before = json_dataset.read_bytes()
    result = _invoke(command, json_dataset, json_dataset)
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert "would destroy the data" in result.output  # type: ignore[attr-defined]
    assert json_dataset.read_bytes() == before


@pytest.mark.installed_plugins
def test_an_sqlite_dataset_is_not_overwritten_by_an_output(tmp_path: Path) -> None:
    from cppcc_model.io.database import write_database

    database = tmp_path / "book.db"
    write_database(load_dataset(LIUJIANG), f"sqlite:///{database}")
    before = database.read_bytes()
    for command in (["score", "--rules", "tongcheng", "-f", "csv"], ["popolo"]):
        name, *options = command
        result = CliRunner().invoke(
            cli, [name, f"sqlite:///{database}", *options, "-o", str(database)]
        )
        assert result.exit_code == 2, result.output
        assert "would destroy the data" in result.output
    assert database.read_bytes() == before
