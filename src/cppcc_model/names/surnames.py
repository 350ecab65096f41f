"""Surnames: splitting a name into surname and given name, and how surnames are read.

:func:`split_name` recognises compound surnames (复姓: 欧阳, 司马, 诸葛 …) at the start of a
name of three or more characters; otherwise the first character is the surname. A caller who
knows better (a roster with a surname column) builds :class:`ChineseName` directly.

:data:`SURNAME_READINGS` gives the reading of surnames whose everyday reading differs from
their reading as a surname (曾 zēng, 单 shàn, 解 xiè, 区 ōu, 查 zhā, 朴 piáo, 仇 qiú …), in
pypinyin's ``TONE3`` spelling (``ü`` written ``v``, tone number last).
"""

from __future__ import annotations

import unicodedata

import attrs

from cppcc_model.errors import InvalidValueError

__all__ = [
    "COMPOUND_SURNAMES",
    "NAME_SEPARATORS",
    "SURNAME_READINGS",
    "ChineseName",
    "normalize_name",
    "split_name",
]

SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    # single-character surnames read differently from the character's common reading
    "曾": ("zeng1",),
    "单": ("shan4",),
    "解": ("xie4",),
    "区": ("ou1",),
    "查": ("zha1",),
    "朴": ("piao2",),
    "仇": ("qiu2",),
    "繁": ("po2",),
    "盖": ("ge3",),
    "乐": ("yue4",),
    "种": ("chong2",),
    "覃": ("qin2",),
    "员": ("yun4",),
    "缪": ("miao4",),
    "秘": ("bi4",),
    "折": ("she2",),
    "翟": ("zhai2",),
    "臧": ("zang1",),
    "车": ("che1",),
    "沈": ("shen3",),
    "柏": ("bai3",),
    "薄": ("bo2",),
    "任": ("ren2",),
    "华": ("hua4",),
    "燕": ("yan1",),
    "纪": ("ji3",),
    "黑": ("he4",),
    "尉": ("wei4",),
    "宿": ("su4",),
    "召": ("shao4",),
    "句": ("gou1",),
    "阚": ("kan4",),
    "应": ("ying1",),
    "曲": ("qu1",),
    "重": ("chong2",),
    "便": ("pian2",),
    "厍": ("she4",),
    "乜": ("nie4",),
    "叶": ("ye4",),
    "卜": ("bu3",),
    "都": ("du1",),
    "隗": ("wei3",),
    "谌": ("chen2",),
    "角": ("jue2",),
    "莘": ("shen1",),
    "能": ("nai4",),
    # compound surnames (复姓)
    "欧阳": ("ou1", "yang2"),
    "司马": ("si1", "ma3"),
    "诸葛": ("zhu1", "ge3"),
    "上官": ("shang4", "guan1"),
    "东方": ("dong1", "fang1"),
    "皇甫": ("huang2", "fu3"),
    "令狐": ("ling2", "hu2"),
    "慕容": ("mu4", "rong2"),
    "尉迟": ("yu4", "chi2"),
    "长孙": ("zhang3", "sun1"),
    "宇文": ("yu3", "wen2"),
    "司徒": ("si1", "tu2"),
    "夏侯": ("xia4", "hou2"),
    "端木": ("duan1", "mu4"),
    "公孙": ("gong1", "sun1"),
    "轩辕": ("xuan1", "yuan2"),
    "独孤": ("du2", "gu1"),
    "南宫": ("nan2", "gong1"),
    "西门": ("xi1", "men2"),
    "百里": ("bai3", "li3"),
    "呼延": ("hu1", "yan2"),
    "万俟": ("mo4", "qi2"),
    "单于": ("chan2", "yu2"),
    "闻人": ("wen2", "ren2"),
    "澹台": ("tan2", "tai2"),
    "公冶": ("gong1", "ye3"),
    "宗政": ("zong1", "zheng4"),
    "濮阳": ("pu2", "yang2"),
    "太叔": ("tai4", "shu1"),
    "申屠": ("shen1", "tu2"),
    "钟离": ("zhong1", "li2"),
    "司空": ("si1", "kong1"),
    "司寇": ("si1", "kou4"),
    "仲孙": ("zhong4", "sun1"),
    "赫连": ("he4", "lian2"),
    "拓跋": ("tuo4", "ba2"),
    "第五": ("di4", "wu3"),
    "鲜于": ("xian1", "yu2"),
    "闾丘": ("lv2", "qiu1"),
    "左丘": ("zuo3", "qiu1"),
    "公羊": ("gong1", "yang2"),
    "乐正": ("yue4", "zheng4"),
    "漆雕": ("qi1", "diao1"),
    "巫马": ("wu1", "ma3"),
    "谷梁": ("gu3", "liang2"),
    "段干": ("duan4", "gan1"),
    "夹谷": ("jia2", "gu3"),
    "亓官": ("qi2", "guan1"),
    "东郭": ("dong1", "guo1"),
}
"""Surname → its reading, one ``TONE3`` syllable per character."""

COMPOUND_SURNAMES: frozenset[str] = frozenset(
    surname for surname in SURNAME_READINGS if len(surname) > 1
)
"""The compound surnames (复姓) recognised at the start of a name."""

NAME_SEPARATORS = frozenset("·・•‧･.-")
"""Separators inside transliterated names (``买买提·艾力``); ignored when sorting."""


def normalize_name(text: str) -> str:
    """``text`` in NFKC form without white space or name separators."""
    if not isinstance(text, str):
        raise InvalidValueError(
            f"a name must be text, got {text!r}",
            hint="give the name as it is written, e.g. '欧阳明'",
        )
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace() and ch not in NAME_SEPARATORS)


def _check_part(instance: ChineseName, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(
            f"ChineseName.{attribute.name} must be text, got {value!r}",
            hint="give the surname and the given name as text",
        )


@attrs.frozen
class ChineseName:
    """A name split into ``surname`` and ``given`` name (either may be empty, not both)."""

    surname: str = attrs.field(validator=_check_part)
    given: str = attrs.field(default="", validator=_check_part)

    def __attrs_post_init__(self) -> None:
        if not self.surname and not self.given:
            raise InvalidValueError(
                "a name needs at least one character",
                hint="fill in the name",
            )

    @property
    def full(self) -> str:
        """Surname and given name together."""
        return self.surname + self.given

    def __str__(self) -> str:
        return self.full


def split_name(name: str | ChineseName) -> ChineseName:
    """Split ``name`` into surname and given name.

    A name of three or more characters that starts with a compound surname keeps it whole
    (``欧阳明`` → ``欧阳`` + ``明``); otherwise the surname is the first character (``欧阳`` alone
    is surname ``欧`` and given name ``阳``). White space and separators are dropped first.

    Raises:
        InvalidValueError: for an empty name.

    """
    if isinstance(name, ChineseName):
        return name
    text = normalize_name(name)
    if not text:
        raise InvalidValueError(
            f"name {name!r} has no characters",
            hint="fill in the name",
        )
    if len(text) > 2 and text[:2] in COMPOUND_SURNAMES:
        return ChineseName(text[:2], text[2:])
    return ChineseName(text[:1], text[1:])
