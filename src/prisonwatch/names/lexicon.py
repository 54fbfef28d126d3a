"""The spellings a name index holds, kept compactly: every token once, with what matching
compares of it, and every spelling as a run of token numbers.

A registry of 100,000 persons has some half a million spellings. Kept as a Python object each
(with a tuple of tokens, a folded string and, once compared, a tuple of features), they took
much of a server's memory, and every full garbage collection walked them all, which cost a
search about a third of its time. Here a spelling is a few numbers in flat arrays and its
folded text (`Spellings`, one per index); a token's features (folded, skeleton, given-name
group) and block keys are worked out once, when the token is first met, instead of on every
first comparison (`Lexicon`). Matching reads a spelling back as a `Form` only for the few
candidates it scores.

A lexicon is a memo of what a token's letters give, as the module caches of `keys` are: it
holds no person and says nothing of who holds a token. It only grows, and indexes made from
one another (`NameIndex.replaced`, `fork`) share it; additions take a lock, so that two
indexes growing from one never give one number to two tokens. Spellings are each index's own:
a person taken out of an index leaves nothing of its spellings there (`Spellings.kept`).
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from prisonwatch.core.text import fold
from prisonwatch.names.given import given_group
from prisonwatch.names.keys import Feat, Form, skeleton

KeysOf = Callable[[str, str], Sequence[str]]
"""A token's block keys, given the token and its skeleton (`matcher._keys_with_skeleton`)."""


class Lexicon:
    """Tokens, block keys and ways of spelling by number; numbers never change once given."""

    def __init__(self, block_keys: KeysOf) -> None:
        self._lock = threading.Lock()
        self._block_keys = block_keys
        self.token_ids: dict[str, int] = {}
        self.feats: list[Feat] = []
        """Each token's features (`keys.Feat`), by token number; the token is the first."""
        self.given = bytearray()
        """1 where the token is a spelling of a known given name (`given.given_group`)."""
        self._key_start = array("q", [0])
        self._token_keys = array("i")
        """The block keys of token t are numbers `_token_keys[_key_start[t]:_key_start[t+1]]`."""
        self.key_ids: dict[str, int] = {}
        self.key_kind = bytearray()
        """The first letter of each block key, by key number ("t", "s", "p", "g": what kind
        of key it is), so that a query's known token finds its keys of one kind by number."""
        self.hows: list[str] = []
        self.how_ids: dict[str, int] = {}

    def numbered(self, form: Form) -> tuple[list[int], int]:
        """A form's token numbers and the number of how it was obtained, given if new."""
        ids = self.token_ids
        tokens = [ids.get(t) for t in form.tokens]
        how = self.how_ids.get(form.how)
        if how is not None and None not in tokens:
            return tokens, how  # type: ignore[return-value]
        with self._lock:
            how = self.how_ids.get(form.how)
            if how is None:
                how = self.how_ids[form.how] = len(self.hows)
                self.hows.append(form.how)
            return [self._token(t) for t in form.tokens], how

    def _token(self, token: str) -> int:
        t = self.token_ids.get(token)
        if t is not None:
            return t
        # the lexicon remembers these itself: the module caches of `given_group` and
        # `skeleton` are passed over, so that a registry's tokens are not held twice
        folded = fold(token)
        group = given_group.__wrapped__(token)
        sk = skeleton.__wrapped__(token)
        self.feats.append((token, token if folded == token else folded, sk, group))
        self.given.append(group is not None)
        key_ids = self._key_ids_of(token, sk)
        self._token_keys.extend(key_ids)
        self._key_start.append(len(self._token_keys))
        t = self.token_ids[token] = len(self.feats) - 1
        return t

    def _key_ids_of(self, token: str, sk: str) -> list[int]:
        key_ids = self.key_ids
        out = []
        for key in self._block_keys(token, sk):
            k = key_ids.get(key)
            if k is None:
                k = key_ids[key] = len(key_ids)
                self.key_kind.append(ord(key[0]))
            out.append(k)
        return out

    def keys_of(self, token: int) -> array[int]:
        """The block key numbers of one token."""
        return self._token_keys[self._key_start[token] : self._key_start[token + 1]]


class Spellings:
    """One index's spellings by number: token numbers of a `Lexicon`, how each was
    obtained, and its folded text."""

    def __init__(self) -> None:
        self._start = array("q", [0])
        self._tokens = array("i")
        self._how = array("h")
        self.folded: list[str] = []
        """Each spelling's folded text (`Form.folded`), by spelling number."""
        self.sorted: list[str] = []
        """Each spelling's folded text with its words in sorted order (`sorted_tokens`), the
        very string object of `folded` where sorting leaves it as it is: what the whole-spelling
        shortlist compares (rapidfuzz's token sort, its sorting done once here instead of on
        every comparison)."""
        self.odd = False
        """Whether a spelling holds one of `ODD_SPACES` (then `sorted` is not used)."""

    def __len__(self) -> int:
        return len(self.folded)

    def append(self, forms: Sequence[Form], lexicon: Lexicon) -> range:
        """Keep `forms` as consecutive spellings; their numbers."""
        first = len(self.folded)
        for f in forms:
            tokens, how = lexicon.numbered(f)
            self._tokens.extend(tokens)
            self._start.append(len(self._tokens))
            self._how.append(how)
            self.folded.append(f.folded)
            in_order = sorted_tokens(f.folded)
            self.sorted.append(f.folded if in_order == f.folded else in_order)
            self.odd = self.odd or any(c in f.folded for c in ODD_SPACES)
        return range(first, len(self.folded))

    def tokens(self, spelling: int) -> array[int]:
        """The token numbers of one spelling."""
        return self._tokens[self._start[spelling] : self._start[spelling + 1]]

    def form(self, spelling: int, lexicon: Lexicon) -> Form:
        """One spelling as matching compares it, its features already worked out."""
        feats = lexicon.feats
        start = self._start
        fs = tuple([feats[t] for t in self._tokens[start[spelling] : start[spelling + 1]]])
        return Form.made(
            tuple([f[0] for f in fs]), lexicon.hows[self._how[spelling]], self.folded[spelling], fs
        )

    def copy(self) -> Spellings:
        out = Spellings()
        out._start, out._tokens = array("q", self._start), array("i", self._tokens)
        out._how, out.folded = array("h", self._how), list(self.folded)
        out.sorted, out.odd = list(self.sorted), self.odd
        return out

    def erase(self, run: range) -> None:
        """Blank the spellings `run` in place (a row erased from its index: nothing of the
        name stays): no text, every token number 0. Their numbers stay, empty."""
        if not run:
            return
        self.folded[run.start : run.stop] = [""] * len(run)
        self.sorted[run.start : run.stop] = [""] * len(run)
        lo, hi = self._start[run.start], self._start[run.stop]
        self._tokens[lo:hi] = array("i", bytes(4 * (hi - lo)))

    def kept(self, runs: Sequence[range]) -> tuple[Spellings, list[range]]:
        """Only the spellings of `runs`, in that order, and where each run is now."""
        lo = np.fromiter((r.start for r in runs), dtype=np.int64, count=len(runs))
        sizes = np.fromiter((len(r) for r in runs), dtype=np.int64, count=len(runs))
        ends = np.cumsum(sizes)
        chosen = _spans(lo, sizes, ends)  # old spelling numbers, in their new order
        start = np.frombuffer(self._start, dtype=np.int64)
        counts = start[chosen + 1] - start[chosen]
        token_ends = np.cumsum(counts)
        out = Spellings()
        out._tokens = array(
            "i",
            np.frombuffer(self._tokens, dtype=np.int32)[
                _spans(start[chosen], counts, token_ends)
            ].tobytes(),
        )
        out._start = array("q", np.concatenate([[0], token_ends]).astype(np.int64).tobytes())
        out._how = array("h", np.frombuffer(self._how, dtype=np.int16)[chosen].tobytes())
        folded = self.folded
        in_order = self.sorted
        kept = chosen.tolist()
        out.folded = [folded[i] for i in kept]
        out.sorted = [in_order[i] for i in kept]
        out.odd = self.odd
        firsts = (ends - sizes).tolist()
        return out, [range(a, b) for a, b in zip(firsts, ends.tolist(), strict=True)]


ODD_SPACES = ("\x85", "\xa0")
"""Whitespace that rapidfuzz splits words on in some strings and not in others (by how wide
the string's characters are stored): a text holding one is compared by rapidfuzz's own token
sort, never by `sorted_tokens`. Folded spellings never hold one (tokens are split on all
whitespace, and folding makes a no-break space a space)."""


def sorted_tokens(text: str) -> str:
    """The words of `text` in sorted order, one space apart: what rapidfuzz's
    `fuzz.token_sort_ratio` compares (`fuzz.ratio` of two such texts is its figure; the tests
    check this for texts without `ODD_SPACES`)."""
    return " ".join(sorted(text.split()))


def _spans(
    starts: npt.NDArray[np.int64], sizes: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """The numbers start, start + 1, ... of each span (`sizes[i]` long, ending at `ends[i]` in
    the output), one after another."""
    total = int(ends[-1]) if len(ends) else 0
    spans: npt.NDArray[np.int64] = np.arange(total, dtype=np.int64)
    spans += np.repeat(starts - (ends - sizes), sizes)
    return spans
