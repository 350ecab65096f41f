"""The figures offices print, from the 青湖 ledger, under two sets of definitions.

Every expected number below is worked out by hand from the table in ``tests/_qinghu.py``
(the comment next to it says how). Set A is the library's defaults; set B is an office that
counts merged proposals in 立案, takes the reply rate over filed cases, calls a case closed
once it is replied and rated, takes the satisfaction rate over replied cases and counts 理解
as satisfied.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from tests._qinghu import AS_OF, build, office_committee

from cppcc_model.model import ClosedMeaning, FilingCount, ReplyBase, SatisfactionBase
from cppcc_model.proposals import (
    Figure,
    Grouping,
    StatsSettings,
    group_shares,
    merge_structure,
    proposal_statistics,
    proposal_statistics_by,
    rate_definitions,
)

LEDGER = build()
SET_A = StatsSettings.for_committee(LEDGER.committee)
SET_B = StatsSettings.for_committee(
    office_committee(
        filing_count="立案含并案",
        reply_base="立案件数",
        closed_means="答复并反馈",
        satisfaction_base="答复件数",
    ),
    base=StatsSettings(count_understanding=True),
)


def stats(settings: StatsSettings = SET_A):  # type: ignore[no-untyped-def]
    return proposal_statistics(LEDGER, as_of=AS_OF, settings=settings)


def test_the_committee_chooses_the_settings() -> None:
    assert SET_B.filing_count is FilingCount.FILED_AND_MERGED
    assert SET_B.reply_base is ReplyBase.FILED
    assert SET_B.closed_means is ClosedMeaning.RATED
    assert SET_B.satisfaction_base is SatisfactionBase.REPLIED
    assert [c.label for c in SET_A.rules.reply_scheme.categories] == [
        "已解决或采纳",
        "正在解决或列入计划",
        "因条件限制待以后解决",
        "留作参考",
    ]
    assert [level.label for level in SET_A.rules.satisfaction_scale.levels] == [
        "满意",
        "基本满意",
        "理解",
        "不满意",
    ]


def test_counts_by_kind_and_review_outcome() -> None:
    c = stats().counts
    # p01 p02 p05 p06 p07 p09 p10 p12 p13 p14 p15 p18 p19 p20 / p03 p08 p16 / p04 p11 p17
    assert (c.received, c.individual_received, c.joint_received, c.collective_received) == (
        20,
        14,
        3,
        3,
    )
    # 14 individual proposers + 2 (p03) + 3 (p08) + 2 (p16) + p04's main member
    assert c.participations == 22
    # filed: p01 p02 p03 p04 p05 p07 p11 p12 p13 p15 p16 p17 p19 p20; merged: p06 p08 p09
    assert (c.filed, c.merged, c.not_filed, c.withdrawn, c.under_review) == (14, 3, 1, 1, 1)
    assert c.merged_after_filing == 1  # p15 into p02
    assert c.transferred_after_filing == 1  # p11
    assert c.handled_locally == 12  # 14 − p11 − p15
    assert c.assigned == 12
    assert c.replied == 11  # all assigned but p13
    assert c.replied_on_time == 10  # p20 replied 1 June, due 20 May
    assert c.overdue == 1  # p13
    assert c.rated == 9  # replied but p07 and p20
    assert (c.satisfied, c.basically_satisfied, c.understanding, c.dissatisfied) == (6, 2, 1, 0)
    assert c.by_reply == {"A": 5, "B": 4, "C": 1, "D": 1}  # p05's D was replaced by B
    assert (c.reply_solved, c.reply_in_progress, c.reply_deferred, c.reply_reference) == (
        5,
        4,
        1,
        1,
    )
    assert c.by_satisfaction == {"满意": 6, "基本满意": 2, "理解": 1}
    assert (c.key, c.collective_filed, c.face_to_face, c.rehandled) == (2, 3, 2, 1)


@pytest.mark.parametrize(
    ("name", "a", "b"),
    [
        # 立案: 14 filed (A); 14 filed + 3 merged before filing (B)
        ("filing_rate", (14, 20), (17, 20)),
        # 办复: 11 over 12 assigned (A) or 14 filed (B)
        ("reply_rate", (11, 12), (11, 14)),
        ("on_time_reply_rate", (10, 12), (10, 14)),
        # 办结: 8 with a 办结 step (A); 9 replied and rated (B); over 12 handled here
        ("closed_rate", (8, 12), (9, 12)),
        # 满意率: 满意 6 + 基本满意 2 over 9 rated (A); + 理解 1 over 11 replied (B)
        ("satisfaction_rate", (8, 9), (9, 11)),
        ("feedback_rate", (9, 11), (9, 11)),
        ("face_to_face_rate", (2, 12), (2, 12)),
        ("solved_rate", (5, 11), (5, 11)),
        ("implemented_rate", (9, 11), (9, 11)),
        ("individual_received_share", (14, 20), (14, 20)),
        ("joint_received_share", (3, 20), (3, 20)),
        ("collective_received_share", (3, 20), (3, 20)),
        ("key_share", (2, 14), (2, 14)),
        ("reply_share:A", (5, 11), (5, 11)),
        ("reply_share:D", (1, 11), (1, 11)),
        ("satisfaction_share:满意", (6, 9), (6, 9)),
        ("satisfaction_share:理解", (1, 9), (1, 9)),
        ("satisfaction_share:不满意", (0, 9), (0, 9)),
    ],
)
def test_rates_under_both_definitions(name: str, a: tuple[int, int], b: tuple[int, int]) -> None:
    for settings, expected in ((SET_A, a), (SET_B, b)):
        figure = stats(settings).rate(name)
        assert (figure.numerator, figure.denominator) == expected, (name, settings)


def test_every_figure_says_which_definition_produced_it() -> None:
    a, b = stats(SET_A).rates(), stats(SET_B).rates()
    assert a["filing_rate"].definition == "立案/收到提案"
    assert b["filing_rate"].definition == "（立案+并案）/收到提案"
    assert a["reply_rate"].definition == "办复/交办"
    assert b["reply_rate"].definition == "办复/立案"
    assert a["closed_rate"].definition == "办结/本级办理"
    assert b["closed_rate"].definition == "办结/本级办理，办结＝已答复并反馈"
    assert a["satisfaction_rate"].definition == "（满意+基本满意）/反馈"
    assert b["satisfaction_rate"].definition == "（满意+基本满意+理解）/办复"
    assert a["reply_share:C"].definition == "因条件限制待以后解决/办复"
    assert all(figure.definition for figure in a.values())
    data = stats(SET_B).as_dict()
    assert data["rates"]["filing_rate"]["definition"] == "（立案+并案）/收到提案"  # type: ignore[index]
    assert rate_definitions(SET_B)["filing_rate"].text == "(filed + merged) / received"


def test_percentages_as_offices_print_them() -> None:
    assert stats(SET_A).filing_rate.short_percent() == "70%"
    assert stats(SET_B).rate("reply_rate").short_percent() == "78.57%"
    assert Figure(817, 1000).short_percent() == "81.7%"
    assert Figure(0, 0).short_percent() == "—"


def test_grouping_by_topic_with_shares() -> None:
    total = stats()
    groups = proposal_statistics_by(LEDGER, "topic", as_of=AS_OF, settings=SET_A)
    received = {key: s.counts.received for key, s in groups.items()}
    # 经济建设 p01 p04 p09 p11 p17 p18; 社会事业 p02 p03 p10 p13 p15 p19;
    # 农业农村 p05 p12 p16 p20; 城乡建设 p06 p07 p08 p14
    assert received == {"农业农村": 4, "城乡建设": 4, "社会事业": 6, "经济建设": 6}
    filed = {key: s.counts.filed for key, s in groups.items()}
    assert filed == {"农业农村": 4, "城乡建设": 1, "社会事业": 5, "经济建设": 4}
    shares = group_shares(total, groups, "received")
    assert shares["经济建设"].value == Fraction(3, 10)
    assert shares["城乡建设"].value == Fraction(1, 5)
    assert group_shares(total, groups, "filed")["社会事业"].value == Fraction(5, 14)


def test_grouping_by_kind_level_sector_party_and_handling_unit() -> None:
    def by(grouping: str, count: str = "received") -> dict[str, int]:
        groups = proposal_statistics_by(LEDGER, grouping, as_of=AS_OF, settings=SET_A)
        return {key: getattr(s.counts, count) for key, s in groups.items()}

    assert by("proposer_kind") == {"collective": 3, "individual": 14, "joint": 3}
    assert by("proposer_kind", "filed") == {"collective": 3, "individual": 9, "joint": 2}
    # p16 adopted by the city, p17 instructed at the district level, the rest none
    assert by(Grouping.LEVEL.value) == {"city": 1, "county": 1, "not_recorded": 18}
    # sectors of the proposers (all of them), and 经济界 for p17's collective author
    assert by("sector")["econ"] == 8  # p01 p06 p08 p09 p12 p16 p17 p19
    assert by("unit")["jiusan"] == 6  # p02 p04 (author and m05) p05 p08 p13 p18
    assert by("handling_unit", "replied")["区农业农村局"] == 3  # p05 p12 p16
    assert by("session") == {"3-2": 20}


def test_merge_structure() -> None:
    structure = merge_structure(LEDGER.proposals, as_of=AS_OF, rules=SET_A.rules)
    groups = {g.case_id: g.merged_ids for g in structure.groups}
    assert groups == {"p01": ("p09",), "p02": ("p15",), "p07": ("p06", "p08")}
    assert structure.sizes() == {2: 2, 3: 1}
    assert structure.text() == "2案并1案2件，3案并1案1件"
    assert (structure.merged, structure.cases) == (4, 3)


def test_a_ledger_keeps_the_offices_labels() -> None:
    # written as codes, aliases or labels, a ledger holds the office's label
    replies = {e.reply for p in LEDGER.proposals for e in p.history if e.reply is not None}
    assert replies == {"已解决或采纳", "正在解决或列入计划", "因条件限制待以后解决", "留作参考"}
    p05 = next(p for p in LEDGER.proposals if p.id == "p05")
    assert [e.reply for e in p05.history if e.reply] == ["留作参考", "正在解决或列入计划"]
    # under the default scheme the same codes read as A类 / B类 / C类, and 理解 is unknown
    from cppcc_model.model import Committee

    plain = build(Committee("qinghu", "青湖区政协", "county", "test.qinghu", merge_stage="either"))
    p04 = next(p for p in plain.proposals if p.id == "p04")
    assert [e.satisfaction for e in p04.history if e.satisfaction] == ["理解"]
    p20 = next(p for p in plain.proposals if p.id == "p20")
    assert [e.reply for e in p20.history if e.reply] == ["D"]
    p01 = next(p for p in plain.proposals if p.id == "p01")
    assert [e.reply for e in p01.history if e.reply] == ["A类"]
