"""Codes ``V``: values — an entity's fields, dates and periods, numbers, labels, names."""

from __future__ import annotations

from cppcc_model.catalogue._entry import Entry

__all__ = ["HINTS", "MESSAGES"]

MESSAGES: tuple[Entry, ...] = (
    # V0xx: the fields every entity checks
    Entry("must be non-empty text, got {value}", "必须是非空文本，实际为 {value}", "V001"),
    Entry("{value} has spaces around it", "{value} 前后有空格", "V002"),
    Entry("{value}: {t_text_problem}", "{value}：{t_text_problem}", "V003"),
    Entry("id {value} contains white space", "编号 {value} 含有空白字符", "V004"),
    Entry("lists {value} twice", "{value} 列了两次", "V005"),
    Entry("must be a date, got {value}", "必须是日期，实际为 {value}", "V006"),
    Entry(
        "must be a whole number of at least 1, got {value}",
        "必须是不小于 1 的整数，实际为 {value}",
        "V007",
    ),
    Entry("{value} is before {field} {start}", "{value} 早于 {field} {start}", "V008"),
    Entry("expected a list, got the text {value}", "应为列表，实际为文本 {value}", "V009"),
    Entry(
        "the text holds the invisible direction control U+{value} at position {position}, which "
        "makes it read differently from how it is stored",
        "文本第 {position} 个字符是不可见的方向控制符 U+{value}，会使显示的内容与存储的不同",
        "V010",
    ),
    Entry(
        "the text holds a lone surrogate U+{value} at position {position}, which is not a "
        "character",
        "文本第 {position} 个字符是孤立的代理码 U+{value}，不是字符",
        "V011",
    ),
    Entry(
        "the text holds the control character U+{value} at position {position}",
        "文本第 {position} 个字符是控制字符 U+{value}",
        "V012",
    ),
    # V1xx: the entities
    Entry(
        "Attendance.half_days: must be a whole number of at least 0 and at most {limit}, got "
        "{value}",
        "Attendance.half_days：必须是 0 到 {limit} 之间的整数，实际为 {value}",
        "V101",
    ),
    Entry(
        "Activity.attendance: {value} is not an attendance entry",
        "Activity.attendance：{value} 不是出勤记录",
        "V102",
    ),
    Entry(
        "Activity.attendance: member {value} is on the roll call twice",
        "Activity.attendance：委员 {value} 在点名册上出现了两次",
        "V103",
    ),
    Entry(
        "Activity.attendance: member {member} attended {value} half-days of an activity that "
        "has {total}",
        "Activity.attendance：委员 {member} 出勤 {value} 个半天，但活动只有 {total} 个半天",
        "V104",
    ),
    Entry(
        "Contribution.amount must be exact, got the float {value}",
        "Contribution.amount 必须是精确的数，实际为浮点数 {value}",
        "V105",
    ),
    Entry(
        "a contribution needs at least one author or an authoring body",
        "履职成果至少要有一位作者或一个署名单位",
        "V106",
    ),
    Entry("expected a period, got {value}", "应为考核期间，实际为 {value}", "V107"),
    Entry(
        "an input's value must be exact, got the float {value}",
        "录入的分值必须是精确的数，实际为浮点数 {value}",
        "V108",
    ),
    Entry("Input.key: {value} is not a usable key", "Input.key：{value} 不能用作键", "V109"),
    Entry("the {what} list is empty", "{what}列表是空的", "V110"),
    Entry("cannot read the {what} entry {value}", "无法读取{what}条目 {value}", "V111"),
    Entry("the {what} entry {value} has no label", "{what}条目 {value} 没有名称", "V112"),
    Entry("the {what} entry {value}: {t_message}", "{what}条目 {value}：{t_message}", "V113"),
    Entry("the name {value} is given to two {what}", "名称 {value} 同时给了两个{what}", "V114"),
    Entry("{value} is not a standard participating unit", "{value} 不是标准的参加单位", "V115"),
    Entry(
        "Member.tags: {value} is not a usable role tag",
        "Member.tags：{value} 不能用作职务标签",
        "V116",
    ),
    Entry(
        "Member.roles: {value} is not a role spell", "Member.roles：{value} 不是任职记录", "V117"
    ),
    Entry("expected a label as text, got {value}", "应为文本形式的名称，实际为 {value}", "V118"),
    Entry(
        "a {label} ({step}) step on {on} needs {value}",
        "{on} 的“{label}”（{step}）环节需要 {value}",
        "V119",
    ),
    Entry(
        "a {label} ({step}) step on {on} names no handling unit",
        "{on} 的“{label}”（{step}）环节没有写承办单位",
        "V120",
    ),
    Entry(
        "face_to_face must be true or false, got {value}",
        "face_to_face 必须是 true 或 false，实际为 {value}",
        "V121",
    ),
    Entry(
        "an individual proposal has exactly one proposer and no body; this one has {value} "
        "proposer(s) and a body",
        "个人提案只有一位提案人、没有提案单位；这件有 {value} 位提案人，还有提案单位",
        "V122",
    ),
    Entry(
        "an individual proposal has exactly one proposer and no body; this one has {value} "
        "proposer(s)",
        "个人提案只有一位提案人、没有提案单位；这件有 {value} 位提案人",
        "V123",
    ),
    Entry(
        "a joint proposal has at least two proposers and no body; this one has {value}",
        "联名提案至少有两位提案人、没有提案单位；这件有 {value}",
        "V124",
    ),
    Entry(
        "a collective proposal needs the body that put it forward",
        "集体提案需要写明提出它的单位",
        "V125",
    ),
    Entry(
        "history entry {value} is not a proposal event",
        "办理记录 {value} 不是提案办理环节",
        "V126",
    ),
    Entry(
        "{label} on {value} is before the proposal was submitted on {submitted}",
        "{value} 的“{label}”早于提案的提交日 {submitted}",
        "V127",
    ),
    Entry(
        "{label} on {value} comes after {previous} on {previous_on} in the history but is dated "
        "earlier",
        "{value} 的“{label}”在办理记录中排在 {previous_on} 的“{previous}”之后，日期却更早",
        "V128",
    ),
    Entry(
        "a {label} ({step}) step on {on} needs a level",
        "{on} 的“{label}”（{step}）环节需要写明级别",
        "V129",
    ),
    Entry(
        "a 社情民意 item needs at least one author or an authoring body",
        "社情民意信息至少要有一位作者或一个报送单位",
        "V130",
    ),
    Entry("history entry {value} is not an event", "办理记录 {value} 不是办理环节", "V131"),
    Entry(
        "{label} on {value} is dated before an earlier step",
        "{value} 的“{label}”早于前一个环节",
        "V132",
    ),
    Entry(
        "item number(s) {value} appear more than once", "条目序号 {value} 出现了不止一次", "V133"
    ),
    # V2xx: dates and periods
    Entry("cannot read {value} as a date", "无法把 {value} 读作日期", "V201"),
    Entry("cannot read {value} as {t_what}", "无法把 {value} 读作{t_what}", "V214"),
    Entry("{value} is not a day of the calendar", "{value} 不是日历上的日子", "V202"),
    Entry(
        "{value} is ambiguous: the order of day and month is a guess",
        "{value} 有歧义：日和月的先后只能靠猜",
        "V203",
    ),
    Entry(
        "{value} is ambiguous: a two-digit year leaves the century a guess",
        "{value} 有歧义：两位数的年份看不出是哪个世纪",
        "V204",
    ),
    Entry("{value} is ambiguous: {t_why}", "{value} 有歧义：{t_why}", "V205"),
    Entry(
        "{value} is a month, quarter or year, not a day",
        "{value} 是月份、季度或年份，不是某一天",
        "V206",
    ),
    Entry("{value}: there is no month {month}", "{value}：没有第 {month} 月", "V207"),
    Entry(
        "cannot read {value} as a period: {t_why}", "无法把 {value} 读作考核期间：{t_why}", "V208"
    ),
    Entry("cannot read {value} as a period", "无法把 {value} 读作考核期间", "V209"),
    Entry(
        "cannot read {value} as a day, month, quarter or year",
        "无法把 {value} 读作日期、月份、季度或年份",
        "V210",
    ),
    Entry(
        "period ends on {value}, before it starts on {start}",
        "考核期间止于 {value}，早于起始日 {start}",
        "V211",
    ),
    Entry("quarter {value} does not exist", "没有第 {value} 季度", "V212"),
    Entry("half {value} does not exist", "没有第 {value} 个半年", "V213"),
    # V3xx: numbers
    Entry(
        "{what}: {value} is too large (or too fine) to be points; the limit is {limit}",
        "{what}：{value} 太大（或太精细），不能作为分值；上限是 {limit}",
        "V301",
    ),
    Entry("{what} must be finite, got {value}", "{what} 必须是有限的数，实际为 {value}", "V302"),
    Entry(
        "{what}: {value} is too large to be points", "{what}：{value} 太大，不能作为分值", "V303"
    ),
    Entry(
        "{what}: {value} is too long or too large to be points",
        "{what}：{value} 太长或太大，不能作为分值",
        "V304",
    ),
    Entry(
        "{what}: cannot read {value} as an exact number",
        "{what}：无法把 {value} 读作精确的数",
        "V305",
    ),
    Entry(
        "{what}: {value} is a binary float, which cannot hold most decimals exactly",
        "{what}：{value} 是二进制浮点数，大多数小数无法精确表示",
        "V306",
    ),
    Entry("{what} must be a number, got {value}", "{what} 必须是数，实际为 {value}", "V307"),
    Entry(
        "rounding places must be a whole number, got {value}",
        "保留的小数位数必须是整数，实际为 {value}",
        "V308",
    ),
    Entry("rounding mode {value} is not known", "未知的舍入方式 {value}", "V309"),
    Entry("rounding to {value} places is not supported", "不支持保留 {value} 位小数", "V310"),
    Entry("{value} is too large to present as points", "{value} 太大，无法作为分值显示", "V311"),
    Entry(
        "{value} cannot be presented to {places} places",
        "{value} 无法保留 {places} 位小数显示",
        "V312",
    ),
    # V4xx: labels and names
    Entry("{value} is not a known {kind}", "{value} 不是有效的{kind}", "V401"),
    Entry("{value} is not a {kind}", "{value} 不是{kind}", "V402"),
    Entry(
        "unknown={value} is not a way of handling characters without data",
        "unknown={value} 不是处理无数据字符的有效方式",
        "V403",
    ),
    Entry(
        "pinyin order needs the optional package pypinyin, which is not installed",
        "按拼音排序需要可选的 pypinyin 包，但没有安装",
        "V404",
    ),
    Entry("{value} is not a name order", "{value} 不是姓名排序方式", "V405"),
    Entry(
        "a name order called {value} is already registered",
        "名为 {value} 的姓名排序方式已经注册过",
        "V406",
    ),
    Entry("no name order called {value}", "没有名为 {value} 的姓名排序方式", "V407"),
    Entry(
        "stroke data is looked up one character at a time, got {value}",
        "笔画数据只能逐字查询，实际给了 {value}",
        "V408",
    ),
    Entry(
        "no stroke data for {value} (U+{point}){context}",
        "没有 {value}（U+{point}）的笔画数据{context}",
        "V409",
    ),
    Entry("no stroke data for {value} (U+{point})", "没有 {value}（U+{point}）的笔画数据", "V410"),
    Entry("a name must be text, got {value}", "姓名必须是文本，实际为 {value}", "V411"),
    Entry(
        "ChineseName.{field} must be text, got {value}",
        "ChineseName.{field} 必须是文本，实际为 {value}",
        "V412",
    ),
    Entry("a name needs at least one character", "姓名至少要有一个字", "V413"),
    Entry("name {value} has no characters", "姓名 {value} 没有任何字", "V414"),
    Entry("unknown language {value}", "未知的语言 {value}", "V415"),
)
"""Every message about a value, with its code."""

HINTS: tuple[Entry, ...] = (
    Entry("a date", "日期"),
    Entry("a day, month, quarter or year", "日期、月份、季度或年份"),
    Entry("{owner}.{attribute}: {t_message}", "{owner}.{attribute}：{t_message}"),
    Entry("did you mean {word} ({name})? {t_rest}", "是不是要写 {word}（{name}）？{t_rest}"),
    Entry("did you mean {word}? {t_rest}", "是不是要写 {word}？{t_rest}"),
    Entry("use one of: {choices}", "请从以下选择：{choices}"),
    Entry("check the month and the day", "请检查月份和日期"),
    Entry(
        "write the day as YYYY-MM-DD (2022-06-30; 2022/6/30 and 2022年6月30日 also work)",
        "日期请写成 YYYY-MM-DD（如 2022-06-30；也可写 2022/6/30 或 2022年6月30日）",
    ),
    Entry(
        "name the day ({month}-01 for the first, say); {t_rest}",
        "请写明是哪一天（如月初写 {month}-01）；{t_rest}",
    ),
    Entry(
        "write a year (2022), a half (2022-H1), a quarter (2022-Q3), a month (2022-06) or "
        "START..END (2022-01..2022-06)",
        "请写年份（2022）、半年（2022-H1）、季度（2022-Q3）、月份（2022-06）"
        "或 起..止（2022-01..2022-06）",
    ),
    Entry(
        "write START..END, each a day (2022-06-30), a month (2022-06), a quarter (2022-Q2) or a "
        "year (2022)",
        "请写 起..止，两端各为日期（2022-06-30）、月份（2022-06）、季度（2022-Q2）或年份（2022）",
    ),
    Entry("swap the dates or correct one of them", "请对调两个日期，或改正其中一个"),
    Entry("months run from 1 to 12", "月份从 1 到 12"),
    Entry("use zh (中文) or en (English)", "请用 zh（中文）或 en（English）"),
    Entry("write it as YYYY-MM-DD", "请写成 YYYY-MM-DD"),
    Entry("fix it", "请改正"),
    Entry("correct the number", "请改正这个数"),
    Entry(
        "an end date cannot come before its start; check both dates",
        "结束日期不能早于开始日期；请检查两个日期",
    ),
    Entry("give a list of values, not one string", "请给出值的列表，而不是一个字符串"),
    Entry("remove the spaces", "请去掉空格"),
    Entry(
        "delete the character (it is invisible in most programs; retype the text)",
        "请删除这个字符（多数程序中看不见它；可重新输入这段文字）",
    ),
    Entry("use an id without spaces", "编号中不要有空格"),
    Entry("list each id once", "每个编号只写一次"),
    Entry("count the half-day units the member attended", "请填写委员出勤的半天数"),
    Entry(
        "give each entry as Attendance(member_id, status)",
        "每条请写成 Attendance(member_id, status)",
    ),
    Entry("keep one entry per member", "每位委员只保留一条"),
    Entry('write it as text: "{value}"', '请写成文本："{value}"'),
    Entry("fill in author_ids or body", "请填写 author_ids 或 body"),
    Entry(
        "write a year (2023), a quarter (2023-Q3), a half (2023-H1) or START..END",
        "请写年份（2023）、季度（2023-Q3）、半年（2023-H1）或 起..止",
    ),
    Entry(
        "use a short key without spaces, such as 'employer_rating' or '单位评价'",
        "请用不含空格的短键，如 'employer_rating' 或 '单位评价'",
    ),
    Entry(
        "write each entry as code:label=meaning (or label=meaning), separated by ；",
        "每条写成 代码:名称=含义（或 名称=含义），用 ； 分隔",
    ),
    Entry("name it", "请写上名称"),
    Entry("list at least one entry", "请至少写一条"),
    Entry("give every entry its own names", "每条使用不同的名称"),
    Entry(
        "write tags as short text without surrounding spaces (驻会常委, 召集人)",
        "标签请写成前后没有空格的短文本（如 驻会常委、召集人）",
    ),
    Entry(
        "give each role as RoleSpell(role, start, end)",
        "每项职务请写成 RoleSpell(role, start, end)",
    ),
    Entry("use 1, 2, 3 or 4", "请用 1、2、3 或 4"),
    Entry("use 1 or 2", "请用 1 或 2"),
    Entry("fill in {value} for this step", "请为这个环节填写 {value}"),
    Entry("list the handling units (承办单位) it was assigned to", "请列出交办的承办单位"),
    Entry(
        "mark it as joint (联名) or collective (集体), or fix the proposers",
        "请标为联名或集体提案，或改正提案人",
    ),
    Entry(
        "mark a single proposer's proposal as individual (个人)",
        "只有一位提案人的提案请标为个人提案",
    ),
    Entry(
        "name the unit, group, committee or sector in 'body'",
        "请在 'body' 中写明单位、活动组、专门委员会或界别",
    ),
    Entry(
        "give each history entry as ProposalEvent(step, on, …)",
        "每条办理记录请写成 ProposalEvent(step, on, …)",
    ),
    Entry("dates in a proposal's history cannot go backwards", "提案办理记录中的日期不能倒退"),
    Entry("write the label as the office does", "请按办公室的写法填写名称"),
    Entry(
        "give each history entry as InfoEvent(step, on, …)",
        "每条办理记录请写成 InfoEvent(step, on, …)",
    ),
    Entry("dates in an item's history cannot go backwards", "信息办理记录中的日期不能倒退"),
    Entry("say at which level: 区县, 市, 省 or 全国", "请写明级别：区县、市、省或全国"),
    Entry(
        "pip install pypinyin (in a checkout of cppcc-model: pip install -e '.[pinyin]'), or "
        "sort by strokes",
        "请安装 pypinyin（在 cppcc-model 的源码目录中：pip install -e '.[pinyin]'），"
        "或改按笔画排序",
    ),
    Entry(
        "give an object with name, label and key(name), e.g. a StrokeOrder",
        "请给出带 name、label 和 key(name) 的对象，如 StrokeOrder",
    ),
    Entry(
        "choose another name, or pass replace=True to supersede it on purpose",
        "请换一个名称；如确要替换，请传入 replace=True",
    ),
    Entry("use 'error' (the default) or 'last'", "请用 'error'（默认）或 'last'"),
    Entry("pass a single character", "请只给一个字"),
    Entry(
        "check the name for a typo or a rare variant character; write it in simplified "
        "characters, or sort with StrokeOrder(unknown='last') to list such names last",
        "请检查姓名是否有错字或生僻异体字；请写成简体字，"
        "或用 StrokeOrder(unknown='last') 把这样的姓名排在最后",
    ),
    Entry("give the name as it is written, e.g. '欧阳明'", "请按书写的样子给出姓名，如 '欧阳明'"),
    Entry("give the surname and the given name as text", "请以文本给出姓和名"),
    Entry("fill in the name", "请填写姓名"),
    Entry(
        'write an integer, a decimal such as "12.5" or a fraction such as "1/3"',
        '请写整数、小数（如 "12.5"）或分数（如 "1/3"）',
    ),
    Entry('write it as text ("12.5") or as a Fraction', '请写成文本（"12.5"）或 Fraction'),
    Entry("write a number", "请写数"),
    Entry("write places = 2", "请写 places = 2"),
    Entry("use 0 to 10 places", "请用 0 到 10 位小数"),
    Entry(
        "check the rule's values and caps: no score comes near this",
        "请检查规则的分值和上限：任何得分都不会接近这个数",
    ),
    Entry("check the rule's values and caps", "请检查规则的分值和上限"),
    Entry("write an ordinary number of points", "请写普通的分值"),
    Entry("write an ordinary number", "请写普通的数"),
    Entry('write an ordinary number such as "12.5"', '请写普通的数，如 "12.5"'),
)
"""The hints about values."""
