"""Finding the installed plugins' entry points without importing ``importlib.metadata``.

``importlib.metadata.entry_points`` imports the ``email`` package and ``zipfile`` and parses
every installed distribution's entry points to select one group: about a twentieth of the
README's whole ranking command, for six plugins. :func:`find_entry_points` reads the same
files for one group only: each directory on ``sys.path``, in order, its ``*.dist-info`` and
``*.egg-info`` children, the first distribution of each normalized name (as
``importlib.metadata`` keeps it), the group's lines of its ``entry_points.txt``, and the
``Name`` and ``Version`` of its ``METADATA`` (``PKG-INFO`` for an egg-info) for the plugins
found. What it reads differently, it does not read: when ``sys.path`` holds a zip file or an
``.egg``, or an importer on ``sys.meta_path`` other than Python's own path finder can list
distributions, it returns ``importlib.metadata``'s own entry points instead.
``tests/test_entry_points.py`` holds both equal on this installation and on made-up ones.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Sequence
from functools import reduce
from typing import Any

__all__ = ["FoundEntryPoint", "find_entry_points"]

_PATTERN = re.compile(
    r"(?P<module>[\w.]+)\s*"
    r"(:\s*(?P<attr>[\w.]+)\s*)?"
    r"((?P<extras>\[.*\])\s*)?$"
)
"""The syntax of an entry point's value, as ``importlib.metadata.EntryPoint.pattern``."""

_NORMALIZE = re.compile(r"[-_.]+")

_HEADER = re.compile(r"([\041-\071\073-\176]*):")
"""A header line's name and colon, as the ``email`` parser recognises one."""


class FoundEntryPoint:
    """One entry point of a group: its name, value and distribution, loadable.

    Gives what :class:`importlib.metadata.EntryPoint` gives the plugin loader: ``name``,
    ``value``, :meth:`load`, and the distribution's ``dist_name`` and ``version`` (``None``
    when its metadata does not say).
    """

    __slots__ = ("_entry", "_metadata", "dist_name", "name", "value", "version")

    def __init__(
        self,
        name: str,
        value: str,
        dist_name: str | None,
        version: str | None,
        entry: Any = None,
    ) -> None:
        """Record the entry point (``entry``: the ``importlib.metadata`` one it stands for)."""
        self.name = name
        self.value = value
        self.dist_name = dist_name
        self.version = version
        self._entry = entry

    def load(self) -> Any:
        """Import the module the value names and read the attribute path after ``:``.

        As ``importlib.metadata.EntryPoint.load`` does, with the same errors.
        """
        if self._entry is not None:
            return self._entry.load()
        match = _PATTERN.match(self.value)
        module = importlib.import_module(match.group("module"))  # type: ignore[union-attr]
        names = filter(None, (match.group("attr") or "").split("."))  # type: ignore[union-attr]
        return reduce(getattr, names, module)

    def __repr__(self) -> str:
        """``FoundEntryPoint(name=…, value=…, dist_name=…, version=…)``."""
        return (
            f"FoundEntryPoint(name={self.name!r}, value={self.value!r}, "
            f"dist_name={self.dist_name!r}, version={self.version!r})"
        )


def find_entry_points(group: str) -> list[FoundEntryPoint]:
    """The entry points of ``group`` of the installed distributions, in discovery order.

    The order and the choice among repeated distributions are ``importlib.metadata``'s:
    ``sys.path`` in order, the first distribution of each normalized name, its entry points
    in the order its file lists them.
    """
    found = _scan(group, sys.path)
    if found is None:
        return _from_importlib(group)
    return found


def _own_path_finder_only() -> bool:
    """Whether only Python's path finder can list distributions (nothing else to ask)."""
    from importlib.machinery import PathFinder

    return all(
        finder is PathFinder or getattr(finder, "find_distributions", None) is None
        for finder in sys.meta_path
    )


def _normalize(name: str) -> str:
    return _NORMALIZE.sub("-", name).lower().replace("-", "_")


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as stream:
            return stream.read()
    except (OSError, UnicodeDecodeError):
        return None


def _scan(group: str, paths: Sequence[str]) -> list[FoundEntryPoint] | None:
    """The group's entry points along ``paths``; ``None`` where another reading is needed."""
    if not _own_path_finder_only():
        return None
    seen: set[str] = set()
    found: list[FoundEntryPoint] = []
    header = f"[{group}]"
    for entry in paths:
        root = entry or "."
        try:
            children = os.listdir(root)
        except OSError:
            if os.path.exists(root):
                return None  # a zip file on the path: importlib.metadata reads it
            continue
        if os.path.basename(root).lower().endswith(".egg"):
            return None
        for child in children:
            low = child.lower()
            if not low.endswith((".dist-info", ".egg-info")):
                continue
            if not child.endswith((".dist-info", ".egg-info")):
                return None  # importlib.metadata names it from its metadata, not its path
            key = _normalize(low.rpartition(".")[0].partition("-")[0])
            if key in seen:
                continue
            seen.add(key)
            directory = os.path.join(root, child)
            text = _read(os.path.join(directory, "entry_points.txt"))
            if not text or header not in text:
                continue
            pairs = _group_pairs(text, group)
            if not pairs:
                continue
            dist_name, version = _name_and_version(directory)
            found += [FoundEntryPoint(n, v, dist_name, version) for n, v in pairs]
    return found


def _group_pairs(text: str, group: str) -> list[tuple[str, str]]:
    """``(name, value)`` of each line of ``group`` in an ``entry_points.txt``."""
    pairs: list[tuple[str, str]] = []
    section: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section == group:
            name, equals, value = line.partition("=")
            if equals:
                pairs.append((name.strip(), value.strip()))
    return pairs


def _name_and_version(directory: str) -> tuple[str | None, str | None]:
    """The first ``Name`` and ``Version`` headers of a distribution's metadata.

    Read as the ``email`` parser reads them (``importlib.metadata`` uses it): the headers end
    at the first line that is not one; a folded header keeps its line breaks.
    """
    text = _read(os.path.join(directory, "METADATA")) or _read(os.path.join(directory, "PKG-INFO"))
    if not text:
        return None, None
    headers: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in re.split(r"\r\n|\r|\n", text):
        if line[:1] in (" ", "\t") and line:
            if current is not None:
                current.append(line)
            continue
        match = _HEADER.match(line)
        if match is None:
            break  # an empty line, or the body: the headers are over
        name = match.group(1).lower()
        current = [line[match.end() :].lstrip(" \t")]
        headers.setdefault(name, current)
    name, version = headers.get("name"), headers.get("version")
    return (
        "\n".join(name) if name is not None else None,
        "\n".join(version) if version is not None else None,
    )


def _from_importlib(group: str) -> list[FoundEntryPoint]:
    from importlib import metadata

    return [
        FoundEntryPoint(
            point.name,
            point.value,
            point.dist.name if point.dist is not None else None,
            point.dist.version if point.dist is not None else None,
            entry=point,
        )
        for point in metadata.entry_points(group=group)
    ]
