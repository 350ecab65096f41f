"""The office's own words and definitions: reply categories, satisfaction scales, rate bases.

Offices differ in how they label a reply, how they scale a proposer's verdict and how they
define the figures they print. A committee states its choices (``Committee`` fields, the
``committee`` table's keys); everything left unstated takes the defaults below, which are the
library's long-standing behaviour.

* :class:`ReplyScheme` — the reply categories (答复类别), each with the meaning the rates read
  (:class:`ReplyMeaning`). Default: the three-class A / B / C scheme.
* :class:`SatisfactionScale` — the levels of a proposer's verdict (满意度), each with the
  meaning the rates read (:class:`~cppcc_model.model.proposals.Satisfaction`). Default:
  满意 / 基本满意 / 不满意.
* :class:`MergeStage` — when a proposal may be merged (并案): before filing (default), after
  filing, or either.
* :class:`FilingCount` — what 立案 counts: filed cases (default) or filed + merged.
* :class:`SatisfactionBase` — the satisfaction rate's denominator: rated (default), replied or
  assigned cases.
* :class:`ReplyBase` — the reply rate's denominator: assigned (default) or filed cases.
* :class:`ClosedMeaning` — what 办结 means: an explicit 办结 step (default), replied and rated,
  or replied.

A scheme or a scale is written in one cell as ``；``-separated entries: for reply categories
``A:已解决或采纳=solved；B:正在解决或列入计划=in_progress``, for satisfaction levels
``满意=satisfied；基本满意=basically_satisfied；理解=understanding；不满意=dissatisfied``. An entry
is ``code:label/alias/…=meaning``; without ``code:`` the label is the code. The meaning may be
written as its English id or its Chinese label.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Generic, TypeVar

import attrs

from cppcc_model.errors import InvalidValueError, UnknownLabelError
from cppcc_model.labels import LabeledEnum, normalize_label, own_simplified_texts

__all__ = [
    "DEFAULT_REPLY_SCHEME",
    "DEFAULT_SATISFACTION_SCALE",
    "ClosedMeaning",
    "FilingCount",
    "MergeStage",
    "OfficeCategory",
    "OfficeEntry",
    "OfficeLevel",
    "OfficeVocabulary",
    "ReplyBase",
    "ReplyMeaning",
    "ReplyScheme",
    "SatisfactionBase",
    "SatisfactionMeaning",
    "SatisfactionScale",
]


class ReplyMeaning(LabeledEnum, kind_label="答复含义 (what a reply category means)"):
    """What a reply category means for the rates (解决率, 落实率)."""

    SOLVED = ("solved", "已解决或采纳", "解决", "采纳")
    IN_PROGRESS = ("in_progress", "正在解决或列入计划", "正在解决", "列入计划")
    DEFERRED = ("deferred", "因条件限制待以后解决", "待以后解决")
    REFERENCE = ("reference", "留作参考", "参考", "说明")


class SatisfactionMeaning(LabeledEnum, kind_label="满意度含义 (what a satisfaction level means)"):
    """What a satisfaction level means for the rates (满意率, 不满意率)."""

    SATISFIED = ("satisfied", "满意")
    BASICALLY_SATISFIED = ("basically_satisfied", "基本满意")
    UNDERSTANDING = ("understanding", "理解")
    DISSATISFIED = ("dissatisfied", "不满意")


class MergeStage(LabeledEnum, kind_label="并案时机 (when proposals are merged)"):
    """When the office merges proposals (并案)."""

    BEFORE_FILING = ("before_filing", "立案前并案", "立案前")
    AFTER_FILING = ("after_filing", "立案后并案", "立案后")
    EITHER = ("either", "立案前后均可", "均可")


class FilingCount(LabeledEnum, kind_label="立案口径 (what 立案 counts)"):
    """What the printed 立案 figure counts."""

    FILED = ("filed", "立案", "仅立案")
    FILED_AND_MERGED = ("filed_and_merged", "立案含并案", "立案加并案", "含并案")


class SatisfactionBase(LabeledEnum, kind_label="满意率分母 (satisfaction-rate denominator)"):
    """What the satisfaction rate (满意率) is a share of — offices differ, so it is a setting.

    * ``RATED`` — the cases whose proposer returned a rating (宁波: forms returned). Default.
    * ``REPLIED`` — every case replied to (an unreturned form counts against the rate).
    * ``ASSIGNED`` — every case assigned to a handling unit here (通州: all proposals).
    """

    RATED = ("rated", "反馈件数", "returned_forms")
    REPLIED = ("replied", "答复件数")
    ASSIGNED = ("assigned", "交办件数", "all")


class ReplyBase(LabeledEnum, kind_label="办复率分母 (reply-rate denominator)"):
    """What the reply rate (办复率) is a share of."""

    ASSIGNED = ("assigned", "交办件数")
    FILED = ("filed", "立案件数")


class ClosedMeaning(LabeledEnum, kind_label="办结口径 (what 办结 means)"):
    """What counts as closed (办结)."""

    CLOSED_STEP = ("closed_step", "办结环节", "办结")
    RATED = ("rated", "答复并反馈", "已反馈")
    REPLIED = ("replied", "已答复", "答复")


_ENTRY = re.compile(r"^(?:(?P<code>[^:：=]+)[:：])?(?P<labels>[^=]+)=(?P<meaning>.+)$")


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;；\n]", text) if part.strip()]


class OfficeEntry:
    """What a reply category and a satisfaction level share: code, label, aliases, meaning."""

    __slots__ = ()
    code: str
    label: str
    meaning: LabeledEnum
    aliases: tuple[str, ...]

    @property
    def value(self) -> str:
        """The entry's code (``"a"``), as an enumeration's ``value`` reads."""
        return self.code

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the entry may be written as."""
        return (self.code, self.label, *self.aliases)


@attrs.frozen
class OfficeCategory(OfficeEntry):
    """One reply category of an office's scheme: its code, label, other names and meaning."""

    code: str
    label: str
    meaning: ReplyMeaning
    aliases: tuple[str, ...] = ()


@attrs.frozen
class OfficeLevel(OfficeEntry):
    """One level of an office's satisfaction scale: its label, other names and meaning."""

    code: str
    label: str
    meaning: SatisfactionMeaning
    aliases: tuple[str, ...] = ()


def _entries(
    text: str, what: str, meaning_type: type[LabeledEnum]
) -> list[tuple[str, str, tuple[str, ...], LabeledEnum]]:
    entries = []
    for part in _split(text):
        found = _ENTRY.match(part)
        if found is None:
            raise InvalidValueError(
                f"cannot read the {what} entry {part!r}",
                hint="write each entry as code:label=meaning (or label=meaning), separated by ；",
            )
        labels = [name.strip() for name in found.group("labels").split("/") if name.strip()]
        if not labels:
            raise InvalidValueError(f"the {what} entry {part!r} has no label", hint="name it")
        try:
            meaning = meaning_type.parse(found.group("meaning").strip())
        except UnknownLabelError as error:
            raise InvalidValueError(
                f"the {what} entry {part!r}: {error.message}", hint=error.hint
            ) from None
        code = (found.group("code") or labels[0]).strip()
        entries.append((code, labels[0], tuple(labels[1:]), meaning))
    if not entries:
        raise InvalidValueError(f"the {what} list is empty", hint="list at least one entry")
    return entries


def _index(names: list[tuple[str, ...]], what: str) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, entry_names in enumerate(names):
        for name in entry_names:
            key = normalize_label(name)
            if key in index and index[key] != position:
                raise InvalidValueError(
                    f"the name {name!r} is given to two {what}",
                    hint="give every entry its own names",
                )
            index[key] = position
    return index


_Entry = TypeVar("_Entry", bound="OfficeEntry")


@functools.lru_cache(maxsize=64)
def _lookup(entries: tuple[OfficeEntry, ...]) -> dict[str, OfficeEntry]:
    """Every name of the entries, as written and normalised, to its entry (first one wins)."""
    index: dict[str, OfficeEntry] = {}
    for entry in entries:
        for name in entry.names:
            index.setdefault(name, entry)
    for entry in entries:
        for name in entry.names:
            index.setdefault(normalize_label(name), entry)
    return index


def _parse(
    text: str,
    what: tuple[str, str],
    meaning: type[LabeledEnum],
    entry: Callable[..., _Entry],
) -> tuple[_Entry, ...]:
    """The entries ``text`` writes (see the module docs), each name given to one entry only.

    ``what`` names an entry and several entries, for messages.
    """
    entries = tuple(
        entry(code, label, meant, aliases)
        for code, label, aliases, meant in _entries(text, what[0], meaning)
    )
    _index([e.names for e in entries], what[1])
    return entries


class OfficeVocabulary(Generic[_Entry]):
    """What a reply scheme and a satisfaction scale share: finding, listing and writing entries.

    ``str()`` writes the entries back as a clerk writes them in one cell (see the module docs).
    """

    __slots__ = ()

    @property
    def _all(self) -> tuple[_Entry, ...]:
        raise NotImplementedError

    def find(self, text: str) -> _Entry | None:
        """The entry ``text`` names (its code, label or an alias), if any."""
        found = _lookup(self._all).get(text)
        if found is None:
            found = _lookup(self._all).get(normalize_label(text))
        return found  # type: ignore[return-value]  # one of ``self._all``

    def choices(self) -> str:
        """The entries as a clerk writes them, for messages."""
        return "、".join(entry.label for entry in self._all)

    def __str__(self) -> str:
        return "；".join(
            f"{e.code}:{'/'.join((e.label, *e.aliases))}={e.meaning.value}" for e in self._all
        )


@attrs.frozen
class ReplyScheme(OfficeVocabulary[OfficeCategory]):
    """An office's reply categories, in order (A, B, C … as the office prints them)."""

    categories: tuple[OfficeCategory, ...]

    @property
    def _all(self) -> tuple[OfficeCategory, ...]:
        return self.categories

    @classmethod
    def parse(cls, text: str) -> ReplyScheme:
        """Read ``A:已解决或采纳=solved；B:…`` (see the module docs).

        Raises:
            InvalidValueError: when an entry cannot be read or two entries share a name.

        """
        what = ("reply category", "reply categories")
        return cls(_parse(text, what, ReplyMeaning, OfficeCategory))


@attrs.frozen
class SatisfactionScale(OfficeVocabulary[OfficeLevel]):
    """An office's satisfaction levels, from the best verdict to the worst."""

    levels: tuple[OfficeLevel, ...]

    @property
    def _all(self) -> tuple[OfficeLevel, ...]:
        return self.levels

    @classmethod
    def parse(cls, text: str) -> SatisfactionScale:
        """Read ``满意=satisfied；基本满意=basically_satisfied；…`` (see the module docs).

        Raises:
            InvalidValueError: when an entry cannot be read or two entries share a name.

        """
        what = ("satisfaction level", "satisfaction levels")
        return cls(_parse(text, what, SatisfactionMeaning, OfficeLevel))


DEFAULT_REPLY_SCHEME = ReplyScheme(
    (
        OfficeCategory(
            "a", "A类", ReplyMeaning.SOLVED, ("A", "已解决", "已采纳", "解决采纳", "已解决或采纳")
        ),
        OfficeCategory(
            "b", "B类", ReplyMeaning.IN_PROGRESS, ("B", "正在解决", "列入计划", "计划解决")
        ),
        OfficeCategory("c", "C类", ReplyMeaning.REFERENCE, ("C", "留作参考", "参考")),
    )
)
"""The three-class scheme most offices use: A 已解决或采纳, B 正在解决或列入计划, C 留作参考."""

DEFAULT_SATISFACTION_SCALE = SatisfactionScale(
    (
        OfficeLevel("satisfied", "满意", SatisfactionMeaning.SATISFIED),
        OfficeLevel("basically_satisfied", "基本满意", SatisfactionMeaning.BASICALLY_SATISFIED),
        OfficeLevel("dissatisfied", "不满意", SatisfactionMeaning.DISSATISFIED),
    )
)
"""The three-level scale: 满意 / 基本满意 / 不满意."""

own_simplified_texts(
    name
    for entry in (*DEFAULT_REPLY_SCHEME.categories, *DEFAULT_SATISFACTION_SCALE.levels)
    for name in entry.names
)  # the library's own names: finding them needs no OpenCC converter
