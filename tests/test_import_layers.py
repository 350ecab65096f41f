"""The package's import graph: no loops anywhere, and the layers of docs/design.md hold.

The graph is grimp's (the library import-linter is built on): every ``import`` and
``from … import`` in ``src/cppcc_model``, at module level or inside a function, and those under
``TYPE_CHECKING`` too, since a loop that only a deferred import keeps alive is still a loop.
The layers are the ``[tool.importlinter]`` contract in pyproject.toml, checked by running
``lint-imports`` as CI and a developer would.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "cppcc_model"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, cache_dir=None)


def loops(imports: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (Tarjan's algorithm, iterative).

    Every import loop lies inside one such part, and every such part holds a loop.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(imports):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = imports.get(node, ())
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                part = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part.append(member)
                    if member == node:
                        break
                if len(part) > 1:
                    found.append(sorted(part))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def test_the_loop_finder_finds_loops_and_only_loops() -> None:
    # a → b → c → a is one loop, d → e → d another; f and g hang off them without a loop
    imports = {
        "a": ["b"],
        "b": ["c", "f"],
        "c": ["a"],
        "d": ["e"],
        "e": ["d", "a"],
        "f": ["g"],
        "g": [],
    }
    assert sorted(loops(imports)) == [["a", "b", "c"], ["d", "e"]]
    assert loops({"a": ["b"], "b": ["c"], "c": []}) == []


def test_the_package_has_no_import_loop(graph: grimp.ImportGraph) -> None:
    imports = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    found = loops(imports)
    report = []
    for part in found:
        members = set(part)
        for importer in part:
            for imported in imports[importer]:
                if imported in members:
                    lines = [
                        d["line_number"]
                        for d in graph.get_import_details(importer=importer, imported=imported)
                    ]
                    report.append(f"{importer} -> {imported} (line {', '.join(map(str, lines))})")
    assert not found, "import loops (each import inside a loop):\n" + "\n".join(report)


def contract() -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    assert isinstance(layers, dict)
    return layers


def test_every_top_level_module_has_its_layer(graph: grimp.ImportGraph) -> None:
    layers = contract()["layers"]
    assert isinstance(layers, list)
    named = {name.strip() for layer in layers for name in layer.replace(":", "|").split("|")}
    children = {m.removeprefix(f"{PACKAGE}.") for m in graph.find_children(PACKAGE)}
    assert children - named == set(), (
        "place these modules in a layer of [tool.importlinter] in pyproject.toml "
        "(and in the tree of docs/design.md)"
    )
    assert named - children == set(), "the contract names modules that do not exist"


def test_the_layer_contract_holds() -> None:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if command is None:  # installed elsewhere on PATH
        command = shutil.which("lint-imports")
    assert command is not None, "lint-imports is missing: pip install -e '.[test]'"
    done = subprocess.run(
        [command, "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout
