"""The spellings a name index holds, kept compactly: every token once, with what matching
compares of it, and every spelling as a run of token numbers.

A registry of 100,000 persons has some half a million spellings. Kept as a Python object each
(with a tuple of tokens, a folded string and, once compared, a tuple of features), they took
much of a server's memory, and every full garbage collection walked them all, which cost a
search about a third of its time. Here a spelling is a few numbers in flat arrays and its
folded text; a token's features (folded, skeleton, given-name group) are worked out once,
when the token is first met, instead of on every first comparison. Matching reads a spelling
back as a `Form` only for the few candidates it scores.

A lexicon only grows: indexes made from one another (`NameIndex.replaced`, `fork`) share it,
each knowing which spellings are its persons'. Additions take a lock, so that two indexes
growing from one (a review's fork and the server's next index) never interleave a spelling.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Sequence

from prisonwatch.core.text import fold
from prisonwatch.names.given import given_group
from prisonwatch.names.keys import Feat, Form, skeleton

_KeysOf = Callable[[str], Sequence[str]]
"""A token's block keys (`matcher._block_keys`)."""


class Lexicon:
    """Tokens, block keys and spellings by number; numbers never change once given."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.token_ids: dict[str, int] = {}
        self.feats: list[Feat] = []
        """Each token's features (`keys.Feat`), by token number; the token is the first."""
        self.given = bytearray()
        """1 where the token is a spelling of a known given name (`given.given_group`)."""
        self._key_start = array("q", [0])
        self._token_keys = array("i")
        """The block keys of token t (`matcher._block_keys`) are numbers
        `_token_keys[_key_start[t]:_key_start[t + 1]]`."""
        self.key_ids: dict[str, int] = {}
        self.hows: list[str] = []
        self._how_ids: dict[str, int] = {}
        self._form_start = array("q", [0])
        self._form_tokens = array("i")
        self._form_how = array("h")
        self.folded: list[str] = []
        """Each spelling's folded text (`Form.folded`), by spelling number."""

    def __len__(self) -> int:
        """How many spellings are held."""
        return len(self.folded)

    def append(self, forms: Sequence[Form], block_keys: _KeysOf) -> range:
        """Keep `forms` as consecutive spellings; their numbers."""
        with self._lock:
            first = len(self.folded)
            for f in forms:
                self._form_tokens.extend([self._token(t, block_keys) for t in f.tokens])
                self._form_start.append(len(self._form_tokens))
                how = self._how_ids.get(f.how)
                if how is None:
                    how = self._how_ids[f.how] = len(self.hows)
                    self.hows.append(f.how)
                self._form_how.append(how)
                self.folded.append(f.folded)
            return range(first, len(self.folded))

    def _token(self, token: str, block_keys: _KeysOf) -> int:
        t = self.token_ids.get(token)
        if t is not None:
            return t
        t = self.token_ids[token] = len(self.feats)
        folded = fold(token)
        self.feats.append(
            (token, token if folded == token else folded, skeleton(token), given_group(token))
        )
        self.given.append(given_group(token) is not None)
        key_ids = self.key_ids
        for key in block_keys(token):
            k = key_ids.get(key)
            if k is None:
                k = key_ids[key] = len(key_ids)
            self._token_keys.append(k)
        self._key_start.append(len(self._token_keys))
        return t

    def tokens(self, spelling: int) -> array[int]:
        """The token numbers of one spelling."""
        return self._form_tokens[self._form_start[spelling] : self._form_start[spelling + 1]]

    def keys_of(self, token: int) -> array[int]:
        """The block key numbers of one token."""
        return self._token_keys[self._key_start[token] : self._key_start[token + 1]]

    def form(self, spelling: int) -> Form:
        """One spelling as matching compares it, its features already worked out."""
        feats = self.feats
        start = self._form_start
        fs = tuple([feats[t] for t in self._form_tokens[start[spelling] : start[spelling + 1]]])
        return Form.made(
            tuple([f[0] for f in fs]),
            self.hows[self._form_how[spelling]],
            self.folded[spelling],
            fs,
        )
