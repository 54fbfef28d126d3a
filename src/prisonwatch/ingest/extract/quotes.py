"""Quotations, with who said them and which outlet relayed them.

"State news agency Belta quoted Lukashenko as saying: ..." gives speaker Alexander Lukashenko
via Belta; "..., Lukashenko said." and "Lukashenko said: ..." give the speaker; "He added: ..."
continues the previous speaker; a word in scare quotes ("hostages") is attributed to whoever
"called" it so.
"""

from __future__ import annotations

import re

from prisonwatch.ingest.extract.context import Article, Quote
from prisonwatch.ingest.extract.entities import Mention

VERSION = "quotes/1.0"

_PAIRS = [("“", "”"), ("„", "“"), ("«", "»"), ("“", "“")]
_SAY = (
    r"(?:said|says|say|added|adds|wrote|writes|stated|states|told|tells|tweeted|posted|noted|notes|"
    r"declared|announced|stressed|emphasi[sz]ed|insisted|argued|warned|explained|replied|asked|"
    r"continued|called|calls|described|quipped|recalled|confirmed|commented|accuses|accused|"
    r"saying)"
)
_AFTER = re.compile(
    rf"^[\s,]*(?:(?P<who>[^,.;\"“”]{{1,60}}?)\s+{_SAY}\b|{_SAY}\s+(?P<who2>[^,.;\"“”]{{1,60}}))",
    re.I,
)
_QUOTED_AS = re.compile(r"quoted\s+(?P<who>[^,.;\"“”]{1,60}?)\s+as\s+say(?:ing|s)", re.I)
_QUOTED_BY = re.compile(r"quoted by\s+(?:the\s+)?(?P<via>[^,.;\"“”]{1,60})", re.I)
_PRONOUN = re.compile(r"\b(?:he|she|they)\s+" + _SAY + r"\b", re.I)


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for open_, close in _PAIRS:
        for m in re.finditer(
            re.escape(open_)
            + r"([^"
            + re.escape(open_ + close + "“”")
            + r"]{1,1500}?)"
            + re.escape(close),
            text,
        ):
            spans.append((m.start(1), m.end(1)))
    for m in re.finditer(r'(?<![\w"])"([^"\n]{1,1500}?)"(?!\w)', text):
        spans.append((m.start(1), m.end(1)))
    for m in re.finditer(
        r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘]([A-Za-z][^'‘\n]{0,400}?[^\s])['’](?=[\s,.;:!?)\]]|$)",
        text,
        re.M,
    ):
        spans.append((m.start(1), m.end(1)))
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            continue
        if not text[s:e].strip():
            continue
        out.append((s, e))
    return out


def _adjective(m: Mention) -> bool:
    """ "Belarusian" in "the exiled Belarusian opposition" names no speaker."""
    return m.type == "country" and m.text != m.name and bool(re.search(r"(?:ian|ese|ish)$", m.text))


def _mention_in(article: Article, start: int, end: int, last: bool = True) -> Mention | None:
    found = [
        m
        for m in article.mentions_in(start, end, ("person", "organization", "country"))
        if not _adjective(m)
    ]
    if not found:
        return None
    return found[-1] if last else found[0]


def _head_mention(article: Article, start: int, end: int) -> Mention | None:
    """In "said Trump's deputy envoy John Cole", the speaker is Cole, not Trump."""
    for m in article.mentions_in(start, end, ("person", "organization", "country")):
        if _adjective(m) or re.match(r"['’]s\b", article.text[m.end : m.end + 2]):
            continue
        return m
    return None


def _named_at_end(phrase: str) -> str | None:
    """The name closing a described speaker ("presidential representative Natallia Eismant")."""
    m = re.search(r"(?<!^)\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})$", phrase)
    return m.group(1) if m else None


def _person_before(article: Article, pos: int) -> str | None:
    """The last person named before `pos` outside quotes, for "she said"."""
    for m in reversed(article.mentions_in(max(0, pos - 400), pos, ("person",))):
        if not any(q.start <= m.start < q.end for q in article.quotes):
            return m.name
    return None


def find_quotes(article: Article) -> list[Quote]:
    text = article.text
    quotes: list[Quote] = []
    last_speaker: str | None = None
    for s, e in _spans(text):
        close_end = e + 1
        sent = article.sentences[article.sentence_of(s - 1 if s else 0)]
        before_start = sent[0]
        before = text[before_start : max(before_start, s - 1)]
        speaker: str | None = None
        via: str | None = None
        m_as = _QUOTED_AS.search(before)
        if m_as:
            who = _mention_in(
                article, before_start + m_as.start("who"), before_start + m_as.end("who")
            )
            src = _mention_in(article, before_start, before_start + m_as.start())
            speaker = who.name if who else m_as.group("who").strip()
            via = src.name if src else None
        if speaker is None:
            after = text[close_end : close_end + 120].split("\n", 1)[0]
            ended = text[s:e].rstrip().endswith((".", "!", "?", "…"))
            new_sentence = ended and after.strip()[:1].isupper()
            m_after = None if new_sentence else _AFTER.match(after)
            if m_after:
                g = "who" if m_after.group("who") else "who2"
                a, b = close_end + m_after.start(g), close_end + m_after.end(g)
                who = _head_mention(article, a, b)
                word = m_after.group(g).strip().lower()
                if who:
                    speaker = who.name
                elif word in ("he", "she", "they"):
                    speaker = last_speaker or _person_before(article, s)
                elif 1 < len(word.split()) <= 5 and word[:1].islower():
                    speaker = re.sub(r"^(?:the|a|an)\s+", "", m_after.group(g).strip())
                m_by = _QUOTED_BY.search(text, close_end, close_end + 120)
                if m_by:
                    by = _mention_in(article, m_by.start("via"), m_by.end("via"))
                    via = by.name if by else None
        if speaker is None:
            says = list(re.finditer(r"\b" + _SAY + r"\b", before, re.I))
            m_say = says[-1] if says else None
            if m_say is not None:
                m_by = _QUOTED_BY.search(before)
                cut = m_by.start() if m_by else m_say.start()
                who = _mention_in(article, before_start, before_start + cut)
                if who:
                    speaker = who.name
                elif _PRONOUN.search(before):
                    speaker = last_speaker or _person_before(article, s)
                else:
                    phrase = re.sub(
                        r"^(?:the|a|an)\s+", "", before[: m_say.start()].strip(), flags=re.I
                    )
                    if 0 < len(phrase.split()) <= 6 and not re.search(r"[,;:]", phrase):
                        speaker = _named_at_end(phrase) or phrase
                if m_by:
                    by = _mention_in(
                        article, before_start + m_by.start("via"), before_start + m_by.end("via")
                    )
                    via = by.name if by else None
            elif before.strip().endswith(":") or not before.strip():
                speaker = last_speaker if not before.strip() else None
        if speaker is not None:
            last_speaker = speaker
        quotes.append(Quote(s, e, text[s:e], speaker, via))
    return quotes
