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
)
"""The hints about records that do not fit."""
