"""青湖区政协 (invented): a year of proposals and 社情民意 with hand-checked figures.

Every name is invented. The office states its own vocabularies — four reply categories
(已解决或采纳 / 正在解决或列入计划 / 因条件限制待以后解决 / 留作参考) and four satisfaction
levels (满意 / 基本满意 / 理解 / 不满意) — and merges both before and after filing. The
expected figures in ``tests/test_office_statistics.py`` are worked out by hand from the table
below, under two sets of definitions.

=====  ============  ==========  ========  ====================================================
id     kind          proposers   topic     history (2023)
=====  ============  ==========  ========  ====================================================
p01    individual    m01         经济建设  立案, 交办 区发改局, 答复 A, 反馈 满意 (见面), 办结
p02    individual    m02         社会事业  立案, 交办 区教育局, 答复 B, 反馈 基本满意, 办结
p03    joint         m03 m04     社会事业  立案, 交办 区卫健局 主办 + 区医保局 会办, 答复 A, 满意, 办结
p04    collective    九三学社    经济建设  立案, 交办, 答复 C, 反馈 理解 (main member m05)
p05    individual    m05         农业农村  立案, 交办, 答复 D, 不满意, 重新办理, 答复 B, 基本满意, 办结
p06    individual    m06         城乡建设  并案 → p07 (before filing)
p07    individual    m07         城乡建设  立案, 交办 区住建局, 答复 A (no feedback)
p08    joint         m08 m09 m10 城乡建设  并案 → p07 (before filing)
p09    individual    m09         经济建设  并案 → p01 (before filing)
p10    individual    m10         社会事业  不予立案, 转社情民意
p11    collective    民建        经济建设  立案, 转上级政协 (after filing)
p12    individual    m01         农业农村  立案, 交办, 答复 B, 满意, 办结
p13    individual    m02         社会事业  立案, 交办 (no reply by year end: overdue)
p14    individual    m03         城乡建设  (under review)
p15    individual    m04         社会事业  立案, 并案 → p02 (after filing)
p16    joint         m06 m07     农业农村  立案, 重点, 交办, 答复 A, 满意, 办结, 采纳 (市)
p17    collective    经济界      经济建设  立案, 重点, 交办, 答复 B, 满意, 办结, 批示 (区)
p18    individual    m08         经济建设  撤回
p19    individual    m09         社会事业  立案, 交办, 答复 A, 满意 (见面), 办结
p20    individual    m10         农业农村  立案, 交办, 答复 D late (no feedback)
=====  ============  ==========  ========  ====================================================

社情民意: r1 (m01, from the inspection a1) 编发, 市采用, 转报省; r2 (m02) and r3 (m03, from a1)
编发 together in one issue, r3 批示 by the 区委书记; r4 (九三学社) 退回; r5 (m05, from the
research a2) waiting; r6 (m06) 编发, 全国采用, 转报全国.
"""

from __future__ import annotations

import datetime as dt

import attrs

from cppcc_model import Ledger
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    Attendance,
    BodyRef,
    Committee,
    HandlingUnit,
    InfoEvent,
    InfoReport,
    Member,
    ParticipatingUnit,
    Proposal,
    ProposalEvent,
    Sector,
    Session,
    Term,
)

D = dt.date
AS_OF = D(2023, 12, 31)

FOUR_CATEGORIES = (
    "A:已解决或采纳=solved；B:正在解决或列入计划=in_progress；"
    "C:因条件限制待以后解决=deferred；D:留作参考=reference"
)
FOUR_LEVELS = (
    "满意=satisfied；基本满意=basically_satisfied；理解=understanding；不满意=dissatisfied"
)

COMMITTEE = Committee(
    "qinghu",
    "青湖区政协",
    "county",
    "test.qinghu",
    reply_categories=FOUR_CATEGORIES,
    satisfaction_levels=FOUR_LEVELS,
    merge_stage="either",
)

_MEMBERS = (
    ("m01", "林晓峰", "econ", "cpc", "g1"),
    ("m02", "周雅琴", "edu", "jiusan", "g1"),
    ("m03", "陈国栋", "med", "nongong", "g1"),
    ("m04", "吴海燕", "edu", "minjian", "g1"),
    ("m05", "郑立新", "agri", "jiusan", "g1"),
    ("m06", "王美玲", "econ", "cpc", "g2"),
    ("m07", "赵志远", "agri", "nongong", "g2"),
    ("m08", "孙丽华", "med", "jiusan", "g2"),
    ("m09", "钱宏伟", "econ", "minjian", "g2"),
    ("m10", "冯静怡", "edu", "cpc", "g2"),
)


def _e(step: str, on: dt.date, **fields: object) -> ProposalEvent:
    return ProposalEvent(step, on, **fields)  # type: ignore[arg-type]


def _unit(name: str, role: str = "sole") -> tuple[HandlingUnit, ...]:
    return (HandlingUnit(name, role),)


def _handled(
    case: str, unit: str, reply: str, rating: str | None, *, closed: bool = True, f2f: bool = False
) -> list[ProposalEvent]:
    steps = [
        _e("立案", D(2023, 2, 10), case_number=case),
        _e("交办", D(2023, 2, 20), units=_unit(unit)),
        _e("答复", D(2023, 5, 10), reply=reply),
    ]
    if rating is not None:
        steps.append(_e("反馈", D(2023, 5, 25), satisfaction=rating, face_to_face=f2f or None))
    if closed:
        steps.append(_e("办结", D(2023, 6, 1)))
    return steps


def _p(
    pid: str,
    kind: str,
    members: tuple[str, ...],
    topic: str,
    history: list[ProposalEvent],
    body: BodyRef | None = None,
) -> Proposal:
    return Proposal(
        pid,
        f"关于{topic}的建议（{pid}）",
        D(2023, 1, 9),
        kind,
        members,
        body=body,
        session_id="3-2",
        topic=topic,
        history=history,
    )


def _proposals() -> list[Proposal]:
    co_handled = [
        _e("立案", D(2023, 2, 10), case_number="3"),
        _e(
            "交办",
            D(2023, 2, 20),
            units=(HandlingUnit("区卫健局", "lead"), HandlingUnit("区医保局", "co")),
        ),
        _e("答复", D(2023, 5, 10), reply="已解决或采纳"),
        _e("反馈", D(2023, 5, 25), satisfaction="满意"),
        _e("办结", D(2023, 6, 1)),
    ]
    rehandled = [
        _e("立案", D(2023, 2, 10), case_number="5"),
        _e("交办", D(2023, 2, 20), units=_unit("区农业农村局")),
        _e("答复", D(2023, 5, 10), reply="留作参考"),
        _e("反馈", D(2023, 5, 25), satisfaction="不满意"),
        _e("重新办理", D(2023, 6, 1)),
        _e("答复", D(2023, 8, 1), reply="B"),
        _e("反馈", D(2023, 8, 15), satisfaction="基本满意"),
        _e("办结", D(2023, 8, 20)),
    ]
    key_adopted = [
        _e("立案", D(2023, 2, 10), case_number="16"),
        _e("重点提案", D(2023, 2, 15), leader="区长"),
        *_handled("16", "区农业农村局", "A", "满意")[1:],
        _e("采纳", D(2023, 9, 1), level="市"),
    ]
    key_instructed = [
        _e("立案", D(2023, 2, 10), case_number="17"),
        _e("重点提案", D(2023, 2, 15), leader="区委书记"),
        *_handled("17", "区商务局", "B", "满意")[1:],
        _e("批示", D(2023, 9, 1), leader="区长", level="区"),
    ]
    late = [
        _e("立案", D(2023, 2, 10), case_number="20"),
        _e("交办", D(2023, 2, 20), units=_unit("区水利局")),
        _e("答复", D(2023, 6, 1), reply="D"),
    ]
    return [
        _p("p01", "个人", ("m01",), "经济建设", _handled("1", "区发改局", "A", "满意", f2f=True)),
        _p("p02", "个人", ("m02",), "社会事业", _handled("2", "区教育局", "B", "基本满意")),
        _p("p03", "联名", ("m03", "m04"), "社会事业", co_handled),
        _p(
            "p04",
            "集体",
            ("m05",),
            "经济建设",
            _handled("4", "区工信局", "因条件限制待以后解决", "理解", closed=False),
            body=BodyRef("unit", "jiusan"),
        ),
        _p("p05", "个人", ("m05",), "农业农村", rehandled),
        _p("p06", "个人", ("m06",), "城乡建设", [_e("并案", D(2023, 2, 11), parent_id="p07")]),
        _p("p07", "个人", ("m07",), "城乡建设", _handled("7", "区住建局", "A", None, closed=False)),
        _p(
            "p08",
            "联名",
            ("m08", "m09", "m10"),
            "城乡建设",
            [_e("并案", D(2023, 2, 11), parent_id="p07")],
        ),
        _p("p09", "个人", ("m09",), "经济建设", [_e("并案", D(2023, 2, 11), parent_id="p01")]),
        _p(
            "p10",
            "个人",
            ("m10",),
            "社会事业",
            [_e("不予立案", D(2023, 2, 10), reason="属于个人诉求", converted_to="r5")],
        ),
        _p(
            "p11",
            "集体",
            (),
            "经济建设",
            [_e("立案", D(2023, 2, 10), case_number="11"), _e("转上级政协", D(2023, 3, 1))],
            body=BodyRef("unit", "minjian"),
        ),
        _p("p12", "个人", ("m01",), "农业农村", _handled("12", "区农业农村局", "B", "满意")),
        _p("p13", "个人", ("m02",), "社会事业", _handled("13", "区民政局", "A", None)[:2]),
        _p("p14", "个人", ("m03",), "城乡建设", []),
        _p(
            "p15",
            "个人",
            ("m04",),
            "社会事业",
            [
                _e("立案", D(2023, 2, 10), case_number="15"),
                _e("并案", D(2023, 2, 12), parent_id="p02"),
            ],
        ),
        _p("p16", "联名", ("m06", "m07"), "农业农村", key_adopted),
        _p("p17", "集体", (), "经济建设", key_instructed, body=BodyRef("sector", "econ")),
        _p("p18", "个人", ("m08",), "经济建设", [_e("撤回", D(2023, 1, 20), reason="本人撤回")]),
        _p("p19", "个人", ("m09",), "社会事业", _handled("19", "区文旅局", "A", "满意", f2f=True)),
        _p("p20", "个人", ("m10",), "农业农村", late),
    ]


def _info() -> list[InfoReport]:
    def item(
        rid: str, authors: tuple[str, ...], history: list[InfoEvent], **kw: object
    ) -> InfoReport:
        return InfoReport(
            rid,
            f"关于{rid}的社情民意",
            D(2023, 3, 20),
            authors,
            history=history,
            **kw,  # type: ignore[arg-type]
        )

    return [
        item(
            "r1",
            ("m01",),
            [
                InfoEvent("编发", D(2023, 3, 25), issue="2023-1"),
                InfoEvent("采用", D(2023, 4, 10), level="市"),
                InfoEvent("转报", D(2023, 4, 20), level="省"),
            ],
            activity_id="a1",
        ),
        item(
            "r2",
            ("m02",),
            [InfoEvent("编发", D(2023, 4, 1), issue="2023-2", combined_with=("r3",))],
        ),
        item(
            "r3",
            ("m03",),
            [
                InfoEvent("编发", D(2023, 4, 1), issue="2023-2", combined_with=("r2",)),
                InfoEvent("批示", D(2023, 4, 15), level="区", leader="区委书记"),
            ],
            activity_id="a1",
        ),
        item("r4", (), [InfoEvent("退回", D(2023, 3, 28))], body=BodyRef("unit", "jiusan")),
        item("r5", ("m05",), [], activity_id="a2"),
        item(
            "r6",
            ("m06",),
            [
                InfoEvent("编发", D(2023, 4, 5), issue="2023-3"),
                InfoEvent("采用", D(2023, 5, 1), level="全国"),
                InfoEvent("转报", D(2023, 5, 2), level="全国"),
            ],
        ),
    ]


def _activities() -> list[Activity]:
    return [
        Activity(
            "a1",
            "视察",
            "视察农村人居环境整治",
            D(2023, 3, 15),
            attendance=[
                Attendance("m01"),
                Attendance("m02"),
                Attendance("m03"),
                Attendance("m04", "请假"),
                Attendance("m06"),
            ],
        ),
        Activity(
            "a2",
            "调研",
            "调研中小企业融资",
            D(2023, 3, 16),
            attendance=[Attendance("m05"), Attendance("m07"), Attendance("m09", "缺席")],
        ),
    ]


def build(committee: Committee = COMMITTEE) -> Ledger:
    """The 青湖 ledger (optionally under another committee record, for other definitions)."""
    return Ledger(
        committee=committee,
        terms=[Term(3, D(2021, 12, 1))],
        sessions=[Session(3, 2, D(2023, 1, 10), D(2023, 1, 13))],
        sectors=[
            Sector("econ", "经济界"),
            Sector("edu", "教育界"),
            Sector("med", "医药卫生界"),
            Sector("agri", "农业界"),
        ],
        units=[
            ParticipatingUnit("cpc", "中国共产党", "中共", "cpc"),
            ParticipatingUnit("jiusan", "九三学社", "九三学社", "democratic_party"),
            ParticipatingUnit("minjian", "中国民主建国会", "民建", "democratic_party"),
            ParticipatingUnit("nongong", "中国农工民主党", "农工党", "democratic_party"),
        ],
        activity_groups=[
            ActivityGroup("g1", "第一活动组", "town"),
            ActivityGroup("g2", "第二活动组", "town"),
        ],
        members=[
            Member(mid, name, sector, unit_id=unit, activity_group_id=group)
            for mid, name, sector, unit, group in _MEMBERS
        ],
        activities=_activities(),
        proposals=_proposals(),
        info_reports=_info(),
    )


def office_committee(**choices: object) -> Committee:
    """The committee with more of the office's definitions stated."""
    return attrs.evolve(COMMITTEE, **choices)  # type: ignore[arg-type]
