"""The paragraphs offices write, and the commands that print the office's figures.

The 青湖 ledger (``tests/_qinghu.py``) is written out as a CSV dataset with Chinese headers
and read back through ``cppcc``, as a clerk would use it. Every expected number is the hand
count documented in ``tests/test_office_statistics.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests._qinghu import AS_OF, build, office_committee

from cppcc_model.attendance import attendance_statistics_by, sector_turnout
from cppcc_model.cli import cli
from cppcc_model.information import InfoFilter, info_statistics, info_statistics_by
from cppcc_model.information.report import info_report
from cppcc_model.io.dataset import write_dataset
from cppcc_model.model import Period
from cppcc_model.proposals import StatsSettings
from cppcc_model.proposals.report import period_text, proposal_report

LEDGER = build()
YEAR = Period.year(2023)

PARAGRAPH_A = (
    "2023年，共收到提案20件，其中委员个人提案14件、委员联名提案3件、集体提案3件，委员参与提案22人次。"
    "经审查，立案14件，立案率70%；并案处理4件（其中立案后并案1件，2案并1案2件，3案并1案1件）；"
    "不予立案1件；转上级政协1件。"
    "按类别分，社会事业5件、占35.71%，农业农村4件、占28.57%，经济建设4件、占28.57%，城乡建设1件、占7.14%。"
    "确定重点提案2件。"
    "已交办12件，已办复11件，办复率91.67%，见面率16.67%；其中已解决或采纳5件、占45.45%，正在解决或列入计划4件、"
    "占36.36%，因条件限制待以后解决1件、占9.09%，留作参考1件、占9.09%。"
    "收到委员反馈9件，满意率88.89%（满意6件、基本满意2件、理解1件）。"
)

PARAGRAPH_B = (
    "2023年，共收到提案20件，其中委员个人提案14件、委员联名提案3件、集体提案3件，委员参与提案22人次。"
    "经审查，立案17件（含并案3件），立案率85%；并案处理4件（其中立案后并案1件，2案并1案2件，3案并1案1件）；"
    "不予立案1件；转上级政协1件。"
    "按类别分，社会事业5件、占29.41%，经济建设5件、占29.41%，农业农村4件、占23.53%，城乡建设3件、占17.65%。"
    "确定重点提案2件。"
    "已交办12件，已办复11件，办复率78.57%，见面率16.67%；其中已解决或采纳5件、占45.45%，正在解决或列入计划4件、"
    "占36.36%，因条件限制待以后解决1件、占9.09%，留作参考1件、占9.09%。"
    "收到委员反馈9件，满意率81.82%（满意6件、基本满意2件、理解1件）。"
)

SET_B = StatsSettings.for_committee(
    office_committee(
        filing_count="filed_and_merged",
        reply_base="filed",
        closed_means="rated",
        satisfaction_base="replied",
    ),
    base=StatsSettings(count_understanding=True),
)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("qinghu") / "青湖"
    write_dataset(LEDGER, target, "csv", headers="zh")
    return target


def run_json(*args: object) -> Any:
    result = CliRunner().invoke(cli, [str(a) for a in args] + ["-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_paragraph_under_the_default_definitions() -> None:
    report = proposal_report(LEDGER, period=YEAR)
    assert report.paragraph == PARAGRAPH_A


def test_the_paragraph_under_the_office_definitions() -> None:
    report = proposal_report(LEDGER, period=YEAR, settings=SET_B)
    assert report.paragraph == PARAGRAPH_B


def test_every_figure_is_traceable_to_its_records() -> None:
    report = proposal_report(LEDGER, period=YEAR, settings=SET_B)
    filing = report.figure("filing")
    assert filing.text == "17件"
    assert filing.definition == "立案+并案"
    assert set(filing.records) == {f"p{n:02}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 11)} | {
        f"p{n}" for n in (12, 13, 15, 16, 17, 19, 20)
    }
    rate = report.figure("reply_rate")
    assert rate.definition == "办复/立案"
    assert len(rate.records) == 11
    assert len(rate.base) == 14
    assert "p13" in rate.base
    assert "p13" not in rate.records
    assert report.figure("reply_share:D").records == ("p20",)
    assert report.figure("satisfaction:理解").records == ("p04",)
    assert report.figure("merged").records == ("p06", "p08", "p09", "p15")
    assert report.figure("topic:城乡建设").records == ("p06", "p07", "p08")
    data = report.figure("satisfaction_rate").as_dict()
    assert (data["numerator"], data["denominator"]) == (9, 11)
    assert data["definition"] == "（满意+基本满意+理解）/办复"


def test_all_replied_reads_as_the_offices_write_it() -> None:
    replied_only = [p for p in LEDGER.proposals if p.id in {"p01", "p02", "p03", "p19"}]
    settings = StatsSettings.for_committee(LEDGER.committee)
    report = proposal_report(replied_only, period=YEAR, title="2023年", settings=settings)
    assert "已交办4件，已全部办复，办复率100%" in report.paragraph
    assert "满意率100%" in report.paragraph


def test_period_text() -> None:
    assert period_text(YEAR) == "2023年"
    assert period_text(Period(dt.date(2022, 1, 8), dt.date(2022, 6, 15))) == "2022年1月8日至6月15日"


def test_the_info_paragraph_and_its_records() -> None:
    report = info_report(LEDGER, period=YEAR)
    assert report.paragraph == (
        "2023年，共收到社情民意信息6篇，其中来自视察调研等履职活动3篇。"
        "编发4篇（单篇2篇、综合2篇），编发率66.67%，共刊发3期。"
        "被市级以上采用、转报2篇；转报全国政协1篇；被全国政协采用1篇。获领导批示1篇1次。"
    )
    assert report.figure("from_activity").records == ("r1", "r3", "r5")
    assert report.figure("issue_rate").base == ("r1", "r2", "r3", "r4", "r5", "r6")
    assert report.figure("issues").records == ("2023-1", "2023-2", "2023-3")


def test_info_filters_and_groupings() -> None:
    def submitted(**conditions: Any) -> int:
        selection = InfoFilter(**conditions)
        return info_statistics(LEDGER, as_of=AS_OF, selection=selection).counts.submitted

    assert submitted() == 6
    assert submitted(group_id="g1") == 4  # r1 r2 r3 r5 (m01 m02 m03 m05)
    assert submitted(unit_id="jiusan") == 3  # r2 (m02), r4 (九三学社), r5 (m05)
    assert submitted(sector_id="econ") == 2  # r1 (m01), r6 (m06)
    assert submitted(activity_id="a1") == 2
    assert submitted(member_id="m06") == 1
    assert submitted(match="r3") == 1
    by_source = info_statistics_by(LEDGER, "source_activity", as_of=AS_OF)
    assert {k: v.counts.submitted for k, v in by_source.items()} == {
        "a1": 2,
        "a2": 1,
        "not_recorded": 3,
    }
    by_level = info_statistics_by(LEDGER, "level", as_of=AS_OF)
    assert {k: v.counts.submitted for k, v in by_level.items()} == {
        "city": 1,  # r1 adopted by the city
        "county": 1,  # r3 instructed by the 区委书记
        "national": 1,  # r6
        "not_recorded": 3,
        "province": 1,  # r1 forwarded to the province
    }


def test_attendance_by_sector_and_sectors_taking_part() -> None:
    by_sector = attendance_statistics_by(LEDGER, YEAR, "sector")
    # a1: m01 econ, m02 edu, m03 med, m04 edu (excused), m06 econ; a2: m05 agri, m07 agri,
    # m09 econ (absent)
    assert {k: (v.counts.invited, v.counts.attended) for k, v in by_sector.items()} == {
        "agri": (2, 2),
        "econ": (3, 2),
        "edu": (2, 1),
        "med": (1, 1),
    }
    turnout = sector_turnout(LEDGER, YEAR)
    assert turnout.by_activity == {"a1": ("econ", "edu", "med"), "a2": ("agri",)}
    assert turnout.taking_part == 4
    assert turnout.share.value == 1
    only_inspections = sector_turnout(LEDGER, YEAR, kinds=["视察"])
    assert only_inspections.sectors == ("econ", "edu", "med")
    assert only_inspections.share.percent() == "75.00%"


def test_cppcc_proposals_report(dataset: Path) -> None:
    data = run_json("proposals", "report", dataset, "--year", "2023")
    assert data["paragraph"] == PARAGRAPH_A
    office = run_json(
        "proposals",
        "report",
        dataset,
        "--year",
        "2023",
        "--filing-count",
        "filed_and_merged",
        "--reply-base",
        "filed",
    )
    assert "经审查，立案17件（含并案3件），立案率85%" in office["paragraph"]
    assert "办复率78.57%" in office["paragraph"]
    figures = {f["key"]: f for f in office["figures"]}
    assert figures["filing_rate"]["definition"] == "（立案+并案）/收到提案"
    assert figures["filing_rate"]["records"][:3] == ["p01", "p02", "p03"]
    text = CliRunner().invoke(cli, ["proposals", "report", str(dataset), "--year", "2023"])
    assert text.exit_code == 0
    assert PARAGRAPH_A in text.stdout


def test_cppcc_info_report_and_filters(dataset: Path) -> None:
    data = run_json("info", "report", dataset, "--year", "2023")
    assert data["paragraph"].startswith("2023年，共收到社情民意信息6篇")
    stats = run_json(
        "info", "stats", dataset, "--year", "2023", "--group", "g1", "--by", "activity"
    )
    assert stats["filters"] == {"group_id": "g1"}
    groups = stats["groups"]
    assert groups["全部 total"]["counts"]["submitted"] == 4
    assert groups["a1"]["counts"]["submitted"] == 2
    assert groups["a1"]["name"] == "视察农村人居环境整治"
    bad = CliRunner().invoke(cli, ["info", "stats", str(dataset), "--group", "g9"])
    assert bad.exit_code == 2
    assert "--group 'g9' is not in the dataset" in bad.output


def test_cppcc_proposals_stats_by_topic_with_shares_and_definitions(dataset: Path) -> None:
    data = run_json("proposals", "stats", dataset, "--year", "2023", "--by", "topic")
    assert data["definitions"]["reply_categories"].startswith("A:已解决或采纳=solved")
    groups = data["groups"]
    assert groups["经济建设"]["shares"]["received"] == {
        "numerator": 6,
        "denominator": 20,
        "percent": "30.00%",
    }
    assert groups["社会事业"]["shares"]["filed"]["numerator"] == 5
    rates = groups["全部 total"]["rates"]
    assert rates["filing_rate"]["definition"] == "立案/收到提案"
    assert rates["reply_share:D"]["numerator"] == 1
    office = run_json("proposals", "stats", dataset, "--year", "2023", "--closed-means", "rated")
    closed = office["groups"]["全部 total"]["rates"]["closed_rate"]
    assert (closed["numerator"], closed["denominator"]) == (9, 12)
    assert closed["definition"] == "办结/本级办理，办结＝已答复并反馈"
    kinds = run_json("proposals", "stats", dataset, "--year", "2023", "--by", "kind")
    assert kinds["groups"]["joint"]["name"] == "联名提案"
    assert kinds["groups"]["joint"]["counts"]["received"] == 3


def test_cppcc_proposals_merges_and_list(dataset: Path) -> None:
    merges = run_json("proposals", "merges", dataset, "--year", "2023")
    assert merges["text"] == "2案并1案2件，3案并1案1件"
    assert merges["groups"][2] == {"case": "p07", "size": 3, "merged": ["p06", "p08"]}
    listing = run_json("proposals", "list", dataset, "--year", "2023")
    rows = {p["id"]: p for p in listing["proposals"]}
    assert rows["p15"]["merged_into"] == "p02"
    assert rows["p03"]["handling_units"] == ["区卫健局", "区医保局"]
    assert rows["p03"]["topic"] == "社会事业"


def test_the_bundled_examples_write_their_source_documents_figures() -> None:
    from cppcc_model.io.dataset import load_dataset

    examples = Path(__file__).resolve().parents[1] / "examples"
    dawa = proposal_report(load_dataset(examples / "dawa" / "dataset"), period=YEAR)
    # 大洼: 48 proposals filed; reply, face-to-face and satisfaction rates all 100 %
    assert "立案48件，立案率100%" in dawa.paragraph
    assert "已全部办复，办复率100%，见面率100%" in dawa.paragraph
    assert "满意率100%" in dawa.paragraph
    liujiang = load_dataset(examples / "liujiang" / "dataset")
    since = Period(dt.date(2022, 1, 8), dt.date(2022, 6, 15))
    text = proposal_report(liujiang, period=since).paragraph
    # 柳江: 44 received, 38 filed, 6 to the city CPPCC, 32 assigned here
    assert text.startswith("2022年1月8日至6月15日，共收到提案44件")
    assert "立案38件" in text
    assert "转上级政协6件" in text
    assert "已交办32件" in text
    half = Period(dt.date(2022, 1, 1), dt.date(2022, 6, 30))
    assert "共刊发1期" in info_report(liujiang, period=half).paragraph
    xiangzhou = load_dataset(examples / "xiangzhou" / "dataset")
    plenary = proposal_report(xiangzhou, period=Period.year(2022)).paragraph
    # 襄州: 367 received, 148 filed after merging
    assert "共收到提案367件" in plenary
    assert "立案148件" in plenary
    info = info_report(xiangzhou, period=Period.year(2022)).paragraph
    # 183 issued; 48 adopted or forwarded by the province and city, 7 to the national CPPCC;
    # 20 leader instructions
    assert "编发183篇" in info
    assert "其中市级以上48篇；转报全国政协7篇" in info
    assert "获领导批示20篇20次" in info


def test_the_report_workbook_as_a_clerk_opens_it(dataset: Path, tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "提案工作.xlsx"
    result = CliRunner().invoke(
        cli, ["proposals", "report", str(dataset), "--year", "2023", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[1]
    assert header[:6] == ("指标", "名称", "数值", "口径", "依据记录", "分母记录")
    by_key = {row[0]: row for row in rows[2:] if row[0]}
    assert by_key["filing_rate"][2:5] == (
        "70%",
        "立案/收到提案",
        "、".join(f"p{n:02}" for n in (1, 2, 3, 4, 5, 7, 11, 12, 13, 15, 16, 17, 19, 20)),
    )
    assert by_key["reply_share:D"][4] == "p20"
    cells = [cell for row in rows for cell in row if isinstance(cell, str)]
    assert PARAGRAPH_A in cells
