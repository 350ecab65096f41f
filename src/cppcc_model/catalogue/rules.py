"""Codes ``R``: rules — rule sets, TOML rule files, building blocks, quotas, award rules."""

from __future__ import annotations

from cppcc_model.catalogue._entry import Entry

__all__ = ["HINTS", "MESSAGES"]

MESSAGES: tuple[Entry, ...] = (
    # R0xx: rule files (TOML)
    Entry("cannot read the rule file {value}", "无法读取规则文件 {value}", "R001"),
    Entry("cannot read the rule file", "无法读取规则文件", "R002"),
    Entry("cannot load the rule file {value}", "无法载入规则文件 {value}", "R003"),
    Entry("cannot load the rule file", "无法载入规则文件", "R004"),
    Entry("the file nests arrays or tables too deeply", "文件中数组或表的嵌套层数太多", "R005"),
    Entry("not valid TOML: {reason}", "不是有效的 TOML：{reason}", "R006"),
    Entry(
        "{value} must be an array of tables ([[{section}]])",
        "{value} 必须是表数组（[[{section}]]）",
        "R007",
    ),
    Entry("{value} must be an array of tables", "{value} 必须是表数组", "R008"),
    Entry("{value} must be a list of text", "{value} 必须是文本列表", "R009"),
    Entry("{value} must be a list of selections", "{value} 必须是筛选条件的列表", "R010"),
    Entry("{value} must be a list of conditions", "{value} 必须是条件的列表", "R011"),
    Entry("{value} must be an array of labels", "{value} 必须是名称的数组", "R012"),
    Entry("{value} must be a list", "{value} 必须是列表", "R013"),
    Entry("{value} must be text", "{value} 必须是文本", "R014"),
    Entry(
        "{value} must be true or false, got {given}",
        "{value} 必须是 true 或 false，实际为 {given}",
        "R015",
        value="given",
    ),
    Entry("{value} must be a table, got {given}", "{value} 必须是表，实际为 {given}", "R016"),
    Entry(
        "{value} has unknown key(s): {keys}", "{value} 中有未知的键：{keys}", "R017", value="keys"
    ),
    Entry(
        "{value} must be a TOML date such as 2019-01-10",
        "{value} 必须是 TOML 日期，如 2019-01-10",
        "R018",
    ),
    Entry("the key {value} is missing", "缺少键 {value}", "R019"),
    Entry("{value} is a float", "{value} 是浮点数", "R020"),
    Entry("expected a number, got {value}", "应为数，实际为 {value}", "R021"),
    Entry("the item needs {value}", "该项需要 {value}", "R022"),
    Entry(
        "items must be an array of tables ([[categories.items]])",
        "items 必须是表数组（[[categories.items]]）",
        "R023",
    ),
    Entry("where must be a table or a list of tables", "where 必须是表或表的列表", "R024"),
    Entry("where needs a source", "where 需要写明 source", "R025"),
    Entry("value needs exactly one of: {choices}", "value 必须恰好是以下之一：{choices}", "R026"),
    Entry(
        "attribution needs exactly one of: {choices}",
        "attribution 必须恰好是以下之一：{choices}",
        "R027",
    ),
    Entry(
        "counting needs exactly one of: {choices}", "counting 必须恰好是以下之一：{choices}", "R028"
    ),
    Entry(
        "applies_to needs exactly one of: {choices}",
        "applies_to 必须恰好是以下之一：{choices}",
        "R029",
    ),
    Entry("external must be the input's key, as text", "external 必须是录入项的键（文本）", "R030"),
    Entry("unknown counting {value}", "未知的计数方式 {value}", "R031"),
    Entry("unknown attribution {value}", "未知的计分归属方式 {value}", "R032"),
    Entry("collective must be true or false", "collective 必须是 true 或 false", "R033"),
    Entry("no registered function is named {value}", "没有注册名为 {value} 的函数", "R034"),
    Entry("sum must be a list of value tables", "sum 必须是分值表的列表", "R035"),
    Entry("a {kind} value needs {value}", "{kind} 分值需要 {value}", "R036"),
    Entry("unknown trigger kind {value}", "未知的触发条件类型 {value}", "R037"),
    Entry(
        "rungs must be a list of trigger ids, mildest first",
        "rungs 必须是触发条件编号的列表，从最轻的开始",
        "R038",
    ),
    Entry("grades need [[grades.bands]]", "等次需要 [[grades.bands]]", "R039"),
    Entry(
        "requires must be a list of requirement ids", "requires 必须是基本要求编号的列表", "R040"
    ),
    Entry(
        "the rule set ends on {value}, before it starts on {start}",
        "规则集止于 {value}，早于起始日 {start}",
        "R041",
    ),
    Entry(
        "a rule set needs at least one [[categories]]", "规则集至少要有一个 [[categories]]", "R042"
    ),
    Entry(
        "grade {label} requires the unknown requirement {value}",
        "等次 {label} 要求的基本要求 {value} 不存在",
        "R043",
    ),
    Entry("periods needs a count", "periods 需要 count", "R044"),
    Entry("the award needs a quota", "奖项需要名额（quota）", "R045"),
    Entry("of must be a denominator name or a whole number", "of 必须是基数名称或整数", "R046"),
    Entry("an at_least measure needs at_least", "at_least 指标需要 at_least", "R047"),
    Entry("parts must be a non-empty array of measures", "parts 必须是非空的指标数组", "R048"),
    Entry("the measure kind {value} is not known", "未知的指标类型 {value}", "R049"),
    Entry("{what} needs {value}", "{what} 需要 {value}", "R050"),
    Entry("items must be an array of tables", "items 必须是表数组", "R051"),
    Entry("categories must be an array of tables", "categories 必须是表数组", "R052"),
    Entry("requirements must be an array of tables", "requirements 必须是表数组", "R053"),
    # R1xx: the rule set as a whole
    Entry("dating {value} is not known", "未知的计分日期口径 {value}", "R101"),
    Entry("conversion policy {value} is not known", "未知的转化口径 {value}", "R102"),
    Entry(
        "reply_months {value} must be at least 1 and at most max_extension_months {limit}",
        "reply_months {value} 必须在 1 与 max_extension_months {limit} 之间",
        "R103",
    ),
    Entry("expected a date, got {value}", "应为日期，实际为 {value}", "R104"),
    Entry(
        "rule set ends on {value}, before it starts on {start}",
        "规则集止于 {value}，早于起始日 {start}",
        "R105",
    ),
    Entry("ids used more than once: {value}", "重复使用的编号：{value}", "R106"),
    Entry(
        "pool {id} names unknown categories: {value}",
        "合计上限 {id} 写了不存在的类别：{value}",
        "R107",
    ),
    Entry(
        "dimension {id} names the unknown category {value}",
        "维度 {id} 写了不存在的类别 {value}",
        "R108",
    ),
    Entry(
        "category {value} is in two dimensions: {first} and {second}",
        "类别 {value} 同时属于两个维度：{first} 和 {second}",
        "R109",
    ),
    Entry(
        "grade {label} requires unknown requirements: {value}",
        "等次 {label} 要求了不存在的基本要求：{value}",
        "R110",
    ),
    Entry(
        "award {id} requires the unknown requirement {value}",
        "奖项 {id} 要求了不存在的基本要求 {value}",
        "R111",
    ),
    Entry(
        "award {id} names the unknown group rule {value}",
        "奖项 {id} 写了不存在的集体考核规则 {value}",
        "R112",
    ),
    Entry(
        "trigger {id} names unknown trigger(s): {value}",
        "触发条件 {id} 写了不存在的触发条件：{value}",
        "R113",
    ),
    Entry(
        "trigger {id} names the unknown grade {value}",
        "触发条件 {id} 写了不存在的等次 {value}",
        "R114",
    ),
    Entry(
        "trigger {id} names the unknown requirement {value}",
        "触发条件 {id} 写了不存在的基本要求 {value}",
        "R115",
    ),
    Entry("this rule set has no options to change", "这个规则集没有可以更改的选项", "R116"),
    Entry("unknown option(s): {value}", "未知的选项：{value}", "R117"),
    # R2xx: building blocks
    Entry("collective credit mode {value} is not known", "未知的集体计分方式 {value}", "R201"),
    Entry(
        "max_members must be at least 1, got {value}",
        "max_members 至少为 1，实际为 {value}",
        "R202",
    ),
    Entry(
        "the first author's share must be between 0 and 1, got {value}",
        "第一作者的份额必须在 0 到 1 之间，实际为 {value}",
        "R203",
    ),
    Entry(
        "expected a whole number of at least 1, got {value}",
        "应为不小于 1 的整数，实际为 {value}",
        "R204",
    ),
    Entry(
        "OncePerPeriod pick {value} is not known", "未知的 OncePerPeriod 选取方式 {value}", "R205"
    ),
    Entry(
        "External.key: {value} is not a usable input key",
        "External.key：{value} 不能用作录入项的键",
        "R206",
    ),
    Entry("missing-input policy {value} is not known", "未知的缺少录入处理方式 {value}", "R207"),
    Entry(
        "expected a list of category ids, got {value}", "应为类别编号的列表，实际为 {value}", "R208"
    ),
    Entry("category ids must be text, got {value}", "类别编号必须是文本，实际为 {value}", "R209"),
    Entry("{kind} {id}: the cap {value} is negative", "{kind} {id}：上限 {value} 是负数", "R210"),
    Entry(
        "pool {id} lists the category {value} twice, which would count its points twice against "
        "the cap",
        "合计上限 {id} 把类别 {value} 列了两次，其分数会被重复计入上限",
        "R211",
    ),
    Entry(
        "{owner}.{attribute}: {value} is not a usable id",
        "{owner}.{attribute}：{value} 不能用作编号",
        "R212",
    ),
    Entry(
        "item {id} is valued by External({key}) but selects {value} records",
        "项目 {id} 的分值取自 External({key})，却筛选了 {value} 记录",
        "R213",
    ),
    Entry(
        "category {id}: given must be an External input, got {value}",
        "类别 {id}：given 必须是 External 录入项，实际为 {value}",
        "R214",
    ),
    Entry(
        "category {id}: its floor {value} is above its cap {cap}",
        "类别 {id}：下限 {value} 高于上限 {cap}",
        "R215",
    ),
    Entry(
        "dimension {id}: its floor {value} is above its cap {cap}",
        "维度 {id}：下限 {value} 高于上限 {cap}",
        "R216",
    ),
    Entry("{owner}: window {value} is not known", "{owner}：未知的统计窗口 {value}", "R217"),
    Entry("{owner}: each {value} is not known", "{owner}：未知的 each 取值 {value}", "R218"),
    Entry("grade boundary {value} is not known", "未知的等次边界口径 {value}", "R219"),
    Entry("grade basis {value} is not known", "未知的等次依据 {value}", "R220"),
    Entry("grade bands are empty", "等次档位是空的", "R221"),
    Entry(
        "grade bands must be listed from the highest bound down, each bound once",
        "等次档位必须从最高分数线往下排列，每条分数线只出现一次",
        "R222",
    ),
    Entry("score basis {value} is not known", "未知的分数依据 {value}", "R223"),
    Entry(
        "{what} must be a whole number of at least {minimum}, got {value}",
        "{what} 必须是不小于 {minimum} 的整数，实际为 {value}",
        "R224",
    ),
    Entry(
        "ConsecutiveYears {id} needs exactly one of {keys}; got {value}",
        "ConsecutiveYears {id} 必须恰好有 {keys} 之一；实际为 {value}",
        "R225",
    ),
    Entry(
        "a ladder needs at least two trigger ids, got {value}",
        "阶梯至少需要两个触发条件编号，实际为 {value}",
        "R226",
    ),
    Entry(
        "Where({field}=…) takes a list of {what}, got {value}",
        "Where({field}=…) 需要{what}的列表，实际为 {value}",
        "R227",
    ),
    Entry(
        "{value} is neither an activity kind nor a contribution kind",
        "{value} 既不是活动类别，也不是履职成果类别",
        "R228",
    ),
    Entry(
        "{value} is neither a proposal step nor a 社情民意 step",
        "{value} 既不是提案办理环节，也不是社情民意环节",
        "R229",
    ),
    Entry("input keys must be text, got {value}", "录入项的键必须是文本，实际为 {value}", "R230"),
    Entry(
        "expected a non-empty table of {kind} → points, got {value}",
        "应为非空的“{kind} → 分值”表，实际为 {value}",
        "R231",
    ),
    Entry("a Sum needs at least one value block", "Sum 至少需要一个分值模块", "R232"),
    Entry("{value} is not a value block", "{value} 不是分值模块", "R233"),
    Entry("credit {value} is not known", "未知的计分方式 {value}", "R234"),
    Entry("a combination needs at least one measure", "组合至少需要一个指标", "R235"),
    Entry("statistic {value} is not known", "未知的统计量 {value}", "R236"),
    Entry(
        "group rules cannot assess the body kind {value} ({label})",
        "集体考核规则不能考核{label}（{value}）",
        "R237",
    ),
    Entry(
        "group rules {id} use ids more than once: {value}",
        "集体考核规则 {id} 重复使用了编号：{value}",
        "R238",
    ),
    # R3xx: quotas and award rules
    Entry("rounding {value} is not known", "未知的取整方式 {value}", "R301"),
    Entry(
        "a share must be above 0 and at most 1, got {value}",
        "比例必须大于 0 且不超过 1，实际为 {value}",
        "R302",
    ),
    Entry(
        "a tolerance is a share from 0 to below 1, got {value}",
        "容差是 0 到 1（不含 1）之间的比例，实际为 {value}",
        "R303",
    ),
    Entry("quota denominator {value} is not known", "未知的名额基数 {value}", "R304"),
    Entry(
        "a quota denominator cannot be negative, got {value}",
        "名额基数不能是负数，实际为 {value}",
        "R305",
    ),
    Entry(
        "a quota is either a count or a share (or a band of shares)",
        "名额要么是人数，要么是比例（或比例区间）",
        "R306",
    ),
    Entry(
        "a quota count cannot be negative, got {value}",
        "名额人数不能是负数，实际为 {value}",
        "R307",
    ),
    Entry(
        "a quota minimum cannot be negative, got {value}",
        "名额下限不能是负数，实际为 {value}",
        "R308",
    ),
    Entry(
        "the band's lower end {value} is above its upper end {upper}",
        "区间的下端 {value} 高于上端 {upper}",
        "R309",
    ),
    Entry(
        "a tolerance belongs to a share ('about 5%')",
        "容差只能用于比例（如“约 5%”）",
        "R310",
    ),
    Entry(
        "the quota is a share of {value}, which is not known here",
        "名额是 {value} 的比例，但这里不知道 {value}",
        "R311",
    ),
    Entry(
        "a rank gate is a share or a count of all assessed",
        "名次门槛是全体被考核者的比例或人数",
        "R312",
    ),
    Entry(
        "a rank gate count cannot be negative, got {value}",
        "名次门槛人数不能是负数，实际为 {value}",
        "R313",
    ),
    Entry("tie policy {value} is not known", "未知的并列处理方式 {value}", "R314"),
    Entry("tie-breaker {value} is not known", "未知的并列排序依据 {value}", "R315"),
    Entry("tie-breaker direction {value} is not known", "未知的并列排序方向 {value}", "R316"),
    Entry(
        "tie-breaker {value}: 'records' counts the records a selection matches",
        "并列排序依据 {value}：'records' 统计筛选条件匹配的记录数",
        "R317",
    ),
    Entry("a tie-breaker needs a label", "并列排序依据需要名称", "R318"),
    Entry(
        "exclusion {value} names {given} grounds", "排除条件 {value} 写了 {given} 项理由", "R319"
    ),
    Entry("an exclusion needs its reason", "排除条件需要写明理由", "R320"),
    Entry("a combination of selections needs at least one", "筛选条件的组合至少需要一个", "R321"),
    Entry("periods combine {value} is not known", "未知的多期合并方式 {value}", "R322"),
    Entry("periods count must be at least 1, got {value}", "期数至少为 1，实际为 {value}", "R323"),
    Entry(
        "at_least is a share of the winners, from 0 to 1; got {value}",
        "at_least 是获奖者中的比例，在 0 到 1 之间；实际为 {value}",
        "R324",
    ),
    Entry("tie-breaker {value} is not a TieBreak", "并列排序依据 {value} 不是 TieBreak", "R325"),
    Entry("exclusion {value} is not an Exclusion", "排除条件 {value} 不是 Exclusion", "R326"),
    Entry("decided_on {value} is not a month and day", "decided_on {value} 不是“月-日”", "R327"),
    Entry(
        "decided_on {value} is not a day of the year",
        "decided_on {value} 不是一年中的某一天",
        "R328",
    ),
    Entry(
        "award {value} ranks records, so it needs a value block",
        "奖项 {value} 对记录排名，因此需要分值模块",
        "R329",
    ),
    Entry(
        "award {value} ranks {label}, so it needs group_rules",
        "奖项 {value} 对{label}排名，因此需要 group_rules",
        "R330",
    ),
    Entry("award {id}: score {value} is not known", "奖项 {id}：未知的分数 {value}", "R331"),
    Entry(
        "award {value} ranks records: a record matches one selection",
        "奖项 {value} 对记录排名：一条记录只能匹配一个筛选条件",
        "R332",
    ),
    Entry(
        "award {id}: tie-breaker {value} ({by}) has no figure for {label}",
        "奖项 {id}：并列排序依据 {value}（{by}）没有{label}的数据",
        "R333",
    ),
    Entry(
        "award {id}: exclusion {value} cannot apply to {label}",
        "奖项 {id}：排除条件 {value} 不能用于{label}",
        "R334",
    ),
    Entry(
        "award {value}: minimum_score is above maximum_score",
        "奖项 {value}：minimum_score 高于 maximum_score",
        "R335",
    ),
)
"""Every message about rules, with its code."""

HINTS: tuple[Entry, ...] = (
    Entry('write {key} = ["…"]', '请写 {key} = ["…"]'),
    Entry(
        "periods = {{ count = 2, combine = 'sum' }}",
        "请写 periods = {{ count = 2, combine = 'sum' }}",
    ),
    Entry("write [[awards.{key}]]", "请写 [[awards.{key}]]"),
    Entry(
        "quota = {{ count = 20 }} or {{ share = '1/100' }}",
        "请写 quota = {{ count = 20 }} 或 {{ share = '1/100' }}",
    ),
    Entry("write a whole number: 20", "请写整数，如 20"),
    Entry(
        "source = attendance, proposal, info_report or contribution",
        "请写 source = attendance、proposal、info_report 或 contribution",
    ),
    Entry("sum = [{{ points = 1 }}]", "请写 sum = [{{ points = 1 }}]"),
    Entry("use {value}", "请用 {value}"),
    Entry(
        "use 'each' or a table such as {{ from_nth = 2 }}",
        "请用 'each' 或 {{ from_nth = 2 }} 这样的表",
    ),
    Entry('add {key} = "…"', '请添加 {key} = "…"'),
    Entry("the keys of {what} are: {value}", "{what} 的键有：{value}"),
    Entry("known: {value}", "已注册的函数：{value}"),
    Entry("none (no plugin registered a function)", "无（没有插件注册函数）"),
    Entry('write exact numbers as text: "{value}"', '精确的数请写成文本："{value}"'),
    Entry('write 10, "12.5" or "1/3"', '请写 10、"12.5" 或 "1/3"'),
    Entry("write at_least = 3", "请写 at_least = 3"),
    Entry("write [[…items]]", "请写 [[…items]]"),
    Entry('write it as a fraction such as "1/2"', '请写成分数，如 "1/2"'),
    Entry(
        "use 'full' (each main member gets the whole value), 'split' or 'none'",
        "请用 'full'（每位主要成员都得全部分值）、'split' 或 'none'",
    ),
    Entry("use None for no limit", "不限请用 None"),
    Entry("give where= exactly when by='records'", "只有 by='records' 时才给 where="),
    Entry("name the criterion", "请写明依据"),
    Entry(
        "give exactly one of flag, role, input and where",
        "flag、role、input 和 where 中只给一个",
    ),
    Entry("quote the rules", "请引用规则原文"),
    Entry("add one", "请添加一个"),
    Entry(
        "use 'sum', 'mean', 'latest', 'min' or 'each'",
        "请用 'sum'、'mean'、'latest'、'min' 或 'each'",
    ),
    Entry(
        "use 'exclude' (并列均不入选), 'include' (并列均入选) or 'name_order' (姓氏笔画)",
        "请用 'exclude'（并列均不入选）、'include'（并列均入选）或 'name_order'（姓氏笔画）",
    ),
    Entry(
        "use 'total', 'per_capita', 'category:<id>', 'line:<id>' or 'records' (with where)",
        "请用 'total'、'per_capita'、'category:<编号>'、'line:<编号>' 或 'records'（配合 where）",
    ),
    Entry(
        "use 'descending' (more is better) or 'ascending' (less is better)",
        "请用 'descending'（越多越好）或 'ascending'（越少越好）",
    ),
    Entry(
        "write TieBreak('category:proposals', '提案得分高者优先')",
        "请写 TieBreak('category:proposals', '提案得分高者优先')",
    ),
    Entry(
        "write Exclusion('受到党纪政务处分', input='discipline')",
        "请写 Exclusion('受到党纪政务处分', input='discipline')",
    ),
    Entry(
        "write MM-DD, such as '03-31' (the March after the period)",
        "请写 MM-DD，如 '03-31'（考核期间之后的三月）",
    ),
    Entry(
        "give value=ByStage({{...}}) or another value block",
        "请给出 value=ByStage({{...}}) 或其他分值模块",
    ),
    Entry(
        "name the group rule whose cards rank the candidates",
        "请写明用哪条集体考核规则的得分卡为候选者排名",
    ),
    Entry(
        "AnyOfRecords / AllOfRecords are for members' records; give a Where",
        "AnyOfRecords / AllOfRecords 用于委员的记录；请给出 Where",
    ),
    Entry(
        "for {value} subjects break ties by: {usable}", "{value} 对象的并列可按以下排序：{usable}"
    ),
    Entry("for {value} subjects exclude by: {allowed}", "{value} 对象可按以下排除：{allowed}"),
    Entry("give minimum_score ≤ maximum_score", "请使 minimum_score ≤ maximum_score"),
    Entry("use 'max' or 'first'", "请用 'max' 或 'first'"),
    Entry(
        "use 'members' (any author in the body), 'lead' (first author), 'body' (collective works "
        "of the body) or 'members_or_body'",
        "请用 'members'（任一作者属于该集体）、'lead'（第一作者）、'body'（该集体的集体成果）"
        "或 'members_or_body'",
    ),
    Entry("list them", "请列出它们"),
    Entry("use 'sum' or 'mean'", "请用 'sum' 或 'mean'"),
    Entry(
        "assess activity_group, unit, sector or special_committee",
        "请考核 activity_group、unit、sector 或 special_committee",
    ),
    Entry(
        "give every group category and item its own id", "集体考核的每个类别和项目使用不同的编号"
    ),
    Entry(
        "use the key of the inputs table, such as 'employer_rating'",
        "请用评分录入表中的键，如 'employer_rating'",
    ),
    Entry(
        "use 'zero', 'pending' (the card waits for the figure) or 'error'",
        "请用 'zero'、'pending'（得分卡等待录入数据）或 'error'",
    ),
    Entry(
        'a given figure is an input: write where=Where("input")',
        '给定的数据是录入项：请写 where=Where("input")',
    ),
    Entry('write given=External("platform_score")', '请写 given=External("platform_score")'),
    Entry("a floor must not exceed the cap", "下限不能超过上限"),
    Entry('write ["bonus.a", "bonus.b"]', '请写 ["bonus.a", "bonus.b"]'),
    Entry("quote each id", "每个编号都加上引号"),
    Entry(
        "a cap (最高分) is the most that can be given, 0 or more; write deductions as negative "
        "points with a floor instead",
        "上限（最高分）是最多能给的分，为 0 或更大；扣分请写成负分并设下限",
    ),
    Entry("list each category of the pool once", "合计上限中每个类别只列一次"),
    Entry(
        "use a short id without spaces, such as 'proposals.filed'",
        "请用不含空格的短编号，如 'proposals.filed'",
    ),
    Entry(
        "use 'inclusive' (90 is in the band '90 and above') or 'exclusive'",
        "请用 'inclusive'（90 分属于“90 分及以上”档）或 'exclusive'",
    ),
    Entry("use 'exact' or 'presented'", "请用 'exact' 或 'presented'"),
    Entry("give at least one band", "请至少给出一个档位"),
    Entry("order the bands 优秀, 良好, 称职, 不称职", "档位请按 优秀、良好、称职、不称职 排列"),
    Entry(
        "use 'exact' (the exact total) or 'presented' (the total as rounded on the card)",
        "请用 'exact'（精确总分）或 'presented'（得分卡上取整后的总分）",
    ),
    Entry("write a whole number without quotes", "请写不带引号的整数"),
    Entry(
        "say which grade, failed requirement, score line, trigger or rank counts",
        "请写明按哪个等次、未达到的基本要求、分数线、触发条件或名次计算",
    ),
    Entry(
        'list them from the mildest up: ["talk", "notice", "resign", "revoke"]',
        '请从最轻的开始列出：["talk", "notice", "resign", "revoke"]',
    ),
    Entry(
        "use 'period' (the assessment period) or 'term' (届内: the term so far)",
        "请用 'period'（考核期间）或 'term'（届内：本届至今）",
    ),
    Entry(
        "use 'year' (每年), 'quarter' (每季度) or leave it out",
        "请用 'year'（每年）、'quarter'（每季度），或不写",
    ),
    Entry(
        "give exactly one of count, share, or at_least/at_most",
        "count、share 或 at_least/at_most 中只给一种",
    ),
    Entry("give at_least ≤ at_most", "请使 at_least ≤ at_most"),
    Entry(
        "give share= with tolerance=, or use at_least/at_most for a band",
        "tolerance= 要与 share= 一起给；区间请用 at_least/at_most",
    ),
    Entry(
        "award candidates of records know 'submitted' and 'filed'; others use 'eligible' or "
        "'assessed'",
        "以记录为候选的奖项可用 'submitted' 和 'filed'；其他奖项用 'eligible' 或 'assessed'",
    ),
    Entry("give exactly one of share and count", "share 和 count 只给一个"),
    Entry(
        "use 'half_up' (四舍五入), 'up' (向上取整) or 'down' (向下取整)",
        "请用 'half_up'（四舍五入）、'up'（向上取整）或 'down'（向下取整）",
    ),
    Entry(
        "use 'eligible', 'assessed', 'submitted', 'filed' or a number",
        "请用 'eligible'、'assessed'、'submitted'、'filed' 或一个数",
    ),
    Entry("registered rule sets: {value}", "已注册的规则集：{value}"),
    Entry(
        "its versions are: {value}; pick a date they cover",
        "它的各版本：{value}；请选择它们覆盖的日期",
    ),
    Entry(
        "no rule plugin is installed; install your district's (a bundled one, in a checkout of "
        "cppcc-model: pip install -e plugins/cppcc-rules-xiangzhou)",
        "没有安装规则插件；请安装本地区的插件（随附的插件可在 cppcc-model 源码目录中安装："
        "pip install -e plugins/cppcc-rules-xiangzhou）",
    ),
    Entry("registered jurisdictions: {value}", "已注册的辖区：{value}"),
    Entry(
        "register cppcc_model.rules.RuleSet objects only", "只能注册 cppcc_model.rules.RuleSet 对象"
    ),
    Entry(
        "give each version its own name, such as 'tongcheng-2019'",
        "每个版本使用不同的名称，如 'tongcheng-2019'",
    ),
    Entry(
        "end the earlier version the day before the later one starts",
        "请让较早的版本在较晚版本开始的前一天结束",
    ),
    Entry(
        "use 'event' (the day it happened) or 'reported' (the day it was reported)",
        "请用 'event'（发生之日）或 'reported'（报告之日）",
    ),
    Entry("the usual values are 3 and 6", "常用的值是 3 和 6"),
    Entry("write YYYY-MM-DD", "请写 YYYY-MM-DD"),
    Entry("check the effective dates", "请检查生效日期"),
    Entry(
        "give every category, item, pool, requirement and trigger its own id",
        "每个类别、项目、合计上限、基本要求和触发条件使用不同的编号",
    ),
    Entry("use category ids: {value}", "请用类别编号：{value}"),
    Entry("put each category in one dimension", "每个类别只放在一个维度中"),
    Entry("define the requirement or correct its id", "请定义这项基本要求，或改正它的编号"),
    Entry("define the group rule or correct its id", "请定义这条集体考核规则，或改正它的编号"),
    Entry("use trigger ids: {value}", "请用触发条件编号：{value}"),
    Entry("use one of the rule set's grade labels", "请用规则集中的等次名称"),
    Entry(
        "only rule sets built by a factory with options can be re-read",
        "只有由带选项的工厂函数生成的规则集才能重新读取",
    ),
    Entry("the options are: {value}", "可用的选项：{value}"),
    Entry(
        "give a list such as {what}=[…], one value, or leave it out (None) for any",
        "请给出列表（如 {what}=[…]）或单个值；不限请不写（None）",
    ),
    Entry('rungs = ["talk", "notice", "resign"]', '请写 rungs = ["talk", "notice", "resign"]'),
    Entry(
        "use count, too_few, score_below, consecutive_years or ladder",
        "请用 count、too_few、score_below、consecutive_years 或 ladder",
    ),
    Entry('write requires = ["six_ones"]', '请写 requires = ["six_ones"]'),
    Entry(
        "define it under [[requirements]] or correct the id",
        "请在 [[requirements]] 中定义它，或改正编号",
    ),
    Entry("fix the TOML syntax", "请改正 TOML 语法"),
    Entry("check the path, and save the file as UTF-8", "请检查路径，并把文件保存为 UTF-8"),
    Entry("write [[{key}]] sections", "请写 [[{key}]] 小节"),
    Entry("list its parts", "请列出它的组成部分"),
    Entry(
        "give value blocks such as ByStage({{...}}) or ByLevel({{...}})",
        "请给出分值模块，如 ByStage({{...}}) 或 ByLevel({{...}})",
    ),
    Entry("give at least one entry", "请至少给一项"),
    Entry("a rule file needs only a few levels of nesting", "规则文件只需要很少几层嵌套"),
    # what a part of a rule file is, in a message ("an item must be a table")
    Entry("the rule file", "规则文件"),
    Entry("an item", "项目"),
    Entry("a category", "类别"),
    Entry("a band", "等次档位"),
    Entry("a composition", "组合"),
    Entry("a dimension", "维度"),
    Entry("a group category", "集体考核类别"),
    Entry("a group item", "集体考核项目"),
    Entry("a group requirement", "集体考核基本要求"),
    Entry("a group rule", "集体考核规则"),
    Entry("a ladder", "阶梯"),
    Entry("a measure", "指标"),
    Entry("a points table", "分值表"),
    Entry("a pool", "合计上限"),
    Entry("a requirement", "基本要求"),
    Entry("a score_below trigger", "score_below 触发条件"),
    Entry("a stage condition", "环节条件"),
    Entry("a tie-breaker", "并列排序依据"),
    Entry("a trigger", "触发条件"),
    Entry("an award", "奖项"),
    Entry("an exclusion", "排除条件"),
    Entry("a {key} entry", "{key} 条目"),
    Entry("a {kind} measure", "{kind} 指标"),
    Entry("where with {key}", "带 {key} 的 where"),
    # what the TOML reader says
    Entry(
        "{t_reason} (at line {line}, column {column})", "{t_reason}（第 {line} 行，第 {column} 列）"
    ),
    Entry("{t_reason} (at end of document)", "{t_reason}（在文件末尾）"),
    Entry("Invalid value", "无效的值"),
    Entry("Invalid statement", "无效的语句"),
    Entry("Expected '=' after a key in a key/value pair", "键值对中的键后面应有 '='"),
    Entry("Cannot overwrite a value", "不能覆盖已有的值"),
    Entry("Cannot declare {value} twice", "不能两次声明 {value}"),
    Entry("Unclosed array", "数组没有闭合"),
    Entry("Unclosed inline table", "内联表没有闭合"),
    Entry("Unterminated string", "字符串没有结束"),
    Entry("Invalid initial character for a key part", "键的第一个字符无效"),
    Entry("Expected newline or end of document after a statement", "语句之后应换行或结束"),
)
"""The hints about rules."""
