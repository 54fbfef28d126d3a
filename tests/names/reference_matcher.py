"""FROZEN COPY of `names/matcher.py` as it was at 304f8e5 (session 8), before the query path was
made faster: `tests/names/test_matcher_equivalence.py` checks that the new matcher answers
exactly as this one does. Do not change it to follow the matcher (changed once, with the
matcher, where the shortlist's cut kept ties by their place in the pool: `_shortlist`).

Matching a name, in any script or spelling, to the persons of the registry.

Candidates come from blocking on token skeletons; each is scored by comparing the query's
forms with the person's forms token by token: the same spelling, a variant of the same given
name, the same skeleton (sound), or string similarity (rapidfuzz). Given names weigh half as
much as surnames, and a match on given names alone is never a good match. Decisions people
took on a pair (same, not same) are honoured before any score.
"""

from __future__ import annotations

import copy
import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import TypeVar

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from prisonwatch.core.text import fold, name_key
from prisonwatch.names.blocks import KeyRows
from prisonwatch.names.chinese import has_han
from prisonwatch.names.given import given_group
from prisonwatch.names.keys import Feat, Form, forms, registry_forms, skeleton
from prisonwatch.names.lexicon import Lexicon, Spellings
from prisonwatch.names.slips import SlipIndex

VERSION = "names/1.0"
AUTO_ACCEPT = 0.9
"""Above this score, and clear of the runner-up by `MARGIN`, a match needs no person to check."""
MARGIN = 0.05
POOL = 20
TIES = 20
DEAD_ROWS = 10_000
"""Dead rows (of persons whose names were put in again) an index made by `replaced` keeps
before it is made without them."""
"""Persons beyond `POOL` with as many shared keys as the last in it that are scored too."""
MAX_BLOCK = 1000
MAX_STRONG_BLOCK = 300
"""A spelling or sound shared by more names than this says too little to rank by."""
LONE_NAME = 0.89
"""A surname alone ("Statkevich", or the common word "знака") is never taken without a person
checking: it scores at most this, under `AUTO_ACCEPT`."""
INITIAL = 0.75
"""How alike an initial and a name it begins are: with a surname the same, below AUTO_ACCEPT."""
FORMS_SCORED = 2
"""Of a shortlisted person's spellings, how many closest ones are scored token by token."""
SHORTLIST = 4
"""Of the pool, how many closest whole spellings are scored token by token."""


@dataclass(frozen=True, slots=True)
class Candidate:
    person_id: str
    name: str
    score: float
    why: tuple[str, ...]


def _rank(c: Candidate) -> tuple[float, str, str]:
    """Candidates best first; of equal score, by name, then by person id: never by where a
    person's row lies in the index. An index kept current write by write (`replaced`) puts a
    person added or renamed in a new row at the end, where a fresh build has rows in id order,
    and both must answer the same."""
    return (-c.score, c.name, c.person_id)


@dataclass(frozen=True, slots=True)
class Decision:
    """A person's judgement on whether a written name is a registry person."""

    name: str
    person_id: str
    verdict: str  # same, not_same, unsure
    by: str
    at: str


decision_key = name_key


def _token_sim(q: Feat, c: Feat) -> tuple[float, str]:
    """How alike two tokens are, from their precomputed features, and why."""
    if q[0] == c[0]:
        return 1.0, "same spelling"
    fq, fc = q[1], c[1]
    if fq == fc:
        return 0.98, "same spelling but for accents"
    if q[3] is not None and q[3] == c[3]:
        return 0.95, "variant of the same given name"
    if len(q[2]) >= 3 and q[2] == c[2]:
        return 0.9, "same sound in another spelling"
    if len(fq) >= 6 and len(fc) >= 6 and Levenshtein.distance(fq, fc, score_cutoff=1) <= 1:
        return 0.88, "one letter apart"
    if len(fq) == 1 and fc[:1] == fq:
        # an initial ("А. Бяляцкі"): it ranks the person whose name it begins first, but
        # never carries a match on its own to the automatic acceptance
        return INITIAL, "initial of the name"
    return Levenshtein.normalized_similarity(fq, fc) * 0.85, "similar spelling"


_PATRONYMIC = re.compile(r"(?:[aeo]vi(?:ch|c|tch)|[aeo]vn?a|[aeiou][uwv]na|ichna|ovych)$")
"""Endings of patronymics in Latin spellings: Viktaravič, Vasilievna, Mikalaeŭna."""


def score_forms(query: Form, cand: Form) -> tuple[float, list[str]]:
    """How well one spelling of the query matches one spelling of a person's name, and why."""
    score, matched = _score_pair(query, cand)
    return score, _reasons(matched)


Matched = list[tuple[str, str, str]]
"""(query token, person's token, why they are alike) for the tokens that matched."""


def _reasons(matched: Matched) -> list[str]:
    return [f"{q} ~ {c}: {reason}" for q, c, reason in matched]


Pairing = list[tuple[float, int, str] | None]
"""For each query token: its similarity to the person's token it answers, that token's place,
and why they are alike (None: no token left for it)."""


def _pairing(qfeats: Sequence[Feat], cfeats: Sequence[Feat], syllabic: bool) -> Pairing:
    """Each written name answers one name of the person ("Jia Jia" is not "Jia Guoxi"), the
    closest pairs first."""
    pairs: list[tuple[float, int, int, str]] = []
    for i, q in enumerate(qfeats):
        for j, c in enumerate(cfeats):
            sim, r = _token_sim(q, c)
            if syllabic and sim < 0.98:
                sim = min(sim, 0.7)  # one letter off in pinyin is another syllable
            pairs.append((-sim, i, j, r))
    if len(pairs) == 4 and len(qfeats) == 2:
        # two names against two (most queries): the closest pair decides the other
        first = min(pairs)
        straight = first[1] == first[2]
        a, b = (pairs[0], pairs[3]) if straight else (pairs[1], pairs[2])
        return [(-a[0], a[2], a[3]), (-b[0], b[2], b[3])]
    pairs.sort()
    best: Pairing = [None] * len(qfeats)
    taken: set[int] = set()
    for neg, i, j, r in pairs:
        if best[i] is None and j not in taken:
            best[i] = (-neg, j, r)
            taken.add(j)
    return best


def _score_pair(query: Form, cand: Form) -> tuple[float, Matched]:
    """How well one spelling of the query matches one spelling of a person's name, and which
    tokens matched why. The two commonest shapes (two names against two, a name alone) take
    a shorter way to the same figures (`_score_two`, `_score_one`; the tests compare them
    with `_score_general`)."""
    qfeats, cfeats = query.feats, cand.feats
    if cand.how != "pinyin" and cfeats:
        if len(qfeats) == 2 and len(cfeats) == 2:
            return _score_two(query, cand, qfeats, cfeats)
        if len(qfeats) == 1:
            return _score_one(query, cand, qfeats[0], cfeats)
    return _score_general(query, cand)


def _score_general(query: Form, cand: Form) -> tuple[float, Matched]:
    """`_score_pair` for any number of names on either side, pinyin included: each written
    name paired with one of the person's (`_pairing`), weighed, and the whole spelling's
    closeness added."""
    qfeats, cfeats = query.feats, cand.feats
    total = weight_sum = 0.0
    matched: Matched = []
    surname_hit = False
    # a patronymic the registry does not keep says nothing either way; but only as many
    # names as the query has beyond the person's may be passed over so: Belarusian surnames
    # end like patronymics too ("Ігара Уладзіміравіча Неміровіча", "Дар'і ... Афанасьевай")
    skippable = len(qfeats) - max(len(cfeats), 2)
    syllabic = cand.how == "pinyin"
    best = _pairing(qfeats, cfeats, syllabic)
    for q, b in zip(qfeats, best, strict=True):
        sim, j, reason = b if b is not None else (0.0, -1, "")
        weight = 0.5 if q[3] is not None else 1.0
        if skippable > 0 and q is not qfeats[0] and sim < 0.85 and _PATRONYMIC.search(q[1]):
            skippable -= 1
            continue
        total += sim * weight
        weight_sum += weight
        if sim >= 0.85:
            matched.append((q[0], cand.tokens[j], reason))
            if weight == 1.0:
                surname_hit = True
    if not weight_sum:
        return 0.0, matched
    score = total / weight_sum
    # among equally good token matches, the closer whole spelling wins
    whole = Levenshtein.normalized_similarity(query.folded, cand.folded)
    score = 0.9 * score + 0.1 * max(whole, score)
    if len(cfeats) > len(qfeats):
        score *= 0.93  # fewer names given than the person has
        if len(qfeats) == 1:
            score = min(score, LONE_NAME)
    if not surname_hit:
        score = min(score, 0.5)
    if query.how == cand.how == "pinyin":
        # both written in characters, and the characters differ: a namesake in sound only
        score *= 0.85
        matched.append(("", "", "same pinyin, other characters"))
    return score, matched


def _score_two(
    query: Form, cand: Form, qfeats: Sequence[Feat], cfeats: Sequence[Feat]
) -> tuple[float, Matched]:
    """`_score_pair` for two names against two, neither in pinyin (most pairs scored): the
    same pairing, sums and score, without the general case's lists and loops. The closest
    pair (the first in reading order among equally close ones) decides whether the names pair
    straight or crosswise; nothing is closer than the same spelling, so when the first names
    are spelt the same the crosswise pairs need not be compared."""
    q0, q1 = qfeats
    c0, c1 = cfeats
    s00, r00 = _token_sim(q0, c0)
    s11, r11 = _token_sim(q1, c1)
    sa, ja, ra, sb, jb, rb = s00, 0, r00, s11, 1, r11
    if s00 != 1.0:
        s01, r01 = _token_sim(q0, c1)
        s10, r10 = _token_sim(q1, c0)
        top = max(s00, s01, s10, s11)
        if s00 != top and (s01 == top or s10 == top):
            sa, ja, ra, sb, jb, rb = s01, 1, r01, s10, 0, r10
    wa = 0.5 if q0[3] is not None else 1.0
    wb = 0.5 if q1[3] is not None else 1.0
    matched: Matched = []
    surname_hit = False
    if sa >= 0.85:
        matched.append((q0[0], cand.tokens[ja], ra))
        surname_hit = wa == 1.0
    if sb >= 0.85:
        matched.append((q1[0], cand.tokens[jb], rb))
        surname_hit = surname_hit or wb == 1.0
    score = (sa * wa + sb * wb) / (wa + wb)
    whole = Levenshtein.normalized_similarity(query.folded, cand.folded)
    score = 0.9 * score + 0.1 * max(whole, score)
    if not surname_hit:
        score = min(score, 0.5)
    return score, matched


def _score_one(query: Form, cand: Form, q: Feat, cfeats: Sequence[Feat]) -> tuple[float, Matched]:
    """`_score_pair` for a name written alone (a surname searched) against a person's names,
    none in pinyin: the same score, from the person's closest name (the first of equally
    close ones), without the general case's lists and sorting."""
    sim, j, reason = -1.0, -1, ""
    for at, c in enumerate(cfeats):
        s, r = _token_sim(q, c)
        if s > sim:
            sim, j, reason = s, at, r
            if s == 1.0:
                break  # nothing is closer, and a later name loses a tie
    weight = 0.5 if q[3] is not None else 1.0
    matched: Matched = [(q[0], cand.tokens[j], reason)] if sim >= 0.85 else []
    score = (sim * weight) / weight
    whole = Levenshtein.normalized_similarity(query.folded, cand.folded)
    score = 0.9 * score + 0.1 * max(whole, score)
    if len(cfeats) > 1:
        score = min(score * 0.93, LONE_NAME)  # fewer names given than the person has
    if not (matched and weight == 1.0):
        score = min(score, 0.5)
    return score, matched


def _live_lexicon() -> Lexicon:
    """A lexicon made as the live matcher makes one (the frozen copy keeps its matching, not
    the lexicon's constructor, whose arguments may change)."""
    from prisonwatch.names.matcher import NameIndex as Live

    return Live().lexicon


class NameIndex:
    """The registry's names, ready to be matched against.

    Each person has a row; the person's spellings are a run of the index's `Spellings`, and
    the blocks (`KeyRows`) and slips (`SlipIndex`) name rows. Names added to a person in place
    (`add`) give the person a new row holding the old spellings and the new ones, and mark the
    old row dead (`_dead`); an index made by `replaced` holds only its persons' rows, so that
    nothing of a person taken out (one who became protected, say) stays in it."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = _live_lexicon() if lexicon is None else lexicon
        self.names: dict[str, str] = {}
        """Display name by person id, for the persons in the index."""
        self.rows: list[str] = []
        """Person ids by row (a dead row keeps the id it had)."""
        self.row_of: dict[str, int] = {}
        """The live row of each person."""
        self.spellings = Spellings()
        self._runs = array("q")
        """Row r's spellings are numbers `_runs[2r]` up to `_runs[2r + 1]`."""
        self.blocks = KeyRows()
        self.slips = SlipIndex()
        self._dead: npt.NDArray[np.bool_] | None = None
        """True for rows no longer any person's (None while there is none)."""
        self._dead_count = 0
        self._shared = False
        """Whether the tables are another index's too (`fork`): copied before the first add."""

    @classmethod
    def build(cls, people: Iterable[tuple[str, str, Sequence[str]]]) -> NameIndex:
        """`people`: (person id, display name, every name and alias)."""
        index = cls()
        for pid, display, all_names in people:
            index.add(pid, display, all_names)
        index.blocks.freeze()
        index.slips.freeze()
        return index

    def add(self, pid: str, display: str, all_names: Sequence[str]) -> None:
        """Index a person's names (added to those it holds for the person already)."""
        if self._shared:
            self._own()
        self.names[pid] = display
        old = self.row_of.get(pid)
        held = self.forms_of(pid) if old is not None else []
        seen = {(f.tokens, f.how, f.folded) for f in held}
        new: list[Form] = []
        for name in all_names:
            for f in registry_forms(name):
                form_key = (f.tokens, f.how, f.folded)
                if form_key not in seen:
                    seen.add(form_key)
                    new.append(f)
        if not new:
            return
        if old is not None:  # a new row with the old spellings and the new ones
            self._kill(old)
        self._place(pid, self.spellings.append([*held, *new], self.lexicon))

    def _place(self, pid: str, run: range) -> None:
        """A new row for `pid` holding the spellings `run`, in the blocks and slips."""
        lexicon, spellings = self.lexicon, self.spellings
        row = self.row_of[pid] = len(self.rows)
        self.rows.append(pid)
        self._runs.extend((run.start, run.stop))
        if self._dead is not None and len(self._dead) <= row:
            grown = np.zeros(2 * len(self._dead) + 16, dtype=np.bool_)
            grown[: len(self._dead)] = self._dead
            self._dead = grown
        tokens: dict[int, None] = {}
        for s in run:
            tokens.update(dict.fromkeys(spellings.tokens(s)))
        keys: dict[int, None] = {}
        for t in tokens:
            keys.update(dict.fromkeys(lexicon.keys_of(t)))
        self.blocks.add(row, keys)
        feats, given = lexicon.feats, lexicon.given
        self.slips.add(row, [feats[t][0] for t in tokens if not given[t]])

    def _kill(self, row: int) -> None:
        if self._dead is None:
            self._dead = np.zeros(2 * len(self.rows) + 16, dtype=np.bool_)
        self._dead[row] = True
        self._dead_count += 1

    def _run(self, row: int) -> range:
        return range(self._runs[2 * row], self._runs[2 * row + 1])

    def forms_of(self, pid: str) -> list[Form]:
        """A person's spellings as matching compares them."""
        spellings, lexicon = self.spellings, self.lexicon
        return [spellings.form(s, lexicon) for s in self._run(self.row_of[pid])]

    def block(self, key: str) -> list[str]:
        """The persons holding a block key (`_block_keys`), in the order they were added."""
        k = self.lexicon.key_ids.get(key)
        return [] if k is None else [self.rows[r] for r in self._live(self.blocks.get(k))]

    def _live(self, rows: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
        dead = self._dead
        return rows if dead is None or not len(rows) else rows[~dead[rows]]

    def replaced(
        self, removed: Iterable[str], added: Iterable[tuple[str, str, Sequence[str]]]
    ) -> NameIndex:
        """A new index with the persons `removed` taken out and `added` put in (an id in both
        has its names replaced): what a change to a few persons does to the index, without
        building it again. This index is left as it is, for readers still holding it. The new
        index holds nothing of a person taken out, nor any spelling a person put in again no
        longer has (one who became protected, say): then every row the person had is erased
        (`_erase`: blanked and taken out of the blocks and slips, costing a copy of those
        tables, not a rebuild). A person put in again with all the spellings it had (most
        edits) leaves a dead row; once `DEAD_ROWS` dead or erased rows gather, the index is
        renumbered without them (`_purged`), as if built from the persons it holds."""
        added = list(added)
        out = self._copy()
        before: dict[str, set[tuple[tuple[str, ...], str, str]]] = {}
        for pid in set(removed) | {pid for pid, _, _ in added}:
            if pid in self.row_of:
                before[pid] = {(f.tokens, f.how, f.folded) for f in self.forms_of(pid)}
            row = out.row_of.pop(pid, None)
            out.names.pop(pid, None)
            if row is not None:
                out._kill(row)
        for pid, display, all_names in added:
            out.add(pid, display, all_names)
        lost = {
            pid
            for pid, held in before.items()
            if pid not in out.row_of
            or not held <= {(f.tokens, f.how, f.folded) for f in out.forms_of(pid)}
        }
        if lost:
            out._erase(lost)
        return out._purged() if out._dead_count > DEAD_ROWS else out

    def _copy(self) -> NameIndex:
        out = NameIndex(self.lexicon)
        out.names = self.names.copy()
        out.rows = list(self.rows)
        out.row_of = self.row_of.copy()
        out.spellings = self.spellings.copy()
        out._runs = array("q", self._runs)
        out.blocks = self.blocks.copy()
        out.slips = self.slips.copy()
        out._dead = None if self._dead is None else self._dead.copy()
        out._dead_count = self._dead_count
        return out

    def _erase(self, pids: Collection[str]) -> None:
        """Leave nothing of the dead rows of `pids` in this index (a new one, not yet read by
        anyone): their spellings blanked, their entries taken out of the blocks and slips, the
        person's id taken off them (a hole in the row numbers, which keeps the order of the
        live rows: answers are those of a build of the live persons). The tables are copied
        once with the entries left out; nothing is renumbered."""
        dead = self._dead
        if dead is None:
            return
        rows = self.rows
        gone = [r for r in np.flatnonzero(dead[: len(rows)]).tolist() if rows[r] in pids]
        if not gone:
            return
        for r in gone:
            self.spellings.erase(self._run(r))
            self._runs[2 * r + 1] = self._runs[2 * r]
            rows[r] = ""
        self.blocks = self.blocks.without(gone)
        self.slips = self.slips.without(gone)

    def _purged(self) -> NameIndex:
        """The same persons without dead rows: rows, spellings, blocks and slips as a build of
        the live persons in row order makes them."""
        live = [r for r, pid in enumerate(self.rows) if self.row_of.get(pid) == r]
        renumber = np.full(len(self.rows), -1, dtype=np.int32)
        renumber[live] = np.arange(len(live), dtype=np.int32)
        out = NameIndex(self.lexicon)
        out.names = self.names
        out.rows = [self.rows[r] for r in live]
        out.row_of = {pid: i for i, pid in enumerate(out.rows)}
        out.spellings, runs = self.spellings.kept([self._run(r) for r in live])
        for run in runs:
            out._runs.extend((run.start, run.stop))
        out.blocks = self.blocks.renumbered(renumber)
        out.slips = self.slips.renumbered(renumber)
        return out

    def _own(self) -> None:
        """Tables of this index's own in place of those it shares (`fork`)."""
        mine = self._copy()
        for name in ("names", "rows", "row_of", "spellings", "_runs", "blocks", "slips", "_dead"):
            setattr(self, name, getattr(mine, name))
        self._shared = False

    def fork(self) -> NameIndex:
        """A copy that can be added to (a review adding the persons it creates) while this one
        is read by others. The tables are shared until the copy is first added to, and copied
        then (about 30 ms at 100,000 persons): most accepts match persons and add none."""
        out = copy.copy(self)
        out._shared = True
        return out

    def _key_rows(self, tokens: list[str], kind: str) -> list[npt.NDArray[np.int32]]:
        """The live rows of each block of one kind (see `_pass_keys`) the query's tokens
        name, blocks too large to say anything left out."""
        limit = MAX_BLOCK if kind == "wide" else MAX_STRONG_BLOCK
        key_ids, get = self.lexicon.key_ids, self.blocks.get
        out = []
        for token in tokens:
            for key in _pass_keys(token, kind):
                k = key_ids.get(key)
                if k is not None:
                    rows = self._live(get(k))
                    if 0 < len(rows) <= limit:
                        out.append(rows)
        return out

    def _hits(self, tokens: list[str], kind: str, into: Counter[int] | None = None) -> Counter[int]:
        """How many keys of one kind (see `_pass_keys`) each row shares with the query's
        surname tokens, counted into `into` (a copy of an earlier pass's hits: the same
        counts, in the same order, as adding the two) or a new counter."""
        hits: Counter[int] = Counter() if into is None else into
        for rows in self._key_rows(tokens, kind):
            hits.update(rows.tolist())
        return hits

    def _most_wide(self, tokens: list[str]) -> list[str]:
        """`_most(self._hits(tokens, "wide"))`, counted with numpy: trigram blocks are large
        (a thousand persons each), and counting them as a `Counter` and sorting it took most
        of the time of a query that came this far (every query of a surname alone does).
        The same persons in the same order: the most hits first, and among equals the one
        whose first hit came first (the order a `Counter` keeps and a stable sort honours);
        where the pool's cut falls among equals, those let in are the first by id (`_cut`)."""
        parts = self._key_rows(tokens, "wide")
        if not parts:
            return []
        found, first, counts = np.unique(
            np.concatenate(parts), return_index=True, return_counts=True
        )
        order = np.lexsort((first, -counts))
        ranked = counts[order]
        n = _tied(ranked[: POOL + TIES].tolist())
        # up to the last with as many hits as the n-th (`_cut` chooses among those by id)
        end = n if n >= len(ranked) else int(np.searchsorted(-ranked, -ranked[n - 1], "right"))
        pids = self.rows
        rows = found[order[:end]].tolist()
        return _cut(
            [(pids[r], c) for r, c in zip(rows, ranked[:end].tolist(), strict=True)], n, str
        )

    def _slips(self, tokens: list[str], into: Counter[int]) -> Counter[int]:
        """How many one-letter-dropped spellings each row shares with the query's, counted
        into `into`."""
        into.update(self.slips.rows(tokens, MAX_STRONG_BLOCK, self._dead))
        return into

    def _pid(self, row: int) -> str:
        return self.rows[row]

    def _pids(self, rows: list[int]) -> list[str]:
        pids = self.rows
        return [pids[r] for r in rows]

    def _score(
        self, pool: Sequence[str], query_forms: list[Form], ruled: dict[str, Decision]
    ) -> list[Candidate]:
        results: list[Candidate] = []
        pool = [p for p in dict.fromkeys(pool) if p in self.names]
        closest = self._shortlist(pool, query_forms) if len(pool) > SHORTLIST else {}
        for pid in closest or pool:
            if pid in ruled and ruled[pid].verdict == "not_same":
                continue
            best, matched, how = 0.0, [], ""
            cand_forms = closest.get(pid) or self.forms_of(pid)
            for qf in query_forms:
                for cf in cand_forms:
                    s, m = _score_pair(qf, cf)
                    if s > best:
                        best, matched, how = s, m, qf.how
            if best < 0.5:
                continue
            why = _reasons(matched)
            reasons = [*why, how] if how and how != "as written" else why
            results.append(Candidate(pid, self.names[pid], round(best, 3), tuple(reasons)))
        results.sort(key=_rank)
        return results

    def _shortlist(self, pool: list[str], query_forms: list[Form]) -> dict[str, list[Form]]:
        """The candidates whose spellings are closest as whole strings (rapidfuzz, in C), each
        with its `FORMS_SCORED` closest spellings, best first."""
        folded, row_of, runs = self.spellings.folded, self.row_of, self._runs
        texts: list[str] = []
        firsts: list[int] = []  # the number of each person's first spelling, less its place
        ends: list[int] = []  # where each person's spellings end in `texts`
        for pid in pool:
            row = row_of[pid]
            lo, hi = runs[2 * row], runs[2 * row + 1]
            firsts.append(lo - len(texts))
            texts += folded[lo:hi]
            ends.append(len(texts))
        scores: dict[int, float] = {}
        keep = SHORTLIST * FORMS_SCORED * 2
        for qf in query_forms:
            # (changed with the matcher, 2 December 2026: every text as close as the last one
            # kept is kept, so that the cut does not hang on the order of the pool)
            found = [
                float(x)
                for x in process.cdist(
                    [qf.folded],
                    texts,
                    scorer=fuzz.token_sort_ratio,
                    processor=None,
                    dtype="float64",
                )[0]
            ]
            least = sorted(found, reverse=True)[keep - 1] if len(found) > keep else -1.0
            for i, score in enumerate(found):
                if score >= least and score > scores.get(i, -1.0):
                    scores[i] = score
        best: dict[str, list[int]] = {}
        # the closest first; of equally close spellings, the person first by id (not by place in
        # the pool, which follows the index's rows), then the spelling first in the person's
        for i in sorted(scores, key=lambda i: (-scores[i], pool[bisect_right(ends, i)], i)):
            at = bisect_right(ends, i)
            pid, s = pool[at], firsts[at] + i
            if pid in best:
                if len(best[pid]) < FORMS_SCORED:
                    best[pid].append(s)
            elif len(best) < SHORTLIST:
                best[pid] = [s]
        form, lexicon = self.spellings.form, self.lexicon
        return {pid: [form(s, lexicon) for s in chosen] for pid, chosen in best.items()}

    def match(
        self, query: str, limit: int = 5, decisions: Sequence[Decision] = ()
    ) -> list[Candidate]:
        """Candidates best first, each with a score from 0 to 1 and why it matched."""
        key = decision_key(query) if decisions else ""
        ruled = {d.person_id: d for d in decisions if decision_key(d.name) == key}
        query_forms = forms(query)
        surnames = [t for qf in query_forms for t in qf.tokens if given_group(t) is None]
        hits = self._hits(surnames, "spelling")
        results = self._score(self._pids(_most(hits, self._pid)) + list(ruled), query_forms, ruled)
        # no sure match on spelling: the same sound; then a slip of one letter; then shared
        # letter trigrams
        for step in ("sound", "slips", "wide"):
            if results and results[0].score >= (
                _sure(query_forms) if step == "sound" else AUTO_ACCEPT
            ):
                break
            if step == "sound":
                hits = self._hits(surnames, "sound", Counter(hits))
                most = self._pids(_most(hits, self._pid))
            elif step == "slips":
                most = self._pids(_most(self._slips(surnames, Counter(hits)), self._pid))
            else:
                most = self._most_wide(surnames)
            seen = {r.person_id for r in results}
            more = [pid for pid in most if pid not in seen]
            results = sorted(results + self._score(more, query_forms, ruled), key=_rank)
        for pid, d in ruled.items():
            if d.verdict == "same" and pid in self.names:
                results = [r for r in results if r.person_id != pid]
                results.append(
                    Candidate(pid, self.names[pid], 1.0, (f"decided same by {d.by} on {d.at}",))
                )
        results.sort(key=_rank)
        return results[:limit]


_T = TypeVar("_T")


def _most(hits: Counter[_T], key: Callable[[_T], str] = str) -> list[_T]:
    """The `POOL` persons with the most hits, the first counted first among equals (what
    `hits.most_common(POOL)` gives: its `heapq.nlargest` is documented to equal the stable
    sort, here done in C instead of a heap kept in Python), and after them those with as
    many hits as the last of them (`_tied`). Where more are tied than `TIES` lets in, those
    let in are chosen by `key` (the person id), not by the order they were counted in."""
    ranked = sorted(hits.items(), key=itemgetter(1), reverse=True)
    return _cut(ranked, _tied([n for _, n in ranked[: POOL + TIES]]), key)


def _cut(ranked: Sequence[tuple[_T, int]], n: int, key: Callable[[_T], str]) -> list[_T]:
    """The first `n` of `ranked` (most hits first); when the cut falls among persons with
    equal hits, those of them kept are the first by `key`, in that order. The count order
    follows the index's rows, which a fresh build and an index kept current write by write
    (a person added or renamed takes a new row at the end) hold in different orders: which
    persons are scored must not hang on that."""
    if n >= len(ranked) or ranked[n][1] != ranked[n - 1][1]:
        return [x for x, _ in ranked[:n]]
    last, lo, hi = ranked[n - 1][1], n - 1, n
    while lo and ranked[lo - 1][1] == last:
        lo -= 1
    while hi < len(ranked) and ranked[hi][1] == last:
        hi += 1
    tied = sorted((x for x, _ in ranked[lo:hi]), key=key)
    return [x for x, _ in ranked[:lo]] + tied[: n - lo]


def _tied(counts: Sequence[int]) -> int:
    """How many of the ranked `counts` (most first) enter the pool: `POOL`, and up to `TIES`
    more with as many hits as the last of those, so that which of equally placed persons
    are scored does not hang on the order they were counted in."""
    n = min(POOL, len(counts))
    while n < len(counts) and counts[n] == counts[POOL - 1]:
        n += 1
    return n


@lru_cache(maxsize=200_000)
def _block_keys(token: str) -> tuple[str, ...]:
    """Keys under which a token is found: its folded spelling, its skeleton, its first five
    letters (long tokens) and its letter trigrams. (Its spellings with one letter dropped are
    kept apart, compactly: names.slips.)"""
    folded = fold(token)
    if len(token) < 3:
        # two letters ("Li", "Wu") or Chinese characters (王丹) are still a whole name
        return (f"t:{folded}",) if len(token) == 2 or has_han(token) else ()
    keys = [f"t:{folded}"]
    sk = skeleton(token)
    if len(sk) >= 2:
        keys.append(f"s:{sk}")
    if len(folded) >= 7:
        keys.append(f"p:{folded[:5]}")
    if len(folded) >= 5:
        padded = f"^{folded}$"
        keys.extend(f"g:{padded[i : i + 3]}" for i in range(len(padded) - 2))
    return tuple(keys)


@lru_cache(maxsize=200_000)
def _pass_keys(token: str, kind: str) -> tuple[str, ...]:
    """The keys of one pass: "spelling" (the folded token), "sound" (its skeleton), or "wide"
    (its prefix and trigrams)."""
    prefixes = {"spelling": ("t:",), "sound": ("s:",), "wide": ("g:", "p:")}[kind]
    return tuple(k for k in _block_keys(token) if k.startswith(prefixes))


def _sure(query_forms: list[Form]) -> float:
    """A score no person found by spelling alone may have without the search for persons of
    the same sound going on: the best a person not sharing any surname spelling could reach
    (its surnames alike in sound only, 0.9; its given names the same), and the margin."""
    bound = 0.0
    for qf in query_forms:
        surname_weight = sum(1.0 for f in qf.feats if f[3] is None)
        given_weight = sum(0.5 for f in qf.feats if f[3] is not None)
        if surname_weight:
            reach = (0.9 * surname_weight + given_weight) / (surname_weight + given_weight)
            bound = max(bound, reach + 0.01)
    return bound + MARGIN


def auto_accept(candidates: Sequence[Candidate]) -> Candidate | None:
    """The candidate that may be taken without asking anyone, if there is one."""
    if not candidates or candidates[0].score < AUTO_ACCEPT:
        return None
    if len(candidates) > 1 and candidates[0].score - candidates[1].score < MARGIN:
        return None
    return candidates[0]
