"""Codes ``P``: plugins — finding and registering rule plugins, their options, golden cases."""

from __future__ import annotations

from cppcc_model.catalogue._entry import Entry

__all__ = ["HINTS", "MESSAGES"]

MESSAGES: tuple[Entry, ...] = (
    # P0xx: discovery and registration
    Entry("no plugin named {value} was seen", "没有发现名为 {value} 的插件", "P001"),
    Entry("its hooks are invalid: {reason}", "它的钩子函数无效：{reason}", "P002"),
    Entry(
        "it registered {kind} {value}, not a RuleSet",
        "它注册的是 {kind} {value}，不是 RuleSet",
        "P003",
    ),
    Entry(
        "it registered {value} twice or with overlapping dates (against {other})",
        "它把 {value} 注册了两次，或与 {other} 的有效期重叠",
        "P004",
    ),
    Entry(
        "register_function needs a name and a callable, got {value}",
        "register_function 需要名称和可调用对象，实际为 {value}",
        "P005",
    ),
    Entry("the function name {value} is already taken", "函数名 {value} 已被占用", "P006"),
    Entry(
        "its hook {value} returns {kind} instead of calling register(); the value would be lost",
        "它的钩子 {value} 返回了 {kind}，而不是调用 register()；返回值会被丢弃",
        "P007",
    ),
    Entry("registration failed: {t_reason}", "注册失败：{t_reason}", "P008"),
    Entry("it failed to import: {reason}", "导入失败：{reason}", "P009"),
    Entry("expected a RuleSet, got {value}", "应为 RuleSet，实际为 {value}", "P010"),
    Entry(
        "a rule set named {value} is already registered: {existing}",
        "名为 {value} 的规则集已经注册：{existing}",
        "P011",
    ),
    Entry(
        "{value} overlaps {other} in jurisdiction {jurisdiction}",
        "{value} 与 {other} 在辖区 {jurisdiction} 的有效期重叠",
        "P012",
    ),
    Entry("no rule set is named {value}", "没有名为 {value} 的规则集", "P013"),
    Entry("no rule set of {value} is in force on {on}", "{value} 没有在 {on} 有效的规则集", "P014"),
    Entry(
        "no rule set is registered for jurisdiction {value}", "辖区 {value} 没有注册规则集", "P015"
    ),
    Entry("{value} names no rule set", "{value} 没有对应的规则集", "P016"),
    Entry("plugin name {value} is not usable", "插件名 {value} 不可用", "P017"),
    Entry("{value} already exists", "{value} 已经存在", "P018"),
    # P1xx: a plugin's options (readings)
    Entry("{option} {value} is not known", "{option} 的取值 {value} 未知", "P101"),
    Entry(
        "attendance_floor must be a whole number of at most 0, or None, got {value}",
        "attendance_floor 必须是不大于 0 的整数或 None，实际为 {value}",
        "P102",
    ),
    Entry(
        "other_meetings must not include {value}: the text gives them their own deductions",
        "other_meetings 不能包含 {value}：原文对它们另有扣分规定",
        "P103",
    ),
    Entry(
        "training_counts must be true or false, got {value}",
        "training_counts 必须是 true 或 false，实际为 {value}",
        "P104",
    ),
    Entry(
        "a reading's name must be a Python keyword argument name, got {value}",
        "解读选项的名称必须是 Python 的关键字参数名，实际为 {value}",
        "P105",
    ),
    Entry(
        "a reading must say what it decides, got {value}",
        "解读选项必须写明它决定什么，实际为 {value}",
        "P106",
    ),
    Entry(
        "the default {value} of {option} is not one of its choices",
        "{option} 的默认值 {value} 不在可选值之中",
        "P107",
    ),
    Entry(
        "{option} explains {value}, which are not choices",
        "{option} 解释了 {value}，但它们不是可选值",
        "P108",
    ),
    Entry("no reading is declared for the option {value}", "选项 {value} 没有声明解读", "P109"),
    Entry(
        "the readings ({value}) do not name the options ({options})",
        "解读选项（{value}）与选项（{options}）不一致",
        "P110",
    ),
    # P2xx: golden cases
    Entry("[awards] must have a table per award id", "[awards] 必须每个奖项编号一个表", "P201"),
    Entry("{value} must be a table", "{value} 必须是表", "P202"),
    Entry("{value} has unknown keys: {keys}", "{value} 中有未知的键：{keys}", "P203", value="keys"),
    Entry(
        "{value}.winners must be a list of candidate ids",
        "{value}.winners 必须是候选人编号的列表",
        "P204",
    ),
    Entry("{value}.quota must be a whole number", "{value}.quota 必须是整数", "P205"),
    Entry(
        "{value}.left_out must map candidate ids to a stage or a reason",
        "{value}.left_out 必须把候选人编号对应到落选环节或理由",
        "P206",
    ),
    Entry(
        '{value}: write numbers as text ("12.5"), not floats',
        '{value}：数要写成文本（"12.5"），不要写浮点数',
        "P207",
    ),
    Entry("{value} must be a table of id → number", "{value} 必须是“编号 → 数”的表", "P208"),
    Entry("{value}.rank must be a whole number from 1", "{value}.rank 必须是从 1 起的整数", "P209"),
    Entry(
        "{value}.requirements must map requirement ids to true or false",
        "{value}.requirements 必须把基本要求编号对应到 true 或 false",
        "P210",
    ),
    Entry(
        "[groups] must have a table per group rule id",
        "[groups] 必须每个集体考核规则编号一个表",
        "P211",
    ),
    Entry(
        "groups.{value} must have a table per body id",
        "groups.{value} 必须每个单位编号一个表",
        "P212",
    ),
    Entry(
        '{value}.requirements must map requirement ids to true, false or "not_applicable"',
        '{value}.requirements 必须把基本要求编号对应到 true、false 或 "not_applicable"',
        "P213",
    ),
    Entry(
        "{value}.flags must be a list of trigger ids",
        "{value}.flags 必须是触发条件编号的列表",
        "P214",
    ),
    Entry("{value}.grade must be text", "{value}.grade 必须是文本", "P215"),
    Entry(
        "{value}.complete must be true or false", "{value}.complete 必须是 true 或 false", "P216"
    ),
    Entry("[ledger] must be a table", "[ledger] 必须是表", "P217"),
    Entry("unknown top-level keys: {value}", "未知的顶层键：{value}", "P218"),
    Entry("options must be a table", "options 必须是表", "P219"),
    Entry(
        '[periods] must have a table per period ([periods."2023"])',
        '[periods] 必须每个考核期间一个表（[periods."2023"]）',
        "P220",
    ),
    Entry("as_of must be a TOML date (2019-12-31)", "as_of 必须是 TOML 日期（2019-12-31）", "P221"),
    Entry("[expect] must have a table per member", "[expect] 必须每位委员一个表", "P222"),
    Entry("golden case {value} failed:\n{details}", "标准案例 {value} 未通过：\n{details}", "P223"),
)
"""Every message about plugins, with its code."""

HINTS: tuple[Entry, ...] = (
    Entry(
        "choose another --dir, or remove the directory first", "请换一个 --dir，或先删除这个目录"
    ),
    Entry(
        "use lower-case letters, digits and hyphens, starting with a letter (e.g. 'xiangzhou' "
        "or 'hubei-xiangzhou')",
        "请用小写字母、数字和连字符，以字母开头（如 'xiangzhou' 或 'hubei-xiangzhou'）",
    ),
    Entry("in a checkout of cppcc-model: {value}", "在 cppcc-model 的源码目录中运行：{value}"),
    Entry(
        "fix or uninstall the plugin, or block it with CPPCC_BLOCK_PLUGINS",
        "请修复或卸载该插件，或用 CPPCC_BLOCK_PLUGINS 屏蔽它",
    ),
    Entry(
        "call register(rule_set) for each rule set; return nothing",
        "请对每个规则集调用 register(rule_set)；不要返回任何值",
    ),
    Entry(
        "see the golden-case format in the docs (writing a rule plugin → golden cases)",
        "标准案例的格式见文档（编写规则插件 → 标准案例）",
    ),
    # district plugins' options
    Entry(
        "list only the kinds of the other CPPCC and activity-group meetings",
        "只列出政协和活动组其他会议的类别",
    ),
    Entry(
        "use 'none' (collective proposals credit no member) or 'joint'",
        "请用 'none'（集体提案不计入任何委员）或 'joint'",
    ),
    Entry(
        "use 'quarterly' (每季度不少于1篇 required) or 'count_only'",
        "请用 'quarterly'（要求每季度不少于1篇）或 'count_only'",
    ),
    Entry(
        'use 0 (扣完为止, the default) or None (in TOML: "none") to let 考勤 go below 0',
        '请用 0（扣完为止，默认）或 None（TOML 中写 "none"）允许考勤分低于 0',
    ),
    Entry(
        "use 'higher' (only the key bonus) or 'both' (both bonuses)",
        "请用 'higher'（只加重点提案分）或 'both'（两项都加）",
    ),
    # a rule set's readings
    Entry(
        "name it as the factory's keyword argument (training_counts)",
        "请用工厂函数的关键字参数名（如 training_counts）",
    ),
    Entry(
        "quote the clause the reading answers, with its number",
        "请引用这一解读所对应的条款，并写明条款号",
    ),
    Entry("make it one of: {value}", "请改为以下之一：{value}"),
    Entry("explain only the choices the reading allows", "只解释这一解读允许的可选值"),
    Entry("the readings are: {value}", "已声明的解读：{value}"),
    Entry(
        "declare one Reading for each option the factory takes",
        "请为工厂函数的每个选项声明一个 Reading",
    ),
)
"""The hints about plugins."""
