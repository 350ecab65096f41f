"""The credits table of a what-if session: indexed once, records swapped without copying it.

A what-if (:mod:`cppcc_model.engine.whatif`) replaces one record and re-scores the few members
it reaches. Filtering the whole credits table (1.5 million rows for a province) to drop the old
rows and concatenating the new ones copies it on every edit; :class:`PatchedCredits` instead
keeps the table sorted twice — by member and by record — and the replaced records' new rows
beside it. The members a record credits are found by binary search, and the rows of a few
members are cut from the member-sorted copy, the replaced records' old rows dropped and their
new rows added: work in proportion to those members' rows, not to the ledger.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from cppcc_model.engine.columns import record_key

if TYPE_CHECKING:
    import polars as pl

__all__ = ["PatchedCredits"]


def _key(src: int, ri: int) -> int:
    """One integer per record: its source code above its index, as :func:`record_key`."""
    return (src << 32) | ri


class PatchedCredits:
    """A credits table (``m``, ``src``, ``ri`` …) with whole records replaced in place.

    Args:
        credits: the ledger's credits (:attr:`cppcc_model.engine.columns.Columns.credits`).

    """

    def __init__(self, credits: pl.DataFrame) -> None:

        self.empty = credits.clear()
        self.by_member = credits.sort("m", maintain_order=True)
        self._member_m = self.by_member["m"]
        key = record_key().alias("k")
        ordered = credits.select("m", key).sort("k", maintain_order=True)
        self._record_key = ordered["k"]
        self._record_m = ordered["m"]
        self.patches: dict[int, pl.DataFrame] = {}

    def _slice(self, column: pl.Series, low: int, high: int) -> tuple[int, int]:
        start = int(column.search_sorted(low, side="left"))
        end = int(column.search_sorted(high, side="right"))
        return start, end - start

    def members_of(self, src: int, records: Iterable[int]) -> set[int]:
        """The member codes the records ``records`` of source ``src`` credit now."""
        found: set[int] = set()
        for ri in records:
            key = _key(src, ri)
            patch = self.patches.get(key)
            if patch is not None:
                found.update(patch["m"].to_list())
                continue
            start, length = self._slice(self._record_key, key, key)
            found.update(self._record_m.slice(start, length).to_list())
        return found

    def replace(self, src: int, ri: int, rows: pl.DataFrame) -> set[int]:
        """Swap the rows of record ``ri`` of source ``src`` for ``rows``.

        Returns:
            The member codes it credited before and credits now.

        """
        reached = self.members_of(src, [ri])
        self.patches[_key(src, ri)] = rows
        return reached | set(rows["m"].to_list())

    def of(self, members: Collection[int]) -> pl.DataFrame:
        """Every current row crediting one of ``members`` (member codes)."""
        import polars as pl

        parts = []
        for m in sorted(set(members)):
            start, length = self._slice(self._member_m, m, m)
            if length:
                parts.append(self.by_member.slice(start, length))
        rows = pl.concat(parts) if parts else self.empty
        if not self.patches:
            return rows
        replaced = pl.Series("k", list(self.patches), dtype=pl.Int64)
        rows = rows.filter(~record_key().is_in(replaced.implode()))
        wanted = pl.Series("m", sorted(set(members)), dtype=pl.Int32).implode()
        added = [patch.filter(pl.col("m").is_in(wanted)) for patch in self.patches.values()]
        return pl.concat([rows, *added])
