"""The states of a 社情民意 item and which step leads where.

``submitted → screened → issued`` (编发, alone or combined into one issue), with ``returned``
(退回补充修改) possible before issue and resubmission after it. Once issued, an item collects
outcomes — forwarded (转报) to a level, adopted (采用) at a level, leader instructions (批示)
— any number of each, in any order; they leave the state ``issued``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from cppcc_model.labels import LabeledEnum
from cppcc_model.model.reports import InfoStep

__all__ = ["INFO_TRANSITIONS", "OUTCOME_STEPS", "InfoState", "allowed_info_steps"]


class InfoState(LabeledEnum, kind_label="信息状态 (information state)"):
    """Where a 社情民意 item stands."""

    SUBMITTED = ("submitted", "已报送")
    RETURNED = ("returned", "已退回")
    SCREENED = ("screened", "已筛选")
    ISSUED = ("issued", "已编发")


OUTCOME_STEPS: frozenset[InfoStep] = frozenset(
    {InfoStep.FORWARDED, InfoStep.ADOPTED, InfoStep.INSTRUCTED}
)
"""Steps an issued item collects: forwarding, adoption and instruction, by level."""

_S = InfoState
_P = InfoStep

INFO_TRANSITIONS: Mapping[tuple[InfoState, InfoStep], InfoState] = MappingProxyType(
    {
        (_S.SUBMITTED, _P.SCREENED): _S.SCREENED,
        (_S.SUBMITTED, _P.RETURNED): _S.RETURNED,
        (_S.SUBMITTED, _P.ISSUED): _S.ISSUED,
        (_S.SCREENED, _P.RETURNED): _S.RETURNED,
        (_S.SCREENED, _P.ISSUED): _S.ISSUED,
        (_S.RETURNED, _P.SUBMITTED): _S.SUBMITTED,
        (_S.ISSUED, _P.FORWARDED): _S.ISSUED,
        (_S.ISSUED, _P.ADOPTED): _S.ISSUED,
        (_S.ISSUED, _P.INSTRUCTED): _S.ISSUED,
    }
)
"""``(state, step) -> next state``: every step the 社情民意 pipeline allows."""


def allowed_info_steps(state: InfoState) -> tuple[InfoStep, ...]:
    """The steps allowed from ``state``."""
    return tuple(step for step in InfoStep if (state, step) in INFO_TRANSITIONS)
