"""Telling a database URL from a path, without importing anything heavy."""

from __future__ import annotations

import re

__all__ = ["is_database_url"]

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
