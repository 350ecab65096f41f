"""Messages in the clerk's language: a catalogue of every message and hint, in Chinese and English.

The library raises its errors with English messages and hints (developers read them, and tests
and scripts match them). :func:`translate` puts one into Chinese by the catalogue
(:data:`CATALOGUE`): each :class:`Entry` is an English template with ``{placeholders}`` and its
Chinese rendering; the text a placeholder holds is translated in turn when the catalogue knows
it (a hint that starts "did you mean …? " and goes on with another hint, a JSON value described
as "the number inf", the noun "an item" in "an item must be a table"). Text the catalogue has
no entry for stays as it is. :func:`render_error` renders a whole error — where it is, what,
how to fix it, and every problem of a list — in either language, and :func:`say` the
command's own words ("wrote 得分.xlsx").

The language is Chinese unless asked otherwise (:func:`choose_lang`): ``--lang`` on the command
line, the ``CPPCC_LANG`` environment variable, or an English locale (``LANG=en_US.UTF-8``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from cppcc_model.errors import CppccError, Location, Problem, ProblemsError

if TYPE_CHECKING:
    from cppcc_model.catalogue import CATALOGUE, Entry

__all__ = [
    "CATALOGUE",
    "LANGS",
    "SAYINGS",
    "Entry",
    "Lang",
    "accepted_lang",
    "bilingual",
    "choose_lang",
    "problem_dict",
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
    "invalid": {
        "zh": "数据有误 {data}：{count} 个问题",
        "en": "{data} is not valid: {count} {problems}",
    },
    "valid": {"zh": "数据有效 {data}：{name}", "en": "{data} is valid: {name}"},
    "plugin_skipped": {
        "zh": "已跳过插件“{name}”：{text}",
        "en": "skipped plugin {name!r}: {text}",
    },
}
"""The command's own words, by key, in each language."""


def __getattr__(name: str) -> Any:
    """:data:`CATALOGUE` and :class:`Entry`, imported from the catalogue on first use.

    Choosing a language and saying the command's own words (every ``cppcc`` run) do not load
    the catalogue of every message.
    """
    if name in ("CATALOGUE", "Entry"):
        import cppcc_model.catalogue

        return getattr(cppcc_model.catalogue, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def accepted_lang(header: str | None, default: Lang = "zh") -> Lang:
    """The language an HTTP ``Accept-Language`` header prefers of the two the catalogue speaks.

    The highest-weighted of ``zh…`` and ``en…`` wins (``zh-CN,zh;q=0.9,en;q=0.8`` → ``zh``;
    ``en-US`` → ``en``); a header naming neither, or none at all, gives ``default``.

    Examples:
        >>> accepted_lang("en-US,en;q=0.9")
        'en'
        >>> accepted_lang("fr, en;q=0.5, zh;q=0.8")
        'zh'
        >>> accepted_lang(None, "en")
        'en'

    """
    best: tuple[float, int] | None = None
    chosen: Lang = default
    for position, part in enumerate((header or "").split(",")):
        name, _, parameters = part.strip().partition(";")
        tag = name.strip().lower()[:2]
        if tag not in LANGS:
            continue
        weight = 1.0
        for parameter in parameters.split(";"):
            key, _, value = parameter.strip().partition("=")
            if key.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if weight > 0 and (best is None or (weight, -position) > best):
            best, chosen = (weight, -position), ("zh" if tag == "zh" else "en")
    return chosen


def translate(text: str | None, lang: Lang = "zh") -> str | None:
    """``text`` (a message or hint of the library) in ``lang``; unchanged when not catalogued."""
    if text is None or lang == "en":
        return text
    from cppcc_model.catalogue import lookup

    found = lookup(text)
    if found is None:
        return text
    values = {name: translate(value, lang) for name, value in found.values.items()}
    return found.entry.zh.format(**values)


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


def _line(
    where: Location | None, message: str, hint: str | None, code: str | None, lang: Lang
) -> str:
    place = render_location(where, lang)
    text = translate(message, lang) or message
    if place:
        text = f"{place}：{text}" if lang == "zh" else f"{place}: {text}"
    if hint:
        text = f"{text} — {translate(hint, lang)}"
    return f"[{code}] {text}" if code else text


def render_problem(problem: Problem, lang: Lang = "zh") -> str:
    """One problem of a list: its code, where, what and how to fix it, in ``lang``.

    Examples:
        >>> from cppcc_model.errors import Location, Problem
        >>> problem = Problem(
        ...     "the id 'm 1' contains a space", Location(row=3), "write ids without spaces"
        ... )
        >>> render_problem(problem)
        "[L201] 第 3 行：编号 'm 1' 含有空格 — 编号中不要有空格"
        >>> render_problem(problem, "en")
        "[L201] row 3: the id 'm 1' contains a space — write ids without spaces"

    """
    return _line(problem.where, problem.message, problem.hint, problem.code, lang)


def problem_dict(problem: Problem, lang: Lang = "zh") -> dict[str, str | int | None]:
    """One problem as plain data, as ``cppcc validate --format json`` and the HTTP service give it.

    Where it is (``file``, ``sheet``, ``table``, ``row``, ``column``, ``record``, ``field``), its
    stable ``code`` and offending ``value``, and ``message`` and ``hint`` in ``lang``.

    Examples:
        >>> from cppcc_model.errors import Location, Problem
        >>> problem = Problem(
        ...     "the id 'm 1' contains a space", Location(row=3), "write ids without spaces"
        ... )
        >>> data = problem_dict(problem, "en")
        >>> data["row"], data["code"], data["value"], data["message"]
        (3, 'L201', 'm 1', "the id 'm 1' contains a space")

    """
    where = problem.where
    return {
        "file": where.file,
        "sheet": where.sheet,
        "table": where.table,
        "row": where.row,
        "column": where.column,
        "record": where.record_id,
        "field": where.path,
        "code": problem.code,
        "value": problem.value,
        "message": translate(problem.message, lang),
        "hint": translate(problem.hint, lang),
    }


def render_error(error: CppccError, lang: Lang = "zh") -> str:
    """A whole error in ``lang``, led by its code: for a list of problems, a line per problem."""
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
        if error.code:
            head = f"[{error.code}] {head}"
        return "\n".join([head, *(f"  - {render_problem(p, lang)}" for p in error.problems)])
    return _line(error.where, error.message, error.hint, error.code, lang)


def say(key: str, lang: Lang = "zh", **values: object) -> str:
    """The command's own words ``key`` (see :data:`SAYINGS`) in ``lang``, filled with ``values``."""
    return SAYINGS[key][lang].format(**values)
