"""Who did it and on whose word: the agent of a claim (the subject before the verb, a "by"
phrase, a state body, "persuaded X to release") and its source ("according to X", "X said",
the speaker of the quotation a figure stands in)."""

from __future__ import annotations

import re

from prisonwatch.extract.context import Article
from prisonwatch.extract.counting import Draft
from prisonwatch.extract.entities import Mention
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.lang.en import lexicon as lx
from prisonwatch.extract.parse import governs, token_at

_CAUSER = lx.CAUSER
_DEMAND_VERB = lx.DEMAND_VERB
_GOVERNMENT_WORDS = lx.GOVERNMENT_WORDS


def _entity_before(
    a: Article, s: int, pos: int, limit: int = 90, patients: tuple[str, ...] = ()
) -> Mention | None:
    """The actor named before a verb: not a speaker, a destination, an adjective, or one of
    the people the claim is about ("Paul Whelan was released by Russia")."""
    found = list(a.mentions_in(max(s, pos - limit), pos, ("person", "organization", "country")))
    patient_starts = [m.start for m in found if m.name in patients]
    for m in reversed(found):
        if m.name in patients or any(m.end <= p < pos for p in patient_starts):
            continue  # a patient, or words describing one ("former U.S. Marine Paul Whelan")
        between = a.text[m.end : pos]
        if '"' in between or "“" in between or "”" in between:
            continue
        says = lx.SAY_AFTER.match(a.text, m.end) or lx.APPOSITION_AFTER.match(between)
        if says and not lx.POSSESSIVE_AFTER.match(a.text[m.end : m.end + 2]):
            continue
        if lx.ACCORDING_BEFORE.search(a.text[max(s, m.start - 60) : m.start]):
            continue
        if _government(a, m) is None and lx.PLACE_PREPOSITION_BEFORE.search(
            a.text[max(s, m.start - 12) : m.start]
        ):
            continue  # a destination or a place, not who acted
        possessive = lx.POSSESSED_WORD.match(a.text[m.end : m.end + 30])
        if possessive and possessive.group(1).lower() not in _GOVERNMENT_WORDS:
            continue  # "Trump's leadership led to": the leadership did not release anyone
        if m.type == "country" and m.text != m.name and lx.ADJECTIVE_END.search(m.text):
            continue  # "Belarusian" as an adjective
        return m
    return None


def counting_body(a: Article, d: Draft, s: int) -> str | None:
    """ "Memorial considers 770 people ...", "Foro Penal has documented 887 ...": the body that
    keeps a stock figure, named as the subject of its verb, is the figure's source."""
    ent = _entity_before(a, s, d.trigger[0], 60)
    return ent.name if ent is not None and ent.type == "organization" else None


def _credit_line(a: Article, s: int, e: int) -> str | None:
    """A body or person named alone after a dash that ends the sentence, as a headline
    credits its source ("... grows to 254 – FFPPA"): that source."""
    end = len(a.text[s:e].rstrip(lx.CREDIT_TRAILING)) + s
    named = a.mentions_in(s, end, ("person", "organization"))
    if not named or named[-1].end != end:
        return None
    last = named[-1]
    return last.name if lx.CREDIT_DASH.search(a.text, s, last.start) else None


def source_of(a: Article, s: int, e: int, pos: int) -> str | None:
    """Who the text attributes the figure to: the speaker of the quote it stands in, else
    "according to X", "X said", "said X", a pronoun's speaker, or a described group."""
    text = a.text
    q = a.quote_at(pos)
    if q is not None and q.speaker:
        return q.speaker
    credit = _credit_line(a, s, e)
    if credit is not None:
        return credit  # "Number of political prisoners grows to 254 – FFPPA"
    m = lx.ACCORDING_TO.search(text[s:e])  # "cited by" relays
    if m:
        after = a.mentions_in(
            s + m.end(), min(e, s + m.end() + 70), ("person", "organization", "country")
        )
        if after:
            rank = {"person": 0, "organization": 1, "country": 2}
            return min(after, key=lambda x: (rank[x.type], x.start)).name
        phrase = re.match(r"([^,.;]{2,80})", text[s + m.end() : e])
        if phrase:
            words = lx.FROM_BY_OF.split(phrase.group(1))[-1].strip()
            words = lx.ARTICLE_START.sub("", words)
            if words.split() and words.split()[-1] in _GROUP_NOUNS and len(words.split()) <= 5:
                return words
            owner = lx.POSSESSOR.match(words)  # "the group's count": the group counts
            if owner and owner.group(1).split()[-1] in _GROUP_NOUNS:
                said = phrase.group(1)
                return said[: said.index(owner.group(1)) + len(owner.group(1))].strip()
    sayers = [
        men
        for men in a.mentions_in(s, e, ("person", "organization", "country"))
        if (says := lx.SAY_AFTER.match(text, men.end)) is not None
        and (men.start < pos or not _coordinate(a, says.end() - 1, pos))
    ]
    if sayers:
        before_figure = [m for m in sayers if m.start < pos]
        # the speaker whose clause holds the figure, else the first who speaks
        return (before_figure[-1] if before_figure else sayers[0]).name
    m2 = lx.SAY_VERB_THEN.search(text[s:e])
    if m2 and _describes_a_noun(a, s + m2.start()):
        m2 = None  # "Under an amnesty announced by X, 154 were freed": the amnesty's, not told
    if m2:
        after = a.mentions_in(
            s + m2.end(), min(e, s + m2.end() + 60), ("person", "organization", "country")
        )
        if after and after[0].start - (s + m2.end()) < 40 and not _clause_subject(a, after[0]):
            return after[0].name
    pron = _PRONOUN_SAYS.search(text, s, e)
    if pron:
        earlier = [x for x in a.quotes if x.end <= pos and x.speaker]
        if earlier:
            return earlier[-1].speaker
    said = [x for x in _NOUN_SAYS.finditer(text[s:e]) if x.group(1).split()[-1] in _GROUP_NOUNS]
    # the one whose clause holds the figure: "his office said, but critics warned that ... 1,000"
    before = [x for x in said if s + x.start(1) < pos]
    np = before[-1] if before else said[0] if said else None
    if np is not None:
        owner = lx.OWNED_BODY.match(np.group(1))
        people = a.mentions_in(s, s + np.start(1), ("person",))
        if owner and people:
            return f"{people[-1].name}'s {owner.group(1)}"  # "his press service"
        said_by = lx.CLAUSE_OPENERS.sub("", np.group(1))
        if np.start(1) == 0 and not any(m.start == s for m in a.mentions):
            said_by = said_by[:1].lower() + said_by[1:]  # "Human rights groups say" opens it
        return a.institution(said_by)
    return None


_GROUP_NOUNS = EN.words("role_words")
_SUBJECTS = ("nsubj", "nsubjpass")
_SAY_LEMMAS = EN.words("say_lemmas")


#: The parse's label of a participle that describes a noun ("an amnesty announced by X").
_DESCRIBING = "acl"


def _describes_a_noun(a: Article, pos: int) -> bool:
    """Whether the say-verb at `pos` is a participle describing a noun, telling nothing."""
    verb = token_at(a.doc, pos)
    return verb is not None and verb.dep_ == _DESCRIBING


def _clause_subject(a: Article, m: Mention) -> bool:
    """Whether a name after a say-verb opens what was said rather than naming who said it:
    "the group said Cuba still holds 1,161" (Cuba is the subject of "holds"), unlike "...,
    said Alfredo Romero" or "said Foro Penal director Alfredo Romero"."""
    tok = token_at(a.doc, m.end - 1)
    if tok is None:
        return False
    while tok.dep_ in _NAME_PARTS and tok.head.i != tok.i and tok.head.idx < m.end:
        tok = tok.head
    return tok.dep_ in _SUBJECTS and tok.head.lemma_.lower() not in _SAY_LEMMAS


_NAME_PARTS = ("compound",)
_CONJUNCT = "conj"
_COORDINATOR = "cc"


def _coordinate(a: Article, say_at: int, pos: int) -> bool:
    """Whether the say-verb at `say_at` heads a clause of its own coordinated with the one
    that holds the figure at `pos` ("2,000 were arrested ..., and X said at the time that
    ..."): X said something else, not the figure."""
    say, word = token_at(a.doc, say_at), token_at(a.doc, pos)
    if say is None or word is None or say.dep_ != _CONJUNCT:
        return False
    joined = any(  # "..., and X said": a coordinator between the figure and the say-verb
        c.dep_ == _COORDINATOR and pos < c.idx < say.idx for c in say.head.children
    ) or any(c.dep_ == _COORDINATOR for c in say.children)
    return joined and governs(say.head, word, 12)


_PRONOUN_SAYS = lx.PRONOUN_SAYS


_NOUN_SAYS = lx.NOUN_SAYS


_AUX = lx.SUBJECT_END


def _subject_phrase(before: str) -> str | None:
    """The plain noun phrase that opens a clause ("Ten human rights watchdogs call on ...")."""
    aux = _AUX.search(before)
    phrase = (before[: aux.start()] if aux else before).strip()
    if not phrase or re.search(r"[,;:\"“”()]", phrase) or not 1 < len(phrase.split()) <= 6:
        return None
    return phrase[0].lower() + phrase[1:]


def _government(a: Article, ent: Mention) -> str | None:
    """ "the Government of Burma" as written, rather than the state it governs."""
    before = a.text[max(0, ent.start - 20) : ent.start]
    if ent.type == "country" and lx.GOVERNMENT_OF_BEFORE.search(before):
        return f"{lx.GOVERNMENT_OF}{ent.text}"
    return None


def agent_of(a: Article, d: Draft, s: int, e: int) -> str | None:
    text = a.text
    t0, t1 = d.trigger
    if d.action == "held":
        return None
    window = text[s:t0]
    m = _CAUSER.search(window)
    if m and d.action != "demanded":
        found = a.mentions_in(s + m.start(), t0, ("person", "organization", "country"))
        if found:
            return found[0].name
    if d.action == "demanded":
        verbs = list(_DEMAND_VERB.finditer(text, s, t1))
        if verbs:
            t0 = verbs[0].start()
        ent = _entity_before(a, s, t0, 120)
        if ent is not None:
            return ent.name
        return _subject_phrase(text[s:t0])
    quote = a.quote_at(t0)
    if (
        quote is not None
        and quote.speaker
        and _FIRST_PERSON.search(text, max(quote.start, t0 - 40), t0)
    ):
        return quote.speaker  # "“We have freed 20 people,” Lukashenko said"
    passive = lx.PASSIVE_BEFORE.search(text[s:t0])
    by = _by_agent(a, t1, e)
    if passive and by is not None:
        return by[0]  # "was detained by police": the by-phrase, whatever stands before
    titled = None if passive else lx.TITLE_SUBJECT_BEFORE.search(text, max(s, t0 - 80), t0)
    if titled is not None:
        holder = _title_holder(a, titled.group(lx.TITLE))
        if holder is not None:
            return holder  # "the country's supreme leader has pardoned": who holds the office
    ent = _entity_before(a, s, t0, patients=tuple(d.persons)) if d.action != "sentenced" else None
    if ent is not None and ent.type != "place":
        if _two_sides(a, ent, s):
            return None  # "Russia and the United States swapped 24 prisoners"
        if ent.type == "organization" and ent.text.split()[-1].lower() in _STATE_BODY_WORDS:
            return _body_as_written(a, ent.start, ent.text)  # "Myanmar's Military Junta"
        return _government(a, ent) or ent.name
    body = _STATE_SUBJECT.search(text, max(s, t0 - 60), t0)
    if body is not None and not passive:
        group = lx.STATE_SUBJECT_GROUP  # "The junta has arrested ..."
        return _body_as_written(a, body.start(group), body.group(group))
    if d.action == "designated" and not passive:
        phrase = _subject_phrase(text[s:t0])
        if phrase is not None:
            return phrase
    if by is not None:
        return by[0]
    frm = lx.FROM_PRISON_IN.match(text[t1:e])
    if frm and d.action == "released":
        found = a.mentions_in(t1 + frm.end(), t1 + frm.end() + 30, ("country",))
        if found:
            d.agent_weak = True  # where they left, which is only a guess at who let them go
            return found[0].name
    return None


def _title_holder(a: Article, title: str) -> str | None:
    """The one person the article names with the title before the name ("Supreme Leader
    Ayatollah Ali Khamenei"); none when no one or several people are named so."""
    before = lx.titled_before(title)
    holders = {
        m.name
        for m in a.mentions
        if m.type == "person" and before.search(a.text, max(0, m.start - 60), m.start)
    }
    return holders.pop() if len(holders) == 1 else None


_STATE_SUBJECT = lx.STATE_SUBJECT


_FIRST_PERSON = lx.FIRST_PERSON


def _two_sides(a: Article, ent: Mention, s: int) -> bool:
    """Whether the actor is the second of two states joined by "and"."""
    if ent.type != "country":
        return False
    before = [m for m in a.mentions_in(s, ent.start, ("country",)) if m.name != ent.name]
    return bool(before) and bool(lx.AND_THE.fullmatch(a.text[before[-1].end : ent.start]))


def _by_agent(a: Article, t1: int, e: int) -> tuple[str | None] | None:
    """Who a "by" phrase after the verb names: a body, a person or a state; the state's own
    police or authorities when only those are named; nobody when two sides are ("exchanged
    by Russia and the West"). None when there is no such phrase."""
    text = a.text
    by = lx.BY_PHRASE.match(text[t1:e])
    if by is None:
        return None
    found = a.mentions_in(
        t1 + by.end(), min(e, t1 + by.end() + 50), ("person", "organization", "country")
    )
    if found:
        mutual = lx.AND_THE_NAME.match(text[found[0].end : e])
        return (None if mutual else found[0].name,)
    office = _OFFICE.match(text, t1 + by.end())
    if office:
        return (a.institution(office.group(1)),)
    return None


_OFFICE = lx.OFFICE
_STATE_BODY = lx.STATE_BODY
POLICE = lx.POLICE


def is_government(name: str | None) -> bool:
    """Whether an agent is a state's government ("the Government of Burma")."""
    return name is not None and _STATE_BODY.search(name) is not None


def holding_state(a: Article, d: Draft) -> str | None:
    """The state an article is about, unless the claim's own sentence sends the people there
    ("deported to Lithuania") or names it only as a go-between ("a US-brokered deal")."""
    if a.country_name is None:
        return None
    s, e = a.sentences[d.sentence]
    for m in a.mentions_in(s, e, ("country",)):
        if m.name != a.country_name:
            continue
        sent_there = lx.SENT_THERE_BEFORE.search(a.text[max(s, m.start - 12) : m.start])
        if sent_there or a.text[m.end : m.end + 1] == "-":
            return None  # "deported to Lithuania", "a US-brokered deal": not who held them
    return a.country_name


def is_org(a: Article, name: str | None) -> bool:
    return name is not None and any(m.name == name and m.type == "organization" for m in a.mentions)


_STATE_ITSELF = EN.words("state_itself_bodies")
_LEADING = re.compile(lx.ARTICLE_START.pattern, re.IGNORECASE)


def state_itself(a: Article, agent: str | None) -> str | None:
    """The state an agent names when it names the state acting as a whole ("Venezuelan
    authorities", "the government", "Cuba's government" → Venezuela, the article's state,
    Cuba), else the agent as it was. Only a state the article or its words identify."""
    if agent is None:
        return None
    words = _LEADING.sub("", agent).split()
    if not words or words[-1].lower() not in _STATE_ITSELF:
        return agent
    owner = " ".join(words[:-1])
    owner = owner[:-2] if owner.endswith(("'s", "’s")) else owner
    if not owner:
        return a.country_name or agent
    for m in a.mentions:
        if m.type == "country" and owner in (m.text, m.name):
            return m.name
    state = a.country_name
    if state and (owner in (state, a.demonym()) or _same_stem(owner, state)):
        return state
    country = next((k for k, v in lx.DEMONYMS.items() if v == owner.lower()), None)
    return country.title() if country else agent


def _same_stem(adjective: str, state: str) -> bool:
    """ "Venezuelan" and Venezuela, "Iranian" and Iran, "Chinese" and China: the adjective of
    a state's people begins with the state's name, but for its last letter."""
    n = max(4, len(state) - 1)
    return len(state) >= 4 and adjective[:n].lower() == state[:n].lower()


_STATE_BODY_WORDS = EN.words("state_bodies")
_BODY_WORDS = {w.lower() for body in _STATE_BODY_WORDS for w in body.split()}


def _body_as_written(a: Article, start: int, body: str) -> str:
    """A state body that acts, as the text names it: "The junta has arrested" → junta,
    "Myanmar's Military Junta granted" → Myanmar military junta (its owner kept); only the
    police take the article's state ("Belarusian police"), since every state has police."""
    if POLICE.search(body):
        return a.institution(body)
    owner = lx.OWNER_BEFORE.search(a.text, max(0, start - 40), start)
    words = " ".join(  # only the body's own words lose their capitals: "Military Junta" →
        # military junta, while "Venezuelan security forces", "Hong Kong court" keep theirs
        w.lower() if w.lower() in _BODY_WORDS and not w.isupper() else w
        for w in body.split()
    )
    if owner is not None and a.mentions_in(owner.start(1), owner.end(1), ("country",)):
        return f"{owner.group(1)} {words}"
    return words


_BARE_BODIES = EN.words("state_bodies") - _STATE_ITSELF


def one_ruling_body(a: Article, drafts: list[Draft]) -> None:
    """One article's ruling body named by two bare words ("junta" in the title, "the regime"
    further on) is one agent: the word the article names it by first."""
    bare = {d.agent for d in drafts if d.agent is not None and d.agent.lower() in _BARE_BODIES}
    if len(bare) < 2:
        return
    folded = a.text.casefold()
    first = min(bare, key=lambda w: (folded.find(w.casefold()) % (len(folded) + 1), w))
    for d in drafts:
        if d.agent in bare:
            d.agent = first
