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
        "streaming runs the columnar engine's plan; the reference engine has none",
        "流式执行的是列式引擎的计算计划；参考引擎没有计算计划",
        "S020",
    ),
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
    Entry(
        "{value} is evaluated by cppcc_model.engine.evaluate, which is not loaded",
        "{value} 由 cppcc_model.engine.evaluate 求值，但它尚未加载",
        "S019",
    ),
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
    Entry(
        "pass groups={{rule_id: assess_groups(...)}}",
        "请传入 groups={{rule_id: assess_groups(...)}}",
    ),
    Entry(
        "name a group rule that assesses the award's subject", "请指定考核该奖项对象的集体考核规则"
    ),
    Entry(
        "pass assessment=assess(ledger, rule_set, period)",
        "请传入 assessment=assess(ledger, rule_set, period)",
    ),
    Entry(
        "check the award's score against the rule set's category and item ids",
        "请对照规则集的类别和项目编号检查奖项的分数",
    ),
    Entry("pass rule_sets=plugins.rule_sets", "请传入 rule_sets=plugins.rule_sets"),
    Entry(
        "lower the share, widen the eligibility, or accept fewer winners",
        "请降低比例、放宽参评条件，或接受较少的获奖者",
    ),
    Entry(
        "use select_winners, or give the award periods=Periods(...)",
        "请用 select_winners，或为奖项写明 periods=Periods(...)",
    ),
    Entry(
        "pass one list of candidates per period, oldest first",
        "每个期间给一个候选人列表，从最早的开始",
    ),
    Entry("check the subject's cohort assignment", "请检查该对象所分的比较组"),
    Entry("name each cohort as CohortKey(kind, id)", "每个比较组请写成 CohortKey(kind, id)"),
    Entry(
        "score every subject you place in a cohort (a score of 0 is a score)",
        "分入比较组的每个对象都要有分数（0 分也是分数）",
    ),
    Entry(
        "check the id, and that the member served during the period",
        "请检查编号，以及该委员在此期间是否在任",
    ),
    Entry("use 'auto', 'columnar' or 'reference'", "请用 'auto'、'columnar' 或 'reference'"),
    Entry(
        "use engine='columnar' (or 'auto') with streaming, or drop streaming",
        "流式执行请用 engine='columnar'（或 'auto'），或者不用流式执行",
    ),
    Entry("fix the rule (or report it to the plugin's authors)", "请修正规则（或报告给插件作者）"),
    Entry(
        "fix the rule (or report it to the plugin's authors); block the plugin meanwhile",
        "请修正规则（或报告给插件作者）；在此之前先屏蔽该插件",
    ),
    Entry(
        "a plugin's function or block wrote into the records (object.__setattr__ or the like): "
        "report it to the plugin's authors and block the plugin meanwhile",
        "插件的函数或模块改写了记录（object.__setattr__ 之类）：请报告给插件作者，并先屏蔽该插件",
    ),
    Entry(
        "use activity_group, unit, sector or special_committee",
        "请用 activity_group、unit、sector 或 special_committee",
    ),
    Entry(
        "pass members=assess(ledger, rule_set, period) to assess_groups",
        "请给 assess_groups 传入 members=assess(ledger, rule_set, period)",
    ),
    Entry(
        "add it to the inputs table (评分录入) or pass external={value}, or give a default",
        "请在评分录入表中添加，或传入 external={value}，或给出默认值",
    ),
    Entry(
        "use a block of cppcc_model.rules.groups (Count, Rate, MemberTotal …) or an object with "
        "describe() and measure(subject, context)",
        "请用 cppcc_model.rules.groups 的模块（Count、Rate、MemberTotal …），"
        "或带 describe() 和 measure(subject, context) 的对象",
    ),
    Entry("check the id and the group kinds", "请检查编号和集体的类别"),
    Entry("name the criterion, e.g. '立案提案数 (第五条)'", "请写明依据，如 '立案提案数 (第五条)'"),
    Entry(
        "rank every subject you ask about; check the id for typos",
        "请对要查询的每个对象排名；并检查编号是否写错",
    ),
    Entry(
        "give a mapping of subject id to score, or (id, score) pairs",
        "请给出“对象编号 → 分数”的映射，或（编号, 分数）对",
    ),
    Entry("identify each ranked subject by its id", "每个排名对象请用编号标识"),
    Entry("give each subject exactly one total score", "每个对象只给一个总分"),
    Entry(
        "wrap the key as TieBreaker(key=..., label='...', direction=...)",
        "请把键写成 TieBreaker(key=..., label='...', direction=...)",
    ),
    Entry(
        "use committee, activity_group, unit, sector or special_committee",
        "请用 committee、activity_group、unit、sector 或 special_committee",
    ),
    Entry("pass the ledger, not only its activities", "请传入整个台账，而不只是其中的活动"),
    Entry(
        "add a row to the inputs table (评分录入): {value}, {period}, {key}, value",
        "请在评分录入表中添加一行：{value}、{period}、{key}、分值",
    ),
    Entry("add the committee's terms to the ledger", "请在台账中添加委员会的届次"),
    Entry(
        "replace an Activity, Proposal, InfoReport or Contribution",
        "只能替换 Activity、Proposal、InfoReport 或 Contribution",
    ),
    Entry(
        "a what-if replaces an existing record: use its id",
        "假设分析替换的是已有记录：请用它的编号",
    ),
    Entry("merge into a proposal of the ledger", "请并入台账中的提案"),
    Entry("use the ids of the ledger's members", "请用台账中委员的编号"),
    Entry(
        "group them by activity group, special committee, unit, sector, author, source activity "
        "or level",
        "请按活动组、专门委员会、单位、界别、作者、来源活动或级别分组",
    ),
    Entry("count records, never negative", "请填写记录数，不能为负数"),
    Entry("group 社情民意 items by source activity", "请按来源活动对社情民意信息分组"),
    Entry(
        "pass as_of=<date> or period=<Period>; nothing assumes today",
        "请传入 as_of=<日期> 或 period=<期间>；不会默认取今天",
    ),
    Entry(
        "compute scores with fractions.Fraction or decimal.Decimal, never float",
        "请用 fractions.Fraction 或 decimal.Decimal 计算分数，不要用浮点数",
    ),
    Entry(
        "give each score as an int, a Fraction or a Decimal",
        "每个分数请给出 int、Fraction 或 Decimal",
    ),
    Entry(
        "fix the rule; or raise the limit with {variable}=SECONDS (0 for none) if the rule is "
        "genuinely slow",
        "请修正规则；如果规则确实很慢，可用 {variable}=秒数 调高上限（0 表示不限）",
    ),
    Entry(
        "a function must return an exact number: an int, a Fraction, a Decimal or text such as "
        '"12.5"',
        '函数必须返回精确的数：int、Fraction、Decimal 或 "12.5" 这样的文本',
    ),
    Entry(
        "import cppcc_model.engine first, or call the function of cppcc_model.engine.evaluate "
        "itself (value(block, fact) and its neighbours)",
        "请先导入 cppcc_model.engine，或直接调用 cppcc_model.engine.evaluate 中的函数"
        "（如 value(block, fact)）",
    ),
    Entry(
        "set {variable} to a number of seconds such as 30, or 0 for none",
        "请把 {variable} 设为秒数（如 30），或设为 0 表示不限",
    ),
)
"""Texts of scoring without a code: hints, and the reasons a candidate did not win."""
