"""People named as those something happened to, without a number: each is a count of one.

"Сергей Тихановский ... был освобожден" (the subject of a passive), "Лукашенко помиловал
журналиста ... Игоря Лосика" (the object of an active verb; the role noun between gives the
population, the subject is the agent), "Игоря Лосика, приговоренного к ..." (a participle after
a name), "Статкевича снова отправили в колонию" (a phrase with the person before it), and
"вызваленых сёння палітвязняў, за ... Алеся Бяляцкага, ..." (people listed after a participle
and a people noun). A named release after a larger release is part of it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from prisonwatch.extract.slavic.drafts import Draft, Sentence
from prisonwatch.extract.slavic.names import Mention
from prisonwatch.extract.slavic.words import Lexicon, Token, alternation, both, ru_parse

if TYPE_CHECKING:
    from prisonwatch.extract.slavic.claims import ClaimReader, Trigger

_ACTIONS = (
    "released", "returned_to_custody", "sentenced", "detained", "deported", "designated",
    "died_in_custody", "held", "demanded",
)  # fmt: skip
_PASSIVE = re.compile(rf"\b(?:{both('PASSIVE_AUX')})\b")
_RELATIVE_OBJECT = re.compile(rf"\s*,\s*(?:{alternation(both('RELATIVE_OBJECT'))})\s+")
_RELATIVE = re.compile(rf"\s*,\s*(?:{alternation(both('RELATIVE'))})\s+")
_JOIN = re.compile(rf"\s*(?:,|{alternation(both('AND'))})\s*(?:\w+\s+){{0,4}}")


def _noun(lex: Lexicon, lower: str) -> bool:
    if lex.code == "ru":
        return bool(ru_parse(lower).tag.POS == "NOUN")
    return bool(re.search(lex.w.VERBAL_NOUN, lower))


def _listed(text: str, persons: list[Mention], first: int) -> list[str]:
    """The person at index `first` and those listed after it (", ", " и ", with up to four
    describing words before each: "праваабаронцаў Валянціна Стэфановіча і Ўлада Лабковіча")."""
    out = [persons[first].name]
    for a, b in zip(persons[first:], persons[first + 1 :], strict=False):
        if not _JOIN.fullmatch(text[a.end : b.start]):
            break
        out.append(b.name)
    return list(dict.fromkeys(out))


def _passive_of(lex: Lexicon, text: str, end: int, pos: int, word: Token | None) -> bool:
    """Whether the person ending at `end` is the subject of the passive at `pos`: nothing but
    an auxiliary or a few adverbs between ("Тихановский был освобожден", "Бяляцкі ўжо
    вызвалены"), and the trigger a short passive participle (Russian) or a participle."""
    gap = text[end:pos]
    if any(c in gap for c in ",;:—–()«»") or len(gap.split()) > 3 or word is None:
        return False
    if lex.code == "ru":
        return bool(ru_parse(word.lower).tag.POS == "PRTS")
    return bool(re.search(lex.w.PARTICIPLE, word.lower))


def _object_before(text: str, m: Mention, pos: int) -> bool:
    """Whether the person just before an active trigger is its object: named in an oblique
    case (what the text prints is not the nominative: "Виктора Бабарико освободили") with
    nothing but an adverb between."""
    gap = text[m.end : pos]
    words = m.text.split()
    oblique = words != m.name.split()[-len(words) :]
    return oblique and not re.search(r"[,;:—–()«»]", gap) and len(gap.split()) <= 2


def _describes(lex: Lexicon, text: str, word: Token | None, m: Mention) -> bool:
    """Whether a singular participle stands before the person it describes, with at most a
    time between ("Освобожденного в четверг Николая Статкевича", "Вызваленага ў чацвер ...")."""
    if (
        word is None
        or m.start - word.end > 30
        or re.search(r"[,;:—–()«»]", text[word.end : m.start])
    ):
        return False
    if lex.code == "ru":
        return bool(ru_parse(word.lower).tag.number == "sing")
    return bool(re.search(lex.w.SINGULAR_PARTICIPLE, word.lower))


def _quoted_between(text: str, start: int, end: int) -> bool:
    """Whether a quotation that is open at `start` closes before `end` (a trigger inside it, a
    name after it), unlike a quoted name in between ("канала «Беларусь головного мозга»")."""
    between = text[start:end]
    return between.count("»") > between.count("«") or between.count("“") > between.count("„")


def _intransitive(lex: Lexicon, word: Token | None, action: str) -> bool:
    """Whether the trigger tells what happened to its subject ("умер", "вышел на свободу",
    "остается в СИЗО") rather than what someone did to another ("помиловал"): a death, a
    state, a phrase, or (Russian) a
    verb the dictionary calls intransitive."""
    if action in ("died_in_custody", "held") or word is None:
        return True
    if lex.find(word, lex.w.TRIGGERS) is None:
        return True  # a phrase ("вышел на свободу")
    return lex.code == "ru" and "intr" in ru_parse(word.lower).tag


def done_by_subject(lex: Lexicon, word: Token | None, action: str) -> bool:
    """Whether the trigger is an active verb in the singular that acts on another ("Лукашенко
    помиловал", "Лукашэнка памілаваў"): its subject did it, no one it befell is named. A
    plural ("Статкевича освободили") has no subject named: the name before it is its object."""
    if word is None or _intransitive(lex, word, action):
        return False
    if lex.code == "ru":
        tag = ru_parse(word.lower).tag
        return tag.POS == "VERB" and "sing" in tag and "tran" in tag
    return bool(re.search(lex.w.ACTIVE_SINGULAR, word.lower))


_NOUN_GAP = re.compile(r"[\w\s-]*")


def _of_act(
    reader: ClaimReader, s: Sentence, noun: Token, persons: list[Mention]
) -> tuple[list[str], str | None, str] | None:
    """The act's noun with whom it befell after it, in the genitive ("подтвердили освобождение
    активистки Марии Колесниковой и ... Алеся Беляцкого", "вызваленне Мікалая Статкевіча"): a
    person written in an oblique case within a few words, no punctuation and no verb between.
    Otherwise no one ("Освобождение ... прокомментировал X", "сказал после освобождения
    Николай X": X is no one freed)."""
    from prisonwatch.extract.slavic.claims import has_verb

    text, lex = reader.text, reader.lex
    after = [i for i, m in enumerate(persons) if m.start >= noun.end]
    if not after:
        return None
    gap = text[noun.end : persons[after[0]].start]
    if not _NOUN_GAP.fullmatch(gap) or len(gap.split()) > 4:
        return None
    if has_verb(lex, lex.tokens(text, noun.end, persons[after[0]].start)):
        return None
    if " ".join(persons[after[0]].text.split()) == persons[after[0]].name:
        return None  # in the nominative: the subject ("сказал после освобождения Николай X")
    words = lex.tokens(text, noun.end, persons[after[0]].start)
    pops = [p for t in words if t.is_word and (p := lex.find(t, lex.w.POPULATIONS))]
    return _listed(text, persons, after[0]), None, str(pops[0]) if pops else "people"


def _chain_ending(text: str, persons: list[Mention], last: int) -> list[str]:
    """The people listed up to and including the one at index `last` ("Иван Петров и Анна
    Смирнова были освобождены")."""
    first = last
    while first > 0 and _JOIN.fullmatch(text[persons[first - 1].end : persons[first].start]):
        first -= 1
    return list(dict.fromkeys(m.name for m in persons[first : last + 1]))


def _one(
    reader: ClaimReader, s: Sentence, trig: Trigger, persons: list[Mention]
) -> tuple[list[str], str | None, str] | None:
    """(names, agent, population) for one trigger, or None."""
    text, lex = reader.text, reader.lex
    pos, action, is_participle = trig
    word = lex.tokens(text, pos, pos + 40)[:1]
    if action == "held" and not (
        word
        and lex.find(word[0], lex.w.TRIGGERS) == "held"
        and any(t.is_word and lex.has(t, lex.w.CUSTODY) for t in s.tokens)
    ):
        return None  # "остается в СИЗО" is held; "находится в Минске", "провел в заключении" not
    if word and _noun(lex, word[0].lower):
        return _of_act(reader, s, word[0], persons)
    before = [m for m in persons if m.end <= pos]
    after = [i for i, m in enumerate(persons) if m.start > pos]
    if before and _passive_of(lex, text, before[-1].end, pos, word[0] if word else None):
        return _chain_ending(text, persons, persons.index(before[-1])), None, "people"
    if is_participle:
        if before and re.fullmatch(r"\s*,\s*", text[before[-1].end : pos]):
            return [before[-1].name], None, "people"  # "Игоря Лосика, приговоренного"
    elif (
        before
        and _RELATIVE.fullmatch(text[before[-1].end : pos])
        and _intransitive(lex, word[0] if word else None, action)
    ):
        return [before[-1].name], None, "people"  # "Рыгора Кавальчука, які выйшаў на волю"
    elif (
        before
        and action not in ("held", "demanded")
        and _RELATIVE_OBJECT.fullmatch(text[before[-1].end : pos])
    ):
        return [before[-1].name], None, "people"  # "Ірына Кавалеўская, якую памілавалі"
    if is_participle:
        tail = lex.tokens(text, pos, persons[after[0]].start) if after else []
        # "вышедший на прошлой неделе политзаключенный X": a time phrase before the role noun
        pops = [p for t in tail[1:6] if t.is_word and (p := lex.find(t, lex.w.POPULATIONS))]
        if after and pops:
            return _listed(text, persons, after[0]), None, str(pops[0])
        if after and _describes(lex, text, word[0] if word else None, persons[after[0]]):
            return _listed(text, persons, after[0]), None, "people"  # "Освобожденного ... X"
        return None
    if after and _quoted_between(text, pos, persons[after[0]].start):
        return None  # "«Нас вывезли ...», — рассказала X": X said it, nobody did it to X
    if before and not after and _object_before(text, before[-1], pos):
        return _chain_ending(text, persons, persons.index(before[-1])), None, "people"
    subject = [m for m in before if m.start - s.start < 3]
    if subject and (
        _PASSIVE.search(text[subject[0].end : pos])
        or (not after and not done_by_subject(lex, word[0] if word else None, action))
    ):
        return [subject[0].name], None, "people"
    if before and not after and _intransitive(lex, word[0] if word else None, action):
        gap = text[before[-1].end : pos]  # "Политзаключенный Игорь Ильяш умер"
        if not any(c in gap for c in ",;:—–()«»") and len(gap.split()) <= 2:
            return _chain_ending(text, persons, persons.index(before[-1])), None, "people"
    words = lex.tokens(text, pos, persons[after[0]].start)[1:] if after else []
    if after and persons[after[0]].start - pos < 120:
        pops = [p for t in words if t.is_word and (p := lex.find(t, lex.w.POPULATIONS))]
        agent = before[-1].name if before and "," not in text[before[-1].end : pos] else None
        return _listed(text, persons, after[0]), agent, str(pops[0]) if pops else "people"
    if before and pos - before[-1].end < 40 and action == "returned_to_custody":
        return [before[-1].name], None, "people"  # "Статкевича снова отправили в колонию"
    return None


def by_pronoun(
    reader: ClaimReader, s: Sentence, trig: list[Trigger], person: Mention
) -> list[Draft]:
    """ "Через несколько часов его вернули в колонию": a pronoun object ("его", "яго") next to
    a trigger in a sentence that names no one is the person who opened the sentence before."""
    lex = reader.lex
    for pos, action, _ in trig:
        if action not in _ACTIONS or action in ("held", "demanded"):
            continue
        near = [t for t in s.tokens if abs(t.start - pos) <= 12 and t.start != pos]
        if any(t.lower in lex.w.HIM_HER for t in near):
            d = reader._new(None, s, action, count=1)
            d.persons, d.trigger, d.rule = [person.name], pos, "named"
            return [d]
    return []


def _coordinated(
    reader: ClaimReader, s: Sentence, first: Trigger, second: Trigger, persons: list[Mention]
) -> bool:
    """Whether the trigger `second` is a second predicate of the same unnamed subject as
    `first`, acting on the same person ("Блогера Игоря Данилова задержали в мае и позже
    приговорили", "затрымалі ў красавіку, а пазней вызвалілі"): joined to it by "и"/"і" or a
    comma and "а", with only words of `LATER` after the joining word, no one named and no
    other clause between, and the second verb not an act done by a subject of its own ("а
    суд приговорил", "а его брата приговорили": someone else's act or someone else)."""
    text, lex = reader.text, reader.lex
    if any(first[0] < m.start < second[0] for m in persons):
        return False
    between = lex.tokens(text, first[0], second[0])[1:]
    joins = [i for i, t in enumerate(between) if t.lower in lex.w.AND or t.lower in lex.w.CONTRAST]
    if not joins:
        return False
    j = joins[-1]
    before, after = between[:j], between[j + 1 :]
    if any(_breaks_clause(lex, t) for t in before[:-1]) or (
        before and _breaks_clause(lex, before[-1]) and before[-1].text != ","
    ):
        return False
    if between[j].lower in lex.w.CONTRAST and not (before and before[-1].text == ","):
        return False  # "а" joins predicates only after a comma
    if any(not (t.is_word and t.lower in lex.w.LATER) for t in after):
        return False
    word = lex.tokens(text, second[0], second[0] + 40)[:1]
    if not word or _noun(lex, word[0].lower) or second[2]:
        return False  # a noun or a participle of the act: not a predicate
    return not done_by_subject(lex, word[0], second[1])


def _breaks_clause(lex: Lexicon, t: Token) -> bool:
    from prisonwatch.extract.slavic.claims import _breaks

    return _breaks(lex, t)


def named(reader: ClaimReader, s: Sentence, trig: list[Trigger]) -> list[Draft]:
    persons = [m for m in s.people if m.type == "person"]
    made: list[Draft] = []
    told: set[tuple[str, tuple[str, ...]]] = set()
    last: tuple[Trigger, tuple[list[str], str | None, str]] | None = None
    for t in trig:
        if t[1] not in _ACTIONS:
            continue
        found = _one(reader, s, t, persons)
        if (
            found is None
            and last is not None
            and last[1][1] is None
            and t[1] not in ("held", "demanded")
            and _coordinated(reader, s, last[0], t, persons)
        ):
            found = last[1]  # the same people, a second act told of them
        if found is None:
            continue
        last = (t, found)
        names, agent, population = found
        key = (t[1], tuple(names))
        if key in told or (agent is not None and agent in names):
            continue
        told.add(key)
        whole = next(
            (
                d
                for d in reversed(reader.drafts)
                if d.part_of is None and d.action == t[1] == "released" and d.count > len(names)
            ),
            None,
        )
        d = reader._new(None, s, t[1], count=len(names), agent=agent, part_of=whole)
        d.persons, d.population, d.trigger, d.rule = names, population, t[0], "named"
        made.append(d)
    return made
