"""The tables of a dataset and their columns: names in English and Chinese, types, examples.

This is the single description of the tabular format. The reader matches file names, sheet
names and headers against it; the writer writes from it; ``docs/reference/dataset-format.md``
describes the same tables and a test keeps the two in step.
"""

from __future__ import annotations

import enum
import functools

import attrs

from cppcc_model.labels import LabeledEnum, normalize_label, own_simplified_texts
from cppcc_model.model import (
    ActivityKind,
    AttendanceStatus,
    AwardStage,
    BodyKind,
    ClosedMeaning,
    ContributionKind,
    FilingCount,
    Gender,
    GroupKind,
    InfoStep,
    InputSubject,
    Level,
    MergeStage,
    ParticipationRole,
    ProposalStep,
    ProposerKind,
    ReplyBase,
    RoleKind,
    SatisfactionBase,
    SessionKind,
    UnitKind,
    WorkCategory,
    WorkItemStatus,
)

__all__ = [
    "COMMITTEE_FIELDS",
    "EVENT_FIELDS",
    "INFO_EVENT_FIELDS",
    "TABLES",
    "CellKind",
    "Column",
    "Table",
    "table_named",
]


class CellKind(enum.Enum):
    """What a cell holds, and so how it is read and written."""

    TEXT = "text"
    ID = "id"
    POSITIVE = "whole number ≥ 1"
    COUNT = "whole number ≥ 0"
    DATE = "date"
    BOOL = "yes/no"
    ENUM = "label"
    IDS = "list of ids"
    TEXTS = "list of texts"
    UNITS = "list of handling units"
    NUMBER = "exact number"
    PERIOD = "period"


@attrs.frozen
class Column:
    """One column: its English header (also the field it fills), Chinese header and type."""

    name: str
    zh: str
    kind: CellKind
    required: bool = False
    enum: type[LabeledEnum] | None = None
    aliases: tuple[str, ...] = ()
    example: str = ""
    note: str = ""

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header that names this column."""
        return (self.name, self.zh, *self.aliases)

    @property
    def title(self) -> str:
        """``name (姓名)`` for messages."""
        return f"{self.name} ({self.zh})"


@attrs.frozen
class Table:
    """One table (a CSV file or a sheet): its names and its columns."""

    name: str
    zh: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    description: str = ""
    key_value: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a file or sheet holding this table may have."""
        return (self.name, self.zh, *self.aliases)

    @property
    def title(self) -> str:
        """``members (委员)`` for messages."""
        return f"{self.name} ({self.zh})"

    def column(self, name: str) -> Column:
        """The column whose English name is ``name``."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @functools.cached_property
    def header_index(self) -> dict[str, Column]:
        """Normalised header → column."""
        return {
            normalize_label(header): column for column in self.columns for header in column.headers
        }


def _c(
    name: str,
    zh: str,
    kind: CellKind = CellKind.TEXT,
    *aliases: str,
    required: bool = False,
    enum: type[LabeledEnum] | None = None,
    example: str = "",
    note: str = "",
) -> Column:
    return Column(name, zh, kind, required, enum, aliases, example, note)


def _id(example: str) -> Column:
    return _c("id", "编号", CellKind.ID, "代码", required=True, example=example)


_DATE_EXAMPLES = {"end": "2023-01-08", "left": "2026-12-31", "joined": "2021-12-01"}


def _date(name: str, zh: str, *aliases: str, required: bool = False) -> Column:
    example = _DATE_EXAMPLES.get(name, "2023-01-05")
    return _c(name, zh, CellKind.DATE, *aliases, required=required, example=example)


def _enum(
    name: str, zh: str, enum_type: type[LabeledEnum], *aliases: str, required: bool = False
) -> Column:
    first = next(iter(enum_type))
    return _c(
        name, zh, CellKind.ENUM, *aliases, required=required, enum=enum_type, example=first.label
    )


def _body(prefix: str, zh: str) -> tuple[Column, Column]:
    return (
        _enum(
            f"{prefix}_kind",
            f"{zh}类别",
            BodyKind,
        ),
        _c(
            f"{prefix}_id",
            zh,
            CellKind.TEXT,
            example="jiusan",
            note=f"filled together with {prefix}_kind; an id of the kind's table, or a free name "
            "for 办公室 (office) and 其他单位 (external)",
        ),
    )


_COMMITTEE = Table(
    "committee",
    "委员会",
    (
        _c("id", "编号", CellKind.ID, required=True, example="xiangzhou"),
        _c("name", "名称", CellKind.TEXT, required=True, example="襄州区政协"),
        _enum("level", "级别", Level, required=True),
        _c(
            "jurisdiction",
            "辖区代码",
            CellKind.ID,
            "辖区",
            required=True,
            example="hubei.xiangyang.xiangzhou",
            note="the key rule sets are registered under",
        ),
        _c(
            "parent_jurisdiction",
            "上级辖区代码",
            CellKind.ID,
            "上级辖区",
            example="hubei.xiangyang",
        ),
        _c(
            "reply_categories",
            "答复类别",
            CellKind.TEXT,
            "答复类别设置",
            example="A:已解决或采纳=solved；B:正在解决或列入计划=in_progress；C:留作参考=reference",
            note="the office's own reply categories, code:label=meaning; empty means A/B/C",
        ),
        _c(
            "satisfaction_levels",
            "满意度等级",
            CellKind.TEXT,
            "满意度设置",
            example="满意=satisfied；基本满意=basically_satisfied；不满意=dissatisfied",
            note="the office's own satisfaction scale, label=meaning; empty means "
            "满意/基本满意/不满意",
        ),
        _enum("merge_stage", "并案时机", MergeStage),
        _enum("filing_count", "立案口径", FilingCount),
        _enum("satisfaction_base", "满意率口径", SatisfactionBase, "满意率分母"),
        _enum("reply_base", "办复率口径", ReplyBase, "办复率分母"),
        _enum("closed_means", "办结口径", ClosedMeaning),
    ),
    aliases=("政协", "基本信息"),
    description="The committee itself, as key/value rows: a `key` (项目) column naming one of "
    "the fields below and a `value` (内容) column holding it.",
    key_value=True,
)

KEY_COLUMN = _c("key", "项目", CellKind.TEXT, "字段", "键", required=True, example="name")
VALUE_COLUMN = _c("value", "内容", CellKind.TEXT, "值", required=True, example="襄州区政协")

_TERMS = Table(
    "terms",
    "届次",
    (
        _c("number", "届次", CellKind.POSITIVE, "届", required=True, example="5"),
        _date("start", "开始日期", "起始日期", required=True),
        _date("end", "结束日期"),
    ),
    aliases=("届",),
    description="The committee's terms (届); `number` 5 is 第五届.",
)

_SESSIONS = Table(
    "sessions",
    "会议",
    (
        _c("term", "届次", CellKind.POSITIVE, "届", required=True, example="5"),
        _c("number", "会次", CellKind.POSITIVE, "次", required=True, example="2"),
        _date("start", "开始日期", "起始日期", required=True),
        _date("end", "结束日期", required=True),
        _enum("kind", "类别", SessionKind),
    ),
    aliases=("次会议", "全体会议"),
    description="Plenary sessions (次会议); a session's id is `term-number` (`5-2`), which "
    "activities and proposals use in `session_id`.",
)

_SECTORS = Table(
    "sectors",
    "界别",
    (_id("econ"), _c("name", "名称", CellKind.TEXT, "界别名称", required=True, example="经济界")),
    description="The sectors (界别) members sit for.",
)

_UNITS = Table(
    "units",
    "参加单位",
    (
        _id("jiusan"),
        _c("name", "名称", CellKind.TEXT, "全称", required=True, example="九三学社"),
        _c("short_name", "简称", CellKind.TEXT, required=True, example="九三学社"),
        _enum("kind", "类别", UnitKind, required=True),
    ),
    aliases=("党派团体", "党派"),
    description="Participating units (参加单位): the CPC, the democratic parties, 工商联, "
    "无党派人士 and the people's organisations.",
)

_SPECIAL_COMMITTEES = Table(
    "special_committees",
    "专门委员会",
    (
        _id("tian"),
        _c("name", "名称", CellKind.TEXT, required=True, example="提案委员会"),
        _c("short_name", "简称", CellKind.TEXT, example="提案委"),
    ),
    aliases=("专委会",),
    description="Special committees (专门委员会).",
)

_ACTIVITY_GROUPS = Table(
    "activity_groups",
    "活动组",
    (
        _id("g1"),
        _c("name", "名称", CellKind.TEXT, required=True, example="第一活动组"),
        _enum("kind", "类别", GroupKind, required=True),
        _c("paired_committee_id", "对口专委会", CellKind.ID, example="tian"),
        _c("party_branch", "功能型党支部", CellKind.TEXT, "党支部", example="第一活动组党支部"),
    ),
    aliases=("委员活动组",),
    description="Activity groups (委员活动组); members name theirs in `activity_group_id`.",
)

_MEMBERS = Table(
    "members",
    "委员",
    (
        _id("m001"),
        _c("name", "姓名", CellKind.TEXT, "名字", required=True, example="张三"),
        _c("sector_id", "界别", CellKind.ID, "界别编号", required=True, example="econ"),
        _c("unit_id", "参加单位", CellKind.ID, "党派", "党派团体", example="jiusan"),
        _c("activity_group_id", "活动组", CellKind.ID, "委员活动组", example="g1"),
        _c("special_committee_ids", "专委会", CellKind.IDS, "专门委员会", example="tian；jingji"),
        _enum("gender", "性别", Gender),
        _date("joined", "任职日期", "加入日期"),
        _date("left", "离任日期", "退出日期"),
        _c(
            "workplace",
            "工作单位及职务",
            CellKind.TEXT,
            "工作单位",
            "单位职务",
            example="某中学校长",
        ),
        _c(
            "tags",
            "身份标签",
            CellKind.TEXTS,
            "标签",
            example="驻会常委；召集人",
            note="free role tags beside the dated roles, read by HasRole",
        ),
    ),
    aliases=("委员名单", "名册"),
    description="The roster: one row per member. Roles are in the `roles` table.",
)

_ROLES = Table(
    "roles",
    "职务",
    (
        _c("member_id", "委员编号", CellKind.ID, "委员", required=True, example="m001"),
        _enum("role", "职务", RoleKind, required=True),
        _date("start", "开始日期", "起始日期", required=True),
        _date("end", "结束日期"),
        _c(
            "body_id",
            "所属组织",
            CellKind.ID,
            example="g1",
            note="the special committee or activity group the role belongs to",
        ),
    ),
    aliases=("委员职务", "任职"),
    description="Dated roles (常委, 主席, 活动组组长 …), one row per spell; a member's roles keep "
    "the order of their rows.",
)

_ACTIVITIES = Table(
    "activities",
    "活动",
    (
        _id("a001"),
        _enum("kind", "类别", ActivityKind, required=True),
        _c(
            "title",
            "名称",
            CellKind.TEXT,
            "标题",
            "活动名称",
            required=True,
            example="五届二次会议",
        ),
        _date("start", "开始日期", "日期", required=True),
        _date("end", "结束日期"),
        _c("half_days", "半天数", CellKind.POSITIVE, example="6", note="empty means 1"),
        *_body("organiser", "组织者"),
        _c("session_id", "会议", CellKind.ID, "会议编号", example="5-2"),
    ),
    aliases=("会议活动",),
    description="Meetings and activities; their roll calls are in the `attendance` table.",
)

_ATTENDANCE = Table(
    "attendance",
    "出勤",
    (
        _c("activity_id", "活动编号", CellKind.ID, "活动", required=True, example="a001"),
        _c("member_id", "委员编号", CellKind.ID, "委员", required=True, example="m001"),
        _enum("status", "出勤状态", AttendanceStatus, "出勤", "状态"),
        _enum("role", "参与角色", ParticipationRole, "角色"),
        _c(
            "half_days",
            "出席半天数",
            CellKind.COUNT,
            example="4",
            note="only where the member attended part of the activity",
        ),
    ),
    aliases=("考勤", "出席情况"),
    description="Roll calls: one row per member invited to or present at an activity. Empty "
    "`status` means 出席 (present), empty `role` 参加 (participant).",
)

_PROPOSALS = Table(
    "proposals",
    "提案",
    (
        _id("p001"),
        _c(
            "subject",
            "案由",
            CellKind.TEXT,
            "标题",
            "题目",
            required=True,
            example="关于加强社区养老服务的建议",
        ),
        _date("submitted_on", "提交日期", required=True),
        _enum("proposer_kind", "提案者类别", ProposerKind, "提案类型", required=True),
        _c(
            "member_ids",
            "提案人",
            CellKind.IDS,
            "提案人编号",
            example="m001；m002",
            note="member ids in signing order (the first is the lead proposer); for a collective "
            "proposal, its named main members",
        ),
        *_body("body", "集体提案单位"),
        _c("session_id", "会议", CellKind.ID, "会议编号", example="5-2"),
        _c("topic", "类别", CellKind.TEXT, "主题", "分类", example="社会建设"),
    ),
    description="Proposals (提案); their history is in `proposal_events`.",
)

_PROPOSAL_EVENTS = Table(
    "proposal_events",
    "提案办理",
    (
        _c("proposal_id", "提案编号", CellKind.ID, "提案", required=True, example="p001"),
        _enum("step", "环节", ProposalStep, required=True),
        _date("on", "日期", required=True),
        _c("case_number", "案号", CellKind.TEXT, "立案号", example="12"),
        _c(
            "parent_id", "并入提案", CellKind.ID, "并案提案", example="p001", note="needed for 并案"
        ),
        _c("reason", "理由", CellKind.TEXT, "原因", example="属于个人诉求"),
        _c("converted_to", "转为", CellKind.TEXT, example="意见建议"),
        _c(
            "units",
            "承办单位",
            CellKind.UNITS,
            example="区民政局（主办）；区卫健局（会办）",
            note="needed for 交办 and 重新交办; each unit may end with its part in brackets",
        ),
        _c(
            "reply",
            "答复类别",
            CellKind.TEXT,
            "答复",
            example="A类",
            note="a category of the committee's reply_categories (A类/B类/C类 by default)",
        ),
        _c(
            "satisfaction",
            "满意度",
            CellKind.TEXT,
            example="满意",
            note="a level of the committee's satisfaction_levels (满意/基本满意/不满意 by default)",
        ),
        _c("face_to_face", "是否见面", CellKind.BOOL, "见面", example="是"),
        _c("leader", "领导", CellKind.TEXT, "督办领导", "批示领导", example="区长"),
        _enum("level", "级别", Level),
        _c("note", "备注", CellKind.TEXT, "说明", example="按期办复"),
    ),
    aliases=("提案环节", "提案进程"),
    description="A proposal's history, one row per step; the steps of one proposal keep the "
    "order of their rows, and their dates may not go backwards.",
)

_INFO_REPORTS = Table(
    "info_reports",
    "社情民意",
    (
        _id("r001"),
        _c(
            "title",
            "标题",
            CellKind.TEXT,
            "题目",
            required=True,
            example="关于老旧小区加装电梯的建议",
        ),
        _date("submitted_on", "报送日期", "提交日期", required=True),
        _c("author_ids", "作者", CellKind.IDS, "报送人", example="m001；m003"),
        *_body("body", "报送单位"),
        _c(
            "activity_id",
            "来源活动",
            CellKind.ID,
            "来源活动编号",
            example="a001",
            note="the activity (视察, 调研 …) the item came from",
        ),
    ),
    aliases=("社情民意信息",),
    description="社情民意 items; each needs authors or an authoring body. Their history is in "
    "`info_events`.",
)

_INFO_EVENTS = Table(
    "info_events",
    "社情民意办理",
    (
        _c("report_id", "信息编号", CellKind.ID, "信息", required=True, example="r001"),
        _enum("step", "环节", InfoStep, required=True),
        _date("on", "日期", required=True),
        _enum("level", "级别", Level),
        _c("leader", "领导", CellKind.TEXT, "批示领导", example="市长"),
        _c("issue", "期号", CellKind.TEXT, "刊期", example="2023-7"),
        _c("combined_with", "合编信息", CellKind.IDS, "合编", example="r002"),
        _c("note", "备注", CellKind.TEXT, "说明", example=""),
    ),
    aliases=("社情民意环节",),
    description="The history of 社情民意 items, one row per step, in order; 转报, 采用 and 批示 "
    "need a `level`.",
)

_CONTRIBUTIONS = Table(
    "contributions",
    "履职成果",
    (
        _id("c001"),
        _enum("kind", "类别", ContributionKind, required=True),
        _c("title", "标题", CellKind.TEXT, "题目", required=True, example="关于乡村振兴的调研报告"),
        _date("on", "日期", required=True),
        _c("author_ids", "作者", CellKind.IDS, example="m001"),
        *_body("body", "单位"),
        _enum("level", "级别", Level),
        _c("length_chars", "字数", CellKind.POSITIVE, example="5000"),
        _c("note", "备注", CellKind.TEXT, "说明", example=""),
        _c(
            "amount",
            "数额",
            CellKind.NUMBER,
            "金额",
            example="20000",
            note="an exact figure a rule may value (money raised, hours, households)",
        ),
        _date("reported_on", "报送日期", "登记日期"),
    ),
    aliases=("其他履职",),
    description="Other contributions: research reports, 文史资料, speeches, 述职 …",
)

_WORK_PLANS = Table(
    "work_plans",
    "工作要点",
    (
        _id("wp2023"),
        _c("year", "年度", CellKind.POSITIVE, "年份", required=True, example="2023"),
        _c("title", "标题", CellKind.TEXT, "名称", required=True, example="2023年工作要点"),
    ),
    aliases=("工作计划",),
    description="Annual work plans (年度工作要点); their items are in `work_items`.",
)

_WORK_ITEMS = Table(
    "work_items",
    "工作事项",
    (
        _c("plan_id", "工作要点编号", CellKind.ID, "工作要点", required=True, example="wp2023"),
        _c("number", "序号", CellKind.POSITIVE, required=True, example="1"),
        _enum("category", "类别", WorkCategory, required=True),
        _c(
            "title",
            "事项",
            CellKind.TEXT,
            "标题",
            required=True,
            example="围绕优化营商环境开展专题协商",
        ),
        _c("lead_bodies", "牵头单位", CellKind.TEXTS, example="经济委；提案委"),
        _enum("status", "完成情况", WorkItemStatus, "进度"),
    ),
    aliases=("重点工作",),
    description="The numbered items of each work plan. Empty `status` means 计划 (planned).",
)

_AWARD_RECORDS = Table(
    "award_records",
    "表彰评审",
    (
        _id("ar001"),
        _c("award_id", "奖项", CellKind.ID, "奖项编号", required=True, example="excellent_member"),
        _c("subject_id", "对象", CellKind.ID, "对象编号", required=True, example="m001"),
        _c("year", "年度", CellKind.POSITIVE, "年份", required=True, example="2023"),
        _enum("stage", "环节", AwardStage, required=True),
        _date("on", "日期"),
        _c("by", "决定机构", CellKind.TEXT, "审定", example="主席会议"),
        _c("note", "备注", CellKind.TEXT, "说明", example=""),
    ),
    aliases=("表彰记录", "评选记录"),
    description="An award's review: one row per subject reaching a stage "
    "(推荐 nominated, 审核 reviewed, 审定 approved, 未通过 not approved) in a year.",
)

_INPUTS = Table(
    "inputs",
    "评分录入",
    (
        _c(
            "subject_id",
            "对象编号",
            CellKind.ID,
            "委员编号",
            "委员",
            "对象",
            required=True,
            example="m001",
            note="a member id, or a group's, unit's … id with subject_kind",
        ),
        _c(
            "period",
            "期间",
            CellKind.PERIOD,
            "年度",
            "考核期",
            required=True,
            example="2023",
            note="2023, 2023-Q3, 2023-H1 or START..END",
        ),
        _c(
            "key", "项目", CellKind.TEXT, "录入项", "指标", required=True, example="employer_rating"
        ),
        _c(
            "value",
            "分值",
            CellKind.NUMBER,
            "数值",
            "得分",
            required=True,
            example="8.5",
            note='exact: 8, 8.5 or 17/2 (write "8.5" as text in a spreadsheet if you can)',
        ),
        _enum("subject_kind", "对象类别", InputSubject),
        _c("note", "备注", CellKind.TEXT, "说明", example="所在单位年度评价"),
        _c("source", "来源", CellKind.TEXT, "录入来源", "出处", example="区委组织部"),
    ),
    aliases=("外部录入", "录入分", "given_scores"),
    description="Figures given from outside the ledger (评分录入): a platform's score, an "
    "employer's or a community's rating, a discipline finding, a net bonus a meeting decided. "
    "One row per subject, period and key; rules read them with `External`. Empty "
    "`subject_kind` means 委员 (a member).",
)

TABLES: tuple[Table, ...] = (
    _COMMITTEE,
    _TERMS,
    _SESSIONS,
    _SECTORS,
    _UNITS,
    _SPECIAL_COMMITTEES,
    _ACTIVITY_GROUPS,
    _MEMBERS,
    _ROLES,
    _ACTIVITIES,
    _ATTENDANCE,
    _PROPOSALS,
    _PROPOSAL_EVENTS,
    _INFO_REPORTS,
    _INFO_EVENTS,
    _CONTRIBUTIONS,
    _WORK_PLANS,
    _WORK_ITEMS,
    _AWARD_RECORDS,
    _INPUTS,
)
"""Every table of the format, in the order they are read and written."""

own_simplified_texts(
    text
    for table in TABLES
    for text in (
        *table.names,
        *(
            header
            for column in (*table.columns, KEY_COLUMN, VALUE_COLUMN)
            for header in column.headers
        ),
    )
)  # the format's own names and headers: reading them needs no OpenCC converter

COMMITTEE_FIELDS = tuple(column.name for column in _COMMITTEE.columns)
"""The committee fields the ``committee`` table holds, read and written alike."""

EVENT_FIELDS = (
    "step",
    "on",
    "case_number",
    "parent_id",
    "reason",
    "converted_to",
    "units",
    "reply",
    "satisfaction",
    "face_to_face",
    "leader",
    "level",
    "note",
)
"""The proposal-event attributes a ``proposal_events`` row holds, read and written alike."""

INFO_EVENT_FIELDS = ("step", "on", "level", "leader", "issue", "combined_with", "note")
"""The 社情民意-event attributes an ``info_events`` row holds, read and written alike."""


@functools.cache
def _table_index() -> dict[str, Table]:
    return {normalize_label(name): table for table in TABLES for name in table.names}


def table_named(name: str) -> Table | None:
    """The table a file stem or sheet name names (English or Chinese, either script), if any."""
    return _table_index().get(normalize_label(name))


def table_by_name(name: str) -> Table:
    """The table whose English name is ``name``."""
    for table in TABLES:
        if table.name == name:
            return table
    raise KeyError(name)


def all_table_names() -> list[str]:
    """Every name of every table, for suggestions."""
    return [name for table in TABLES for name in table.names]
