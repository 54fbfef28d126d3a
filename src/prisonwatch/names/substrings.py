"""Finding a piece of text inside a large text quickly: every place it occurs, in order.

The registry search looks for persons any of whose names contains what was typed (part of a
surname, a name in another script). Scanning the joined names took most of a search's time at
100,000 persons. Every occurrence of a text of three or more letters contains each of its
letter trigrams, so the places where its rarest trigram occurs are the only places it can
start; those few are checked one by one. The trigrams of the whole text are kept as one sorted
numpy column: each distinct trigram once, with where its run of places begins, and the
places themselves (about 4 bytes a letter; the trigram of every place, 8 bytes a letter more,
was a third of the public registry's memory).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

MAX_CHECKED = 4_000
"""When even the rarest trigram of the text sought occurs more often than this, scanning the
whole text is as quick as checking each place: the scan is used then."""


def _trigram_codes(codes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Each run of three code points packed into one integer (code points fit in 21 bits)."""
    return (codes[:-2] << 42) | (codes[1:-1] << 21) | codes[2:]


def _code_points(text: str) -> npt.NDArray[np.int64]:
    data = text.encode("utf-32-le", "surrogatepass")  # a stray surrogate is a letter too
    return np.frombuffer(data, dtype=np.uint32).astype(np.int64)


class SubstringIndex:
    """One text and where each of its letter trigrams occurs."""

    def __init__(self, text: str) -> None:
        self.text = text
        grams = _trigram_codes(_code_points(text)) if len(text) >= 3 else np.empty(0, np.int64)
        order = np.argsort(grams, kind="stable")  # by trigram, then by place
        self._places: npt.NDArray[np.int32] = order.astype(np.int32)
        grams = grams[order]
        del order
        first = np.empty(len(grams), dtype=np.bool_)
        first[:1] = True
        np.not_equal(grams[1:], grams[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        self._grams: npt.NDArray[np.int64] = grams[starts]
        """Each distinct trigram, in order."""
        self._bounds: npt.NDArray[np.int64] = np.append(starts, len(grams))
        """The places of trigram `_grams[i]` are `_places[_bounds[i]:_bounds[i + 1]]`."""

    def _runs(self, wanted: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], ...]:
        """Where the places of each trigram of `wanted` begin and end in `_places` (an empty
        run, at 0, for a trigram the text lacks)."""
        grams = self._grams
        if not len(grams):
            none = np.zeros(len(wanted), dtype=np.int64)
            return none, none
        at = np.minimum(np.searchsorted(grams, wanted), len(grams) - 1)
        found = grams[at] == wanted
        return np.where(found, self._bounds[at], 0), np.where(found, self._bounds[at + 1], 0)

    def find_all(self, key: str, limit: int) -> list[int]:
        """Where `key` starts in the text, every place (overlapping ones too) in order, at most
        `limit` of them: what repeated `str.find(key, last + 1)` gives."""
        if not key or limit <= 0:
            return []
        text = self.text
        if len(key) >= 3:
            wanted = _trigram_codes(_code_points(key))
            lo, hi = self._runs(wanted)
            rarest = int(np.argmin(hi - lo))
            if hi[rarest] - lo[rarest] <= MAX_CHECKED:
                found: list[int] = []
                for place in self._places[lo[rarest] : hi[rarest]].tolist():
                    start = place - rarest
                    if start >= 0 and text.startswith(key, start):
                        found.append(start)
                        if len(found) == limit:
                            break
                return found
        out: list[int] = []
        at = text.find(key)
        while at != -1 and len(out) < limit:
            out.append(at)
            at = text.find(key, at + 1)
        return out
