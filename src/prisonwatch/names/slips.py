"""Where a slip of one letter meets its original: the one-letter-dropped spellings of tokens.

"Statkevich" typed "Statkevych" or "Statkvich" shares a spelling with one letter dropped with
the original ("statkvich"). Every long token has as many such keys as letters, so they are
kept compactly: a stable 64-bit hash of each key beside the row of the person who has it, in
numpy arrays sorted by hash (12 bytes an entry, where a dictionary of sets took some 300).
Given names are left out: their blocks are too large to say anything.
Persons added after the last sort wait in an unsorted tail that lookups scan too, and sort in
once it grows past `TAIL` (a bulk build sorts once, at the end).
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from prisonwatch.core.text import fold

MIN_LENGTH = 5
"""Shorter tokens have too few letters left once one is dropped to tell names apart."""
TAIL = 20_000
"""Entries added since the last sort; beyond this many, they are sorted in."""


@lru_cache(maxsize=4096)
def slip_keys(token: str) -> tuple[int, ...]:
    """The hashes of a token's spelling and of its spellings with one letter dropped."""
    folded = fold(token)
    if len(folded) < MIN_LENGTH:
        return ()
    spellings = {folded, *(folded[:i] + folded[i + 1 :] for i in range(len(folded)))}
    return tuple(sorted(map(_hash, spellings)))


def _hash(text: str) -> int:
    """A hash stable across processes (an index may be saved and loaded), quick to compute;
    two keys that collide only bring one more candidate to be scored."""
    data = text.encode("utf-8")
    return (zlib.crc32(data) << 31) ^ zlib.adler32(data)


class SlipIndex:
    """Slip keys → rows (integers the caller maps to persons)."""

    def __init__(self) -> None:
        self._keys: npt.NDArray[np.int64] = np.empty(0, dtype=np.int64)
        self._rows: npt.NDArray[np.int32] = np.empty(0, dtype=np.int32)
        self._tail_keys = array("q")
        self._tail_rows = array("i")

    def add(self, row: int, tokens: Iterable[str]) -> None:
        for token in tokens:
            keys = slip_keys(token)
            self._tail_keys.extend(keys)
            self._tail_rows.extend([row] * len(keys))

    def rows(
        self, tokens: Iterable[str], limit: int, dead: npt.NDArray[np.bool_] | None = None
    ) -> list[int]:
        """Rows sharing keys with the tokens, once per shared key; a key shared by more than
        `limit` rows says too little and is left out. Rows marked in `dead` (persons taken
        out of the index) are not returned, nor counted against the limit."""
        if len(self._tail_keys) > TAIL:
            self._sort_in()
        wanted = {k for t in tokens for k in slip_keys(t)}
        if not wanted:
            return []
        keys = np.fromiter(wanted, dtype=np.int64, count=len(wanted))
        out: list[int] = []
        left = np.searchsorted(self._keys, keys, side="left")
        right = np.searchsorted(self._keys, keys, side="right")
        for lo, hi in zip(left.tolist(), right.tolist(), strict=True):
            if dead is not None and hi > lo:
                held = self._rows[lo:hi]
                held = held[~dead[held]]
                if 0 < len(held) <= limit:
                    out.extend(held.tolist())
            elif 0 < hi - lo <= limit:
                out.extend(self._rows[lo:hi].tolist())
        if self._tail_keys:
            tail = np.frombuffer(self._tail_keys, dtype=np.int64)
            hit = np.isin(tail, keys)
            if hit.any():
                found = np.frombuffer(self._tail_rows, dtype=np.int32)[hit]
                if dead is not None:
                    found = found[~dead[found]]
                out.extend(found.tolist())
        return out

    def copy(self) -> SlipIndex:
        """A copy sharing the sorted entries (never changed in place), not the tail."""
        out = SlipIndex()
        out._keys, out._rows = self._keys, self._rows
        out._tail_keys, out._tail_rows = array("q", self._tail_keys), array("i", self._tail_rows)
        return out

    def _sort_in(self) -> None:
        keys = np.concatenate([self._keys, np.frombuffer(self._tail_keys, dtype=np.int64)])
        rows = np.concatenate([self._rows, np.frombuffer(self._tail_rows, dtype=np.int32)])
        order = np.argsort(keys, kind="stable")
        self._keys, self._rows = keys[order], rows[order]
        self._tail_keys, self._tail_rows = array("q"), array("i")

    def without(self, rows: Iterable[int]) -> SlipIndex:
        """A new index without any entry of `rows` (this one is left as it is)."""
        gone = np.fromiter(set(rows), dtype=np.int32)
        out = SlipIndex()
        keep = ~np.isin(self._rows, gone)
        out._keys, out._rows = self._keys[keep], self._rows[keep]
        tail_rows = np.frombuffer(self._tail_rows, dtype=np.int32)
        tail_keep = ~np.isin(tail_rows, gone)
        out._tail_keys = array("q", np.frombuffer(self._tail_keys, dtype=np.int64)[tail_keep])
        out._tail_rows = array("i", tail_rows[tail_keep])
        return out

    def renumbered(self, renumber: npt.NDArray[np.int32]) -> SlipIndex:
        """A new index with each row r as `renumber[r]`, rows renumbered to -1 left out (this
        one is left as it is)."""
        out = self.copy()
        out.freeze()
        rows = renumber[out._rows]
        kept = rows >= 0
        out._keys, out._rows = out._keys[kept], rows[kept]
        return out

    def freeze(self) -> None:
        """Sort every entry in (after a bulk build), so that lookups need not scan a tail."""
        if self._tail_keys:
            self._sort_in()
