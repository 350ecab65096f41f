"""Codes ``I``: integrity — records that do not fit together; proposal and 社情民意 lifecycles."""

from __future__ import annotations

from cppcc_model.catalogue._entry import Entry

__all__ = ["HINTS", "MESSAGES"]

MESSAGES: tuple[Entry, ...] = (
    # I0xx: the ledger's records
    Entry("the ledger's records do not fit together", "台账中的记录对不上", "I001"),
    Entry("two {kind} have the id {value}", "有两条{kind}的编号都是 {value}", "I002"),
    Entry(
        "{record} names the {what} {value}, which is not in the ledger",
        "{record} 写的{what} {value} 不在台账中",
        "I003",
    ),
    Entry("{value} is not in {table}", "{table}中没有 {value}", "I004"),
    Entry("the proposal is merged into itself", "提案被并入了它自己", "I005"),
    Entry(
        "two inputs give {key} for {value} over {period}",
        "有两条录入都给出了 {value} 在 {period} 的 {key}",
        "I006",
        value="value",
    ),
    Entry("no member has the id {value}", "没有编号为 {value} 的委员", "I007"),
    Entry("no proposal has the id {value}", "没有编号为 {value} 的提案", "I008"),
    Entry("no member has the id or name {value}", "没有编号或姓名为 {value} 的委员", "I009"),
    Entry(
        "{count} members are named {value} ({ids})",
        "有 {count} 位委员都叫 {value}（{ids}）",
        "I010",
    ),
    # I1xx: proposal lifecycles
    Entry(
        "some proposal histories break the lifecycle", "有些提案的办理记录不符合办理流程", "I101"
    ),
    Entry(
        "{record} is {state}; the step {value} is not allowed: {t_reason}",
        "{record} 处于 {state} 状态；不能进行 {value} 环节：{t_reason}",
        "I102",
    ),
    Entry(
        "{record} is {state}; the step {value} is not allowed",
        "{record} 处于 {state} 状态；不能进行 {value} 环节",
        "I103",
    ),
    Entry(
        "the step {value} on {on} is dated before the last recorded date {previous}",
        "{on} 的 {value} 环节早于上一次记录的日期 {previous}",
        "I104",
    ),
    Entry(
        "the assignment of {record} is not valid: {t_problem}",
        "{record} 的交办不成立：{t_problem}",
        "I105",
    ),
    Entry(
        "{record} records its submission on {value} but was submitted on {submitted}",
        "{record} 记录的提交环节在 {value}，但提交日期是 {submitted}",
        "I106",
    ),
    Entry(
        "{label} ({step}) of {record} on {on} needs {t_what}",
        "{record} 在 {on} 的“{label}”（{step}）环节需要{t_what}",
        "I107",
    ),
    Entry("{value} cannot be merged into itself", "{value} 不能并入它自己", "I108"),
    Entry(
        "{record} is replied on {on} with the category {value}, which is not one of this "
        "committee's reply categories",
        "{record} 在 {on} 的答复类别 {value} 不是本委员会的答复类别",
        "I109",
    ),
    Entry(
        "{record} is rated {value} on {on}, which is not one of this committee's satisfaction "
        "levels",
        "{record} 在 {on} 的评价 {value} 不是本委员会的满意度等级",
        "I110",
    ),
    Entry(
        "{record} is merged into {value} but the parent given is {given}",
        "{record} 并入的是 {value}，但给出的主提案是 {given}",
        "I111",
    ),
    Entry(
        "并案 goes round in a circle: {value}; no proposal of the circle is the case the others "
        "were merged into",
        "并案形成了循环：{value}；循环中没有哪一件是其他提案并入的主提案",
        "I112",
    ),
    Entry(
        "submitted on {value} to {label}, whose window is {first}..{last}",
        "提交日期 {value} 属于{label}，但它的提交期是 {first}..{last}",
        "I113",
    ),
    Entry(
        "dated {value}, during {label}, but recorded as submitted between sessions",
        "日期为 {value}，在{label}期间，却记为闭会期间提交",
        "I114",
    ),
    Entry(
        "the official holiday calendar has no data for {value} (it covers {first} to {last})",
        "官方节假日日历没有 {value} 的数据（只覆盖 {first} 至 {last}）",
        "I115",
    ),
    Entry("cannot count {value} working days", "无法计算 {value} 个工作日", "I116"),
    Entry(
        "an extension cap of {value} months is shorter than the {reply}-month reply limit",
        "延期上限 {value} 个月短于 {reply} 个月的答复期限",
        "I117",
    ),
    Entry(
        "并案 on {on} merges {record} into {value}, which is not among the proposals",
        "{on} 的并案把 {record} 并入 {value}，但提案中没有 {value}",
        "I119",
    ),
    Entry(
        "并案 on {on} merges {record} into {value}, which is {state} on that day, not a filed case",
        "{on} 的并案把 {record} 并入 {value}，但它当天处于{state}状态，不是已立案的提案",
        "I120",
    ),
    Entry(
        "并案 on {on} merges {record} into {value}, which was itself merged into {parent} by then",
        "{on} 的并案把 {record} 并入 {value}，但它那时已并入 {parent}",
        "I121",
    ),
    Entry(
        "{label} on {on} is not allowed: {record} is {state} by then ({t_reason})",
        "{on} 的“{label}”不能进行：{record} 那时处于{state}状态（{t_reason}）",
        "I122",
        value="label",
    ),
    Entry(
        "{label} on {on} is not allowed: {record} is {state} by then",
        "{on} 的“{label}”不能进行：{record} 那时处于{state}状态",
        "I123",
        value="label",
    ),
    Entry(
        "{label} on {value} is dated before the step before it ({previous})",
        "{value} 的“{label}”早于前一个环节（{previous}）",
        "I124",
    ),
    Entry(
        "DeadlineRules.{field} must be a whole number of at least 1, got {value}",
        "DeadlineRules.{field} 必须是不小于 1 的整数，实际为 {value}",
        "I118",
    ),
)
"""Every message about records that do not fit, with its code."""

HINTS: tuple[Entry, ...] = (
    Entry("{label} on {on}: {t_message}", "{on} 的“{label}”：{t_message}"),
    Entry("add it to {table} or correct the id", "请在{table}中添加它，或改正编号"),
    Entry("add it there, or correct the id or the kind", "请在那里添加它，或改正编号或类别"),
    Entry("check the roster", "请核对委员名单"),
    Entry("use the member id instead of the name", "请改用委员编号"),
    Entry(
        "fix the records named below; nothing was loaded", "请改正下列记录；本次没有读入任何数据"
    ),
    Entry("check the id against the roster (members)", "请对照委员名单核对编号"),
    Entry("check the proposal id", "请核对提案编号"),
    Entry(
        "give each figure once per subject and period; correct or remove one",
        "每个对象每个期间的数据只给一次；请改正或删除其中一条",
    ),
    Entry("add the {what} to the roster or correct the id", "请在名单中添加该{what}，或改正编号"),
    Entry(
        "upgrade the chinesecalendar package, or count the deadline by hand",
        "请升级 chinesecalendar 包，或手工计算期限",
    ),
    Entry("use 0 or more", "请用 0 或更大的数"),
    Entry("give the time limit the rule text states", "请按规则原文填写期限"),
    Entry("make max_months at least reply_months", "max_months 不能小于 reply_months"),
    Entry(
        "use one sole unit, several split units, or one lead unit with co-handling units",
        "请用一个单办单位、几个分办单位，或一个主办单位加会办单位",
    ),
    Entry("fill in {value}", "请填写 {value}"),
    Entry("pass the proposal named in parent_id", "请传入 parent_id 所写的提案"),
    Entry(
        "merge into a proposal filed on or before the merge date",
        "请并入在并案日或之前已立案的提案",
    ),
    Entry(
        "merge every proposal of the group into the one filed case",
        "请把这一组提案都并入那一件已立案的提案",
    ),
    Entry("merge into a proposal filed on or before that day", "请并入在当天或之前已立案的提案"),
    Entry("correct the steps named below", "请改正下列环节"),
    Entry(
        "correct the date or the session, or clear the session for a proposal submitted between "
        "sessions (平时提案)",
        "请改正日期或会次；闭会期间提交的提案（平时提案）请清空会次",
    ),
    Entry(
        "set its session to {value} if it was a plenary proposal (大会提案)",
        "如果是大会提案，请把会次设为 {value}",
    ),
    Entry("name the filed proposal it was merged into", "请写明它并入的已立案提案"),
    Entry(
        "date the first 提交 step on the proposal's submitted_on",
        "第一个“提交”环节的日期请与提案的提交日期一致",
    ),
    Entry(
        "date the first 报送 step on the item's submitted_on",
        "第一个“报送”环节的日期请与信息的报送日期一致",
    ),
    Entry(
        "dates in a history cannot go backwards; check the date or the order of steps",
        "办理记录中的日期不能倒退；请检查日期或环节的顺序",
    ),
    Entry("from {state} a proposal can take: no further step", "{state}的提案不能再进行任何环节"),
    Entry("from {state} a proposal can take: {steps}", "{state}的提案可以进行：{steps}"),
    Entry("from {state} an item can take: no further step", "{state}的信息不能再进行任何环节"),
    Entry("from {state} an item can take: {steps}", "{state}的信息可以进行：{steps}"),
    # reasons a step is refused, and what a step needs
    Entry(
        "only a filed proposal can be designated or followed up",
        "只有已立案的提案才能确定重点或跟踪督办",
    ),
    Entry("it is already a key proposal", "它已经是重点提案"),
    Entry("it is already an excellent proposal", "它已经是优秀提案"),
    Entry(
        "a proposal is rated excellent only after it was replied", "提案答复之后才能评为优秀提案"
    ),
    Entry(
        "the proposer's rating ({value}) does not call for it",
        "提案人的评价（{value}）不需要这一环节",
    ),
    Entry(
        "its reply category ({value}) is not followed up", "它的答复类别（{value}）不需要跟踪落实"
    ),
    Entry("a case number (案号)", "案号"),
    Entry("a reason for not filing it", "不予立案的理由"),
    Entry(
        "this committee merges proposals {stage} (merge_stage {value})",
        "本委员会在{stage}并案（merge_stage {value}）",
    ),
    Entry(
        "the objection window closed on {value} ({days} working days after {assigned})",
        "异议期已于 {value} 截止（交办日 {assigned} 之后 {days} 个工作日）",
    ),
    Entry(
        "it was re-handled {value} time(s), the most the rules allow",
        "它已重新办理 {value} 次，达到规则允许的上限",
    ),
    Entry(
        "use one of: {choices}, or state the office's own categories in the committee's "
        "reply_categories",
        "请从以下选择：{choices}；或在委员会的 reply_categories 中写明本办的答复类别",
    ),
    Entry(
        "use one of: {choices}, or state the office's own scale in the committee's "
        "satisfaction_levels",
        "请从以下选择：{choices}；或在委员会的 satisfaction_levels 中写明本办的满意度等级",
    ),
    Entry(
        "its parent {value} is {state} on {on}, not a filed case",
        "它的主提案 {value} 在 {on} 处于{state}状态，不是已立案的提案",
    ),
)
"""The hints about records that do not fit."""
