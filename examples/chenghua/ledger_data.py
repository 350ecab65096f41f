"""成华区政协 (Chenghua, Chengdu, Sichuan): the annual work plan and its 33 main work items.

Reproduces seed 002 (区政协工作要点, the district's name blanked as "XX" and the year as
"20xx"): an annex of 33 main work items (主要工作事项) in 5 categories —

* 重点协商 key consultations: 9 (the 9th: topics added as needed, no lead body);
* 重点调研 key research: 7;
* 对口协商 counterpart consultations: 6;
* 界别协商 sector consultations: 6;
* 重要会议活动 key meetings: 5 (the 八届二次会议 plenary and four standing-committee meetings,
  numbered as printed);

each with the lead bodies (牵头单位) printed after it. The item titles are shortened from the
printed ones; the lead bodies are exactly those printed.

The year is not printed: the plan looks forward to the Party's 20th National Congress and to
the provincial and city congresses, which places it in 2022. The special committees are known
only by the short names the plan uses (提案委, 经济委, 城环委, 科教委, 法社委, 文史委), and
that is how the example names them. Progress (完成情况) is not given by the document: every
item is recorded as planned. The term's start date is invented.
"""

from __future__ import annotations

import datetime as dt

from cppcc_model import Ledger
from cppcc_model.model import Committee, SpecialCommittee, Term, WorkItem, WorkPlan

YEAR = 2022

COMMITTEE = Committee(
    id="chenghua",
    name="成都市成华区政协",
    level="county",
    jurisdiction="sichuan.chengdu.chenghua",
    parent_jurisdiction="sichuan.chengdu",
)

# (id, short name as the plan prints it)
SPECIAL_COMMITTEES = (
    ("tian", "提案委"),
    ("jingji", "经济委"),
    ("chenghuan", "城环委"),
    ("kejiao", "科教委"),
    ("fashe", "法社委"),
    ("wenshi", "文史委"),
)

OFFICE = "办公室"
RESEARCH = "研究室"
TIAN, JINGJI, CHENGHUAN, KEJIAO, FASHE, WENSHI = (short for _, short in SPECIAL_COMMITTEES)

# category → [(title, lead bodies)], in the order printed
ITEMS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "重点协商": [
        ("围绕“一府两院”工作报告协商建言", (OFFICE, RESEARCH)),
        ("围绕重点提案协商建言", (TIAN,)),
        ("围绕实施机器人产业强链补链延链协商建言", (TIAN,)),
        ("围绕推动金色中环“三带示范”工作落实实施民主监督", (JINGJI,)),
        ("围绕实施新“新一轮公服设施攻坚”专项行动协商建言", (CHENGHUAN,)),
        ("围绕加快医院和社区卫生服务中心建设实施民主监督", (KEJIAO,)),
        ("围绕“智慧XX”建设协商建言", (FASHE,)),
        ("围绕推动熊猫基地创建国家5A级旅游景区实施民主监督", (WENSHI,)),
        ("根据新的形势任务，适当增加协商议题", ()),
    ],
    "重点调研": [
        ("围绕实施“中环牵引、纵横联动、组团优强”发展策略开展调研", (JINGJI,)),
        ("围绕推动“专精特新”企业梯度培育开展调研", (JINGJI,)),
        ("围绕推动公园城区绿色转型发展开展调研", (TIAN,)),
        ("围绕东郊工业区老旧小区改造提升开展调研", (CHENGHUAN,)),
        ("围绕完善家庭教育服务体系建设开展调研", (KEJIAO,)),
        ("围绕推进“放管服”综合改革打造营商品牌开展调研", (FASHE,)),
        ("围绕推动环城生态带生态资源向经济价值转换开展调研", (WENSHI,)),
    ],
    "对口协商": [
        ("围绕擦亮特色IP开展对口协商", (TIAN,)),
        ("围绕推进实施“新兴金融聚势提能工程”开展对口协商", (JINGJI,)),
        ("围绕锦江流域“碧水蓝网”建设开展对口协商", (CHENGHUAN,)),
        ("围绕贯彻落实“双减”政策、提升基础教育质量开展对口协商", (KEJIAO,)),
        ("围绕打造人才品牌、建设青年就业创业“一站式”服务平台开展对口协商", (FASHE,)),
        ("围绕高品质建设成都自然博物馆片区城市文旅新地标开展协商", (WENSHI,)),
    ],
    "界别协商": [
        ("围绕东郊记忆艺术区主导产业提质增效开展界别协商", (TIAN,)),
        ("围绕推进楼宇经济“双千”培育计划开展界别协商", (JINGJI,)),
        ("围绕规划建设蓉北商圈升仙湖商务区开展界别协商", (CHENGHUAN,)),
        ("围绕托幼服务体系建设开展界别协商", (KEJIAO,)),
        ("围绕构建“社区+物业+社工+商业”小区治理模式开展界别协商", (FASHE,)),
        ("围绕打造彰显新时代特质的文艺精品开展界别协商", (WENSHI,)),
    ],
    "重要会议活动": [
        ("区政协八届二次会议", ()),
        ("区政协八届第二次常委会议", ()),
        ("区政协七届第三次常委会议", ()),
        ("区政协七届第四次常委会议", ()),
        ("区政协七届第五次常委会议", ()),
    ],
}


def work_plan() -> WorkPlan:
    """The 2022 work plan: 33 items numbered 1–33 across the five categories."""
    items = []
    number = 0
    for category, entries in ITEMS.items():
        for title, leads in entries:
            number += 1
            items.append(WorkItem(number, category, title, leads))
    return WorkPlan(
        id=f"chenghua-{YEAR}",
        year=YEAR,
        title=f"{YEAR}年区政协工作要点 · 主要工作事项",
        items=items,
    )


def build() -> Ledger:
    """The Chenghua example ledger: the committee, its special committees and its work plan."""
    return Ledger(
        committee=COMMITTEE,
        terms=[Term(number=8, start=dt.date(2021, 12, 1))],
        special_committees=[
            SpecialCommittee(cid, short, short) for cid, short in SPECIAL_COMMITTEES
        ],
        work_plans=[work_plan()],
    )
