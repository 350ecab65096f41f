"""襄州区政协 (Xiangzhou, Xiangyang, Hubei), 2022: roster, proposals and 社情民意.

Reproduces seed 000 (the annual work-conference speech; the year used is the one printed,
2022):

* 22 activity groups (15 town/street groups, 7 district-level groups each paired with a special
  committee), with the member counts the speech states;
* the plenary 五届四次会议: 367 proposals received, 148 filed after merging (并案处理); the
  group figures of the speech (双沟 15 / 10 filed / 2 key, 程河 13 / 11 / 2, 第1活动组 29 / 26 / 4
  — the highest filing rate of all groups —, 第2活动组 53, 第6活动组 31 / 23);
* 社情民意 of the year: 183 issued; 48 adopted or forwarded by the city and province CPPCCs, 7 of
  them forwarded to the national CPPCC; 20 with leader instructions; 农工党 with the most items
  adopted or forwarded of all units; the group figures (双沟 23 reported; 程河 12 reported, 10
  adoptions and forwardings; 第1活动组 44 reported, 30 adoptions, forwardings and instructions;
  第2活动组 53; 第6活动组 47 reported, 26 adopted or forwarded at district level or above, 3
  forwardings to the national CPPCC, 4 with instructions).

Member-level records (added for the group, unit and award statements of the speech; read
with the ``cppcc-rules-xiangzhou`` plugin, whose point values are illustrative):

* the plenary's roll call and the activities each group organised (张家集镇活动组 9 in the year,
  第2活动组 more than 10 research activities, 第3活动组 7 research, inspection and sector-
  consultation activities);
* the six ones' other three duties (联系一户群众、为群众办一件实事、向活动组述职) of every member
  but the few listed as missing one;
* research reports and recommendations (第1活动组 10, 第2活动组 7; 16 of all adopted), cultural-
  history material (第5活动组 16 三亲 articles sent to higher-level selection; 黄集、古驿、峪山 each
  over 10,000 characters), the city-level honours the speech names;
* the handling results that make 15 proposals excellent (adopted by the handling unit) and the
  city-level instructions that, with the national forwardings, make 10 items excellent;
* the five model speeches at the work conference (典型发言: 张景海, 杨明国, 秦静, 马璇, 覃俊东),
  第7活动组's revision of the group and member assessment rules (a contribution by the group),
  and the year's three deliberative standing-committee meetings, one each in Q1, Q2 and Q3, as
  a plan of three items (:data:`STANDING_MEETINGS`; the 16-item work plan is not recorded).
  None of these is scored by the plugin's rules.

Through the plugin's rules these give: 双沟镇活动组 first overall of the town/street groups and
程河镇活动组 first in their proposal and information assessments; 第6活动组 first in the
information assessment of the district-level groups; 第1活动组 the highest filing rate of all;
九三学社 the highest per-capita member score of the democratic parties; 农工党 the most items
adopted or forwarded; and award lists of exactly 34, 15, 4, 15, 10 and 16.

The speech does not say which year the group figures cover; the example places the group
proposal figures in the plenary's cohort (every group's proposals were submitted to it).

Names printed in the speech are used; every other name, the other groups' sizes and figures,
subjects, handling units and dates are invented, consistent with every stated figure.
Each table below is plain data; :func:`build` expands the plans into records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cppcc_model import Ledger
from cppcc_model.information import advance_info
from cppcc_model.model import (
    Activity,
    ActivityGroup,
    Attendance,
    BodyRef,
    Committee,
    Contribution,
    HandlingUnit,
    InfoReport,
    Member,
    Proposal,
    RoleSpell,
    Sector,
    Session,
    SpecialCommittee,
    Term,
    WorkItem,
    WorkPlan,
    standard_unit,
)
from cppcc_model.proposals import advance

D = dt.date

COMMITTEE = Committee(
    id="xiangzhou",
    name="襄阳市襄州区政协",
    level="county",
    jurisdiction="hubei.xiangyang.xiangzhou",
    parent_jurisdiction="hubei.xiangyang",
)
PLENARY = Session(term=5, number=4, start=D(2022, 1, 5), end=D(2022, 1, 8))
FILING_DAY = D(2022, 1, 20)
ASSIGNMENT_DAY = D(2022, 2, 25)  # 提案交办会
KEY_DAY = D(2022, 3, 1)

SPECIAL_COMMITTEES = (
    ("tian", "提案委员会", "提案委"),
    ("jingji", "经济技术委员会", "经技委"),
    ("jiaowen", "教文体卫委员会", "教文体卫委"),
    ("shefa", "社会法制民族宗教委员会", "社法民宗委"),
    ("wenshi", "文史学习委员会", "文史学习委"),
    ("gangao", "港澳台侨外事委员会", "港澳台侨外事委"),
    ("weiyuan", "委员工作委员会", "委员工作委"),
)

# Activity groups: (id, name, kind, paired committee, members,
#                   proposals received, filed, key,
#                   社情民意 reported, issued, [TN, TU, TC] taken-up plan, instructed)
#   TN — adopted by the province and forwarded to the national CPPCC (2 events)
#   TU — adopted by the city CPPCC (1 event)
#   TC — adopted by the district party committee / government office (1 event)
#   instructed — items with one leader instruction (1 event each)
GROUPS = (
    ("shuanggou", "双沟镇活动组", "town_street", None, 8, 15, 10, 2, 23, 18, (0, 3, 5), 2),
    ("chenghe", "程河镇活动组", "town_street", None, 8, 13, 11, 2, 12, 11, (1, 2, 6), 0),
    ("longwang", "龙王镇活动组", "town_street", None, 9, 14, 4, 0, 4, 2, (0, 1, 0), 1),
    ("huangji", "黄集镇活动组", "town_street", None, 8, 12, 3, 0, 4, 2, (0, 1, 0), 1),
    ("guyi", "古驿镇活动组", "town_street", None, 7, 11, 2, 0, 4, 2, (0, 1, 0), 0),
    ("yushan", "峪山镇活动组", "town_street", None, 7, 10, 2, 0, 4, 2, (0, 1, 0), 0),
    ("huopai", "伙牌镇活动组", "town_street", None, 8, 12, 3, 0, 4, 2, (0, 0, 1), 0),
    ("zhangjiaji", "张家集镇活动组", "town_street", None, 9, 13, 3, 0, 4, 2, (0, 0, 1), 0),
    ("zhuji", "朱集镇活动组", "town_street", None, 7, 10, 2, 0, 4, 2, (0, 0, 1), 0),
    ("shiqiao", "石桥镇活动组", "town_street", None, 7, 10, 2, 0, 4, 2, (0, 0, 1), 0),
    ("huanglong", "黄龙镇活动组", "town_street", None, 7, 9, 2, 0, 4, 2, (0, 0, 0), 0),
    ("dongjin", "东津镇活动组", "town_street", None, 6, 8, 1, 0, 4, 1, (0, 0, 0), 0),
    ("zhangwan", "张湾街道政协联络处", "town_street", None, 10, 13, 2, 0, 4, 1, (0, 0, 0), 0),
    ("xiaowan", "肖湾街道政协联络处", "town_street", None, 9, 10, 1, 0, 4, 1, (0, 0, 0), 0),
    ("liuji", "刘集街道政协联络处", "town_street", None, 8, 8, 1, 0, 4, 1, (0, 0, 0), 0),
    ("g1", "第1活动组", "special_committee", "tian", 21, 29, 26, 4, 44, 38, (1, 8, 14), 6),
    ("g2", "第2活动组", "special_committee", "jingji", 33, 53, 20, 2, 53, 40, (2, 8, 10), 4),
    ("g3", "第3活动组", "special_committee", "jiaowen", 20, 24, 8, 0, 4, 1, (0, 0, 0), 0),
    ("g4", "第4活动组", "special_committee", "shefa", 18, 20, 6, 0, 4, 1, (0, 0, 0), 0),
    ("g5", "第5活动组", "special_committee", "wenshi", 16, 18, 5, 0, 4, 1, (0, 0, 0), 0),
    ("g6", "第6活动组", "special_committee", "gangao", 23, 31, 23, 2, 47, 40, (3, 10, 13), 4),
    ("g7", "第7活动组", "special_committee", "weiyuan", 15, 16, 5, 0, 4, 1, (0, 0, 0), 0),
)

# Collective proposals by participating units: (unit, received, filed)
COLLECTIVE_PROPOSALS = (
    ("rcckmt", 1, 1),
    ("cdl", 1, 1),
    ("cdnca", 1, 1),
    ("capd", 1, 1),
    ("cpwdp", 1, 1),
    ("jiusan", 1, 1),
    ("czgp", 1, 0),
    ("acfic", 1, 0),
)

# 社情民意 reported by 农工党 itself: (reported, issued, [TN, TU, TC], instructed)
CPWDP_ITEMS = (10, 10, (0, 6, 2), 2)

# The unit of a member by position in the group's roster (first position first); positions
# past the table are CPC members and non-party members in turn.
UNIT_BY_POSITION = ("cpwdp", "jiusan", "cdl", "cdnca", "rcckmt", "capd", "acfic", "non-party")
UNITS = (*UNIT_BY_POSITION, "cpc", "czgp")
SECTOR_OF_UNIT = {
    "cpc": "cpc",
    "rcckmt": "parties",
    "cdl": "parties",
    "cdnca": "parties",
    "capd": "parties",
    "cpwdp": "parties",
    "czgp": "parties",
    "jiusan": "parties",
    "acfic": "econ",
    "non-party": "nonparty",
}
SECTORS = (
    ("cpc", "中共"),
    ("parties", "民主党派"),
    ("econ", "经济界"),
    ("nonparty", "无党派人士"),
)

# Names printed in the speech, with the group they are placed in (placement invented)
PRINTED_NAMES = (
    ("张景海", "g1"),
    ("杨明国", "g2"),
    ("秦静", "g3"),
    ("马璇", "g6"),
    ("覃俊东", "g5"),
    ("李小燕", "g1"),
    ("崔瑞波", "g2"),
    ("杨起平", "g4"),
    ("刘启军", "zhuji"),
    ("张建国", "longwang"),
    ("方清涛", "huopai"),
    ("陈爱国", "huangji"),
    ("杨建鹏", "chenghe"),
    ("刘骁勇", "g7"),
    ("杜明豪", "g2"),
    ("常兴武", "g2"),
)
# Printed members of the chairpersons' group, in no activity group: (id, name, role)
CHAIR_GROUP = (("xz-chair-01", "王兴海", "vice_chair"),)  # read out the commendation notice

# ------------------------------------------------------------------ member-level records
# Member numbers below are 1-based roster positions (member ``xz-<group>-<NN>``): number 1 of
# every group is its 农工党 member, number 2 its 九三学社 member (see UNIT_BY_POSITION).

# Proposals adopted by their handling units (办理效果好): the 15 excellent proposals. The subject
# is the speech's where it names the proposal (the example keeps each one's single proposer).
ADOPTED_PROPOSAL_ROWS = (
    ("xz-p-huangji-01", "关于加大农村生活垃圾处理力度美化乡村环境的建议"),  # 陈爱国
    ("xz-p-g7-01", "关于科学搭建我区信息数据共享平台的提案"),  # 刘骁勇
    ("xz-p-chenghe-01", "关于加大河道非法采砂治理力度的建议"),  # 杨建鹏
    ("xz-p-g2-03", "关于加快产业扶贫的建议"),  # 杜明豪
    ("xz-p-g4-01", None),  # 杨起平 (a city top-ten proposal)
    ("xz-p-g1-02", None),  # 李小燕 (a city top-ten proposal)
    ("xz-p-g3-01", None),  # 秦静 (a city top-ten proposal)
    ("xz-p-g1-01", None),
    ("xz-p-g1-03", None),
    ("xz-p-g2-01", None),
    ("xz-p-g5-01", None),
    ("xz-p-g6-01", None),
    ("xz-p-g6-02", None),
    ("xz-p-shuanggou-01", None),
    ("xz-p-longwang-01", None),
)
ADOPTED_PROPOSALS = dict(ADOPTED_PROPOSAL_ROWS)

# 社情民意 items instructed by a city leader rather than a district one, and named titles.
CITY_INSTRUCTIONS = ("xz-i-g1-02", "xz-i-shuanggou-01", "xz-i-cpwdp-01")
INFO_TITLES = {"xz-i-g6-01": "关于加强集镇公厕建设的建议"}  # by 马璇

# Activities each group organised in 2022: (group, kind, how many, title)
GROUP_ACTIVITIES = (
    ("shuanggou", "inspection", 1, "视察唐白河河库长制落实情况"),
    ("shuanggou", "inspection", 1, "视察唐河污染治理情况"),
    ("shuanggou", "research", 2, "乡村振兴专题调研"),
    ("shuanggou", "group_activity", 2, "政协委员之家活动"),
    ("chenghe", "research", 1, "河道采砂专题调研"),
    ("chenghe", "research", 1, "农村产业发展调研"),
    ("chenghe", "group_activity", 1, "参与柳编文化节"),
    ("longwang", "research", 1, "稻虾共作产业调研"),
    ("longwang", "inspection", 1, "秸秆综合利用视察"),
    ("longwang", "group_activity", 1, "配合省市领导调研"),
    ("huangji", "research", 1, "文史资料征集调研"),
    ("huangji", "group_activity", 1, "政协委员之家活动"),
    ("guyi", "research", 1, "文史资料征集调研"),
    ("guyi", "group_activity", 1, "政协委员之家活动"),
    ("yushan", "research", 1, "文史资料征集调研"),
    ("yushan", "group_activity", 1, "政协委员之家活动"),
    ("huopai", "inspection", 1, "有事好商量工作室建设视察"),
    ("huopai", "consultation", 1, "园区供水问题协商"),
    ("huopai", "group_activity", 1, "政协委员之家活动"),
    ("zhangjiaji", "research", 3, "专题调研"),
    ("zhangjiaji", "inspection", 2, "专题视察"),
    ("zhangjiaji", "consultation", 2, "基层协商"),
    ("zhangjiaji", "group_activity", 2, "政协委员之家活动"),
    ("zhuji", "research", 1, "精准扶贫调研"),
    ("zhuji", "public_service", 2, "矛盾纠纷调解"),
    ("shiqiao", "research", 1, "农业产业调研"),
    ("shiqiao", "group_activity", 1, "政协委员之家活动"),
    ("huanglong", "research", 1, "农村公路调研"),
    ("huanglong", "group_activity", 1, "政协委员之家活动"),
    ("dongjin", "research", 1, "新区建设调研"),
    ("dongjin", "group_activity", 1, "政协委员之家活动"),
    ("zhangwan", "inspection", 1, "创文工作视察"),
    ("zhangwan", "consultation", 1, "社区民主协商"),
    ("zhangwan", "group_activity", 1, "进社区进学校"),
    ("xiaowan", "research", 1, "功能型党支部建设调研"),
    ("xiaowan", "party_branch_activity", 2, "政协先锋党员活动日"),
    ("liuji", "research", 1, "配合上级政协调研"),
    ("liuji", "group_activity", 1, "政协委员之家活动"),
    ("g1", "research", 2, "提案工作调研"),
    ("g1", "inspection", 1, "重点提案督办视察"),
    ("g1", "proposal_handling_consultation", 1, "提案办理协商会"),
    ("g2", "research", 11, "工业企业技术改造调研"),
    ("g2", "topical_consultation", 1, "专题议政会"),
    ("g3", "research", 3, "教育卫生专题调研"),
    ("g3", "inspection", 2, "三送下乡视察"),
    ("g3", "sector_consultation", 2, "界别协商"),
    ("g4", "research", 1, "法治襄州建设调研"),
    ("g4", "public_service", 2, "法律进乡村进社区进学校"),
    ("g5", "research", 1, "鹿门文化调研"),
    ("g5", "study", 1, "文史学习会"),
    ("g6", "research", 1, "对台交流调研"),
    ("g6", "inspection", 1, "侨务工作视察"),
    ("g7", "research", 1, "委员履职管理调研"),
    ("g7", "party_branch_activity", 1, "功能型党支部建设推进会"),
)

# Members excused from every group activity of the year: (group, member number)
GROUP_ABSENCES = (("g2", 30), ("g4", 17), ("longwang", 9), ("dongjin", 6))

# The plenary roll call: everybody present but (group, member number, status)
PLENARY_ABSENCES = (("g2", 33, "excused"), ("g7", 15, "excused"), ("liuji", 8, "unexcused"))

# The six ones' other three duties: every member does each once, but (group, number, missing)
DUTY_GAPS = (
    ("g2", 30, ("constituent_contact", "public_service", "duty_report")),
    ("g3", 20, ("duty_report",)),
    ("g4", 17, ("duty_report",)),
    ("zhangwan", 10, ("public_service",)),
    ("xiaowan", 9, ("constituent_contact",)),
)
# Extra practical deeds: (group, member number, how many in all) — the poverty-relief top ten
# (刘启军, 张建国, 方清涛) and three other members. 朱集镇's members each keep contact with two
# households (每人包保1-2个贫困户).
EXTRA_SERVICE = (
    ("zhuji", 1, 3),
    ("longwang", 1, 3),
    ("huopai", 1, 3),
    ("g3", 3, 2),
    ("zhangjiaji", 1, 2),
    ("g2", 13, 2),
)
EXTRA_CONTACTS = ("zhuji",)

# Research reports and recommendations: (group, subject, author numbers, level adopted at)
RESEARCH_REPORTS = (
    ("g1", "关于进一步优化我区发展环境的调研考察报告", (2, 1), "city"),
    ("g1", "关于推进网上征集审查提案的调研报告", (2,), "county"),
    ("g1", "关于加强提案办理协商的建议案", (3,), None),
    ("g1", "关于重点提案督办工作的调研报告", (4,), None),
    ("g1", "关于提案追踪宣传的调研报告", (5,), None),
    ("g1", "关于养老服务设施建设的调研报告", (6,), None),
    ("g1", "关于中小学校舍改造的建议案", (7,), None),
    ("g1", "关于乡村医生队伍建设的调研报告", (8,), None),
    ("g1", "关于城区交通拥堵治理的调研报告", (9,), None),
    ("g1", "关于园区供水保障的调研报告", (10,), None),
    ("g2", "关于加快工业企业技术改造推动产业转型升级的调研报告", (2,), "county"),
    ("g2", "关于加快产业扶贫的调研报告", (3, 4), "county"),
    ("g2", "关于惠农贷推广的调研报告", (5,), None),
    ("g2", "关于营商环境优化的建议案", (6,), None),
    ("g2", "关于现代物流业发展的调研报告", (7,), None),
    ("g2", "关于稻虾共作产业发展的调研报告", (8,), None),
    ("g2", "关于秸秆综合利用的调研报告", (9,), None),
    ("g3", "关于三送下乡活动的调研报告", (2,), "county"),
    ("g3", "关于红星社区民主协商的调研报告", (3,), None),
    ("g3", "关于基层卫生服务的调研报告", (2,), None),
    ("g4", "关于法律服务团建设的调研报告", (2,), "county"),
    ("g4", "关于矛盾纠纷化解的调研报告", (2,), None),
    ("g5", "关于鹿门文化资源保护的调研报告", (2,), None),
    ("g6", "关于侨务资源助推发展的调研报告", (2,), "county"),
    ("g6", "关于对台经贸交流的调研报告", (3,), None),
    ("g6", "关于涉侨法律服务的调研报告", (2,), None),
    ("g7", "关于委员履职管理的调研报告", (2,), "county"),
    ("g7", "关于委员之家建设的调研报告", (2,), None),
    ("shuanggou", "关于唐白河河库长制落实的调研报告", (2,), "county"),
    ("chenghe", "关于河道非法采砂治理的调研报告", (2,), "county"),
    ("longwang", "关于稻虾共作产业发展的调研报告", (2,), "county"),
    ("huangji", "关于农村生活垃圾处理的调研报告", (2,), "county"),
    ("guyi", "关于古驿文化旅游的调研报告", (2,), "county"),
    ("yushan", "关于峪山特色农业的调研报告", (2,), "county"),
    ("huopai", "关于园区供水问题的调研报告", (2,), "county"),
    ("zhangjiaji", "关于张家集镇产业发展的调研报告", (2,), "county"),
    ("zhuji", "关于精准扶贫成效的调研报告", (2,), None),
    ("zhuji", "关于贫困户产业帮扶的调研报告", (2,), None),
    ("shiqiao", "关于农业产业化的调研报告", (2,), None),
    ("shiqiao", "关于农村电商发展的调研报告", (2,), None),
    ("huanglong", "关于农村公路养护的调研报告", (2,), None),
    ("huanglong", "关于农村饮水安全的调研报告", (2,), None),
    ("dongjin", "关于东津新区建设的调研报告", (2,), None),
    ("dongjin", "关于征地拆迁安置的调研报告", (2,), None),
    ("zhangwan", "关于创建文明城市的调研报告", (2,), None),
    ("xiaowan", "关于功能型党支部建设的调研报告", (2,), None),
    ("liuji", "关于社区治理的调研报告", (2,), None),
)

# Cultural-history material: (group, kind, author number, articles, characters each, level)
HISTORY = (
    ("g5", "first_hand_history", 1, 1, 4200, "city"),  # 覃俊东: a city top-ten 三亲 article
    ("g5", "first_hand_history", 1, 3, 3200, None),
    ("g5", "first_hand_history", 2, 3, 3000, None),
    ("g5", "first_hand_history", 3, 3, 2800, None),
    ("g5", "first_hand_history", 4, 2, 2600, None),
    ("g5", "first_hand_history", 5, 2, 2500, None),
    ("g5", "first_hand_history", 6, 2, 2400, None),
    ("huangji", "cultural_history", 2, 1, 3600, "county"),
    ("huangji", "cultural_history", 2, 2, 3600, None),
    ("guyi", "cultural_history", 2, 2, 5200, None),
    ("guyi", "cultural_history", 3, 1, 4000, None),
    ("yushan", "cultural_history", 1, 1, 6000, None),
    ("yushan", "cultural_history", 3, 1, 5000, None),
)

# City-level honours the speech names: (member, title)
CITY_HONOURS = (
    ("李小燕", "全市十佳政协委员"),
    ("崔瑞波", "全市十佳政协委员"),
    ("杨起平", "全市十佳政协提案"),
    ("李小燕", "全市十佳政协提案"),
    ("秦静", "全市十佳政协提案"),
    ("马璇", "全市十佳社情民意信息"),
    ("覃俊东", "全市十佳三亲史料"),
    ("刘启军", "全市十佳精准扶贫个人"),
    ("张建国", "全市十佳精准扶贫个人"),
    ("方清涛", "全市十佳精准扶贫个人"),
)

# The model speeches at the work conference (典型发言), in the order printed
MODEL_SPEAKERS = ("张景海", "杨明国", "秦静", "马璇", "覃俊东")
CONFERENCE_DAY = D(2022, 12, 28)  # invented: the speech gives no date

# The group's own contributions: (group, kind, title)
GROUP_WORK = (("g7", "other", "修订完善活动组及委员履职考核办法"),)

# The year's deliberative standing-committee meetings (议政性常委会议): (quarter, topic)
STANDING_MEETINGS = (
    ("一季度", "进一步推动我区创文工作"),
    ("二季度", "农村污水处理厂配套运营工作"),
    ("三季度", "2022年全区民生实事"),
)


def standing_meetings_plan() -> WorkPlan:
    """The three deliberative standing-committee meetings the speech plans for the year."""
    return WorkPlan(
        id="xiangzhou-2022-standing",
        year=2022,
        title="2022年议政性常委会议安排",
        items=[
            WorkItem(number, "key_meeting", f"{quarter}议政性常委会议：围绕{topic}开展专题协商")
            for number, (quarter, topic) in enumerate(STANDING_MEETINGS, start=1)
        ],
    )


SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏"
    "卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = (
    "志强",
    "秀英",
    "建华",
    "丽萍",
    "海军",
    "春燕",
    "德胜",
    "玉兰",
    "晓峰",
    "淑珍",
    "国栋",
    "桂香",
    "永红",
    "红梅",
    "立军",
    "凤英",
    "振华",
    "雅琴",
    "文涛",
    "金花",
    "宏图",
    "艳红",
    "士林",
    "慧芳",
    "长青",
    "月娥",
    "子健",
    "静雯",
    "庆华",
    "佳琪",
    "明辉",
    "素芬",
    "家林",
    "晓丽",
    "正平",
    "美娟",
    "光明",
    "翠兰",
    "新民",
    "爱华",
)

HANDLING_UNITS = (
    "区发展和改革局",
    "区教育局",
    "区卫生健康局",
    "区农业农村局",
    "区住房和城乡建设局",
    "区交通运输局",
    "区生态环境分局",
    "区文化和旅游局",
    "区民政局",
    "区人力资源和社会保障局",
    "区市场监督管理局",
    "区城市管理执法局",
    "区水利和湖泊局",
    "区自然资源和规划分局",
)
SUBJECTS = (
    "唐白河流域污染治理",
    "河道非法采砂治理",
    "稻虾共作产业发展",
    "秸秆综合利用",
    "农村生活垃圾处理",
    "信息数据共享平台建设",
    "产业扶贫",
    "工业企业技术改造",
    "惠农贷推广",
    "柳编文化产业发展",
    "园区供水保障",
    "乡村医生队伍建设",
    "中小学校舍改造",
    "养老服务设施建设",
    "城区交通拥堵治理",
    "营商环境优化",
)


def _names() -> Iterator[str]:
    printed = {name for name, _ in PRINTED_NAMES}
    seen: set[str] = set()
    index = 0
    while True:
        surname = SURNAMES[index % len(SURNAMES)]
        given = GIVEN[(index // len(SURNAMES) * 11 + index * 3) % len(GIVEN)]
        index += 1
        name = surname + given
        if name not in printed and name not in seen:
            seen.add(name)
            yield name


def _unit_at(position: int) -> str:
    if position < len(UNIT_BY_POSITION):
        return UNIT_BY_POSITION[position]
    return "cpc" if position % 3 else "non-party"


def _members() -> dict[str, list[Member]]:
    """Members by group id, in roster order (printed names first in their group)."""
    names = _names()
    printed: dict[str, list[str]] = {}
    for name, group in PRINTED_NAMES:
        printed.setdefault(group, []).append(name)
    roster: dict[str, list[Member]] = {}
    for gid, _, _, paired, size, *_ in GROUPS:
        group_names = printed.get(gid, [])
        members = []
        for position in range(size):
            name = group_names[position] if position < len(group_names) else next(names)
            unit = _unit_at(position)
            members.append(
                Member(
                    id=f"xz-{gid}-{position + 1:02d}",
                    name=name,
                    sector_id=SECTOR_OF_UNIT[unit],
                    unit_id=unit,
                    activity_group_id=gid,
                    special_committee_ids=() if paired is None else (paired,),
                )
            )
        roster[gid] = members
    return roster


def _chair_group() -> list[Member]:
    return [
        Member(
            id=mid,
            name=name,
            sector_id="cpc",
            unit_id="cpc",
            roles=[RoleSpell(role, D(2021, 12, 1))],
        )
        for mid, name, role in CHAIR_GROUP
    ]


def _case(proposal: Proposal, number: int, key: bool) -> Proposal:
    """File a plenary proposal and take it through assignment, reply, feedback and closing.

    A proposal in :data:`ADOPTED_PROPOSALS` is adopted by its handling unit after the reply.
    """
    proposal = advance(proposal, "filed", FILING_DAY, case_number=f"五届四次-{number:03d}")
    units = (HandlingUnit(HANDLING_UNITS[number % len(HANDLING_UNITS)]),)
    if number % 10 == 0:
        units = (
            HandlingUnit(HANDLING_UNITS[number % len(HANDLING_UNITS)], "lead"),
            HandlingUnit(HANDLING_UNITS[(number + 1) % len(HANDLING_UNITS)], "co"),
        )
    proposal = advance(proposal, "assigned", ASSIGNMENT_DAY, units=units)
    if key:
        proposal = advance(proposal, "key_designated", KEY_DAY, leader="区领导")
        proposal = advance(proposal, "supervised", D(2022, 4, 15), leader="区政协主席会议成员")
    if number % 37 == 0:
        proposal = advance(proposal, "extended", D(2022, 5, 10))
        replied_on = D(2022, 7, 15)
    else:
        replied_on = D(2022, 5, 5 + number % 19)
    category = "A" if number % 10 < 6 else ("B" if number % 10 < 9 else "C")
    proposal = advance(proposal, "replied", replied_on, reply=category)
    rating = "basically_satisfied" if number % 9 == 0 else "satisfied"
    proposal = advance(
        proposal,
        "feedback",
        replied_on + dt.timedelta(days=10),
        satisfaction=rating,
        face_to_face=number % 20 != 7,
    )
    if proposal.id in ADOPTED_PROPOSALS:
        proposal = advance(proposal, "adopted", replied_on + dt.timedelta(days=20), level="county")
    return advance(proposal, "closed", D(2022, 8, 31))


def _proposals(roster: dict[str, list[Member]]) -> list[Proposal]:
    """Filed proposals first (they are the parents merges point to), then the rest."""
    plans: list[tuple[Proposal, bool, bool]] = []  # (proposal, filed?, key?)
    for gid, _, _, _, _, received, filed, key, *_ in GROUPS:
        members = roster[gid]
        for index in range(received):
            proposer = members[index % len(members)]
            proposal_id = f"xz-p-{gid}-{index + 1:02d}"
            proposal = Proposal(
                id=proposal_id,
                subject=ADOPTED_PROPOSALS.get(proposal_id)
                or f"关于{SUBJECTS[(len(plans) * 5) % len(SUBJECTS)]}的建议",
                submitted_on=PLENARY.start + dt.timedelta(days=index % 4),
                proposer_kind="individual",
                member_ids=(proposer.id,),
                session_id=PLENARY.id,
            )
            plans.append((proposal, index < filed, index < key))
    for unit, received, filed in COLLECTIVE_PROPOSALS:
        for index in range(received):
            proposal = Proposal(
                id=f"xz-p-{unit}-{index + 1:02d}",
                subject=f"关于{SUBJECTS[(len(plans) * 5) % len(SUBJECTS)]}的建议",
                submitted_on=PLENARY.start,
                proposer_kind="collective",
                body=BodyRef("unit", unit),
                session_id=PLENARY.id,
            )
            plans.append((proposal, index < filed, False))
    cases: list[Proposal] = []
    others: list[Proposal] = []
    for proposal, is_filed, is_key in plans:
        if is_filed:
            cases.append(_case(proposal, len(cases) + 1, is_key))
    for proposal, is_filed, _ in plans:
        if is_filed:
            continue
        number = len(others)
        if number % 6 == 0:
            proposal = advance(
                proposal,
                "not_filed",
                FILING_DAY,
                reason="不属于本级政协提案受理范围",
                converted_to="社情民意信息" if number % 12 == 0 else None,
            )
        else:
            parent = cases[(number * 7) % len(cases)]
            proposal = advance(proposal, "merged", FILING_DAY, parent=parent, parent_id=parent.id)
        others.append(proposal)
    return cases + others


def _item(
    item_id: str,
    number: int,
    authors: tuple[str, ...],
    body: BodyRef | None,
    issued: bool,
    kind: str | None,
    instructed: bool,
) -> InfoReport:
    submitted = D(2022, 1 + number % 10, 1 + (number * 7) % 28)
    report = InfoReport(
        id=item_id,
        title=INFO_TITLES.get(
            item_id, f"关于{SUBJECTS[number % len(SUBJECTS)]}的社情民意（{number}）"
        ),
        submitted_on=submitted,
        author_ids=authors,
        body=body,
    )
    report = advance_info(report, "screened", submitted + dt.timedelta(days=2))
    if not issued:
        return report
    month = (submitted + dt.timedelta(days=7)).month
    report = advance_info(
        report, "issued", submitted + dt.timedelta(days=7), issue=f"2022年第{month}期"
    )
    if kind == "TN":
        report = advance_info(
            report, "adopted", submitted + dt.timedelta(days=30), level="province"
        )
        report = advance_info(
            report, "forwarded", submitted + dt.timedelta(days=45), level="national"
        )
    elif kind == "TU":
        report = advance_info(report, "adopted", submitted + dt.timedelta(days=30), level="city")
    elif kind == "TC":
        report = advance_info(report, "adopted", submitted + dt.timedelta(days=20), level="county")
    if instructed:
        city = item_id in CITY_INSTRUCTIONS
        report = advance_info(
            report,
            "instructed",
            submitted + dt.timedelta(days=50),
            level="city" if city else "county",
            leader="市领导" if city else "区委书记",
        )
    return report


def _kinds(issued: int, plan: tuple[int, int, int]) -> list[str | None]:
    """The taken-up kind of each issued item: TN first, then TU, then TC, then none."""
    tn, tu, tc = plan
    kinds: list[str | None] = ["TN"] * tn + ["TU"] * tu + ["TC"] * tc
    return kinds + [None] * (issued - len(kinds))


def _author(members: list[Member], index: int, taken_up: bool) -> str:
    """Taken-up items: every other one by the group's 农工党 member, the rest by the next
    three in the roster; other items: the whole roster in turn."""
    if taken_up:
        position = 0 if index % 2 == 0 else 1 + (index // 2) % min(3, len(members) - 1)
        return members[position].id
    return members[index % len(members)].id


def _info_reports(roster: dict[str, list[Member]]) -> list[InfoReport]:
    reports = []
    number = 0
    for gid, *_, reported, issued, plan, instructed in GROUPS:
        members = roster[gid]
        kinds = _kinds(issued, plan)
        for index in range(reported):
            number += 1
            kind = kinds[index] if index < issued else None
            reports.append(
                _item(
                    f"xz-i-{gid}-{index + 1:02d}",
                    number,
                    (_author(members, index, kind is not None),),
                    None,
                    index < issued,
                    kind,
                    kind is not None and index < instructed,
                )
            )
    reported, issued, plan, instructed = CPWDP_ITEMS
    kinds = _kinds(issued, plan)
    for index in range(reported):
        number += 1
        kind = kinds[index] if index < issued else None
        reports.append(
            _item(
                f"xz-i-cpwdp-{index + 1:02d}",
                number,
                (),
                BodyRef("unit", "cpwdp"),
                index < issued,
                kind,
                kind is not None and index < instructed,
            )
        )
    return reports


def _member_id(group: str, number: int) -> str:
    return f"xz-{group}-{number:02d}"


def _activities(roster: dict[str, list[Member]]) -> list[Activity]:
    """The plenary with its roll call, and the activities each group organised."""
    leave = {_member_id(g, n): status for g, n, status in PLENARY_ABSENCES}
    everyone = [m.id for members in roster.values() for m in members]
    everyone += [mid for mid, _, _ in CHAIR_GROUP]
    plenary = Activity(
        id="xz-a-plenary-5-4",
        kind="plenary",
        title="政协襄州区第五届委员会第四次会议",
        start=PLENARY.start,
        end=PLENARY.end,
        half_days=7,
        organiser=BodyRef("committee", COMMITTEE.id),
        session_id=PLENARY.id,
        attendance=[Attendance(m, leave.get(m, "present")) for m in everyone],
    )
    absent = {_member_id(g, n) for g, n in GROUP_ABSENCES}
    activities = [plenary]
    held: dict[str, int] = {}
    for group, kind, count, title in GROUP_ACTIVITIES:
        for copy in range(count):
            number = held[group] = held.get(group, 0) + 1
            activities.append(
                Activity(
                    id=f"xz-a-{group}-{number:02d}",
                    kind=kind,
                    title=title if count == 1 else f"{title}（{copy + 1}）",
                    start=D(2022, 2 + (number * 5) % 10, 3 + (number * 7) % 25),
                    organiser=BodyRef("activity_group", group),
                    attendance=[
                        Attendance(m.id, "excused" if m.id in absent else "present")
                        for m in roster[group]
                    ],
                )
            )
    return activities


def _contribution(
    cid: str, kind: str, title: str, on: dt.date, authors: tuple[str, ...], **fields: object
) -> Contribution:
    return Contribution(id=cid, kind=kind, title=title, on=on, author_ids=authors, **fields)  # type: ignore[arg-type]


def _duties(roster: dict[str, list[Member]]) -> Iterator[Contribution]:
    """联系一户群众、为群众办一件实事、向活动组述职 — every member, but the gaps listed."""
    gaps = {(_member_id(g, n), kind) for g, n, kinds in DUTY_GAPS for kind in kinds}
    services = {_member_id(g, n): count for g, n, count in EXTRA_SERVICE}
    for group, members in roster.items():
        for number, member in enumerate(members, start=1):
            day = 1 + (number * 3) % 27
            if (member.id, "constituent_contact") not in gaps:
                for copy in range(2 if group in EXTRA_CONTACTS else 1):
                    yield _contribution(
                        f"xz-c-contact-{group}-{number:02d}-{copy + 1}",
                        "constituent_contact",
                        "联系一户群众",
                        D(2022, 3 + copy, day),
                        (member.id,),
                    )
            if (member.id, "public_service") not in gaps:
                for copy in range(services.get(member.id, 1)):
                    yield _contribution(
                        f"xz-c-service-{group}-{number:02d}-{copy + 1}",
                        "public_service",
                        "为群众办一件实事",
                        D(2022, 5 + copy, day),
                        (member.id,),
                    )
            if (member.id, "duty_report") not in gaps:
                yield _contribution(
                    f"xz-c-duty-{group}-{number:02d}",
                    "duty_report",
                    "向所在活动组述职",
                    D(2022, 12, 1 + number % 20),
                    (member.id,),
                )


def _contributions(roster: dict[str, list[Member]]) -> list[Contribution]:
    """The six ones' duties, research reports, cultural-history material and honours."""
    found = list(_duties(roster))
    for index, (group, subject, authors, level) in enumerate(RESEARCH_REPORTS, start=1):
        found.append(
            _contribution(
                f"xz-c-research-{index:02d}",
                "recommendation" if subject.endswith("建议案") else "research_report",
                subject,
                D(2022, 3 + index % 9, 1 + index % 27),
                tuple(_member_id(group, n) for n in authors),
                level=level,
            )
        )
    index = 0
    for group, kind, number, articles, chars, level in HISTORY:
        for _ in range(articles):
            index += 1
            found.append(
                _contribution(
                    f"xz-c-history-{index:02d}",
                    kind,
                    f"{'三亲史料' if kind == 'first_hand_history' else '文史资料'}（{index}）",
                    D(2022, 4 + index % 8, 2 + index % 26),
                    (_member_id(group, number),),
                    level=level,
                    length_chars=chars,
                )
            )
    by_name = {m.name: m.id for members in roster.values() for m in members}
    for index, (name, title) in enumerate(CITY_HONOURS, start=1):
        found.append(
            _contribution(
                f"xz-c-honour-{index:02d}",
                "commendation",
                title,
                D(2022, 12, 20),
                (by_name[name],),
                level="city",
            )
        )
    for index, name in enumerate(MODEL_SPEAKERS, start=1):
        found.append(
            _contribution(
                f"xz-c-speech-{index}",
                "meeting_speech",
                "在全区政协工作会议上作典型发言",
                CONFERENCE_DAY,
                (by_name[name],),
            )
        )
    for index, (group, kind, title) in enumerate(GROUP_WORK, start=1):
        found.append(
            Contribution(
                id=f"xz-c-group-{index}",
                kind=kind,
                title=title,
                on=D(2022, 11, 15),
                body=BodyRef("activity_group", group),
            )
        )
    return found


def build() -> Ledger:
    """The Xiangzhou example ledger."""
    roster = _members()
    return Ledger(
        committee=COMMITTEE,
        terms=[Term(number=5, start=D(2021, 12, 1))],
        sessions=[PLENARY],
        sectors=[Sector(sid, name) for sid, name in SECTORS],
        units=[standard_unit(uid) for uid in UNITS],
        special_committees=[
            SpecialCommittee(cid, name, short) for cid, name, short in SPECIAL_COMMITTEES
        ],
        activity_groups=[
            ActivityGroup(gid, name, kind, paired, party_branch=f"{name}功能型党支部")
            for gid, name, kind, paired, *_ in GROUPS
        ],
        members=[member for members in roster.values() for member in members] + _chair_group(),
        activities=_activities(roster),
        proposals=_proposals(roster),
        info_reports=_info_reports(roster),
        contributions=_contributions(roster),
        work_plans=[standing_meetings_plan()],
    )
