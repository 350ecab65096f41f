"""Merge structure (并案): which cases absorbed which proposals, as offices report it.

Offices print merges as structure — "2案并1案5件，3案并1案3件": five cases absorbed one other
proposal each, three cases two each. :func:`merge_structure` reads it from the proposals as
they stood on a day: every case that absorbed merged proposals, the proposals merged into it
(directly or through a chain), and the distribution of group sizes (the case plus what it
absorbed).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

import attrs

from cppcc_model.model.periods import Period
from cppcc_model.model.proposals import Proposal
from cppcc_model.proposals.lifecycle import DEFAULT_RULES, LifecycleRules, replay
from cppcc_model.proposals.states import ProposalState

__all__ = ["MergeGroup", "MergeStructure", "merge_structure"]


@attrs.frozen
class MergeGroup:
    """One case and the proposals merged into it (ids, in the order given)."""

    case_id: str
    merged_ids: tuple[str, ...]

    @property
    def size(self) -> int:
        """How many proposals the case stands for: itself and those merged into it."""
        return 1 + len(self.merged_ids)


@attrs.frozen
class MergeStructure:
    """Every case that absorbed merges, by case id, and their sizes."""

    groups: tuple[MergeGroup, ...]

    @property
    def merged(self) -> int:
        """How many proposals were merged into another."""
        return sum(len(group.merged_ids) for group in self.groups)

    @property
    def cases(self) -> int:
        """How many cases absorbed at least one merged proposal."""
        return len(self.groups)

    def sizes(self) -> dict[int, int]:
        """Group size → how many cases have it, smallest size first (``{2: 5, 3: 3}``)."""
        counted = Counter(group.size for group in self.groups)
        return {size: counted[size] for size in sorted(counted)}

    def text(self) -> str:
        """The office's phrasing: ``2案并1案5件，3案并1案3件`` (empty without merges)."""
        return "，".join(f"{size}案并1案{count}件" for size, count in self.sizes().items())


def merge_structure(
    proposals: Iterable[Proposal],
    *,
    as_of: dt.date,
    period: Period | None = None,
    rules: LifecycleRules = DEFAULT_RULES,
) -> MergeStructure:
    """The merge groups among the proposals submitted by ``as_of`` (and in ``period``).

    A proposal merged into one that was itself merged later counts under the final case. A
    merge whose parent is outside the proposals given is left out (it has no case here).
    """
    chosen = [
        p
        for p in proposals
        if p.submitted_on <= as_of and (period is None or p.submitted_on in period)
    ]
    parents: dict[str, str] = {}
    for proposal in chosen:
        status = replay(proposal, as_of, rules)
        if status.state is ProposalState.MERGED and status.merged_into is not None:
            parents[proposal.id] = status.merged_into
    ids = {p.id for p in chosen}
    members: dict[str, list[str]] = {}
    for proposal in chosen:
        if proposal.id not in parents:
            continue
        case = parents[proposal.id]
        seen = {proposal.id}
        while case in parents and case not in seen:
            seen.add(case)
            case = parents[case]
        if case in ids and case not in parents:
            members.setdefault(case, []).append(proposal.id)
    order = [p.id for p in chosen]
    groups = tuple(MergeGroup(case, tuple(members[case])) for case in order if case in members)
    return MergeStructure(groups)
