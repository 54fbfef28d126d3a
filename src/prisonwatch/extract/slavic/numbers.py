"""Counts of people as Russian and Belarusian write them.

"1 490" (a space or no-break space between thousands), "7-мю", number words in any case
("пятидесяти двух", "пяцідзесяці двух", "двое"), with the qualifier before them ("более",
"не менее", "звыш", "больш за") and the people noun after them ("политзаключенных",
"замежных грамадзян").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prisonwatch.extract.slavic.words import Lexicon, Token, ru_parse

_CASE_ENDING = re.compile(r"^(\d+)[-–]\w{1,3}$")  # "7-мю", "3-х", not "46-летний"
_DASHES = {"—", "–"}
_STOP = {",", ".", ":", ";", "!", "?", "(", ")", "—", "–", "«", "»", "„", "“", '"'}


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    qualifier: str
    population: str
    first: int  # index of the number's first token
    last: int  # index of the people noun
    start: int
    end: int
    action: str | None = None  # "один из помилованных": the action of the group it is one of
    part: bool = False  # "Из 52 освобожденных 40 ...": a part of the count before it


def _digits(token: Token) -> int | None:
    text = token.text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if text.isdigit():
        return int(text)
    m = _CASE_ENDING.match(text)
    return int(m.group(1)) if m else None


def number_at(lex: Lexicon, tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The number starting at token i and the index of its last token, or None."""
    value = _digits(tokens[i])
    if value is not None:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and (nxt.lemma in lex.w.THOUSAND or nxt.lower in lex.w.THOUSAND):
            return value * 1000, i + 1  # "40 тысяч человек"
        return value, i
    half = tokens[i].lower in lex.w.ONE_AND_A_HALF or tokens[i].lemma in lex.w.ONE_AND_A_HALF
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if half and nxt is not None and (nxt.lemma in lex.w.THOUSAND or nxt.lower in lex.w.THOUSAND):
        return 1500, i + 1  # "полутора тысяч", "паўтары тысячы"
    total, current, j = 0, 0, i
    while j < len(tokens):
        t = tokens[j]
        n = lex.w.NUMBERS.get(t.lemma if lex.code == "ru" else t.lower)
        if n is not None and (current == 0 or n < current % 1000 or current % 10 == 0):
            current += n
        elif t.lemma in lex.w.THOUSAND or t.lower in lex.w.THOUSAND:
            total += (current or 1) * 1000
            current = 0
        else:
            break
        j += 1
    if j == i:
        return None
    return total + current, j - 1


def _qualifier(lex: Lexicon, text: str, start: int) -> str:
    # an opening quotation mark or bracket is no part of the phrase ("„Звыш трохсот")
    before = " ".join(re.sub(r"[«„“\"(]", " ", text[max(0, start - 24) : start]).lower().split())
    for phrase, qualifier in lex.w.QUALIFIERS:
        if before.endswith(" " + phrase) or before == phrase:
            return str(qualifier)
    return "exact"


def _not_people(lex: Lexicon, t: Token) -> bool:
    """A noun that counts no people: a unit of `UNITS` ("лет", "гадоў", "дел") or, in
    Russian, any inanimate noun by the dictionary ("процентов", "колонии")."""
    if not t.is_word:
        return False
    if lex.has(t, lex.w.UNITS):
        return True
    if lex.code != "ru":
        return False
    tag = ru_parse(t.lower).tag
    return bool(tag.POS == "NOUN" and "inan" in tag)


def measures(lex: Lexicon, tokens: list[Token], k: int) -> bool:
    """Whether what follows a number at token k makes it a measure, not people: a unit ("трех
    лет") or a range to another number and its unit ("от трех до пяти лет", "ад трох да пяці
    гадоў")."""
    if k >= len(tokens):
        return False
    if _not_people(lex, tokens[k]):
        return True
    if tokens[k].lower in lex.w.RANGE_TO or tokens[k].text in _DASHES | {"-"}:
        other = number_at(lex, tokens, k + 1) if k + 1 < len(tokens) else None
        return other is not None and measures(lex, tokens, other[1] + 1)
    return False


def _animate(lex: Lexicon, t: Token) -> bool:
    """A noun of people the population table does not know: Russian by the dictionary (an
    animate noun), Belarusian by the suffixes that make nouns of persons (`PERSON_NOUN`:
    "медыйнікаў", "рэпарцёраў" aside, "-нік", "-іст", "-чык")."""
    if not t.is_word:
        return False
    if lex.code != "ru":
        month = lex.find(t, lex.w.MONTHS) is not None  # "15 кастрычніка": a day, not people
        return not month and bool(re.search(lex.w.PERSON_NOUN, t.lower))
    tag = ru_parse(t.lower).tag
    return bool(tag.POS == "NOUN" and "anim" in tag and "Name" not in tag and "Surn" not in tag)


def _population(lex: Lexicon, tokens: list[Token], j: int) -> tuple[str, int] | None:
    """The people noun within four words after a number, with the adjectives that shape it."""
    political = foreign = False
    for k in range(j, min(j + 5, len(tokens))):
        t = tokens[k]
        if t.text in _DASHES and k == j:
            continue  # "из которых 14 — иностранные граждане"
        if t.text in _STOP:
            return None
        if k == j and lex.find(t, lex.w.MONTHS) is not None:
            return None  # "на 1 снежня праваабаронцы": a day of the month, not people
        population = lex.find(t, lex.w.POPULATIONS)
        if population:
            country = tokens[k + 1].lower if k + 1 < len(tokens) else ""
            if population == "citizens" and country in lex.w.CITIZENS_OF:
                return f"{lex.w.CITIZENS_OF[country]}_citizens", k + 1
            if population == "prisoners" and political:
                population = "political_prisoners"
            if foreign and population in ("citizens", "political_prisoners", "prisoners"):
                population = "foreign_" + population
            return population, k
        if _not_people(lex, t):
            return None  # "к шести годам колонии журналиста": years, not journalists
        if _animate(lex, t):
            return str(lex.w.ANIMATE_POPULATION), k  # "двадцать два активиста"
        political = political or lex.has(t, lex.w.POLITICAL)
        foreign = foreign or lex.has(t, lex.w.FOREIGN)
        if _digits(t) is not None or (k > j and number_at(lex, tokens, k) is not None):
            return None  # another number: the noun is its own ("№3 освободили двух ...")
    return None


def _countries(lex: Lexicon, tokens: list[Token], j: int) -> list[int]:
    """Countries in the genitive listed right after a number (after a dash, if any)."""
    k = j + 1 if j < len(tokens) and tokens[j].text in ("—", "–", "-") else j
    out: list[int] = []
    while k < len(tokens) and tokens[k].lower in lex.w.CITIZENS_OF:
        out.append(k)
        nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
        if nxt == "," or nxt in lex.w.AND:
            k += 2
        else:
            break
    return out


def _acted(lex: Lexicon, t: Token | None) -> str | None:
    """The action of a participle standing for the people it was done to ("52 освобожденных",
    "52 вызваленых"), or None."""
    if t is None or not t.is_word or len(t.lower) <= 3:
        return None
    action = lex.find(t, lex.w.TRIGGERS)
    if action is None or lex.find(t, lex.w.POPULATIONS):
        return None
    if lex.code == "ru":
        tag = ru_parse(t.lower).tag
        return str(action) if tag.POS == "PRTF" and "plur" in tag else None
    return str(action) if re.search(lex.w.PARTICIPLE, t.lower) else None


def _part_after(lex: Lexicon, text: str, tokens: list[Token], i: int) -> Count | None:
    """The number at token i with the people noun that says what they are, a few words on
    ("40 являются политзаключенными", "40 з'яўляюцца палітвязнямі"; else "people")."""
    found = number_at(lex, tokens, i) if i < len(tokens) else None
    if found is None:
        return None
    value, last = found
    population, noun = "people", last
    for k in range(last + 1, min(last + 5, len(tokens))):
        if tokens[k].text in _STOP:
            break
        hit = lex.find(tokens[k], lex.w.POPULATIONS) if tokens[k].is_word else None
        if hit:
            population, noun = str(hit), k
            break
    q = _qualifier(lex, text, tokens[i].start)
    return Count(value, q, population, i, noun, tokens[i].start, tokens[last].end, part=True)


def _elided(lex: Lexicon, tokens: list[Token], i: int, last: int) -> bool:
    """A number that ends its clause after "еще"/"яшчэ" (and a qualifier): it counts the people
    of the count before it, whose noun the text does not repeat."""
    words = [t.lower for t in tokens[max(0, i - 4) : i] if t.is_word]
    nxt = tokens[last + 1].text if last + 1 < len(tokens) else "."
    return bool(set(words) & lex.w.STILL) and nxt in _STOP


def _collective(lex: Lexicon, t: Token) -> bool:
    """A collective numeral ("двое", "пятеро", "чацвёра"), which counts people by itself."""
    return t.is_word and (t.lemma in lex.w.COLLECTIVE or t.lower in lex.w.COLLECTIVE)


def singular_after(lex: Lexicon, tokens: list[Token], k: int) -> Count | None:
    """A people noun in the singular with no number, right at token k (after a subset cue:
    "в том числе гражданин Японии", "у тым ліку грамадзянін Японіі"): a count of one."""
    if k >= len(tokens) or not tokens[k].is_word or number_at(lex, tokens, k) is not None:
        return None
    pop = _population(lex, tokens, k)
    if pop is None or pop[1] > k + 1:
        return None
    noun = tokens[pop[1] - 1] if pop[0].endswith("_citizens") and pop[1] > k else tokens[pop[1]]
    if lex.code == "ru":
        single = ru_parse(noun.lower).tag.number == "sing"
    else:
        single = not re.search(lex.w.PLURAL_ENDINGS, noun.lower)
    if not single:
        return None  # "у тым ліку знакавыя асобы": people, not one
    return Count(1, "exact", pop[0], k, pop[1], tokens[k].start, tokens[pop[1]].end)


def counts(lex: Lexicon, text: str, tokens: list[Token]) -> list[Count]:
    """Every number of people in a sentence's tokens."""
    out: list[Count] = []
    i = 0
    while i < len(tokens):
        found = number_at(lex, tokens, i)
        if found is None:
            i += 1
            continue
        value, last = found
        if i > 0 and tokens[i - 1].lower in lex.w.NUMBER_SIGNS:
            i = last + 1  # "колонии №3": a number that names a place
            continue
        if i > 0 and tokens[i - 1].lower in lex.w.NEGATION:
            i = last + 1  # "Ни один из них не просил": nobody, no count
            continue
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        them = tokens[last + 2] if last + 2 < len(tokens) else None
        if after is not None and after.lower in lex.w.OF and them and them.lower in lex.w.OF_THEM:
            said = _population(lex, tokens, last + 3)  # "двое из них — граждане Латвии"
            population, k = said if said else ("people", last + 2)
            q = _qualifier(lex, text, tokens[i].start)
            out.append(Count(value, q, population, i, k, tokens[i].start, tokens[k].end, part=True))
            i = k + 1
            continue
        if after is not None and after.lower in lex.w.OF:  # "один из лидеров"
            group = tokens[last + 2] if last + 2 < len(tokens) else None
            action = lex.find(group, lex.w.TRIGGERS) if group and value == 1 else None
            if group is not None and action is not None:  # "Один из помилованных"
                q = "exact"
                out.append(Count(1, q, "people", i, last + 2, tokens[i].start, group.end, action))
            i = last + 2
            continue
        countries = _countries(lex, tokens, last + 1)
        if countries and value > 0:  # "по двое — Латвии, Польши и Германии", "один — Франции"
            q = _qualifier(lex, text, tokens[i].start)
            for k in countries:
                citizens = f"{lex.w.CITIZENS_OF[tokens[k].lower]}_citizens"
                out.append(Count(value, q, citizens, i, k, tokens[i].start, tokens[k].end))
            i = countries[-1] + 1
            continue
        act = _acted(lex, after)
        if after is not None and act is not None and value > 0:  # "Из 52 освобожденных"
            q = _qualifier(lex, text, tokens[i].start)
            said = _population(lex, tokens, last + 2)  # "12 освобожденных политзаключенных"
            population, end = (said[0], tokens[said[1]].end) if said else ("people", after.end)
            out.append(Count(value, q, population, i, last + 1, tokens[i].start, end, act))
            if said:
                i = said[1] + 1
                continue
            opened = i > 0 and tokens[i - 1].lower in lex.w.OF
            i = last + 2
            part = _part_after(lex, text, tokens, i) if opened else None
            if part is not None:  # "Из 52 освобожденных 40 являются политзаключенными"
                out.append(part)
                i = part.last + 1
            continue
        pop = _population(lex, tokens, last + 1)
        if pop is None and last == i and _collective(lex, tokens[i]):
            pop = ("people", i)  # "Двое вызвалены": a collective numeral counts people
        if pop is None and out and _elided(lex, tokens, i, last):
            pop = (out[-1].population, last)  # "230 политзаключенных, в 2025-м — еще около 400"
        if pop is not None and value > 0:
            population, noun = pop
            q = _qualifier(lex, text, tokens[i].start)
            out.append(Count(value, q, population, i, noun, tokens[i].start, tokens[noun].end))
            i = noun + 1
        else:
            i = last + 1
    return out
