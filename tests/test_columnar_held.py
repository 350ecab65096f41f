"""What a ledger loaded by columns keeps of its roster: equal values held once."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.generate import generate_ledger

from cppcc_model.io._columnar_ledger import ColumnarLedger
from cppcc_model.io.dataset import load_dataset, write_dataset
from cppcc_model.io.tables import DEFAULT_MAX_ROWS, _problems_and_ledger

# these small datasets take the columnar path (a district's size is read by rows)
pytestmark = pytest.mark.usefixtures("columns_at_any_size")


def test_members_share_their_equal_texts_and_dates(tmp_path: Path) -> None:
    write_dataset(generate_ledger(200, seed=8), tmp_path / "csv", "csv")
    ledger = load_dataset(tmp_path / "csv")
    assert isinstance(ledger, ColumnarLedger)
    _, rows = _problems_and_ledger(tmp_path / "csv", DEFAULT_MAX_ROWS)
    assert rows is not None
    assert ledger.members == rows.members  # the same members, field by field
    members = ledger.members
    for field in ("sector_id", "unit_id", "activity_group_id", "joined"):
        values = [getattr(member, field) for member in members]
        given = [value for value in values if value is not None]
        assert len(given) > len(set(given)), field  # repeated values, so sharing is tested
        # one object per distinct value
        assert len({id(value) for value in given}) == len(set(given)), field
    committees = [name for member in members for name in member.special_committee_ids]
    assert len({id(name) for name in committees}) == len(set(committees))
    # equal lists of special committees are one tuple
    lists = [member.special_committee_ids for member in members if member.special_committee_ids]
    assert len(lists) > len(set(lists))
    assert len({id(ids) for ids in lists}) == len(set(lists))
    # what differs stays apart: no two members' ids are one object
    assert len({id(member.id) for member in members}) == len(members)


def test_every_kind_code_fits_the_credits_kind_column() -> None:
    import polars as pl

    from cppcc_model.engine.columns import CREDIT_SCHEMA, KIND_CODE

    kind = getattr(pl, CREDIT_SCHEMA["kind"])
    codes = pl.Series(list(KIND_CODE.values()))
    assert codes.cast(kind, strict=True).to_list() == list(KIND_CODE.values())


def test_every_code_and_count_fits_its_narrowed_column() -> None:
    """Polars wraps around silently when arithmetic overflows a narrow integer, and a cast
    that does not fit raises a bare polars error: every code the columns hold, and every
    whole number a record may hold, must fit the column that takes it."""
    import polars as pl

    from cppcc_model.engine import columns
    from cppcc_model.model._checks import MAX_WHOLE

    schema = {name: getattr(pl, kind) for name, kind in columns.CREDIT_SCHEMA.items()}
    coded = {
        "src": columns.SOURCE_CODE,
        "kind": columns.KIND_CODE,
        "status": columns.STATUS_CODE,
        "org": columns.ORGANISER_CODE,
        "level": columns.LEVEL_CODE,
    }
    for name, codes in coded.items():
        values = pl.Series(list(codes.values()), dtype=pl.Int64)
        assert values.cast(schema[name], strict=True).to_list() == values.to_list(), name
    stages = pl.Series(list(columns.STAGE_CODE.values()), dtype=pl.Int64)
    for event_schema in (columns._PROPOSAL_EVENT_SCHEMA, columns._INFO_EVENT_SCHEMA):
        stage = getattr(pl, event_schema["stage"])
        assert stages.cast(stage, strict=True).to_list() == stages.to_list()
    # a count of half days, a record's length … is at most MAX_WHOLE: the widest it takes
    for name in ("units", "total_units", "pos", "authors"):
        largest = pl.Series([MAX_WHOLE], dtype=pl.Int64)
        assert largest.cast(schema[name], strict=True).item() == MAX_WHOLE, name
