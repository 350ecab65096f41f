"""Find the line of a key in a TOML text (internal).

``tomllib`` does not report where a value came from, so error messages about a rule file find
it again: this module reads the text's table headers and keys and maps each path
(``("categories", 1, "items", 0, "value")``) to the line it starts on.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-.]+)\s*=""")


def _split(dotted: str) -> list[str]:
    return [part.strip().strip("\"'") for part in dotted.split(".")]


def line_index(text: str) -> dict[Path, int]:
    """Map every table and key path in ``text`` to its 1-based line number."""
    lines: dict[Path, int] = {}
    counts: dict[Path, int] = {}
    current: Path = ()
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(raw)
        if header:
            names = _split(header.group(2))
            is_array = header.group(1) == "[["
            path: list[str | int] = []
            for depth, name in enumerate(names):
                path.append(name)
                last = depth == len(names) - 1
                key = tuple(path)
                if last and is_array:
                    index = counts.get(key, 0)
                    counts[key] = index + 1
                    path.append(index)
                elif not last and key in counts:
                    path.append(counts[key] - 1)
            current = tuple(path)
            lines.setdefault(current, number)
            if is_array:
                lines.setdefault(current[:-1], number)
            # a new parent instance restarts the counts of arrays nested under it
            for key in [
                k for k in counts if len(k) > len(current) and k[: len(current)] == current
            ]:
                del counts[key]
            continue
        key_match = _KEY.match(raw)
        if key_match:
            parts: Path = tuple(_split(key_match.group(1)))
            lines.setdefault(current + parts, number)
    return lines


def locate(index: dict[Path, int], path: Path) -> int | None:
    """The line of ``path``, or of its longest prefix that has one."""
    for end in range(len(path), 0, -1):
        if path[:end] in index:
            return index[path[:end]]
    return None


def dotted(path: Path) -> str:
    """``categories[1].items[0].value``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
