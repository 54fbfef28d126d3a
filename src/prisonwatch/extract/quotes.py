"""Quotations, with who said them and which outlet relayed them.

"State news agency Belta quoted Lukashenko as saying: ..." gives speaker Alexander Lukashenko
via Belta; "..., Lukashenko said." and "Lukashenko said: ..." give the speaker; "He added: ..."
continues the previous speaker; a word in scare quotes ("hostages") is attributed to whoever
"called" it so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from prisonwatch.extract.context import Article, Quote
from prisonwatch.extract.entities import Mention
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.lang.en import lexicon as lx

VERSION = "quotes/1.1"

_PAIRS = [("“", "”"), ("„", "“"), ("«", "»"), ("“", "“")]
_SAY = EN.alternation("say_verbs", "quote_verbs")
_AFTER = lx.QUOTE_AFTER
_QUOTED_AS = lx.QUOTE_QUOTED_AS
_DOCUMENT_SAYS = lx.QUOTE_DOCUMENT_SAYS
_ACCORDING = lx.QUOTE_ACCORDING
_ACCORDING_LEAD = lx.QUOTE_ACCORDING_LEAD
_DESCRIBED = lx.QUOTE_DESCRIBED
_TITLE_BEFORE = lx.QUOTE_TITLE_BEFORE
_NOT_SPEECH = lx.QUOTE_NOT_SPEECH
_SHORTEST_UNATTRIBUTED = lx.QUOTE_SHORTEST_UNATTRIBUTED
_QUOTED_BY = lx.QUOTE_QUOTED_BY
_PRONOUN = lx.QUOTE_PRONOUN


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
    # a line break inside is a hard wrap, unless the next line opens a new quotation
    for m in re.finditer(r'(?<![\w"])"((?:[^"\n]|\n(?![\s"“])){1,1500}?)"(?!\w)', text):
        spans.append((m.start(1), m.end(1)))
    for m in re.finditer(
        r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘]([A-Za-z][^'‘\n]{0,400}?[^\s])['’](?=[\s,.;:!?)\]]|$)",
        text,
        re.M,
    ):
        spans.append((m.start(1), m.end(1)))
    spans.extend(_unclosed(text, spans))
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            continue
        if not text[s:e].strip():
            continue
        out.append((s, e))
    return out


def _unclosed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quotation whose paragraph ends before it closes runs to the end of that paragraph:
    English leaves the closing mark off a quotation that goes on in the next paragraph, and a
    cut-off article stops inside one."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[“«]|(?:(?<=^)|(?<=\n))\s*\"", text):
        start = m.end()
        if any(s - 1 <= m.end() - 1 <= e for s, e in spans):
            continue
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[start:line_end]
        if re.search(r"[”»\"]", rest) or len(rest.strip()) < 20:
            continue
        end = start + len(rest.rstrip())
        out.append((start, end))
    return out


def _adjective(m: Mention) -> bool:
    """ "Belarusian" in "the exiled Belarusian opposition" names no speaker."""
    return m.type == "country" and m.text != m.name and bool(lx.ADJECTIVE_END.search(m.text))


def _mention_in(
    article: Article,
    start: int,
    end: int,
    last: bool = True,
    quoted: Sequence[tuple[int, int]] = (),
) -> Mention | None:
    """The person, organisation or country named between `start` and `end`, outside quotations
    (a name inside someone's words is not who speaks them)."""
    found = [
        m
        for m in article.mentions_in(start, end, ("person", "organization", "country"))
        if not _adjective(m) and not any(qs <= m.start < qe for qs, qe in quoted)
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


def _described_group(words: str) -> bool:
    """ "human rights activists", "protesters": speakers named by what they are."""
    few = 1 < len(words.split()) <= 5 or re.fullmatch(r"[a-z]+s", words) is not None
    return few and words[:1].islower()


def _described(article: Article, phrase: str, pos: int) -> str | None:
    """ "the agency", "the statement": the last organisation named before `pos`."""
    return _last_body_before(article, pos) if _DESCRIBED.match(phrase.strip()) else None


def _last_body_before(article: Article, pos: int) -> str | None:
    """The organisation named last before `pos`: who issued an unnamed statement."""
    orgs = article.mentions_in(max(0, pos - 1500), pos, ("organization",))
    return orgs[-1].name if orgs else None


def find_quotes(article: Article) -> list[Quote]:
    """Quotations with their speaker and relaying outlet. Titles of works are left out, and so
    are short quoted words nobody is said to have said (scare quotes, slogans)."""
    text = article.text
    quotes: list[Quote] = []
    last_speaker: str | None = None
    spans = _spans(text)
    for s, e in spans:
        close_end = e + 1
        index = article.sentence_of(s - 1 if s else 0)
        before_start = article.sentences[index][0]
        before = text[before_start : max(before_start, s - 1)]
        if not before.strip() and index > 0:
            # a quotation set off on its own line, introduced by the line before ("... said:")
            p_start, p_end = article.sentences[index - 1]
            if text[p_start:p_end].rstrip().endswith(":"):
                before_start, before = p_start, text[p_start:p_end].rstrip()
        if _TITLE_BEFORE.search(before):
            continue
        speaker: str | None = None
        via: str | None = None
        m_as = _QUOTED_AS.search(before)
        if m_as:
            who = _mention_in(
                article,
                before_start + m_as.start(lx.WHO),
                before_start + m_as.end(lx.WHO),
                quoted=spans,
            )
            src = _mention_in(article, before_start, before_start + m_as.start(), quoted=spans)
            speaker = who.name if who else m_as.group(lx.WHO).strip()
            lead = before[: m_as.start()].strip()
            via = src.name if src else _described(article, lead, before_start + m_as.start())
        closed = e < len(text) and text[e] in "”»“\"'’"
        if speaker is None and closed:
            after = text[close_end : close_end + 120].split("\n", 1)[0]
            ended = text[s:e].rstrip().endswith((".", "!", "?", "…"))
            new_sentence = ended and after.strip()[:1].isupper()
            m_doc = None if new_sentence else _DOCUMENT_SAYS.match(after)
            m_after = None if new_sentence or m_doc else _AFTER.match(after)
            if m_doc:
                doc_who = _mention_in(article, close_end, close_end + m_doc.end(), quoted=spans)
                speaker = doc_who.name if doc_who else _last_body_before(article, s)
            if m_after:
                g = lx.WHO if m_after.group(lx.WHO) else lx.WHO2
                a, b = close_end + m_after.start(g), close_end + m_after.end(g)
                who = _head_mention(article, a, b)
                word = m_after.group(g).strip().lower()
                if who:
                    speaker = who.name
                elif word in lx.SPEAKER_PRONOUNS:
                    speaker = last_speaker or _person_before(article, s)
                elif _described_group(word):
                    phrase = m_after.group(g).strip()
                    speaker = _described(article, phrase, s) or article.institution(
                        lx.ARTICLE_START.sub("", phrase)
                    )
                m_by = _QUOTED_BY.search(text, close_end, close_end + 120)
                if m_by:
                    by = _mention_in(article, m_by.start(lx.VIA), m_by.end(lx.VIA))
                    via = by.name if by else None
        if speaker is None:
            says = [
                m
                for m in re.finditer(r"\b" + _SAY + r"\b", before, re.I)
                if not _NOT_SPEECH.match(before, m.end())
            ]
            m_say = says[-1] if says else None
            according = _ACCORDING.search(before) or _ACCORDING_LEAD.search(before)
            if m_say is not None:
                m_by = _QUOTED_BY.search(before)
                cut = m_by.start() if m_by else m_say.start()
                who = _mention_in(article, before_start, before_start + cut, quoted=spans)
                if who:
                    speaker = who.name
                elif _PRONOUN.search(before):
                    speaker = last_speaker or _person_before(article, s)
                else:
                    phrase = lx.ARTICLE_START_ANY_CASE.sub("", before[: m_say.start()].strip())
                    if 0 < len(phrase.split()) <= 6 and not re.search(r"[,;:]", phrase):
                        speaker = (
                            _described(article, before[: m_say.start()], before_start)
                            or _named_at_end(phrase)
                            or article.institution(phrase)
                        )
                if m_by:
                    by = _mention_in(
                        article, before_start + m_by.start(lx.VIA), before_start + m_by.end(lx.VIA)
                    )
                    via = by.name if by else None
            elif according is not None:
                who = _mention_in(
                    article,
                    before_start + according.start(lx.WHO),
                    before_start + according.end(lx.WHO),
                    quoted=spans,
                )
                speaker = who.name if who else None
            elif before.strip().endswith(":") or not before.strip():
                speaker = last_speaker if not before.strip() else None
        if speaker is None and len(text[s:e].split()) < _SHORTEST_UNATTRIBUTED:
            continue
        if speaker is not None:
            last_speaker = speaker
        if speaker is not None and via is None:
            via = _told_outlet(article, text, before_start, s, close_end if closed else e)
        quotes.append(Quote(s, e, text[s:e], speaker, via))
    return _continued(text, quotes)


_TOLD = lx.QUOTE_TOLD


def _told_outlet(article: Article, text: str, before_start: int, s: int, after: int) -> str | None:
    """ "X told state news agency Belta: ...", "..., X said in an interview with Belta": the
    outlet the words were given to relayed them."""
    line_end = text.find("\n", after)
    for lo, hi in ((before_start, s), (after, len(text) if line_end < 0 else line_end)):
        for told in _TOLD.finditer(text, lo, min(hi, lo + 200)):
            orgs = article.mentions_in(told.start(), told.end() + 40, ("organization",))
            if orgs and orgs[0].start - told.end() < 3:
                return orgs[0].name  # the outlet, named right after "told" and its description
    return None


def _continued(text: str, quotes: list[Quote]) -> list[Quote]:
    """A quotation running over several paragraphs names its speaker at the end: an open
    paragraph with nobody named takes the speaker of the quotation that goes on right after."""
    out = list(quotes)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        closed = q.end < len(text) and text[q.end] in "”»\"'’"
        if (
            q.speaker is None
            and not closed
            and re.fullmatch(r"\s*[“\"«]?", text[q.end : nxt.start])
        ):
            out[i] = replace(q, speaker=nxt.speaker, via=nxt.via)
    return out
