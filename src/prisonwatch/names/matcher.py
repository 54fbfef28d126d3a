"""Matching a name, in any script or spelling, to the persons of the registry.

Candidates come from blocking on token skeletons; each is scored by comparing the query's
forms with the person's forms token by token: the same spelling, a variant of the same given
name, the same skeleton (sound), or string similarity (rapidfuzz). Given names weigh half as
much as surnames, and a match on given names alone is never a good match. Decisions people
took on a pair (same, not same) are honoured before any score.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from prisonwatch.core.text import name_key
from prisonwatch.names.keys import Form, forms, given_group, skeleton

VERSION = "names/1.0"
AUTO_ACCEPT = 0.9
"""Above this score, and clear of the runner-up by `MARGIN`, a match needs no person to check."""
MARGIN = 0.05


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


def _token_sim(q: str, c: str) -> tuple[float, str]:
    if q == c:
        return 1.0, "same spelling"
    gq, gc = given_group(q), given_group(c)
    if gq is not None and gq == gc:
        return 0.95, "variant of the same given name"
    sq, sc = skeleton(q), skeleton(c)
    if len(sq) >= 3 and sq == sc:
        return 0.9, "same sound in another spelling"
    sim = Levenshtein.normalized_similarity(q, c)
    return sim * 0.88, "similar spelling"


def score_forms(query: Form, cand: Form) -> tuple[float, list[str]]:
    """How well one spelling of the query matches one spelling of a person's name."""
    total = weight_sum = 0.0
    why: list[str] = []
    surname_hit = False
    for q in query.tokens:
        best, reason, best_c = 0.0, "", ""
        for c in cand.tokens:
            sim, r = _token_sim(q, c)
            if sim > best:
                best, reason, best_c = sim, r, c
        weight = 0.5 if given_group(q) is not None else 1.0
        total += best * weight
        weight_sum += weight
        if weight == 1.0 and best >= 0.85:
            surname_hit = True
        if best >= 0.85:
            why.append(f"{q} ~ {best_c}: {reason}")
    if not weight_sum:
        return 0.0, why
    score = total / weight_sum
    if len(cand.tokens) > len(query.tokens):
        score *= 0.93  # fewer names given than the person has
    if not surname_hit:
        score = min(score, 0.5)
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

    def match(
        self, query: str, limit: int = 5, decisions: Sequence[Decision] = ()
    ) -> list[Candidate]:
        """Candidates best first, each with a score from 0 to 1 and why it matched."""
        key = decision_key(query)
        ruled = {d.person_id: d for d in decisions if decision_key(d.name) == key}
        query_forms = forms(query)
        pool: set[str] = set()
        for qf in query_forms:
            for token in qf.tokens:
                if given_group(token) is None:
                    for k in _block_keys(token):
                        pool |= self.blocks.get(k, set())
        results: list[Candidate] = []
        for pid in pool:
            if pid not in self.names or (pid in ruled and ruled[pid].verdict == "not_same"):
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
        for pid, d in ruled.items():
            if d.verdict == "same" and pid in self.names:
                results = [r for r in results if r.person_id != pid]
                results.append(
                    Candidate(pid, self.names[pid], 1.0, (f"decided same by {d.by} on {d.at}",))
                )
        results.sort(key=lambda c: (-c.score, c.name))
        return results[:limit]


def _block_keys(token: str) -> list[str]:
    if len(token) < 3:
        return []
    sk = skeleton(token)
    return [f"t:{token}", f"s:{sk}"] if len(sk) >= 2 else [f"t:{token}"]


def auto_accept(candidates: Sequence[Candidate]) -> Candidate | None:
    """The candidate that may be taken without asking anyone, if there is one."""
    if not candidates or candidates[0].score < AUTO_ACCEPT:
        return None
    if len(candidates) > 1 and candidates[0].score - candidates[1].score < MARGIN:
        return None
    return candidates[0]
