"""Codes ``S``: scoring — assessment, the engine, rankings, groups, cohorts, awards, statistics."""

from __future__ import annotations

from cppcc_model.catalogue._entry import Entry

__all__ = ["HINTS", "MESSAGES"]

MESSAGES: tuple[Entry, ...] = (
    # S0xx: assessment and the engine
    Entry(
        "member {value} has no score card in this assessment",
        "本次评分中没有委员 {value} 的得分卡",
        "S001",
    ),
    Entry("engine {value} is not known", "未知的计算引擎 {value}", "S002"),
    Entry(
        "the ledger changed while it was being scored; a rule may only read it",
        "评分过程中台账被改动了；规则只能读取台账",
        "S003",
    ),
    Entry(
        "a rule failed while scoring: {exception}: {reason}",
        "评分时规则出错：{exception}：{reason}",
        "S004",
        value="reason",
    ),
    Entry(
        "a rule failed while scoring member {value}: {exception}: {reason}",
        "为委员 {value} 评分时规则出错：{exception}：{reason}",
        "S005",
    ),
    Entry(
        "item {id} failed while scoring member {value}: {exception}: {reason}",
        "为委员 {value} 评分时项目 {id} 出错：{exception}：{reason}",
        "S006",
    ),
    Entry(
        "{label}: no {value} was given for {period}",
        "{label}：没有录入 {value} 在 {period} 的数据",
        "S007",
    ),
    Entry(
        "no term (届) in the ledger covers {value}, so a term-window trigger cannot be counted",
        "台账中没有覆盖 {value} 的届次，无法统计按届计算的触发条件",
        "S008",
    ),
    Entry("cannot replace a {value}", "不能替换{value}", "S009"),
    Entry("no {kind} with id {value} to replace", "没有编号为 {value} 的{kind}可替换", "S010"),
    Entry(
        "proposal {id} is merged into unknown proposal {value}",
        "提案 {id} 并入了不存在的提案 {value}",
        "S011",
    ),
    Entry(
        "{kind} {id} names unknown members: {value}",
        "{kind} {id} 写了不存在的委员：{value}",
        "S012",
    ),
    Entry(
        "function {value} ran longer than {limit} seconds and was stopped",
        "函数 {value} 运行超过 {limit} 秒，已被终止",
        "S013",
    ),
    Entry(
        "function {value} tried to end the program (SystemExit {code})",
        "函数 {value} 试图结束程序（SystemExit {code}）",
        "S014",
    ),
    Entry(
        "function {value} failed: {exception}: {reason}",
        "函数 {value} 出错：{exception}：{reason}",
        "S015",
    ),
    Entry(
        "function {value} changed the fact it was given (record {record}); a rule may only read it",
        "函数 {value} 改动了传给它的事实（记录 {record}）；规则只能读取",
        "S016",
    ),
    Entry("{t_message} (it returned {kind})", "{t_message}（它返回了 {kind}）", "S017"),
    Entry("{value}={raw} is not a number of seconds", "{value}={raw} 不是秒数", "S018"),
    # S1xx: rankings, groups and cohorts
    Entry(
        "score {value} ({kind}) is not an exact number",
        "分数 {value}（{kind}）不是精确的数",
        "S101",
    ),
    Entry("score {value} is not a finite number", "分数 {value} 不是有限的数", "S102"),
    Entry(
        "TieBreaker.label must be non-empty text, got {value}",
        "TieBreaker.label 必须是非空文本，实际为 {value}",
        "S103",
    ),
    Entry("{value} is not in this ranking", "{value} 不在这个排名中", "S104"),
    Entry("{value} is not a (subject id, score) pair", "{value} 不是（对象编号, 分数）对", "S105"),
    Entry(
        "subject id {value} is not a non-empty string", "对象编号 {value} 不是非空字符串", "S106"
    ),
    Entry(
        "subjects given more than one score: {value}", "被给了不止一个分数的对象：{value}", "S107"
    ),
    Entry(
        "tie-breaker {value} is not a TieBreaker", "并列排序依据 {value} 不是 TieBreaker", "S108"
    ),
    Entry("cannot summarise requirements by {value}", "不能按 {value} 汇总基本要求", "S109"),
    Entry(
        "there are no group subjects of the kind {value}", "没有 {value} 类的集体考核对象", "S110"
    ),
    Entry(
        "a {value} measure needs the members' assessment", "{value} 指标需要委员的评分结果", "S111"
    ),
    Entry(
        "no value of {value} was given for {name} ({id})",
        "没有录入{name}（{id}）的 {value}",
        "S112",
    ),
    Entry("{value} is not a group measure", "{value} 不是集体考核指标", "S113"),
    Entry("no body {value} was assessed", "没有考核 {value} 这个单位", "S114"),
    Entry(
        "{value} has no standing in cohort {cohort}", "{value} 在比较组 {cohort} 中没有名次", "S115"
    ),
    Entry(
        "minimum cohort size must be a whole number of at least 2, got {value}",
        "比较组的最小人数必须是不小于 2 的整数，实际为 {value}",
        "S116",
    ),
    Entry(
        "cohort {value} of {subject} is not a CohortKey",
        "{subject} 的比较组 {value} 不是 CohortKey",
        "S117",
    ),
    Entry(
        "subjects assigned to cohorts have no score: {value}",
        "分入比较组的对象没有分数：{value}",
        "S118",
    ),
    Entry(
        "attendance by sector needs the ledger's roster",
        "按界别统计出勤需要台账中的委员名单",
        "S119",
    ),
    # S2xx: awards
    Entry("the score card has no {kind} {value}", "得分卡中没有{kind} {value}", "S201"),
    Entry(
        "award {id} needs the results of group rule {value}",
        "奖项 {id} 需要集体考核规则 {value} 的结果",
        "S202",
    ),
    Entry(
        "award {id} is for {label}, but group rule {value} assesses {other}",
        "奖项 {id} 评的是{label}，但集体考核规则 {value} 考核的是{other}",
        "S203",
    ),
    Entry(
        "award {value} ranks members, so it needs their assessment",
        "奖项 {value} 对委员排名，因此需要委员的评分结果",
        "S204",
    ),
    Entry(
        "an award scores under the rule set {value}, and no registry was given",
        "奖项按规则集 {value} 评分，但没有给出规则集登记表",
        "S205",
    ),
    Entry("award {value} states no periods", "奖项 {value} 没有写明考核期间", "S206"),
    Entry(
        "award {id} looks at {count} periods, {value} were given",
        "奖项 {id} 需要 {count} 个考核期间，实际给了 {value} 个",
        "S207",
    ),
    Entry(
        "award {id}: {label} needs {needed} of {chosen} winners tagged {tag}, but only {value} "
        "eligible candidates are",
        "奖项 {id}：“{label}”要求 {chosen} 名获奖者中有 {needed} 名带 {tag} 标签，"
        "但符合条件的候选人只有 {value} 名",
        "S208",
    ),
    # S3xx: statistics
    Entry("there is no 社情民意 rate called {value}", "没有名为 {value} 的社情民意比率", "S301"),
    Entry(
        "社情民意 items cannot be grouped by {label} ({value})",
        "社情民意信息不能按{label}（{value}）分组",
        "S302",
    ),
    Entry("there is no proposal rate called {value}", "没有名为 {value} 的提案比率", "S303"),
    Entry("proposals do not record a source activity", "提案没有记录来源活动", "S304"),
    Entry("statistics need a date or a period", "统计需要日期或考核期间", "S305"),
    Entry(
        "cannot show a percentage with {value} decimal places",
        "不能以 {value} 位小数显示百分比",
        "S306",
    ),
    Entry(
        "Figure.{field} must be a whole number of at least 0, got {value}",
        "Figure.{field} 必须是不小于 0 的整数，实际为 {value}",
        "S307",
    ),
)
"""Every message about scoring, with its code."""

HINTS: tuple[Entry, ...] = (
    # award reasons (why a candidate did not win): texts, not errors
    Entry("not eligible: {t_why}", "不符合条件：{t_why}"),
    Entry("does not meet the criteria", "不符合评选条件"),
    Entry("score {score} is below the minimum {minimum}", "得分 {score} 低于最低分 {minimum}"),
    Entry("ranked {place}, below the quota of {quota}", "排名第 {place}，在名额 {quota} 之外"),
    Entry(
        "ranked {place}, displaced so that {label} ({needed} of {count}) holds",
        "排名第 {place}，为满足“{label}”（{count} 名中需 {needed} 名）而让出",
    ),
    Entry(
        "tied at {score} across the quota of {quota}; a tie at the cut wins nothing "
        "(ties='exclude')",
        "得分 {score} 在第 {quota} 名处并列；按规定并列者均不入选（ties='exclude'）",
    ),
    Entry("holds {roles}", "担任 {roles}"),
    Entry("did not meet {what}", "未达到 {what}"),
    Entry("grade {grade} is not {grades}", "等次 {grade} 不符（需为 {grades}）"),
    Entry("has no record of {what}", "没有 {what} 的记录"),
    Entry("does not match {what}", "不符合 {what}"),
)
"""Texts of scoring without a code: hints, and the reasons a candidate did not win."""
