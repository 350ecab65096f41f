"""The plugins' entry points found without ``importlib.metadata`` are the ones it finds.

:func:`cppcc_model.entry_points.find_entry_points` reads the distributions' files itself (the
``cppcc`` command then does not import ``importlib.metadata`` and the ``email`` package). These
tests hold it equal to ``importlib.metadata.entry_points(group=…)`` — the names, values,
distributions' names and versions, in order — on this installation, for every group, and on
generated installations: several directories on the path, one distribution in two of them or
spelt two ways, comments, blank lines, other groups, egg-info directories, folded and missing
metadata headers. Where it cannot read as ``importlib.metadata`` does (a zip file on the path,
another importer that lists distributions) it asks ``importlib.metadata`` itself.
"""

from __future__ import annotations

import importlib
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cppcc_model import entry_points
from cppcc_model.entry_points import FoundEntryPoint, find_entry_points


def _ours(group: str) -> list[tuple[Any, ...]]:
    return [(p.name, p.value, p.dist_name, p.version) for p in find_entry_points(group)]


def _theirs(group: str) -> list[tuple[Any, ...]]:
    return [
        (p.name, p.value, p.dist.name if p.dist else None, p.dist.version if p.dist else None)
        for p in metadata.entry_points(group=group)
    ]


@contextmanager
def _path(paths: list[str]) -> Iterator[None]:
    saved = sys.path[:]
    sys.path[:] = paths
    importlib.invalidate_caches()
    try:
        yield
    finally:
        sys.path[:] = saved
        importlib.invalidate_caches()


@pytest.mark.installed_plugins
def test_every_group_of_this_installation_is_found_as_importlib_finds_it() -> None:
    groups = {point.group for dist in metadata.distributions() for point in dist.entry_points}
    assert "cppcc_model" in groups
    assert "console_scripts" in groups
    for group in sorted(groups):
        assert _ours(group) == _theirs(group), group
    assert {p.name for p in find_entry_points("cppcc_model")} >= {"xiangzhou", "tongcheng"}
    assert _ours("no.such.group") == []


@pytest.mark.installed_plugins
def test_an_entry_point_loads_what_importlib_loads() -> None:
    for ours, theirs in zip(
        find_entry_points("cppcc_model"), metadata.entry_points(group="cppcc_model"), strict=True
    ):
        assert ours.load() is theirs.load()


def test_the_attribute_path_after_the_colon_is_followed() -> None:
    point = FoundEntryPoint("x", "os.path:join.__name__ [extra]", "d", "1")
    assert point.load() == "join"
    assert FoundEntryPoint("x", "os.path", None, None).load() is __import__("os").path
    # a value that is not an entry point fails as importlib.metadata's does
    bad = metadata.EntryPoint(name="x", value="not an entry point!", group="g")
    with pytest.raises(AttributeError) as theirs:
        bad.load()
    with pytest.raises(AttributeError) as ours:
        FoundEntryPoint("x", "not an entry point!", None, None).load()
    assert str(ours.value) == str(theirs.value)
    assert "dist_name='d'" in repr(point)


# ---------------------------------------------------------------------- generated installations

_SPELLINGS = {
    "alpha": ["alpha", "Alpha", "ALPHA"],
    "beta-rules": ["beta_rules", "beta.rules", "Beta-Rules", "beta__rules"],
    "gamma": ["gamma"],
}
_GROUPS = ["cppcc_model", "console_scripts", "cppcc_model.extra"]


@st.composite
def _distribution(draw: st.DrawFn) -> dict[str, Any]:
    project = draw(st.sampled_from(sorted(_SPELLINGS)))
    spelt = draw(st.sampled_from(_SPELLINGS[project]))
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["section", "entry", "comment", "blank"]))
        if kind == "section":
            lines.append(f"[{draw(st.sampled_from(_GROUPS))}]")
        elif kind == "entry":
            name = draw(st.sampled_from(["a", "b", "plug-in", "x.y"]))
            value = draw(st.sampled_from(["m", "m.n:f", "m:o.p [extra]"]))
            spaces = draw(st.sampled_from(["", " ", "  "]))
            lines.append(f"{spaces}{name}{spaces}={spaces}{value}{spaces}")
        elif kind == "comment":
            lines.append("# a comment = not an entry")
        else:
            lines.append(draw(st.sampled_from(["", "   "])))
    metadata_kind = draw(st.sampled_from(["plain", "folded", "no version", "none", "body"]))
    return {
        "dir": f"{spelt}-{draw(st.sampled_from(['1.0', '2.0rc1']))}"
        + draw(st.sampled_from([".dist-info", ".egg-info"])),
        "version": draw(st.sampled_from(["1.0", "2.0.post1"])),
        "name": spelt,
        "entry_points": "\n".join(lines) + draw(st.sampled_from(["", "\n"])),
        "metadata": metadata_kind,
        "where": draw(st.integers(0, 2)),
    }


def _write(base: Path, dist: dict[str, Any]) -> None:
    info = base / f"site{dist['where']}" / dist["dir"]
    if info.exists():
        return
    info.mkdir(parents=True)
    info.joinpath("entry_points.txt").write_text(dist["entry_points"], encoding="utf-8")
    name, version = dist["name"], dist["version"]
    text = {
        "plain": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\nbody\n",
        "folded": f"Metadata-Version: 2.1\nName: {name}\nSummary: one\n  two\nVersion: {version}\n",
        "no version": f"Metadata-Version: 2.1\nName: {name}\n",
        "none": None,
        "body": f"Name: {name}\n\nVersion: not a header\n",
    }[dist["metadata"]]
    if text is not None:
        filename = "METADATA" if dist["dir"].endswith(".dist-info") else "PKG-INFO"
        info.joinpath(filename).write_text(text, encoding="utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_distribution(), max_size=6))
def test_generated_installations_are_read_as_importlib_reads_them(
    dists: list[dict[str, Any]],
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        for dist in dists:
            _write(base, dist)
        paths = [str(base / f"site{i}") for i in range(3)] + [str(base / "missing")]
        with _path(paths):
            for group in _GROUPS:
                assert _ours(group) == _theirs(group), group


def test_a_zip_file_on_the_path_is_read_by_importlib(tmp_path: Path) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped-1.0.dist-info/entry_points.txt", "[cppcc_model]\nz = zipped\n")
        zipped.writestr("zipped-1.0.dist-info/METADATA", "Name: zipped\nVersion: 1.0\n")
    with _path([str(archive)]):
        assert entry_points._scan("cppcc_model", sys.path) is None
        assert _ours("cppcc_model") == [("z", "zipped", "zipped", "1.0")] == _theirs("cppcc_model")


def test_another_importer_that_lists_distributions_is_asked_through_importlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Finder:
        @staticmethod
        def find_spec(*_: object) -> None:
            return None

        @staticmethod
        def find_distributions(context: Any = None) -> list[Any]:
            info = tmp_path / "elsewhere-3.0.dist-info"
            info.mkdir(exist_ok=True)
            info.joinpath("entry_points.txt").write_text("[cppcc_model]\ne = else_where\n")
            info.joinpath("METADATA").write_text("Name: elsewhere\nVersion: 3.0\n")
            return [metadata.PathDistribution(info)]

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    with _path([]):
        assert entry_points._scan("cppcc_model", sys.path) is None
        assert _ours("cppcc_model") == [("e", "else_where", "elsewhere", "3.0")]
        assert _ours("cppcc_model") == _theirs("cppcc_model")
