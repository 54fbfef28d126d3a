"""Which persons hold a block key (a spelling, a skeleton, a prefix, a letter trigram), kept
compactly: the rows of every key in one numpy array, key after key, each key's rows in the
order they were added (a compressed sparse row table, 4 bytes a row where a set of ids took
some 30 and was walked by every garbage collection).

Rows added after the table was made wait in a small dictionary of tuples (`tail`), and are
sorted in once there are more than `TAIL` of them. A copy (`copy`) shares the table and
copies only the tail, so that an index made from another (`NameIndex.replaced`) costs little
and leaves the other as it was.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable

import numpy as np
import numpy.typing as npt

TAIL = 50_000
"""Rows added since the table was made; beyond this many, the table is made again."""

_EMPTY = np.empty(0, dtype=np.int32)


class KeyRows:
    """Block key number → rows (integers the caller maps to persons)."""

    def __init__(self) -> None:
        self._table: tuple[array[int], npt.NDArray[np.int32]] = (array("q", [0]), _EMPTY)
        """Where each key's rows start, and the rows: replaced whole, never changed in place,
        so that a reader in another thread sees one table or the other."""
        self._bulk_keys = array("i")
        self._bulk_rows = array("i")
        self._tail: dict[int, tuple[int, ...]] = {}
        self._tail_size = 0

    def add(self, row: int, keys: Iterable[int]) -> None:
        """`row` holds each of `keys` (once each)."""
        if len(self._table[0]) == 1 or self._bulk_keys:  # not made yet: gather, sort once
            n = len(self._bulk_keys)
            self._bulk_keys.extend(keys)
            self._bulk_rows.extend([row] * (len(self._bulk_keys) - n))
            return
        tail = self._tail
        for k in keys:
            tail[k] = (*tail.get(k, ()), row)
            self._tail_size += 1
        if self._tail_size > TAIL:
            self.freeze()

    def get(self, key: int) -> npt.NDArray[np.int32]:
        """The rows of one key, in the order they were added (a view: not to be changed)."""
        if self._bulk_keys:
            self.freeze()
        start, held = self._table
        rows = held[start[key] : start[key + 1]] if key + 1 < len(start) else _EMPTY
        more = self._tail.get(key)
        if more:
            return np.concatenate([rows, np.array(more, dtype=np.int32)])
        return rows

    def freeze(self) -> None:
        """Sort every row added since the table was made into it."""
        table_start, table_rows = self._table
        start = np.frombuffer(table_start, dtype=np.int64)
        held = np.repeat(np.arange(len(start) - 1, dtype=np.int32), np.diff(start))
        tail_keys = [k for k, rows in self._tail.items() for _ in rows]
        tail_rows = [r for rows in self._tail.values() for r in rows]
        keys = np.concatenate(
            [
                held,
                np.frombuffer(self._bulk_keys, dtype=np.int32),
                np.array(tail_keys, dtype=np.int32),
            ]
        )
        rows = np.concatenate(
            [
                table_rows,
                np.frombuffer(self._bulk_rows, dtype=np.int32),
                np.array(tail_rows, dtype=np.int32),
            ]
        )
        # rows of one key in the order added: the table's, then the bulk's, then the tail's
        # (each added in row order within a key, so the order is the one `add` saw)
        order = np.argsort(keys, kind="stable")
        keys, rows = keys[order], rows[order]
        counts = np.bincount(keys, minlength=int(keys[-1]) + 1 if len(keys) else 0)
        bounds = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=bounds[1:])
        self._table = (array("q", bounds.tobytes()), rows)
        self._bulk_keys, self._bulk_rows = array("i"), array("i")
        self._tail, self._tail_size = {}, 0

    def copy(self) -> KeyRows:
        """A copy sharing the table (never changed in place) and not the tail."""
        if self._bulk_keys:
            self.freeze()
        out = KeyRows()
        out._table = self._table
        out._tail, out._tail_size = self._tail.copy(), self._tail_size
        return out

    def without(self, rows: Collection[int]) -> KeyRows:
        """A new table without any entry of `rows`, the others in their order (one copy of the
        table with those entries left out; this one is left as it is)."""
        out = self.copy()
        start, held = out._table
        gone = np.fromiter(rows, dtype=np.int32, count=len(rows))
        drop = np.isin(held, gone)
        if drop.any():
            bounds = np.frombuffer(start, dtype=np.int64)
            key_of = np.searchsorted(bounds, np.flatnonzero(drop), side="right") - 1
            removed = np.bincount(key_of, minlength=len(bounds) - 1)
            fresh = bounds.copy()
            fresh[1:] -= np.cumsum(removed)
            out._table = (array("q", fresh.tobytes()), held[~drop])
        if out._tail:
            left = set(rows)
            tail = {}
            for k, mine in out._tail.items():
                kept = tuple(r for r in mine if r not in left)
                if kept:
                    tail[k] = kept
            out._tail, out._tail_size = tail, sum(map(len, tail.values()))
        return out

    def renumbered(self, renumber: npt.NDArray[np.int32]) -> KeyRows:
        """A new table with each row r as `renumber[r]`, rows renumbered to -1 left out (a
        person taken out of an index); this one is left as it is."""
        out = self.copy()
        out.freeze()
        start, rows = out._table
        bounds = np.frombuffer(start, dtype=np.int64)
        keys = np.repeat(np.arange(len(bounds) - 1, dtype=np.int32), np.diff(bounds))
        rows = renumber[rows]
        kept = rows >= 0
        keys, rows = keys[kept], rows[kept]
        counts = np.bincount(keys, minlength=len(bounds) - 1)
        fresh = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=fresh[1:])
        out._table = (array("q", fresh.tobytes()), rows)
        return out
