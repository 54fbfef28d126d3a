"""The state an article is about when it never names one: the adjective of its people
("Saudi women's rights activist", "Tajik journalist") names it (`lang/en/words/demonyms.txt`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.lang.en.lexicon import DEMONYMS

#: The adjective of a state's people, lower case -> the state as the word list writes it.
_STATE_OF = {adjective: state for state, adjective in DEMONYMS.items()}
#: A state's bodies ("the French government"): a state that acts, maybe only as a go-between
#: ("secured the release of 12 aid workers"), not the one the article's people are of.
_BODIES = frozenset(w.lower() for w in EN.words("state_bodies"))


def by_adjective(doc: Any, start: int, gazetteer: Gazetteer) -> Counter[str]:
    """How often each state is named by its people's adjective (a capitalised word, or two)
    from `start` on, by the gazetteer's name for it; not where it names a state's body."""
    found: Counter[str] = Counter()
    tokens = [t for t in doc if t.idx >= start]
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isupper() or tok.head.lemma_.lower() in _BODIES:
            continue
        words = [tok.text.lower()]
        if i + 1 < len(tokens):
            words.insert(0, f"{tok.text} {tokens[i + 1].text}".lower())
        for w in words:
            state = _STATE_OF.get(w)
            entry = gazetteer.lookup(state) if state else None
            if entry is not None and entry.type == "country":
                found[entry.name] += 1
                break
    return found
