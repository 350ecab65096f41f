"""Shared test set-up: a moderate hypothesis profile and small hand-made records."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from cppcc_model.ledger import Ledger
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    Attendance,
    Committee,
    Member,
    ParticipatingUnit,
    Proposal,
    ProposalEvent,
    Sector,
    Session,
    SpecialCommittee,
    Term,
    standard_unit,
)

settings.register_profile(
    "cppcc",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("cppcc-thorough", max_examples=500, deadline=None)
settings.load_profile("cppcc")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site, both languages, built once with ``mkdocs build --strict``.

    Skips when the docs tools are not installed (``pip install -e '.[docs]'``); fails on any
    warning.
    """
    for tool in (
        "mkdocs",
        "material",
        "mkdocs_autorefs",
        "mkdocs_static_i18n",
        "jieba",
    ):
        pytest.importorskip(tool, reason="the docs tools are not installed (pip install .[docs])")
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={
            **{k: v for k, v in os.environ.items() if k != "CPPCC_DISABLE_PLUGIN_AUTOLOAD"},
            "NO_MKDOCS_2_WARNING": "1",
        },
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    return target


@pytest.fixture(autouse=True)
def _no_plugin_autoload(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The library's own tests do not pick up whatever plugins happen to be installed.

    A test that means to use the installed plugins says so with the ``installed_plugins`` mark
    (the command's tests, the docs' examples) or asks ``load_plugins(entry_points=True)``.
    """
    if request.node.get_closest_marker("installed_plugins") is None:
        monkeypatch.setenv("CPPCC_DISABLE_PLUGIN_AUTOLOAD", "1")


@pytest.fixture
def committee() -> Committee:
    return Committee(id="xz", name="襄州区政协", level="county", jurisdiction="hubei.xiangyang")


@pytest.fixture
def small_ledger(committee: Committee) -> Ledger:
    """Three members, one activity, two proposals (one merged into the other)."""
    jiusan: ParticipatingUnit = standard_unit("九三学社")
    return Ledger(
        committee=committee,
        terms=[Term(number=5, start=dt.date(2021, 12, 1))],
        sessions=[Session(term=5, number=2, start=dt.date(2023, 1, 5), end=dt.date(2023, 1, 8))],
        sectors=[Sector("econ", "经济界"), Sector("edu", "教育界")],
        units=[jiusan],
        special_committees=[SpecialCommittee("tian", "提案委员会", "提案委")],
        activity_groups=[ActivityGroup("g1", "第一活动组", "town_street", "tian")],
        members=[
            Member(
                id="m1", name="张三", sector_id="econ", unit_id="jiusan", activity_group_id="g1"
            ),
            Member(id="m2", name="李四", sector_id="edu", special_committee_ids=["tian"]),
            Member(id="m3", name="王五", sector_id="edu", activity_group_id="g1"),
        ],
        activities=[
            Activity(
                id="a1",
                kind="plenary",
                title="五届二次会议",
                start=dt.date(2023, 1, 5),
                end=dt.date(2023, 1, 8),
                half_days=6,
                session_id="5-2",
                attendance=[Attendance("m1"), Attendance("m2", "请假")],
            )
        ],
        proposals=[
            Proposal(
                id="p1",
                subject="关于加强社区养老服务的建议",
                submitted_on=dt.date(2023, 1, 6),
                proposer_kind="individual",
                member_ids=["m1"],
                session_id="5-2",
                history=[ProposalEvent("filed", dt.date(2023, 1, 20), case_number="12")],
            ),
            Proposal(
                id="p2",
                subject="关于社区养老的建议",
                submitted_on=dt.date(2023, 1, 7),
                proposer_kind="joint",
                member_ids=["m2", "m3"],
                history=[ProposalEvent("merged", dt.date(2023, 1, 20), parent_id="p1")],
            ),
        ],
    )


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command speaks Chinese unless asked otherwise; tests read its English by default.

    A test of the Chinese messages passes ``--lang zh`` (or sets ``CPPCC_LANG``) itself.
    """
    monkeypatch.setenv("CPPCC_LANG", "en")


@pytest.fixture(scope="module")
def columns_at_any_size() -> Iterator[None]:
    """Load even a small dataset by columns, for a module's tests of the columnar loader.

    A dataset under ``tables.COLUMNAR_FROM_BYTES`` is read by rows; a test module of the
    columnar path uses this with ``pytestmark = pytest.mark.usefixtures("columns_at_any_size")``.
    """
    from cppcc_model.io import tables

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tables, "COLUMNAR_FROM_BYTES", 0)
        yield
