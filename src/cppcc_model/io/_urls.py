"""Telling a database URL from a path, without importing anything heavy."""

from __future__ import annotations

import re

__all__ = ["is_database_url", "scheme_of", "sqlite_file"]

_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://")
_NOT_DATABASES = frozenset({"file", "http", "https", "ftp", "s3", "gs"})


def is_database_url(text: object) -> bool:
    """Whether ``text`` is a database URL (``sqlite:///x.db``, ``postgresql://…``)."""
    if not isinstance(text, str):
        return False
    match = _URL.match(text)
    return match is not None and match["scheme"].lower() not in _NOT_DATABASES


def scheme_of(text: str) -> str | None:
    """The scheme of a URL (``postgresql+psycopg``), if ``text`` has one."""
    match = _URL.match(text)
    return match["scheme"] if match else None


def sqlite_file(text: str) -> str | None:
    """The file an SQLite URL names (``sqlite:///x.db`` → ``x.db``), else ``None``.

    ``None`` too for an in-memory database and for a URL of another database.
    """
    scheme = scheme_of(text)
    if scheme is None or scheme.lower().split("+", 1)[0] != "sqlite":
        return None
    rest = text[len(scheme) + 3 :]
    if not rest.startswith("/"):
        return None  # sqlite://host/… names no local file
    path = rest[1:].split("?", 1)[0]
    return None if not path or path == ":memory:" or path.startswith("file:") else path
