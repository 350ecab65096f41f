"""The definitions behind the proposal figures, stated as settings.

Offices define their figures differently, and the printed figure is only right under the
office's own definitions. :class:`StatsSettings` states every choice; :meth:`StatsSettings.
for_committee` takes the committee's stated choices (``Committee`` fields, the ``committee``
table's keys) over the defaults; :func:`rate_definitions` says, for those settings, what each
rate's numerator and denominator are, so every figure can say which definition produced it
(``Figure.definition``: ``"（立案+并案）/收到提案"``).

The choices (defaults first):

* ``filing_count`` — what 立案 counts: ``filed`` cases, or ``filed_and_merged`` (立案 + 并案,
  as many offices print it: "经审查立案A件" counting the merged duplicates in);
* ``reply_base`` — the 办复率's denominator: ``assigned`` cases, or ``filed`` cases;
* ``closed_means`` — what 办结 means: an explicit ``closed_step`` (办结), ``rated`` (replied and
  rated by the proposer), or ``replied``;
* ``satisfaction_base`` — the 满意率's denominator: ``rated`` cases (returned forms),
  ``replied`` cases, or ``assigned`` cases;
* ``count_basically_satisfied`` (yes) / ``count_understanding`` (no) — whether 基本满意 and
  理解 count as satisfied;
* ``attribution`` — whose groups a joint proposal counts in (all proposers);
* ``rules`` — the lifecycle rules (deadlines, merge stage, reply categories, satisfaction scale).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from cppcc_model.model.office import (
    ClosedMeaning,
    FilingCount,
    ReplyBase,
    SatisfactionBase,
)
from cppcc_model.model.organizations import Committee
from cppcc_model.proposals.grouping import Attribution
from cppcc_model.proposals.lifecycle import DEFAULT_RULES, LifecycleRules, rules_for

__all__ = [
    "COUNTS",
    "COUNT_NAMES",
    "DEFAULT_SETTINGS",
    "CountName",
    "RateDefinition",
    "StatsSettings",
    "rate_definitions",
]


@attrs.frozen
class CountName:
    """A count's Chinese name: short inside a rate's definition, and as it heads a report's row.

    The two differ only where a report says more than a definition needs: ``rated`` is 反馈
    in ``满意/反馈`` but heads its row as 已反馈; ``individual_received`` is 个人提案 in a
    definition and 个人提案 (收到) in a report, beside 集体提案 (立案). ``heading`` defaults to
    ``short``.
    """

    short: str
    heading: str = attrs.field(default=attrs.Factory(lambda self: self.short, takes_self=True))


COUNTS: Mapping[str, CountName] = {
    "received": CountName("收到提案"),
    "individual_received": CountName("个人提案", "个人提案 (收到)"),
    "joint_received": CountName("联名提案", "联名提案 (收到)"),
    "collective_received": CountName("集体提案", "集体提案 (收到)"),
    "participations": CountName("提案人次"),
    "under_review": CountName("审查中"),
    "withdrawn": CountName("撤回"),
    "filed": CountName("立案"),
    "merged": CountName("并案"),
    "merged_after_filing": CountName("立案后并案"),
    "not_filed": CountName("不予立案"),
    "converted": CountName("转为社情民意等"),
    "transferred_up_unfiled": CountName("未立案转上级"),
    "transferred_after_filing": CountName("立案后转上级"),
    "transferred_up": CountName("转上级政协"),
    "handled_locally": CountName("本级办理"),
    "assigned": CountName("交办", "交本级承办单位"),
    "handed_over": CountName("交办 (含转上级)"),
    "replied": CountName("办复", "已答复"),
    "replied_on_time": CountName("按期办复", "按期答复"),
    "overdue": CountName("逾期未复"),
    "closed": CountName("办结"),
    "rated": CountName("反馈", "已反馈"),
    "face_to_face": CountName("见面沟通"),
    "satisfied": CountName("满意"),
    "basically_satisfied": CountName("基本满意"),
    "understanding": CountName("理解"),
    "dissatisfied": CountName("不满意"),
    "reply_a": CountName("A类答复"),
    "reply_b": CountName("B类答复"),
    "reply_c": CountName("C类答复"),
    "reply_solved": CountName("已解决或采纳"),
    "reply_in_progress": CountName("正在解决或列入计划"),
    "reply_deferred": CountName("因条件限制待以后解决"),
    "reply_reference": CountName("留作参考"),
    "rehandled": CountName("重新办理"),
    "key": CountName("重点提案"),
    "supervised": CountName("督办"),
    "excellent": CountName("优秀提案"),
    "collective_filed": CountName("集体提案立案", "集体提案 (立案)"),
}
"""Every count of :class:`~cppcc_model.proposals.statistics.ProposalCounts` and its Chinese
names, in the order reports list them: the one table both the definitions
(:data:`COUNT_NAMES`) and the report's rows
(:data:`~cppcc_model.proposals.statistics.PROPOSAL_COUNT_LABELS`) read."""

COUNT_NAMES: Mapping[str, str] = {name: count.short for name, count in COUNTS.items()}
"""The Chinese name of each count as a definition refers to it (:attr:`CountName.short`)."""


@attrs.frozen
class StatsSettings:
    """The choices behind the figures (see the module docs for each)."""

    satisfaction_base: SatisfactionBase = SatisfactionBase.RATED
    count_basically_satisfied: bool = True
    attribution: Attribution = Attribution.ALL
    rules: LifecycleRules = DEFAULT_RULES
    filing_count: FilingCount = FilingCount.FILED
    reply_base: ReplyBase = ReplyBase.ASSIGNED
    closed_means: ClosedMeaning = ClosedMeaning.CLOSED_STEP
    count_understanding: bool = False

    @classmethod
    def for_committee(
        cls, committee: Committee, base: StatsSettings | None = None
    ) -> StatsSettings:
        """``base`` (the defaults) with every choice the committee states taking precedence."""
        start = base if base is not None else cls()
        return attrs.evolve(
            start,
            satisfaction_base=committee.satisfaction_base or start.satisfaction_base,
            filing_count=committee.filing_count or start.filing_count,
            reply_base=committee.reply_base or start.reply_base,
            closed_means=committee.closed_means or start.closed_means,
            rules=rules_for(committee, start.rules),
        )


DEFAULT_SETTINGS = StatsSettings()


@attrs.frozen
class RateDefinition:
    """One rate under one set of settings: its name, label, numerator and denominator.

    ``numerator`` and ``denominator`` are sums of counts (names of
    :class:`~cppcc_model.proposals.statistics.ProposalCounts` fields or properties).
    """

    name: str
    label: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    note: str = ""

    @property
    def text(self) -> str:
        """``(filed + merged) / received``."""
        return f"{_side(self.numerator, ' + ', False)} / {_side(self.denominator, ' + ', False)}"

    @property
    def zh(self) -> str:
        """``（立案+并案）/收到提案``, with the note (``办结 = 答复并反馈``) after it."""
        text = f"{_side(self.numerator, '+', True)}/{_side(self.denominator, '+', True)}"
        return f"{text}，{self.note}" if self.note else text


def _side(names: tuple[str, ...], joiner: str, chinese: bool) -> str:
    words = [COUNT_NAMES.get(name, name) if chinese else name for name in names]
    text = joiner.join(words)
    if len(words) > 1:
        return f"（{text}）" if chinese else f"({text})"
    return text


def rate_definitions(settings: StatsSettings = DEFAULT_SETTINGS) -> dict[str, RateDefinition]:
    """Every fixed rate under ``settings``, by name, in the order the figures are listed.

    The office's reply-category and satisfaction-level shares come on top of these (see
    :meth:`~cppcc_model.proposals.statistics.ProposalStats.rates`).
    """
    filing = (
        ("filed", "merged") if settings.filing_count is FilingCount.FILED_AND_MERGED else ("filed",)
    )
    reply_base = ("assigned",) if settings.reply_base is ReplyBase.ASSIGNED else ("filed",)
    satisfied = ["satisfied"]
    if settings.count_basically_satisfied:
        satisfied.append("basically_satisfied")
    if settings.count_understanding:
        satisfied.append("understanding")
    satisfaction_base = (settings.satisfaction_base.value,)
    closed_note = {
        ClosedMeaning.CLOSED_STEP: "",
        ClosedMeaning.RATED: "办结＝已答复并反馈",
        ClosedMeaning.REPLIED: "办结＝已答复",
    }[settings.closed_means]
    definitions = [
        RateDefinition("filing_rate", "立案率", filing, ("received",)),
        RateDefinition("reply_rate", "办复率", ("replied",), reply_base),
        RateDefinition("on_time_reply_rate", "按期办复率", ("replied_on_time",), reply_base),
        RateDefinition("closed_rate", "办结率", ("closed",), ("handled_locally",), closed_note),
        RateDefinition("face_to_face_rate", "见面率", ("face_to_face",), ("assigned",)),
        RateDefinition("feedback_rate", "反馈率", ("rated",), ("replied",)),
        RateDefinition("satisfaction_rate", "满意率", tuple(satisfied), satisfaction_base),
        RateDefinition("dissatisfaction_rate", "不满意率", ("dissatisfied",), ("rated",)),
        RateDefinition("category_a_share", "A类占比", ("reply_a",), ("replied",)),
        RateDefinition("category_b_share", "B类占比", ("reply_b",), ("replied",)),
        RateDefinition("category_c_share", "C类占比", ("reply_c",), ("replied",)),
        RateDefinition("solved_rate", "解决率", ("reply_solved",), ("replied",)),
        RateDefinition(
            "implemented_rate", "落实率", ("reply_solved", "reply_in_progress"), ("replied",)
        ),
        RateDefinition("key_share", "重点提案占比", ("key",), ("filed",)),
        RateDefinition("collective_share", "集体提案占比", ("collective_filed",), ("filed",)),
        RateDefinition(
            "individual_received_share", "个人提案占比", ("individual_received",), ("received",)
        ),
        RateDefinition("joint_received_share", "联名提案占比", ("joint_received",), ("received",)),
        RateDefinition(
            "collective_received_share", "集体提案占收到比", ("collective_received",), ("received",)
        ),
        RateDefinition("transfer_rate", "转上级比例", ("transferred_up",), ("received",)),
    ]
    return {definition.name: definition for definition in definitions}
