"""Messages in the clerk's language: a catalogue of every message and hint, in Chinese and English.

The library raises its errors with English messages and hints (developers read them, and tests
and scripts match them). :func:`translate` puts one into Chinese by the catalogue
(:data:`CATALOGUE`): each :class:`Entry` is an English template with ``{placeholders}`` and its
Chinese rendering; a placeholder whose name starts with ``t_`` is itself translated (a hint
that starts "did you mean …? " and goes on with another hint). Text the catalogue has no entry
for stays as it is. :func:`render_error` renders a whole error — where it is, what, how to fix
it, and every problem of a list — in either language, and :func:`say` the command's own words
("wrote 得分.xlsx").

The language is Chinese unless asked otherwise (:func:`choose_lang`): ``--lang`` on the command
line, the ``CPPCC_LANG`` environment variable, or an English locale (``LANG=en_US.UTF-8``).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from typing import Literal

import attrs

from cppcc_model.errors import CppccError, Location, Problem, ProblemsError

__all__ = [
    "CATALOGUE",
    "LANGS",
    "SAYINGS",
    "Entry",
    "Lang",
    "bilingual",
    "choose_lang",
    "render_error",
    "render_location",
    "render_problem",
    "say",
    "translate",
]

Lang = Literal["zh", "en"]
"""A language of the messages: Chinese (``zh``, the default) or English (``en``)."""

LANGS: tuple[Lang, ...] = ("zh", "en")
"""The languages the catalogue speaks, the default first."""


@attrs.frozen
class Entry:
    """One message of the catalogue: its English template and its Chinese rendering."""

    en: str
    zh: str

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """The English template as a regular expression (each placeholder matches any text)."""
        parts = re.split(r"(\{[a-z_]+\})", self.en)
        source = "".join(
            f"(?P<{part[1:-1]}>.+?)" if re.fullmatch(r"\{[a-z_]+\}", part) else re.escape(part)
            for part in parts
        )
        return re.compile(source, re.DOTALL)


_SUGGEST = "did you mean {word} ({name})? {t_rest}"

CATALOGUE: tuple[Entry, ...] = (
    # "did you mean" prefixes (most specific first)
    Entry(_SUGGEST, "是不是要写 {word}（{name}）？{t_rest}"),
    Entry("did you mean {word}? {t_rest}", "是不是要写 {word}？{t_rest}"),
    # the dataset: files, sheets, headers
    Entry("cannot load the dataset {path}", "无法读取数据 {path}"),
    Entry(
        "fix the problems listed; nothing was loaded", "请逐条改正下列问题；本次没有读入任何数据"
    ),
    Entry("there is no such file or directory", "没有这个文件或目录"),
    Entry("the sheet {name} is not a table of the dataset", "工作表 {name} 不是数据集中的表"),
    Entry("the file {name} is not a table of the dataset", "文件 {name} 不是数据集中的表"),
    Entry(
        "rename it after its table (docs/reference/dataset-format.md lists them), or start its "
        "name with # to keep it as notes",
        "按它所属的表重新命名（各表名称见 docs/reference/dataset-format.md），"
        "或在名称前加 # 作为备注保留",
    ),
    Entry("the table {table} is also in {place}", "表 {table} 也出现在 {place}"),
    Entry("keep each table in one file or sheet", "每个表只放在一个文件或工作表中"),
    Entry("column {number} has values but no header", "第 {number} 列有内容，但没有表头"),
    Entry(
        "write the column's header in the first row, or delete the column",
        "在第一行写上这一列的表头，或删除这一列",
    ),
    Entry("unknown column {column} in {table}", "{table}中没有 {column} 这一列"),
    Entry(
        "docs/reference/dataset-format.md lists the columns of every table",
        "各表的列见 docs/reference/dataset-format.md",
    ),
    Entry(
        "the column {column} appears twice (also as {other})",
        "{column} 这一列出现了两次（另一处写作 {other}）",
    ),
    Entry("keep one of the two columns", "只保留其中一列"),
    Entry("keep one of the two rows", "只保留其中一行"),
    Entry("the required column {column} is missing from {table}", "{table}缺少必填的列 {column}"),
    Entry("add a column headed {name} or {zh}", "添加表头为 {zh}（或 {name}）的一列"),
    Entry("{column} is required but the cell is empty", "{column} 必须填写，但这一格是空的"),
    Entry("fill it in", "请填写"),
    Entry("the committee's {field} is empty", "委员会的 {field} 没有填写"),
    Entry("the committee's {field} is missing", "委员会缺少 {field}"),
    Entry(
        "add a row with key {key} ({zh}) and its value",
        "添加一行：项目写 {zh}（或 {key}），并填写内容",
    ),
    Entry("unknown committee key {key}", "委员会表中没有 {key} 这一项"),
    Entry("the keys are: {keys}", "可用的项目：{keys}"),
    Entry("the key cell is empty", "项目一格是空的"),
    # records and references
    Entry("the id {id} is already used on row {row}", "编号 {id} 已在第 {row} 行用过"),
    Entry("give every record its own id", "每条记录用不同的编号"),
    Entry("{value} is not in {table}", "{table}中没有 {value}"),
    Entry("add it to {table} or correct the id", "请在{table}中添加它，或改正编号"),
    Entry("add it there, or correct the id or the kind", "请在那里添加它，或改正编号或类别"),
    Entry("no member has the id or name {name}", "没有编号或姓名为 {name} 的委员"),
    Entry("check the roster", "请核对委员名单"),
    Entry("{count} members are named {name} ({ids})", "有 {count} 位委员都叫 {name}（{ids}）"),
    Entry("use the member id instead of the name", "请改用委员编号"),
    # cells
    Entry("the id {id} contains a space", "编号 {id} 含有空格"),
    Entry("write ids without spaces", "编号中不要有空格"),
    Entry("{value} is not a whole number", "{value} 不是整数"),
    Entry("write a number such as 3", "请写数字，如 3"),
    Entry("{value} is not yes or no", "{value} 不是“是”或“否”"),
    Entry("write 是 or 否 (or true / false)", "请写“是”或“否”"),
    Entry("{value} is not a known {kind}", "{value} 不是有效的{kind}"),
    Entry("use one of: {choices}", "请从以下选择：{choices}"),
    Entry("the list names {value} twice", "列表中 {value} 出现了两次"),
    Entry("list each item once", "每项只写一次"),
    # dates and periods
    Entry("cannot read {value} as a date", "无法把 {value} 读作日期"),
    Entry("{value} is not a day of the calendar", "{value} 不是日历上的日子"),
    Entry("check the month and the day", "请检查月份和日期"),
    Entry(
        "{value} is ambiguous: the order of day and month is a guess",
        "{value} 有歧义：日和月的先后只能靠猜",
    ),
    Entry(
        "{value} is ambiguous: a two-digit year leaves the century a guess",
        "{value} 有歧义：两位数的年份看不出是哪个世纪",
    ),
    Entry(
        "{value} is a month, quarter or year, not a day", "{value} 是月份、季度或年份，不是某一天"
    ),
    Entry(
        "write the day as YYYY-MM-DD (2022-06-30; 2022/6/30 and 2022年6月30日 also work)",
        "日期请写成 YYYY-MM-DD（如 2022-06-30；也可写 2022/6/30 或 2022年6月30日）",
    ),
    Entry(
        "name the day ({month}-01 for the first, say); {t_rest}",
        "请写明是哪一天（如月初写 {month}-01）；{t_rest}",
    ),
    Entry("cannot read {value} as a period: {t_why}", "无法把 {value} 读作考核期间：{t_why}"),
    Entry("cannot read {value} as a period", "无法把 {value} 读作考核期间"),
    Entry(
        "cannot read {value} as a day, month, quarter or year",
        "无法把 {value} 读作日期、月份、季度或年份",
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
    Entry(
        "period ends on {end}, before it starts on {start}",
        "考核期间止于 {end}，早于起始日 {start}",
    ),
    Entry("swap the dates or correct one of them", "请对调两个日期，或改正其中一个"),
    # the command line
    Entry("--year and --period both give the period", "--year 和 --period 都指定了考核期间"),
    Entry("give only one", "只给其中一个"),
    Entry(
        "the dataset has no dated record to choose a year from",
        "数据中没有带日期的记录，无法确定考核年度",
    ),
    Entry("give --year YYYY or --period", "请用 --year YYYY 或 --period 指定考核期间"),
    Entry(
        "no rule set is installed for the dataset's jurisdiction {jurisdiction}",
        "没有为本数据的辖区 {jurisdiction} 安装考核规则",
    ),
    Entry(
        "name the rules with --rules (see `cppcc plugins`), or give a .toml file",
        "请用 --rules 指定规则（可用 `cppcc plugins` 查看），或给出 .toml 规则文件",
    ),
    Entry("{name} ({id}) did not serve during {period}", "{name}（{id}）在 {period} 期间未任委员"),
    Entry(
        "choose a period in which the member served (--year / --period)",
        "请选择该委员在任的期间（--year / --period）",
    ),
    # award reasons (why a candidate did not win)
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
    # writing
    Entry("cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    Entry("check the directory exists and can be written to", "请检查目录是否存在、能否写入"),
    Entry(
        "check the directory exists and the file is not open in Excel",
        "请检查目录是否存在，以及文件是否正在 Excel 中打开",
    ),
    Entry(
        "check the directory exists and the file is not open elsewhere",
        "请检查目录是否存在，以及文件是否被其他程序打开",
    ),
    Entry(
        "--format {format} does not match the file name {name}, which is {implied}",
        "--format {format} 与文件名 {name}（{implied} 格式）不符",
    ),
    Entry(
        "drop --format (the extension decides), or give a file name ending in {extension}",
        "去掉 --format（按扩展名决定格式），或把文件名改为以 {extension} 结尾",
    ),
    Entry("an Excel workbook cannot be written to the terminal", "Excel 工作簿不能输出到终端"),
    Entry("an HTML report cannot be written to the terminal", "HTML 报告不能输出到终端"),
    Entry("add --output FILE{extension}", "请加上 --output 文件名{extension}"),
    Entry(
        "the template is an Excel workbook; {name} does not end in .xlsx",
        "模板是 Excel 工作簿，{name} 不是以 .xlsx 结尾",
    ),
    Entry("give a file name ending in .xlsx", "请给出以 .xlsx 结尾的文件名"),
)
"""Every message and hint the catalogue renders in Chinese (English template → Chinese)."""

SAYINGS: Mapping[str, Mapping[Lang, str]] = {
    "error": {"zh": "cppcc: 错误：{text}", "en": "cppcc: error: {text}"},
    "warning": {"zh": "cppcc: 警告：{text}", "en": "cppcc: warning: {text}"},
    "wrote": {"zh": "cppcc: 已写出 {path}", "en": "cppcc: wrote {path}"},
    "aborted": {"zh": "cppcc: 已中止", "en": "cppcc: aborted"},
    "internal": {
        "zh": "cppcc: 内部错误：{kind}: {text}\n"
        "  这是程序缺陷；请加 --debug 重新运行，并报告显示的回溯信息",
        "en": "cppcc: internal error: {kind}: {text}\n"
        "  this is a bug; run again with --debug and report the traceback",
    },
    "problems": {"zh": "{summary}（{count} 个问题）", "en": "{summary} ({count} {problems})"},
}
"""The command's own words, by key, in each language."""


def choose_lang(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> Lang:
    """The language of the messages: Chinese unless asked for English.

    ``explicit`` (``--lang``) decides, else ``CPPCC_LANG``, else the locale (``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``): English only when one of these says so.

    Raises:
        CppccError: for a language that is neither ``zh`` nor ``en``.

    """
    env = os.environ if environ is None else environ
    for value in (explicit, env.get("CPPCC_LANG")):
        if value:
            chosen = value.strip().lower()[:2]
            if chosen not in LANGS:
                raise CppccError(
                    f"unknown language {value!r}", hint="use zh (中文) or en (English)"
                )
            return "zh" if chosen == "zh" else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value.lower().startswith("en"):
            return "en"
        if value.lower().startswith("zh"):
            return "zh"
    return "zh"


def translate(text: str | None, lang: Lang = "zh") -> str | None:
    """``text`` (a message or hint of the library) in ``lang``; unchanged when not catalogued."""
    if text is None or lang == "en":
        return text
    for entry in CATALOGUE:
        match = entry.pattern.fullmatch(text)
        if match is None:
            continue
        values = {
            name: (translate(value, lang) if name.startswith("t_") else value)
            for name, value in match.groupdict().items()
        }
        return entry.zh.format(**values)
    return text


def bilingual(en: str | None, zh: str | None, lang: Lang = "zh") -> str | None:
    """Text the library gives in both languages (an award's reason), in ``lang``.

    In Chinese: the library's own Chinese where it gives one (it carries the rule text's words,
    such as an exclusion's reason), else the English through the catalogue
    (:func:`translate`); in English: the English, else the Chinese.

    Examples:
        >>> bilingual("ranked 5, below the quota of 4", "排名第5，未进入名额(4名)")
        '排名第5，未进入名额(4名)'
        >>> bilingual("ranked 5, below the quota of 4", None)
        '排名第 5，在名额 4 之外'
        >>> bilingual("ranked 5, below the quota of 4", "排名第5，未进入名额(4名)", "en")
        'ranked 5, below the quota of 4'

    """
    if lang == "en":
        return en or zh
    if zh and zh != en:
        return zh
    return translate(en, lang)


def render_location(where: Location | None, lang: Lang = "zh") -> str:
    """Where a problem is, in ``lang`` (``襄州区.xlsx，工作表“出勤”，第 120 行，“出勤状态”列``)."""
    if where is None:
        return ""
    if lang == "en":
        return str(where)
    parts: list[str] = []
    if where.plugin is not None:
        parts.append(f"插件“{where.plugin}”")
    if where.rule_set is not None:
        parts.append(f"规则集“{where.rule_set}”")
    if where.clause is not None:
        parts.append(f"条款 {where.clause}")
    if where.file is not None:
        parts.append(where.file)
    if where.sheet is not None:
        parts.append(f"工作表“{where.sheet}”")
    if where.line is not None:
        parts.append(f"第 {where.line} 行")
    if where.key is not None:
        parts.append(f"键“{where.key}”")
    if where.row is not None:
        parts.append(f"第 {where.row} 行")
    if where.column is not None:
        parts.append(f"“{where.column}”列")
    if where.record_id is not None:
        parts.append(f"记录“{where.record_id}”")
    if where.path is not None:
        parts.append(f"字段 {where.path}")
    return "，".join(parts)


def _line(where: Location | None, message: str, hint: str | None, lang: Lang) -> str:
    place = render_location(where, lang)
    text = translate(message, lang) or message
    if place:
        text = f"{place}：{text}" if lang == "zh" else f"{place}: {text}"
    if hint:
        text = f"{text} — {translate(hint, lang)}"
    return text


def render_problem(problem: Problem, lang: Lang = "zh") -> str:
    """One problem of a list: where, what and how to fix it, in ``lang``."""
    return _line(problem.where, problem.message, problem.hint, lang)


def render_error(error: CppccError, lang: Lang = "zh") -> str:
    """A whole error in ``lang``: for a list of problems, the summary and a line per problem."""
    if lang == "en":
        return str(error)
    if isinstance(error, ProblemsError):
        head = say(
            "problems",
            lang,
            summary=translate(error.summary, lang) or error.summary,
            count=len(error.problems),
            problems="problem" if len(error.problems) == 1 else "problems",
        )
        if error.hint:
            head = f"{head} — {translate(error.hint, lang)}"
        return "\n".join([head, *(f"  - {render_problem(p, lang)}" for p in error.problems)])
    return _line(error.where, error.message, error.hint, lang)


def say(key: str, lang: Lang = "zh", **values: object) -> str:
    """The command's own words ``key`` (see :data:`SAYINGS`) in ``lang``, filled with ``values``."""
    return SAYINGS[key][lang].format(**values)
