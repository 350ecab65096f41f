"""One vocabulary of bodies: every enumeration that names bodies spells them as BodyKind does,
and one membership rule (Member.body_ids) says which bodies a member belongs to."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

from cppcc_model.assess.cohorts import CohortKind, member_cohorts
from cppcc_model.labels import LabeledEnum
from cppcc_model.ledger import Ledger
from cppcc_model.model import BodyKind, Member
from cppcc_model.model.inputs import InputSubject
from cppcc_model.proposals.grouping import Grouping
from cppcc_model.rules.awards import AwardSubject
from cppcc_model.testing.strategies import ledgers

MEMBER_BODIES = (
    BodyKind.SECTOR,
    BodyKind.UNIT,
    BodyKind.ACTIVITY_GROUP,
    BodyKind.SPECIAL_COMMITTEE,
)

# The members of each vocabulary that are bodies, written out by hand.
BODIES: dict[type[LabeledEnum], dict[str, BodyKind]] = {
    CohortKind: {
        "COMMITTEE": BodyKind.COMMITTEE,
        "SECTOR": BodyKind.SECTOR,
        "UNIT": BodyKind.UNIT,
        "ACTIVITY_GROUP": BodyKind.ACTIVITY_GROUP,
        "SPECIAL_COMMITTEE": BodyKind.SPECIAL_COMMITTEE,
    },
    Grouping: {
        "ACTIVITY_GROUP": BodyKind.ACTIVITY_GROUP,
        "SPECIAL_COMMITTEE": BodyKind.SPECIAL_COMMITTEE,
        "UNIT": BodyKind.UNIT,
        "SECTOR": BodyKind.SECTOR,
    },
    InputSubject: {
        "ACTIVITY_GROUP": BodyKind.ACTIVITY_GROUP,
        "UNIT": BodyKind.UNIT,
        "SECTOR": BodyKind.SECTOR,
        "SPECIAL_COMMITTEE": BodyKind.SPECIAL_COMMITTEE,
    },
    AwardSubject: {
        "ACTIVITY_GROUP": BodyKind.ACTIVITY_GROUP,
        "UNIT": BodyKind.UNIT,
        "SECTOR": BodyKind.SECTOR,
        "SPECIAL_COMMITTEE": BodyKind.SPECIAL_COMMITTEE,
    },
}


@pytest.mark.parametrize("vocabulary", list(BODIES), ids=lambda e: e.__name__)
def test_every_vocabulary_spells_its_bodies_as_body_kind_does(
    vocabulary: type[LabeledEnum],
) -> None:
    bodies = BODIES[vocabulary]
    for member in vocabulary:
        expected = bodies.get(member.name)
        assert member.body_kind is expected, member  # type: ignore[attr-defined]
        if expected is not None:
            assert member.value == expected.value


def test_an_award_subject_is_a_body_exactly_when_it_has_a_body_kind() -> None:
    assert {s for s in AwardSubject if s.is_body} == {
        AwardSubject.ACTIVITY_GROUP,
        AwardSubject.UNIT,
        AwardSubject.SECTOR,
        AwardSubject.SPECIAL_COMMITTEE,
    }


def test_a_member_belongs_to_one_sector_at_most_one_unit_and_group_and_any_committees() -> None:
    member = Member("m1", "汪明", "economy", unit_id="jiusan", activity_group_id="g1")
    assert [member.body_ids(kind) for kind in MEMBER_BODIES] == [
        ("economy",),
        ("jiusan",),
        ("g1",),
        (),
    ]
    assert member.body_ids(BodyKind.COMMITTEE) == ()
    assert member.body_ids(BodyKind.OFFICE) == ()


def _by_fields(member: Member, kind: BodyKind) -> tuple[str | None, ...]:
    """The same membership read field by field, as each caller once did on its own."""
    if kind is BodyKind.SECTOR:
        return (member.sector_id,)
    if kind is BodyKind.UNIT:
        return (member.unit_id,)
    if kind is BodyKind.ACTIVITY_GROUP:
        return (member.activity_group_id,)
    return member.special_committee_ids


@settings(max_examples=40, deadline=None)
@given(ledgers(max_members=8, max_records=2))
def test_members_of_a_body_are_those_whose_fields_name_it(ledger: Ledger) -> None:
    bodies = {
        BodyKind.SECTOR: [s.id for s in ledger.sectors],
        BodyKind.UNIT: [u.id for u in ledger.units],
        BodyKind.ACTIVITY_GROUP: [g.id for g in ledger.activity_groups],
        BodyKind.SPECIAL_COMMITTEE: [c.id for c in ledger.special_committees],
    }
    for kind, ids in bodies.items():
        for body_id in ids:
            expected = tuple(m for m in ledger.members if body_id in _by_fields(m, kind))
            assert ledger.members_of(kind, body_id) == expected
            assert ledger.members_of(kind.value, body_id) == expected
    assert ledger.members_of(BodyKind.COMMITTEE, ledger.committee.id) == ledger.members
    assert ledger.members_of(BodyKind.COMMITTEE, "another") == ()


@settings(max_examples=30, deadline=None)
@given(ledgers(max_members=8, max_records=2))
def test_a_members_cohorts_are_the_committee_and_each_body_they_belong_to(
    ledger: Ledger,
) -> None:
    cohorts = member_cohorts(ledger.members, on=dt.date(2022, 6, 30), committee_id="c")
    for member in ledger.members:
        keys = [(k.kind, k.id) for k in cohorts[member.id]]
        assert keys[0] == ("committee", "c")
        body_keys = [k for k in keys[1:] if k[0] != "standing_members"]
        expected = [
            (kind.value, body_id)
            for kind in MEMBER_BODIES
            for body_id in _by_fields(member, kind)
            if body_id is not None
        ]
        assert body_keys == expected
