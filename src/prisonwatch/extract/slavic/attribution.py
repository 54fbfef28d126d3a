"""Who a sentence's figures are attributed to, who did it, and what was quoted.

Sources: a say-verb with its speaker after it ("сообщает его пресс-служба", "пишет
Салідарнасць", "паведаміла ... Ціханоўская") or before it ("Правозащитники говорили",
"Литовское правительство сообщило"), "по данным X" / "паводле X", and the speaker of the
quotation the figure stands in. Quotes: « », „ “ and a dialogue dash line after a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prisonwatch.extract.slavic.names import Mention
from prisonwatch.extract.slavic.words import Lexicon, Token, alternation, both, ru_parse_all

_QUOTE = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»|„[^„“]*“|(?<![\w«])\"[^\"\n]{12,}\"", re.S)
_DASH_LINE = re.compile(r":[ \t]*\n+[ \t]*[—–-][ \t]*(\S[^\n]*)")
# a line of dialogue: "— Это не конец, — сказал Коул": the words up to the dash that
# opens the author's words
_DIALOGUE = re.compile(r"^[ \t]*[—–][ \t]+(\S[^\n]*?)[,!?…][ \t]+[—–][ \t]+(?=\w)", re.M)
_PASSIVE_SAY = ("ся", "цца", "ецца")
_RELATIVE: set[str] = both("RELATIVE")
_NOT_SUBJECT: set[str] = both("NOT_SUBJECT")
_THAT = alternation(both("THAT"))


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    via: str | None
    text: str
    start: int
    end: int


def _strip(name: str) -> str:
    return name.strip(' «»"„“')


def nominative_name(lex: Lexicon, name: str) -> str:
    """A name of up to three words after "по данным"/"паводле" (which take the genitive) or
    "стало известно" (the dative) in the nominative: "Вясны" -> "Вясна", "Мемориала" ->
    "Мемориал", "Новой газеты" -> "Новая газета", "Медиазоне" -> "Медиазона". Words that do not
    decline ("ОВД-Инфо") stay as written."""
    words = name.split()
    if not words or len(words) > 3 or not name[:1].isupper():
        return name
    return " ".join(_genitive_word(lex, w) for w in words)


def _genitive_word(lex: Lexicon, word: str) -> str:
    if any(c.isupper() for c in word[1:]):
        return word  # an abbreviation ("ОВД-Инфо", "БелаПАН") is written as it is
    if lex.code != "ru":
        return genitive_be(lex, word, capital=False)
    first = ru_parse_all(word.lower())[0]  # the likeliest reading, when it is oblique
    usable = {"NOUN", "ADJF"} & set(first.tag.grammemes) and "plur" not in first.tag
    oblique = {"gent", "datv", "ablt", "loct"} & set(first.tag.grammemes)
    p = first if usable and oblique else None  # "стало известно «Медиазоне»": a dative
    form = p.inflect({"nomn"}) if p is not None else None
    if form is None:
        known = first.tag.POS == "NOUN" and "nomn" in first.tag
        return word if known else genitive_be(lex, word, capital=False)  # "Вясны"
    return word[0] + str(form.word)[1:] if word[:1].isupper() else str(form.word)


_PHRASE_NAME = r"([А-ЯЁІЎA-Z]\w+)((?:\s+[а-яёіў]\w+){1,3})\s*,"


def _adjective(lex: Lexicon, lower: str) -> bool:
    """Whether a word is an adjective (the first word of a name such as "Беларуская асацыяцыя
    журналістаў"): Russian by the dictionary, Belarusian by `ADJECTIVE_ENDINGS`."""
    if lex.code == "ru":
        return bool(ru_parse_all(lower)[0].tag.POS == "ADJF")
    return bool(re.search(lex.w.ADJECTIVE_ENDINGS, lower))


def genitive_be(lex: Lexicon, word: str, capital: bool = True) -> str:
    """A Belarusian word of a name in the genitive brought to the nominative by the endings of
    `GENITIVE_ENDINGS` ("Вясны" -> "Вясна", "Белавіі" -> "Белавія"); other words unchanged."""
    if len(word) <= 3 or (capital and not word[:1].isupper()):
        return word
    for ending, nominative in lex.w.GENITIVE_ENDINGS:
        if word.endswith(ending):
            return word[: len(word) - len(ending)] + str(nominative)
    return word


def _said_by(
    lex: Lexicon, text: str, tokens: list[Token], i: int, people: list[Mention], main: str | None
) -> str | None:
    """The speaker of the say-verb at token i: a press service after it, the subject before it
    ("Литовское правительство сообщило", "Правозащитники говорили"), or the name after it
    ("пишет Салідарнасць", "паведаміла ... Святлана Ціханоўская")."""
    t = tokens[i]
    press = re.match(r"\s+(?:\w+\s+)?" + lex.w.PRESS_SERVICE, text[t.end : t.end + 40], re.I)
    if press:
        service = "пресс-служба" if lex.code == "ru" else "прэс-служба"
        return f"{service} {main}" if main else service
    named_after = re.match(r"[\s,]*(?:\w+\s+){0,2}«([^»]+)»", text[t.end : t.end + 60])
    if named_after:
        told = t.end + named_after.end()
        teller = next(  # "рассказала «Медиазоне» освобожденная в ноябре Елена Новикова"
            (
                p
                for p in people
                if p.type == "person"
                and 0 <= p.start - told <= 60
                and not re.search(r"[,.;:]", text[told : p.start])
            ),
            None,
        )
        if teller is not None:
            return _strip(teller.name)
        return named_after.group(1)  # "Как пишет, газета «Наша Нива»,"
    before = tokens[:i]
    quoted = re.search(r"«([^»]+)»", text[before[0].start : t.start]) if before else None
    # "Об этом «Медиазоне» рассказали их адвокаты": after "об этом" the name before the verb
    # is whom it was told to; the teller follows the verb
    told_to = bool(before) and before[0].lower in _NOT_SUBJECT
    if quoted and not told_to and len(before) <= 6 and not any(b.text in ",:—–" for b in before):
        return quoted.group(1)  # "Правозащитный центр «Вясна» сообщает"
    if any(b.lower in _RELATIVE for b in tokens[max(0, i - 2) : i]):
        first = [m for m in people if m.type == "person" and m.end <= t.start]
        if first:
            return first[0].name  # "Науседа созвал пресс-конференцию, на которой сообщил"
    if before and before[0].lower in _NOT_SUBJECT:
        before = []
    if before and len(before) <= 4 and not any(b.text in ",«»:—–" for b in before):
        for b in before:
            generic = lex.find(b, lex.w.GENERIC_SOURCES)
            if generic:
                return str(generic)
        named = [m for m in people if m.start >= before[0].start and m.end <= t.start]
        if named:
            return named[-1].name
        if before[0].text[:1].isupper():
            return text[before[0].start : before[-1].end]
    for b in tokens[i + 1 : i + 3]:
        generic = lex.find(b, lex.w.GENERIC_SOURCES) if b.is_word else None
        # (but "сообщил адвокат Иван Петров": the person the noun introduces)
        if generic and not any(0 <= p.start - b.end <= 2 for p in people):
            return str(generic)  # "подсчитали правозащитники", "рассказали их адвокаты"
    phrase = re.match(r"\s+" + _PHRASE_NAME, text[t.end : t.end + 60])
    if phrase and _adjective(lex, phrase.group(1).lower()):
        return phrase.group(1) + phrase.group(2)  # "паведамляе Беларуская асацыяцыя журналістаў,"
    for n, m in enumerate(people):
        gap = text[t.end : m.start]
        if 0 <= m.start - t.end <= 60 and not re.search(rf",|\b(?:{_THAT})\b", gap):
            said = next(  # "сказала Нашай Ніве праваабаронца Наста Лойка": the outlet told
                (
                    p
                    for p in people[n + 1 :]
                    if p.type == "person"
                    and m.type == "organization"
                    and 0 <= p.start - m.end <= 40
                    and not re.search(r"[,.;:]", text[m.end : p.start])
                ),
                m,
            )
            return _strip(said.name)
    if i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
        return _strip(tokens[i + 1].text)
    return None


def source_of(
    lex: Lexicon,
    text: str,
    tokens: list[Token],
    people: list[Mention],
    main_person: str | None,
    earlier: str | None = None,
) -> str | None:
    """Who the sentence says the figures come from, or None. `earlier`: the person named last
    before this sentence, whom "по его словам" / "паводле ягоных словаў" points back to."""
    for i, t in enumerate(tokens):
        if not (t.is_word and lex.has(t, lex.w.SAY_VERBS)) or t.lower.endswith(_PASSIVE_SAY):
            continue
        found = _said_by(lex, text, tokens, i, people, main_person)
        if found:
            return found
    sentence = text[tokens[0].start : tokens[-1].end] if tokens else ""
    # "ОВД-Инфо: в ноябре задержали ...": a name opening the sentence, a colon, its news (not
    # a quotation after the colon)
    ahead = [m for m in people if tokens and m.start <= tokens[0].start + 1]
    if ahead and re.match(r"[»\"“]?:\s+(?![«„\"—–-])", text[ahead[0].end : ahead[0].end + 4]):
        return _strip(ahead[0].name)
    for pattern in lex.w.ACCORDING:
        m = re.search(pattern + r"\s+", sentence, re.I)
        if m:
            pos = tokens[0].start + m.end()
            pronoun = re.match(r"\w+", text[pos : pos + 12])
            if earlier and pronoun and pronoun.group().lower() in lex.w.HIS:
                return earlier  # "По его словам, ..."
            hit = [p for p in people if abs(p.start - pos) <= 25 or p.start < pos < p.end]
            if hit:
                # a model's span may take in the attributing word ("Паводле Вясны")
                name = text[pos : hit[0].end] if hit[0].start < pos else hit[0].name
                head, quote, rest = _strip(name).partition("«")
                if quote and head.strip():  # "Союза «За свободу политзаключенных ...»"
                    return f"{nominative_name(lex, head.strip())} {_strip(rest)}"
                return nominative_name(lex, _strip(name))
            q = re.match(r"(?:\w+\s+){0,3}«([^»]+)»", text[pos : pos + 60])
            if q:  # "по информации «Новой газеты»", "паводле звестак «Вясны»"
                return nominative_name(lex, q.group(1))
            for w in lex.tokens(text, pos, min(pos + 60, tokens[-1].end))[:4]:
                generic = lex.find(w, lex.w.GENERIC_SOURCES)
                if generic:
                    return str(generic)  # "паводле ацэнак праваабаронцаў"
            phrase = re.match(_PHRASE_NAME, text[pos : pos + 60])
            if phrase and _adjective(lex, phrase.group(1).lower()):
                return phrase.group(1) + phrase.group(2)  # "паведамляе Беларуская асацыяцыя ..."
            bare = re.match(r"([А-ЯЁІЎA-Z]\w+)", text[pos : pos + 40])
            if bare:
                return nominative_name(lex, bare.group(1))  # "паводле Вясны"
    listed = re.search(lex.w.ORG_LIST, sentence)  # "у спісе Вясны", "в списке «Мемориала»"
    if listed:
        pos = tokens[0].start + listed.end()
        named = re.match(r"«([^»]+)»|([А-ЯЁІЎA-Z][\w-]+)", text[pos : pos + 60])
        if named:
            return nominative_name(lex, named.group(1) or named.group(2))
    return None


def quotes(
    lex: Lexicon, text: str, body: int, people: list[Mention], default: str | None
) -> list[Quote]:
    """Quoted words (inside the marks) with their speakers: the person named before a colon or
    a say-verb on the quotation's line, or after it with a dash ("», — сказала жена
    Светлана"), else the speaker the title names ("каментуе X"). Short quoted words nobody
    is said to have said (a channel's name, «хатняя хімія») are no quotations."""
    out: list[Quote] = []
    spans = [(m.start() + 1, m.end() - 1) for m in _QUOTE.finditer(text, body)]
    dashed = [(m.start(1), m.end(1)) for m in _DASH_LINE.finditer(text, body)]
    spans += [(m.start(1), m.end(1)) for m in _DIALOGUE.finditer(text, body)]
    persons = [m for m in people if m.type == "person"]
    for s, e in sorted(spans + dashed):
        inner = text[s:e]
        if (s, e) in dashed:  # the speaker is named on the line that ends with the colon
            line = text.rfind("\n", 0, text.rfind(":", 0, s)) + 1
            said = [m for m in persons if line <= m.start < s]
            if said:
                out.append(Quote(said[0].name, None, inner, s, e))
                continue
        after = [
            m
            for m in persons
            if 0 <= m.start - e <= 40 and re.match(r"[\s,.!?]*[—–-]", text[e + 1 : m.start])
        ]
        if not after:  # "», — рассказала «Медиазоне» освобожденная в ноябре Елена Новикова"
            after = [
                m
                for m in persons
                if 0 <= m.start - e <= 120
                and re.match(r"[\s,.!?]*[—–-]", text[e + 1 : m.start])
                and not re.search(r"[.!?;:]\s", text[e + 3 : m.start])
                and any(
                    t.is_word and lex.has(t, lex.w.SAY_VERBS) for t in lex.tokens(text, e, m.start)
                )
            ][:1]
        line_start = text.rfind("\n", 0, s) + 1
        before = [m for m in persons if line_start <= m.start < s and s - m.end <= 120]
        between = text[before[-1].end : s] if before else ""
        said_before = ":" in between or any(
            t.is_word and lex.has(t, lex.w.SAY_VERBS) for t in lex.tokens(between)
        )
        named = after or (before[-1:] if said_before else [])
        short = len(inner.split()) < 4
        a_name = all(w[:1].isupper() or w[:1].isdigit() for w in inner.split())
        if short and (not named or a_name):
            continue  # «Вясна», «Наша Ніва»: a name in quotation marks, not a quotation
        if not named and re.search(r"[А-ЯЁІЎA-Z]\w+\s+$", text[max(0, s - 40) : s - 1]):
            continue  # "Союза «За свободу политзаключенных Азербайджана»": a body's name
        speaker = named[0].name if named else default
        out.append(Quote(speaker, None, inner, s, e))
    return out


def title_speaker(lex: Lexicon, title: str | None, people: list[Mention]) -> str | None:
    """The speaker a title names ("... – каментуе Вольга Зазулінская")."""
    if not title:
        return None
    m = re.search(rf"(?:{alternation(both('TITLE_SAYS'))})\s+(.+)$", title)
    if not m:
        return None
    said = m.group(1).strip()
    for p in people:
        if p.type == "person" and p.text in said:
            return p.name
    return said
