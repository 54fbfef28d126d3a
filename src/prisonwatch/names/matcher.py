"""Matching a name, in any script or spelling, to the persons of the registry.

Candidates come from blocking on token skeletons; each is scored by comparing the query's
forms with the person's forms token by token: the same spelling, a variant of the same given
name, the same skeleton (sound), or string similarity (rapidfuzz). Given names weigh half as
much as surnames, and a match on given names alone is never a good match. Decisions people
took on a pair (same, not same) are honoured before any score.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from prisonwatch.core.text import fold, name_key
from prisonwatch.names.chinese import has_han
from prisonwatch.names.given import given_group
from prisonwatch.names.keys import Feat, Form, forms, skeleton
from prisonwatch.names.slips import SlipIndex

VERSION = "names/1.0"
AUTO_ACCEPT = 0.9
"""Above this score, and clear of the runner-up by `MARGIN`, a match needs no person to check."""
MARGIN = 0.05
POOL = 20
MAX_BLOCK = 1000
MAX_STRONG_BLOCK = 300
"""A spelling or sound shared by more names than this says too little to rank by."""
LONE_NAME = 0.89
"""A surname alone ("Statkevich", or the common word "знака") is never taken without a person
checking: it scores at most this, under `AUTO_ACCEPT`."""
FORMS_SCORED = 2
"""Of a shortlisted person's spellings, how many closest ones are scored token by token."""
SHORTLIST = 4
"""Of the pool, how many closest whole spellings are scored token by token."""
"""Letter-trigram keys shared by more names than this ("ski", "vic") are too common to help."""
"""How many candidates, those sharing the most keys with the query, are scored in full."""


@dataclass(frozen=True, slots=True)
class Candidate:
    person_id: str
    name: str
    score: float
    why: tuple[str, ...]


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
    extra = len(qfeats) > max(len(cfeats), 2)
    syllabic = cand.how == "pinyin"
    best = _pairing(qfeats, cfeats, syllabic)
    for q, b in zip(qfeats, best, strict=True):
        sim, j, reason = b if b is not None else (0.0, -1, "")
        weight = 0.5 if q[3] is not None else 1.0
        if extra and q is not qfeats[0] and sim < 0.85 and _PATRONYMIC.search(q[1]):
            continue  # a patronymic the registry does not keep says nothing either way
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


@dataclass
class NameIndex:
    """The registry's names, ready to be matched against."""

    names: dict[str, str] = field(default_factory=dict)
    forms: dict[str, list[Form]] = field(default_factory=dict)
    blocks: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    slips: SlipIndex = field(default_factory=SlipIndex)
    rows: list[str] = field(default_factory=list)
    """Person ids by the row number `slips` knows them under."""
    row_of: dict[str, int] = field(default_factory=dict)
    shared: bool = field(default=False, compare=False, repr=False)
    """Set on an index made from another (`replaced`, `fork`): its sets and lists may be the
    other's, so `add` copies what it grows instead of growing it in place."""
    block_rows: dict[str, npt.NDArray[np.int32]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """A cache: the rows of a block's persons, in the order its set gives them, for the blocks
    of letter trigrams a query has counted (`_most_wide`). `add` drops the entries of the
    blocks it changes; an index made from another (`replaced`) starts without any."""

    @classmethod
    def build(cls, people: Iterable[tuple[str, str, Sequence[str]]]) -> NameIndex:
        """`people`: (person id, display name, every name and alias)."""
        index = cls()
        for pid, display, all_names in people:
            index.add(pid, display, all_names)
        index.slips.freeze()
        return index

    def add(self, pid: str, display: str, all_names: Sequence[str]) -> None:
        self.names[pid] = display
        if self.shared:
            self.forms[pid] = list(self.forms.get(pid, ()))
        person_forms = self.forms.setdefault(pid, [])
        seen = {(f.tokens, f.how, f.folded) for f in person_forms}
        tokens: set[str] = set()
        keys: set[str] = set()
        for name in all_names:
            for f in forms(name):
                form_key = (f.tokens, f.how, f.folded)
                if form_key not in seen:
                    seen.add(form_key)
                    person_forms.append(f)
                for token in f.tokens:
                    if given_group(token) is None:
                        tokens.add(token)
                    keys.update(_block_keys(token))
        blocks = self.blocks
        cached = self.block_rows
        for key in keys:
            if self.shared:
                blocks[key] = {*blocks.get(key, ()), pid}
            else:
                blocks[key].add(pid)
            if cached:
                cached.pop(key, None)
        row = self.row_of.get(pid)
        if row is None:
            row = self.row_of[pid] = len(self.rows)
            self.rows.append(pid)
        self.slips.add(row, tokens)

    def replaced(
        self, removed: Iterable[str], added: Iterable[tuple[str, str, Sequence[str]]]
    ) -> NameIndex:
        """A new index with the persons `removed` taken out and `added` put in (an id in both
        has its names replaced): what a change to a few persons does to the index, without
        building it again. This index is left as it is, for readers still holding it."""
        added = list(added)
        out_ids = set(removed) | {pid for pid, _, _ in added}
        blocks: defaultdict[str, set[str]] = defaultdict(set, self.blocks)
        for pid in out_ids:
            for f in self.forms.get(pid, ()):
                for token in f.tokens:
                    for key in _block_keys(token):
                        if pid in blocks.get(key, ()):
                            rest = blocks[key] - {pid}
                            if rest:
                                blocks[key] = rest
                            else:
                                del blocks[key]
        # copied whole and then emptied of the persons out (a copy of a dict is one C loop;
        # a comprehension testing every key took most of a change at 100,000 persons)
        names, forms = dict(self.names), dict(self.forms)
        for pid in out_ids:
            names.pop(pid, None)
            forms.pop(pid, None)
        out = NameIndex(
            names,
            forms,
            blocks,
            self.slips.without(self.row_of[p] for p in out_ids if p in self.row_of),
            list(self.rows),
            dict(self.row_of),
            shared=True,
        )
        for pid, display, all_names in added:
            out.add(pid, display, all_names)
        return out

    def fork(self) -> NameIndex:
        """A copy that can be added to (a review adding the persons it creates) while this one
        is read by others; unchanged parts are shared, not copied."""
        return self.replaced((), ())

    def _hits(self, tokens: list[str], kind: str, into: Counter[str] | None = None) -> Counter[str]:
        """How many keys of one kind (see `_pass_keys`) each person shares with the query's
        surname tokens, counted into `into` (a copy of an earlier pass's hits: the same
        counts, in the same order, as adding the two) or a new counter."""
        limit = MAX_BLOCK if kind == "wide" else MAX_STRONG_BLOCK
        hits: Counter[str] = Counter() if into is None else into
        blocks = self.blocks
        for token in tokens:
            for k in _pass_keys(token, kind):
                block = blocks.get(k)
                if block and len(block) <= limit:
                    hits.update(block)
        return hits

    def _most_wide(self, tokens: list[str]) -> list[str]:
        """`_most(self._hits(tokens, "wide"))`, counted with numpy: trigram blocks are large
        (a thousand persons each), and counting them as a `Counter` of ids and sorting it took
        most of the time of a query that came this far (every query of a surname alone does).
        The same persons in the same order: the most hits first, and among equals the one
        whose first hit came first (the order a `Counter` keeps and a stable sort honours)."""
        blocks, cached, row_of = self.blocks, self.block_rows, self.row_of
        parts: list[npt.NDArray[np.int32]] = []
        for token in tokens:
            for k in _pass_keys(token, "wide"):
                block = blocks.get(k)
                if block and len(block) <= MAX_BLOCK:
                    rows = cached.get(k)
                    if rows is None:
                        rows = np.fromiter((row_of[p] for p in block), np.int32, len(block))
                        cached[k] = rows
                    parts.append(rows)
        if not parts:
            return []
        found, first, counts = np.unique(
            np.concatenate(parts), return_index=True, return_counts=True
        )
        best = np.lexsort((first, -counts))[:POOL]
        pids = self.rows
        return [pids[r] for r in found[best].tolist()]

    def _slips(self, tokens: list[str], into: Counter[str]) -> Counter[str]:
        """How many one-letter-dropped spellings each person shares with the query's, counted
        into `into`."""
        rows = self.rows
        into.update([rows[r] for r in self.slips.rows(tokens, MAX_STRONG_BLOCK)])
        return into

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
            cand_forms = closest.get(pid) or self.forms[pid]
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
        results.sort(key=lambda c: (-c.score, c.name))
        return results

    def _shortlist(self, pool: list[str], query_forms: list[Form]) -> dict[str, list[Form]]:
        """The candidates whose spellings are closest as whole strings (rapidfuzz, in C), each
        with its `FORMS_SCORED` closest spellings, best first."""
        person_forms = self.forms
        flat: list[Form] = []
        ends: list[int] = []  # where each person's forms end in `flat`
        for pid in pool:
            flat += person_forms[pid]
            ends.append(len(flat))
        texts = [f.folded for f in flat]
        scores: dict[int, float] = {}
        for qf in query_forms:
            for _, score, i in process.extract(
                qf.folded, texts, scorer=fuzz.token_sort_ratio, limit=SHORTLIST * FORMS_SCORED * 2
            ):
                if score > scores.get(i, -1.0):
                    scores[i] = score
        best: dict[str, list[Form]] = {}
        for i in sorted(scores, key=scores.__getitem__, reverse=True):
            pid, f = pool[bisect_right(ends, i)], flat[i]
            if pid in best:
                if len(best[pid]) < FORMS_SCORED:
                    best[pid].append(f)
            elif len(best) < SHORTLIST:
                best[pid] = [f]
        return best

    def match(
        self, query: str, limit: int = 5, decisions: Sequence[Decision] = ()
    ) -> list[Candidate]:
        """Candidates best first, each with a score from 0 to 1 and why it matched."""
        key = decision_key(query) if decisions else ""
        ruled = {d.person_id: d for d in decisions if decision_key(d.name) == key}
        query_forms = forms(query)
        surnames = [t for qf in query_forms for t in qf.tokens if given_group(t) is None]
        hits = self._hits(surnames, "spelling")
        results = self._score(_most(hits) + list(ruled), query_forms, ruled)
        # no sure match on spelling: the same sound; then a slip of one letter; then shared
        # letter trigrams
        for step in ("sound", "slips", "wide"):
            if results and results[0].score >= (
                _sure(query_forms) if step == "sound" else AUTO_ACCEPT
            ):
                break
            if step == "sound":
                hits = self._hits(surnames, "sound", Counter(hits))
                most = _most(hits)
            elif step == "slips":
                most = _most(self._slips(surnames, Counter(hits)))
            else:
                most = self._most_wide(surnames)
            seen = {r.person_id for r in results}
            more = [pid for pid in most if pid not in seen]
            results = sorted(
                results + self._score(more, query_forms, ruled), key=lambda c: (-c.score, c.name)
            )
        for pid, d in ruled.items():
            if d.verdict == "same" and pid in self.names:
                results = [r for r in results if r.person_id != pid]
                results.append(
                    Candidate(pid, self.names[pid], 1.0, (f"decided same by {d.by} on {d.at}",))
                )
        results.sort(key=lambda c: (-c.score, c.name))
        return results[:limit]


def _most(hits: Counter[str]) -> list[str]:
    """The `POOL` persons with the most hits, the first counted first among equals: what
    `hits.most_common(POOL)` gives (its `heapq.nlargest` is documented to equal the stable
    sort), sorted in C instead of a heap kept in Python."""
    ranked = sorted(hits.items(), key=itemgetter(1), reverse=True)
    return [pid for pid, _ in ranked[:POOL]]


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
