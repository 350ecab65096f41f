"""Every message and hint written in the library's source, read statically (for the code tests).

The raise sites are found by their shape: a call of an error class (``…Error``) or of
``Problem``; the TOML reader's ``_Bad(path, message, hint)`` and its problem tuples
``problems.append((path, message, hint))``; the entities' ``fail(instance, attribute, message,
hint)``; the plugin loader's ``self.fail(name, message, …)``; the golden cases'
``_fail(path, message, key)`` and ``fail(message, key)``; a cell's ``CellError(message, hint)``.
Each message is turned into the texts it can produce, every interpolated value replaced by a
sample (``«x»``), so the test can look each one up in the registry.
"""

from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from cppcc_model.catalogue import Entry

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "«x»"

_BUILTIN_ERRORS = {name for name in dir(builtins) if name.endswith("Error")}
_NOT_MESSAGES = {"IterableValidationError", "CellTooLongError", "CellWriteError"}


@attrs.frozen
class Site:
    """One message or hint written in the source."""

    kind: str  # "message" or "hint"
    text: str  # a text it can produce, each interpolated value a sample
    place: str  # path:line


def _sample(node: ast.expr) -> str:
    """A sample of an interpolated value: a class name for ``type(x).__name__``, else ``«x»``."""
    if isinstance(node, ast.Attribute) and node.attr == "__name__":
        return "SampleError"
    if isinstance(node, ast.Attribute) and node.attr == "name":
        return "sample"  # a field's name
    if "suggest" in ast.dump(node) or "did_you_mean" in ast.dump(node):
        return ""  # a "did you mean …? " before a hint: the hint without it
    return SAMPLE


def texts(node: ast.expr) -> list[str] | None:
    """The texts an expression can produce (values sampled), or ``None`` when not literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        out = [""]
        for part in node.values:
            if isinstance(part, ast.Constant):
                out = [o + str(part.value) for o in out]
                continue
            assert isinstance(part, ast.FormattedValue)
            inner = (
                texts(part.value)
                if isinstance(part.value, ast.JoinedStr | ast.IfExp | ast.Constant)
                else None
            )
            sample = _sample(part.value)
            out = [o + i for o in out for i in inner] if inner else [o + sample for o in out]
        return out
    if isinstance(node, ast.IfExp):
        body, orelse = texts(node.body), texts(node.orelse)
        if body is None or orelse is None:
            return None
        return body + orelse
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = texts(node.left), texts(node.right)
        if left is None or right is None:
            return None
        return [a + b for a in left for b in right]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "join"  # ", ".join(...) inside a message
    ):
        return [SAMPLE]
    return None


def _positions(call: ast.Call) -> tuple[int | None, int | None, bool]:
    """Where the message and the hint of a call are (argument positions), and if it is one."""
    func = call.func
    name = (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute)
        else ""
    )
    count = len(call.args)
    if name == "Problem":
        return 0, 2, True
    if name == "_Bad":
        return 1, 2, True
    if name == "CellError":
        return 0, 1, True
    if name == "fail" and isinstance(func, ast.Name):
        return (2, 3, True) if count == 4 else (0, None, True)
    if name == "fail" and isinstance(func, ast.Attribute):
        return 1, None, True
    if name == "_fail":
        return 1, None, True
    if name == "problem" and isinstance(func, ast.Attribute) and count >= 3:
        return 2, 3, True
    if name == "_refuse" and count >= 3:  # a lifecycle step refused, and why
        return None, 2, True
    if name == "_needs" and count >= 4:  # what a lifecycle step needs
        return None, 3, True
    if name == "check_submitted_on" and count >= 4:
        return None, 3, True
    if name == "_failure":
        return None, 3, True
    if name.endswith("Error") and name not in _BUILTIN_ERRORS and name not in _NOT_MESSAGES:
        return 0, None, True
    if (
        name == "append"
        and count == 1
        and isinstance(call.args[0], ast.Tuple)
        and len(call.args[0].elts) == 3
        and isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Attribute)
        and func.value.attr == "problems"
    ):
        return 1, 2, True
    return None, None, False


def sites(paths: list[Path] | None = None) -> Iterator[Site]:
    """Every literal message and hint of the library and its plugins (tests excluded)."""
    if paths is None:
        paths = sorted((ROOT / "src").rglob("*.py")) + sorted(
            p for p in (ROOT / "plugins").glob("*/src/**/*.py")
        )
    for path in paths:
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            place = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.FunctionDef) and node.name.endswith("_problem"):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        for text in texts(inner.value) or ():
                            yield Site("message", text, place)
            if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "message" for target in node.targets
            ):
                for text in texts(node.value) or ():
                    yield Site("message", text, place)
            if not isinstance(node, ast.Call):
                continue
            message_at, hint_at, known = _positions(node)
            if not known:
                continue
            args: list[ast.expr] = list(node.args)
            if (
                args
                and isinstance(args[0], ast.Tuple)
                and message_at is not None
                and len(args) == 1
            ):
                args = list(args[0].elts)
            found: list[tuple[str, ast.expr]] = []
            if message_at is not None and message_at < len(args):
                found.append(("message", args[message_at]))
            if hint_at is not None and hint_at < len(args):
                found.append(("hint", args[hint_at]))
            for keyword in node.keywords:
                if keyword.arg in ("message", "summary"):
                    found.append(("message", keyword.value))
                elif keyword.arg in ("hint", "reason"):
                    found.append(("hint", keyword.value))
            for kind, expr in found:
                for text in texts(expr) or ():
                    yield Site(kind, text, place)


_NARROW_SAMPLES = {
    "owner": "Member",
    "attribute": "sample",
    "exception": "SampleError",
    "t_text_problem": "the text holds the control character U+0000 at position 1",
}


def sample(entry: Entry) -> str:
    """The entry's English with each placeholder filled by a sample value."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        return _NARROW_SAMPLES.get(name, "fill it in" if name.startswith("t_") else f"«{name}»")

    text = re.sub(r"\{([a-z_]+)\}", fill, entry.en)
    return text.replace("{{", "{").replace("}}", "}")
