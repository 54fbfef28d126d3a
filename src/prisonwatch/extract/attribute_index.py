"""The model's attribute rules (spaCy's `attribute_ruler`: a tag's part of speech and
morphology, the lemmas of words kept whole) found by looking each token up instead of running
every rule over every token.

Nearly all of the ~200 rules of the English model test one token for equal values (a tag, a
lower-cased form and a tag, a spelling); spaCy's `Matcher` tries each of them on each token,
which cost about a tenth of the whole extraction. Those rules are put in dictionaries keyed by
the values they test; the few others (sets of values, patterns over two tokens, a regular
expression) stay in a `Matcher` of their own. The ruler gets the same matches (same ids, same
tokens) and applies them in its own order, so every token's annotation is the same as before
(`tests/extract/test_attribute_index.py` compares them on every shared article).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import product
from typing import Any

from spacy.attrs import DEP, IDS, IS_SPACE, LOWER, ORTH, TAG  # type: ignore[import-not-found]
from spacy.matcher import Matcher
from spacy.strings import get_string_id

#: Token attributes a rule may test by an equal string value (as spaCy's string hashes) and
#: those it may test by a flag (True or False).
_BY_STRING = frozenset({ORTH, LOWER, TAG, DEP})
_BY_FLAG = frozenset({IS_SPACE})
#: The `Matcher`'s set tests read here: a value in a list, a value not in a list.
_SET_OPERATORS = ("IN", "NOT_IN")


#: A rule a lookup finds: its match id, and the values some columns must not hold
#: (`NOT_IN`), as (column, excluded values).
_Found = tuple[int, tuple[tuple[int, frozenset[int]], ...]]


@dataclass(frozen=True)
class _Plan:
    """How to find the matches: the attribute columns read from the doc, for each set of
    looked-up attributes (column positions) the lookup from their values to the rules, and
    the rules left to a `Matcher`."""

    columns: list[int]
    lookups: list[tuple[tuple[int, ...], dict[tuple[int, ...], list[_Found]]]]
    rest: Any


def _values(attr: int, value: Any) -> frozenset[int] | None:
    """The ids of the values an attribute may equal, as the `Matcher` compares them."""
    if attr in _BY_FLAG:
        return frozenset({int(value)}) if isinstance(value, bool) else None
    if isinstance(value, str):
        return frozenset({get_string_id(value)})
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(get_string_id(v) for v in value)
    return None


def _single_token(
    patterns: list[list[dict[str, Any]]],
) -> tuple[dict[int, frozenset[int]], dict[int, frozenset[int]]] | None:
    """A rule's wanted values (attribute id: the values it may equal, to look up) and excluded
    values (attribute id: the values it must not hold), when it is one pattern of one token
    testing only `_BY_STRING` attributes (an equal value, `IN` or `NOT_IN` a list) or
    `_BY_FLAG` ones (True or False), with at least one value to look up; else None."""
    if len(patterns) != 1 or len(patterns[0]) != 1:
        return None
    wanted: dict[int, frozenset[int]] = {}
    excluded: dict[int, frozenset[int]] = {}
    for key, value in patterns[0][0].items():
        attr = IDS.get(key.upper()) if isinstance(key, str) else None
        if attr not in _BY_STRING | _BY_FLAG:
            return None
        if isinstance(value, dict) and attr in _BY_STRING and len(value) == 1:
            ((operator, listed),) = value.items()
            values = _values(attr, listed)
            if values is None or operator not in _SET_OPERATORS:
                return None
            (wanted if operator == _SET_OPERATORS[0] else excluded)[attr] = values
            continue
        values = _values(attr, value)
        if values is None:
            return None
        wanted[attr] = values
    return (wanted, excluded) if wanted else None


class IndexedMatcher:
    """Stands in for the `Matcher` of spaCy's `AttributeRuler`: the same matches for
    `__call__(doc, allow_missing=True)`, everything else passed to the matcher it wraps.

    `keys` names the matcher's rules (the ruler's are `"0"`, `"1"`, ... in the order they
    were added). The lookups are built on the first call after a rule is added or removed."""

    def __init__(self, matcher: Any, keys: Callable[[], list[str]]) -> None:
        self.matcher = matcher
        self._keys = keys
        self._plan: _Plan | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.matcher, name)

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key: object) -> bool:
        return key in self.matcher

    def add(self, key: str, patterns: Any, **kwargs: Any) -> None:
        self._plan = None
        self.matcher.add(key, patterns, **kwargs)

    def remove(self, key: str) -> None:
        self._plan = None
        self.matcher.remove(key)

    def _build(self, vocab: Any) -> _Plan:
        strings = vocab.strings
        rest = Matcher(vocab)
        rules: list[tuple[int, dict[int, frozenset[int]], dict[int, frozenset[int]]]] = []
        for key in self._keys():
            on_match, patterns = self.matcher.get(key)
            tests = _single_token(patterns) if on_match is None else None
            if tests is None:
                rest.add(key, patterns, on_match=on_match)
            else:
                rules.append((strings.add(key), *tests))
        columns = sorted({a for _, wanted, excluded in rules for a in (*wanted, *excluded)})
        by_attrs: dict[tuple[int, ...], dict[tuple[int, ...], list[_Found]]] = {}
        for match_id, wanted, excluded in rules:
            attrs = tuple(sorted(wanted))
            index = by_attrs.setdefault(tuple(columns.index(a) for a in attrs), {})
            filters = tuple((columns.index(a), v) for a, v in sorted(excluded.items()))
            for values in product(*(sorted(wanted[a]) for a in attrs)):
                index.setdefault(values, []).append((match_id, filters))
        return _Plan(columns, list(by_attrs.items()), rest)

    def __call__(
        self, doc: Any, *, allow_missing: bool = False, as_spans: bool = False, **kwargs: Any
    ) -> Any:
        if as_spans or kwargs or not allow_missing or not len(doc):
            return self.matcher(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        if self._plan is None:
            self._plan = self._build(doc.vocab)
        plan = self._plan
        found: list[tuple[int, int, int]] = (
            list(plan.rest(doc, allow_missing=True)) if len(plan.rest) else []
        )
        rows = doc.to_array(plan.columns).reshape(len(doc), len(plan.columns)).tolist()
        for i, row in enumerate(rows):
            for positions, index in plan.lookups:
                hits = index.get(tuple(row[j] for j in positions))
                if hits:
                    found.extend(
                        (match_id, i, i + 1)
                        for match_id, filters in hits
                        if not any(row[j] in not_in for j, not_in in filters)
                    )
        return found
