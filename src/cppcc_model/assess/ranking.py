"""Ranking a scored population: who is first, who shares a place, and why.

:func:`rank` orders any population of (subject id, exact score) pairs, whatever computed the
scores: members, activity groups, participating units. It knows nothing of districts; a rule set
chooses the method, the direction and the tie-breakers.

* **Methods** (:class:`RankMethod`): standard competition ranking (``1, 2, 2, 4``, the default,
  the way results are published), dense ranking (``1, 2, 2, 3``) and ordinal ranking
  (``1, 2, 3, 4``: every entry its own place; entries still tied after the tie-breakers take
  consecutive places in listing order).
* **Direction** (:class:`Direction`): highest score first by default; lowest first when a smaller
  figure is better (absences, days late).
* **Tie-breakers** (:class:`TieBreaker`): applied in order to entries with equal scores; the
  first one that separates two entries decides between them, and the entry records its label in
  :attr:`RankedEntry.decided_by`. Entries equal on the score and on every tie-breaker share a rank.
* **Listing order**: entries sharing a rank are listed by ``list_key`` (for instance a
  姓氏笔画 name key from :mod:`cppcc_model.names`), then by subject id, so the output never
  depends on the order of the input.

Scores must be exact: ``int``, :class:`~fractions.Fraction` or a finite
:class:`~decimal.Decimal`. A ``float`` is refused, because two sums of the same points in
a different order may differ in their last bit and so break a tie that the rules say is a tie.
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from cppcc_model.errors import InvalidValueError, Location
from cppcc_model.labels import LabeledEnum
from cppcc_model.numbers import format_fraction

__all__ = [
    "Direction",
    "RankMethod",
    "RankedEntry",
    "Ranking",
    "Score",
    "TieBreaker",
    "exact_score",
    "rank",
]

Score = int | Fraction | decimal.Decimal
"""An exact score: an ``int``, a :class:`~fractions.Fraction` or a finite ``Decimal``."""


class RankMethod(LabeledEnum, kind_label="排名方法 (ranking method)"):
    """How places are numbered when entries tie."""

    COMPETITION = ("competition", "并列排名", "标准竞争排名", "standard competition", "1224")
    DENSE = ("dense", "密集排名", "连续排名", "1223")
    ORDINAL = ("ordinal", "顺序排名", "序号", "1234")


class Direction(LabeledEnum, kind_label="排序方向 (direction)"):
    """Whether a higher or a lower score ranks first."""

    DESCENDING = ("descending", "从高到低", "降序", "desc", "higher first")
    ASCENDING = ("ascending", "从低到高", "升序", "asc", "lower first")


def exact_score(value: object, *, subject_id: str | None = None) -> Fraction:
    """``value`` as a :class:`~fractions.Fraction`, refusing anything inexact or not a number.

    Raises:
        InvalidValueError: for a ``float``, a ``bool``, a NaN or infinite ``Decimal``, or a
            value that is not a number at all.

    """
    numerator, denominator = _ratio(value, subject_id)
    return value if type(value) is Fraction else Fraction(numerator, denominator)


def _ratio(value: object, subject_id: str | None) -> tuple[int, int]:
    """``value``'s numerator and denominator (in lowest terms), refusing an inexact value."""
    if type(value) is Fraction:
        return value.numerator, value.denominator
    if type(value) is int:
        return value, 1
    if isinstance(value, bool) or not isinstance(value, int | Fraction | decimal.Decimal):
        hint = (
            "compute scores with fractions.Fraction or decimal.Decimal, never float"
            if isinstance(value, float)
            else "give each score as an int, a Fraction or a Decimal"
        )
        raise InvalidValueError(
            f"score {value!r} ({type(value).__name__}) is not an exact number",
            where=Location(record_id=subject_id),
            hint=hint,
        )
    if isinstance(value, decimal.Decimal) and not value.is_finite():
        raise InvalidValueError(
            f"score {value!r} is not a finite number",
            where=Location(record_id=subject_id),
            hint="every subject needs a finite score; leave out subjects that have none",
        )
    exact = Fraction(value)
    return exact.numerator, exact.denominator


def _to_direction(value: Direction | str) -> Direction:
    return Direction.parse(value)


@attrs.frozen
class TieBreaker:
    """One tie-breaking criterion: a key computed for each subject, better first.

    ``key`` maps a subject id to a comparable value (a number, a tuple …). With the default
    ``direction`` (descending) a *larger* key wins, as in "more adopted proposals first"; use
    ascending when a smaller key wins ("fewer absences first"). ``label`` names the criterion,
    ideally with the clause that states it (``"立案提案数 (第五条)"``); it is recorded on every
    entry the criterion decides.
    """

    key: Callable[[str], Any]
    label: str = attrs.field()
    direction: Direction = attrs.field(default=Direction.DESCENDING, converter=_to_direction)

    @label.validator
    def _check_label(self, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidValueError(
                f"TieBreaker.label must be non-empty text, got {value!r}",
                hint="name the criterion, e.g. '立案提案数 (第五条)'",
            )


@attrs.frozen
class RankedEntry:
    """One subject's place in a :class:`Ranking`.

    ``rank`` is 1-based, numbered by the ranking's method. ``tied`` says the entry shares its
    score and every tie-breaker key with at least one other entry; ``tied_count`` is the size of
    that group (1 when not tied); ``ahead`` counts the entries strictly ahead of the group (so the
    competition rank is always ``ahead + 1``). ``position`` is the 1-based place in the listing.
    ``decided_by`` is the label of the tie-breaker that set this entry apart from an entry with
    the same score, or ``None`` when the score alone placed it (or nothing could).
    """

    subject_id: str
    score: Score
    rank: int
    tied: bool
    tied_count: int
    ahead: int
    position: int
    decided_by: str | None = None

    @property
    def exact(self) -> Fraction:
        """The score as a :class:`~fractions.Fraction`."""
        return Fraction(self.score)

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data; the score exact, as text (``"129/2"``)."""
        return {
            "subject_id": self.subject_id,
            "score": format_fraction(self.exact),
            "rank": self.rank,
            "tied": self.tied,
            "tied_count": self.tied_count,
            "ahead": self.ahead,
            "position": self.position,
            "decided_by": self.decided_by,
        }


@attrs.frozen
class Ranking:
    """A ranked population: entries in rank order, then listing order.

    Iterate it, take ``len`` of it, look a subject up with :meth:`entry`, or cut it with
    :meth:`top`.
    """

    entries: tuple[RankedEntry, ...]
    method: RankMethod
    direction: Direction
    tie_breakers: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[RankedEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, subject_id: str) -> RankedEntry:
        """The entry of ``subject_id``.

        Raises:
            InvalidValueError: when the subject was not ranked.

        """
        for item in self.entries:
            if item.subject_id == subject_id:
                return item
        raise InvalidValueError(
            f"{subject_id!r} is not in this ranking",
            where=Location(record_id=subject_id),
            hint="rank every subject you ask about; check the id for typos",
        )

    def ranks(self) -> dict[str, int]:
        """Every subject's rank, by subject id."""
        return {item.subject_id: item.rank for item in self.entries}

    def top(self, places: int) -> tuple[RankedEntry, ...]:
        """The entries ranked ``places`` or better (all of a tie that straddles the cut)."""
        return tuple(item for item in self.entries if item.rank <= places)

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data: the method, direction, tie-breakers and every entry.

        Scores are exact text (``"25"``, ``"129/2"``); entries keep the ranking's order. The
        same ranking always gives the same data, so results can be cached and compared.
        """
        return {
            "method": self.method.value,
            "direction": self.direction.value,
            "tie_breakers": list(self.tie_breakers),
            "entries": [item.to_dict() for item in self.entries],
        }


def _pairs(
    scores: Mapping[str, Score] | Iterable[tuple[str, Score]],
) -> list[tuple[str, Score]]:
    """``scores`` as a list of (subject id, score) pairs, each id non-empty text and given once."""
    if isinstance(scores, Mapping):  # pairs by construction, each key once
        items = list(scores.items())
        if set(map(type, scores)) <= {str} and all(scores):
            return items  # the common case: text keys, none empty
    else:
        items = list(scores)
        if set(map(type, items)) <= {tuple} and set(map(len, items)) <= {2}:
            ids = [subject_id for subject_id, _ in items]
            if set(map(type, ids)) <= {str} and all(ids) and len(set(ids)) == len(ids):
                return items  # the common case, checked in one pass each
    seen: set[str] = set()
    duplicates: list[str] = []
    for pair in items:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise InvalidValueError(
                f"{pair!r} is not a (subject id, score) pair",
                hint="give a mapping of subject id to score, or (id, score) pairs",
            )
        subject_id = pair[0]
        if not isinstance(subject_id, str) or not subject_id:
            raise InvalidValueError(
                f"subject id {subject_id!r} is not a non-empty string",
                hint="identify each ranked subject by its id",
            )
        if subject_id in seen:
            duplicates.append(subject_id)
        seen.add(subject_id)
    if duplicates:
        names = ", ".join(sorted(set(duplicates)))
        raise InvalidValueError(
            f"subjects given more than one score: {names}",
            where=Location(record_id=sorted(set(duplicates))[0]),
            hint="give each subject exactly one total score",
        )
    return items


class _Reversed:
    """Wraps a key so that sorting ascending puts larger keys first."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.value < self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and bool(self.value == other.value)

    def __hash__(self) -> int:
        return hash(self.value)


def _merits(
    pairs: Sequence[tuple[str, Score]],
    direction: Direction,
    breakers: Sequence[TieBreaker],
) -> list[int] | list[tuple[Any, ...]]:
    """Each subject's merit: its score, then its tie-breakers' keys, smallest best.

    The score is taken times a common multiple of every denominator: a whole number in the
    same order, which sorts far faster than fractions compare. Without tie-breakers the merit
    is that whole number alone; with them, a tuple of it and each tie-breaker's key.
    """
    # an assessment's totals share one object per distinct value (a few hundred among 30,000
    # members): each distinct object's ratio and whole number is found once
    keys = [id(score) for _, score in pairs]  # every score is alive: ids are not reused
    distinct = dict(zip(keys, [score for _, score in pairs], strict=True))
    try:
        ratios = {key: _ratio(score, None) for key, score in distinct.items()}
    except InvalidValueError:  # located at the first subject given an inexact score
        for subject_id, score in pairs:
            _ratio(score, subject_id)
        raise
    scale = math.lcm(*{denominator for _, denominator in ratios.values()})
    sign = -1 if direction is Direction.DESCENDING else 1
    whole_of = {
        key: sign * numerator * (scale // denominator)
        for key, (numerator, denominator) in ratios.items()
    }
    wholes = list(map(whole_of.__getitem__, keys))
    if not breakers:
        return wholes
    merits: list[tuple[Any, ...]] = []
    for (subject_id, _), whole in zip(pairs, wholes, strict=True):
        parts: list[Any] = [whole]
        for breaker in breakers:
            value = breaker.key(subject_id)
            parts.append(_Reversed(value) if breaker.direction is Direction.DESCENDING else value)
        merits.append(tuple(parts))
    return merits


def rank(
    scores: Mapping[str, Score] | Iterable[tuple[str, Score]],
    *,
    method: RankMethod | str = RankMethod.COMPETITION,
    direction: Direction | str = Direction.DESCENDING,
    tie_breakers: Sequence[TieBreaker] = (),
    list_key: Callable[[str], Any] | None = None,
) -> Ranking:
    """Rank ``scores`` (a mapping or pairs of subject id → exact score).

    Entries are ordered by score (``direction``), then by each tie-breaker in turn; entries
    equal on all of these share a rank (except under :attr:`RankMethod.ORDINAL`) and are listed
    by ``list_key(subject_id)`` then by subject id. The result does not depend on the order of
    the input.

    Raises:
        InvalidValueError: for a duplicate subject id, a missing id, or an inexact score.

    """
    chosen_method = RankMethod.parse(method)
    chosen_direction = Direction.parse(direction)
    breakers = tuple(tie_breakers)
    for breaker in breakers:
        if not isinstance(breaker, TieBreaker):
            raise InvalidValueError(
                f"tie-breaker {breaker!r} is not a TieBreaker",
                hint="wrap the key as TieBreaker(key=..., label='...', direction=...)",
            )
    pairs = _pairs(scores)
    merits: Sequence[Any] = _merits(pairs, chosen_direction, breakers)
    # listing order first, then a stable sort by merit: equal merits keep the listing order
    ids = [subject_id for subject_id, _ in pairs]
    if list_key is None:
        order = sorted(range(len(pairs)), key=ids.__getitem__)
    else:
        key = list_key
        order = sorted(range(len(pairs)), key=lambda i: (key(ids[i]), ids[i]))
    order.sort(key=merits.__getitem__)

    # groups of equal merit, as (start, end) positions in ``order``
    ordered = list(map(merits.__getitem__, order))
    count = len(ordered)
    starts = [p for p in range(count) if p == 0 or ordered[p] != ordered[p - 1]]
    bounds = list(zip(starts, [*starts[1:], count][: len(starts)], strict=True))
    group_merits = [ordered[begin] for begin in starts]

    # the entries' fields as columns, each group's repeated, then one constructor call each
    listed = [pairs[i] for i in order]
    places: list[int] = []
    tied: list[bool] = []
    sizes: list[int] = []
    ahead: list[int] = []
    decided: list[str | None] = []
    for index, (begin, end) in enumerate(bounds):
        size = end - begin
        if chosen_method is RankMethod.ORDINAL:
            places.extend(range(begin + 1, end + 1))
        else:
            place = begin + 1 if chosen_method is RankMethod.COMPETITION else index + 1
            places.extend([place] * size)
        tied.extend([size > 1] * size)
        sizes.extend([size] * size)
        ahead.extend([begin] * size)
        decided.extend([_decided_by(index, group_merits, breakers)] * size)
    entries = map(
        RankedEntry,
        [subject_id for subject_id, _ in listed],
        [score for _, score in listed],
        places,
        tied,
        sizes,
        ahead,
        range(1, count + 1),
        decided,
    )
    return Ranking(
        entries=tuple(entries),
        method=chosen_method,
        direction=chosen_direction,
        tie_breakers=tuple(breaker.label for breaker in breakers),
    )


def _decided_by(
    index: int,
    merits: Sequence[tuple[Any, ...]],
    breakers: Sequence[TieBreaker],
) -> str | None:
    """The first tie-breaker separating group ``index`` from a neighbouring group of equal score."""
    if not breakers:
        return None
    merit = merits[index]
    found: int | None = None
    for neighbour in (index - 1, index + 1):
        if not 0 <= neighbour < len(merits):
            continue
        other = merits[neighbour]
        if other[0] != merit[0]:
            continue
        for position in range(1, len(merit)):
            if merit[position] != other[position]:
                found = position if found is None else min(found, position)
                break
    return None if found is None else breakers[found - 1].label
