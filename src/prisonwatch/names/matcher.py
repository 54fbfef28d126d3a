"""Matching a name, in any script or spelling, to the persons of the registry.

Candidates come from blocking on token skeletons; each is scored by comparing the query's
forms with the person's forms token by token: the same spelling, a variant of the same given
name, the same skeleton (sound), or string similarity (rapidfuzz). Given names weigh half as
much as surnames, and a match on given names alone is never a good match. Decisions people
took on a pair (same, not same) are honoured before any score.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from prisonwatch.core.text import fold, name_key
from prisonwatch.names.chinese import has_han
from prisonwatch.names.given import given_group
from prisonwatch.names.keys import Form, forms, skeleton

VERSION = "names/1.0"
AUTO_ACCEPT = 0.9
"""Above this score, and clear of the runner-up by `MARGIN`, a match needs no person to check."""
MARGIN = 0.05
POOL = 20
MAX_BLOCK = 1000
MAX_STRONG_BLOCK = 3000
"""A spelling or sound shared by more names than this says too little to rank by."""
LONE_NAME = 0.89
"""A surname alone ("Statkevich", or the common word "знака") is never taken without a person
checking: it scores at most this, under `AUTO_ACCEPT`."""
SHORTLIST = 6
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


@lru_cache(maxsize=200_000)
def _token_sim(q: str, c: str) -> tuple[float, str]:
    if q == c:
        return 1.0, "same spelling"
    fq, fc = fold(q), fold(c)
    if fq == fc:
        return 0.98, "same spelling but for accents"
    gq, gc = given_group(q), given_group(c)
    if gq is not None and gq == gc:
        return 0.95, "variant of the same given name"
    sq, sc = skeleton(q), skeleton(c)
    if len(sq) >= 3 and sq == sc:
        return 0.9, "same sound in another spelling"
    if min(len(fq), len(fc)) >= 6 and Levenshtein.distance(fq, fc) <= 1:
        return 0.88, "one letter apart"
    sim = Levenshtein.normalized_similarity(fq, fc)
    return sim * 0.85, "similar spelling"


_PATRONYMIC = re.compile(r"(?:[aeo]vi(?:ch|c|tch)|[aeo]vn?a|[aeiou][uwv]na|ichna|ovych)$")
"""Endings of patronymics in Latin spellings: Viktaravič, Vasilievna, Mikalaeŭna."""


def score_forms(query: Form, cand: Form) -> tuple[float, list[str]]:
    """How well one spelling of the query matches one spelling of a person's name."""
    total = weight_sum = 0.0
    why: list[str] = []
    surname_hit = False
    extra = len(query.tokens) > max(len(cand.tokens), 2)
    syllabic = cand.how == "pinyin"
    # each written name answers one name of the person ("Jia Jia" is not "Jia Guoxi"), the
    # closest pairs first
    pairs: list[tuple[float, int, int, str]] = []
    for i, q in enumerate(query.tokens):
        for j, c in enumerate(cand.tokens):
            sim, r = _token_sim(q, c)
            if syllabic and sim < 0.98:
                sim = min(sim, 0.7)  # one letter off in pinyin is another syllable
            pairs.append((sim, i, j, r))
    pairs.sort(key=lambda p: -p[0])
    best: dict[int, tuple[float, int, str]] = {}
    taken: set[int] = set()
    for sim, i, j, r in pairs:
        if i not in best and j not in taken:
            best[i] = (sim, j, r)
            taken.add(j)
    for i, q in enumerate(query.tokens):
        sim, j, reason = best.get(i, (0.0, -1, ""))
        weight = 0.5 if given_group(q) is not None else 1.0
        if extra and i > 0 and sim < 0.85 and _PATRONYMIC.search(fold(q)):
            continue  # a patronymic the registry does not keep says nothing either way
        total += sim * weight
        weight_sum += weight
        if weight == 1.0 and sim >= 0.85:
            surname_hit = True
        if sim >= 0.85:
            why.append(f"{q} ~ {cand.tokens[j]}: {reason}")
    if not weight_sum:
        return 0.0, why
    score = total / weight_sum
    # among equally good token matches, the closer whole spelling wins
    whole = Levenshtein.normalized_similarity(query.folded, cand.folded)
    score = 0.9 * score + 0.1 * max(whole, score)
    if len(cand.tokens) > len(query.tokens):
        score *= 0.93  # fewer names given than the person has
        if len(query.tokens) == 1:
            score = min(score, LONE_NAME)
    if not surname_hit:
        score = min(score, 0.5)
    if query.how == cand.how == "pinyin":
        # both written in characters, and the characters differ: a namesake in sound only
        score *= 0.85
        why.append("same pinyin, other characters")
    return score, why


@dataclass
class NameIndex:
    """The registry's names, ready to be matched against."""

    names: dict[str, str] = field(default_factory=dict)
    forms: dict[str, list[Form]] = field(default_factory=dict)
    blocks: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def build(cls, people: Iterable[tuple[str, str, Sequence[str]]]) -> NameIndex:
        """`people`: (person id, display name, every name and alias)."""
        index = cls()
        for pid, display, all_names in people:
            index.add(pid, display, all_names)
        return index

    def add(self, pid: str, display: str, all_names: Sequence[str]) -> None:
        self.names[pid] = display
        person_forms = self.forms.setdefault(pid, [])
        for name in all_names:
            for f in forms(name):
                if f not in person_forms:
                    person_forms.append(f)
                for token in f.tokens:
                    for key in _block_keys(token):
                        self.blocks[key].add(pid)

    def _pool(self, tokens: list[str], strong: bool) -> list[str]:
        """The persons sharing the most keys with the query's surname tokens."""
        hits: Counter[str] = Counter()
        for token in tokens:
            for k in _block_keys(token):
                if k.startswith(("g:", "p:")) == strong:
                    continue
                block = self.blocks.get(k, ())
                if len(block) <= (MAX_STRONG_BLOCK if strong else MAX_BLOCK):
                    hits.update(block)
        return [pid for pid, _ in hits.most_common(POOL)]

    def _score(
        self, pool: Sequence[str], query_forms: list[Form], ruled: dict[str, Decision]
    ) -> list[Candidate]:
        results: list[Candidate] = []
        pool = [p for p in dict.fromkeys(pool) if p in self.names]
        if len(pool) > SHORTLIST:
            pool = self._shortlist(pool, query_forms)
        for pid in pool:
            if pid in ruled and ruled[pid].verdict == "not_same":
                continue
            best, why, how = 0.0, [], ""
            for qf in query_forms:
                for cf in self.forms[pid]:
                    s, w = score_forms(qf, cf)
                    if s > best:
                        best, why, how = s, w, qf.how
            if best < 0.5:
                continue
            reasons = [*why, how] if how and how != "as written" else why
            results.append(Candidate(pid, self.names[pid], round(best, 3), tuple(reasons)))
        results.sort(key=lambda c: (-c.score, c.name))
        return results

    def _shortlist(self, pool: list[str], query_forms: list[Form]) -> list[str]:
        """The candidates whose spellings are closest as whole strings (rapidfuzz, in C)."""
        texts: list[str] = []
        owners: list[str] = []
        for pid in pool:
            for f in self.forms[pid]:
                texts.append(f.folded)
                owners.append(pid)
        best: dict[str, float] = {}
        for qf in query_forms:
            for _, score, i in process.extract(
                qf.folded, texts, scorer=fuzz.token_sort_ratio, limit=SHORTLIST * 2
            ):
                best[owners[i]] = max(best.get(owners[i], 0.0), score)
        return sorted(best, key=lambda pid: -best[pid])[:SHORTLIST]

    def match(
        self, query: str, limit: int = 5, decisions: Sequence[Decision] = ()
    ) -> list[Candidate]:
        """Candidates best first, each with a score from 0 to 1 and why it matched."""
        key = decision_key(query)
        ruled = {d.person_id: d for d in decisions if decision_key(d.name) == key}
        query_forms = forms(query)
        surnames = [t for qf in query_forms for t in qf.tokens if given_group(t) is None]
        results = self._score(self._pool(surnames, strong=True) + list(ruled), query_forms, ruled)
        if not results or results[0].score < AUTO_ACCEPT:
            # no sure match on spelling or sound: look wider, by shared letter trigrams
            seen = {r.person_id for r in results}
            wider = [pid for pid in self._pool(surnames, strong=False) if pid not in seen]
            results = sorted(
                results + self._score(wider, query_forms, ruled), key=lambda c: (-c.score, c.name)
            )
        for pid, d in ruled.items():
            if d.verdict == "same" and pid in self.names:
                results = [r for r in results if r.person_id != pid]
                results.append(
                    Candidate(pid, self.names[pid], 1.0, (f"decided same by {d.by} on {d.at}",))
                )
        results.sort(key=lambda c: (-c.score, c.name))
        return results[:limit]


@lru_cache(maxsize=200_000)
def _block_keys(token: str) -> tuple[str, ...]:
    """Keys under which a token is found: its folded spelling, its skeleton, its first five
    letters (long tokens) and its letter trigrams, so that a slip of one letter still meets."""
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


def auto_accept(candidates: Sequence[Candidate]) -> Candidate | None:
    """The candidate that may be taken without asking anyone, if there is one."""
    if not candidates or candidates[0].score < AUTO_ACCEPT:
        return None
    if len(candidates) > 1 and candidates[0].score - candidates[1].score < MARGIN:
        return None
    return candidates[0]
