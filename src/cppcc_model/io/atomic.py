"""Writes that never leave half a file, and outputs that never overwrite their input.

Every file the library writes — a report's ``--output``, a workbook, each file of
:func:`~cppcc_model.io.dataset.write_dataset` — goes through :func:`atomic_writer` (or its
shortcuts :func:`atomic_write_bytes` and :func:`atomic_write_text`):

1. the content is written to a new temporary file in the target's own directory
   (``.NAME.XXXXXXXX.tmp``), so that the final step never crosses a file system;
2. the file is flushed and ``fsync``-ed, and given ordinary permissions (``0666`` less the
   process umask: ``0644`` under the usual umask of ``022``; an existing target keeps its own);
3. it is renamed over the target in one step (:func:`os.replace`), and the directory is synced.

A failure or an interruption (an exception, Ctrl-C, a full disk) before step 3 removes the
temporary file and leaves the previous target untouched; a process killed outright (``kill
-9``, a power cut) leaves at worst a stray ``.NAME.….tmp`` file beside an intact target.
Concurrent writers to one path each write their own temporary file; the target is always one
of their complete outputs, never a mixture.

:func:`check_output_path` refuses an output path that is the input dataset (or a rule file)
or lies inside an input dataset directory.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from cppcc_model.errors import Location, OutputError

__all__ = [
    "atomic_path",
    "atomic_write_bytes",
    "atomic_write_text",
    "atomic_writer",
    "check_output_path",
    "default_file_mode",
]


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it, and put it straight back
    os.umask(mask)
    return mask


def default_file_mode() -> int:
    """The permissions a new file gets: ``0666`` less the umask (``0644`` under ``022``)."""
    return 0o666 & ~_umask()


def _sync_directory(directory: Path) -> None:
    """Make the rename durable; not every platform lets a directory be opened (best effort)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return default_file_mode()


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A new temporary file beside ``path``, for a writer that wants a file name.

    Whatever is written to the yielded path replaces ``path`` in one step — flushed to disk,
    with ordinary permissions — when the block ends without an exception; otherwise the
    temporary file is removed and ``path`` is left as it was.

    Raises:
        OSError: when the temporary file cannot be made, synced or renamed.

    """
    target = Path(path)
    directory = target.parent
    if target.is_dir():
        raise IsADirectoryError(21, "Is a directory", os.fspath(target))
    import tempfile  # only when a file is written: a command printing its table needs none

    descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        descriptor = os.open(temporary, os.O_RDONLY)
        try:
            os.fchmod(descriptor, _mode_for(target))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(directory)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file to write ``path``'s new content into; it replaces ``path`` on success.

    The target appears all at once when the ``with`` block ends without an exception, and is
    left as it was otherwise (see the module docstring).

    Raises:
        OSError: when the temporary file cannot be made, written or renamed (the caller turns
            it into its own located error).

    """
    with atomic_path(path) as temporary, open(temporary, "wb") as stream:
        yield stream
        stream.flush()


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (see :func:`atomic_writer`)."""
    with atomic_writer(path) as stream:
        stream.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` encoded as ``encoding``, in one step.

    The text is encoded before anything is written, so text that cannot be encoded fails
    with the previous file intact.
    """
    atomic_write_bytes(path, text.encode(encoding))


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def check_output_path(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Refuse to write ``output`` over one of ``inputs`` or into an input directory.

    ``inputs`` are the dataset (a directory, a workbook or a JSON file) and any rule file a
    command read. The comparison follows links and sees hard links to the same file.

    Raises:
        OutputError: when ``output`` is an input, or lies inside an input directory.

    """
    target = Path(output)
    resolved = target.resolve()
    for given in inputs:
        source = Path(given)
        if _same(target, source):
            raise OutputError(
                f"the output {os.fspath(target)} is the input {os.fspath(source)}; writing it "
                "would destroy the data it was made from",
                where=Location(file=os.fspath(target)),
                hint="give --output a new file name",
            )
        if source.is_dir() and resolved.is_relative_to(source.resolve()):
            raise OutputError(
                f"the output {os.fspath(target)} is inside the dataset directory "
                f"{os.fspath(source)}; it would be read as part of the data next time",
                where=Location(file=os.fspath(target)),
                hint="write the output outside the dataset directory",
            )
