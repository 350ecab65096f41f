"""Codes ``C``: the command line and the HTTP service."""

from __future__ import annotations

from cppcc_model.catalogue._entry import Entry

__all__ = ["HINTS", "MESSAGES"]

MESSAGES: tuple[Entry, ...] = (
    Entry(
        "--year and --period both give the period", "--year 和 --period 都指定了考核期间", "C001"
    ),
    Entry(
        "the dataset has no dated record to choose a year from",
        "数据中没有带日期的记录，无法确定考核年度",
        "C002",
    ),
    Entry(
        "no rule set is installed for the dataset's jurisdiction {value}",
        "没有为本数据的辖区 {value} 安装考核规则",
        "C003",
    ),
    Entry(
        "{name} ({value}) did not serve during {period}",
        "{name}（{value}）在 {period} 期间未任委员",
        "C004",
    ),
    Entry(
        "the rule set {name} has no group rules {value}",
        "规则集 {name} 没有集体考核规则 {value}",
        "C005",
    ),
    Entry(
        "cppcc serve needs {value}, which is not installed",
        "cppcc serve 需要 {value}，但没有安装",
        "C006",
    ),
    Entry("the dataset has no work plan for {value}", "数据中没有 {value} 年的工作要点", "C007"),
    Entry("the dataset has no work plan", "数据中没有工作要点", "C008"),
    Entry("{option} {value} is not in the dataset", "数据中没有 {option} {value}", "C009"),
    Entry(
        "give the dataset as `ledger` (the JSON form) or as `tables` (rows), exactly one",
        "请用 `ledger`（JSON 形式）或 `tables`（行）给出数据，二者只能选一",
        "C010",
    ),
    Entry("there are no statistics of {value}", "没有 {value} 的统计", "C011"),
    Entry("the request body is not valid", "请求体无效", "C012"),
)
"""Every message of the command line and the service, with its code."""

HINTS: tuple[Entry, ...] = (
    Entry("give only one", "只给其中一个"),
    Entry("give --year YYYY or --period", "请用 --year YYYY 或 --period 指定考核期间"),
    Entry(
        "name the rules with --rules (see `cppcc plugins`), or give a .toml file",
        "请用 --rules 指定规则（可用 `cppcc plugins` 查看），或给出 .toml 规则文件",
    ),
    Entry(
        "choose a period in which the member served (--year / --period)",
        "请选择该委员在任的期间（--year / --period）",
    ),
    Entry(
        "give a rule set's name, a jurisdiction (optionally @YYYY-MM-DD) or a .toml file",
        "请给出规则集名称、辖区（可加 @YYYY-MM-DD）或 .toml 文件",
    ),
    Entry(
        "add the work_plans and work_items tables (工作要点, 工作事项)",
        "请添加 work_plans 和 work_items 表（工作要点、工作事项）",
    ),
    Entry(
        "send the request body the OpenAPI document describes", "请按 OpenAPI 文档的描述发送请求体"
    ),
    Entry(
        'send {{"ledger": {{"format": "cppcc-ledger", …}}}} or {{"tables": {{"members": […]}}}}',
        '请发送 {{"ledger": {{"format": "cppcc-ledger", …}}}} 或 {{"tables": {{"members": […]}}}}',
    ),
    Entry(
        "choose a period in which the member served (year / period)",
        "请选择该委员在任的期间（year / period）",
    ),
    Entry("use proposals, info or attendance", "请用 proposals、info 或 attendance"),
)
"""The hints of the command line and the service."""
