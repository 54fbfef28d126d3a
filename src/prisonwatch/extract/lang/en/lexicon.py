"""The words that signal actions, qualifiers, populations and attribution in news English.

Kept apart from the rules so that they can be read, reviewed and extended in one place.
"""

from __future__ import annotations

import re

from prisonwatch.extract.lang.en import EN


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


#: A row of a list's tally: a quoted category, a dash, a count of people ('"Believers" - 183
#: people', '“Life convicts" – 11 people'): a stock that is a part of the list's total.
TALLY_ROW_DASH_PATTERN = (
    r"(?<=[\"”“»«'])\s*[–—-](?=\s*\d[\d,]*\s+(?:people|persons)\b\W*(?:[;,.:]|$))"
)
TALLY_ROW_DASH = re.compile(TALLY_ROW_DASH_PATTERN, re.IGNORECASE)
_QUOTES = "\"”“»«'"
#: The category's name a tally row's dash follows: the words between the last quotation mark
#: (or list semicolon) before it and the closing mark ('; "Life convicts" - 11 people').
TALLY_ROW_LABEL = re.compile(
    rf"(?:^|[{_QUOTES};:])\s*([^\W\d][^{_QUOTES};:.\d]{{0,80}}?)\s*[{_QUOTES}]\s*$"
)
#: A category named by a quoted name after its noun, right before the count ('in the group
#: "Human Rights Defenders" there are 2 people').
TALLY_GROUP_LABEL = re.compile(
    rf"\b{EN.alternation('tally_label_nouns')}\s+[{_QUOTES}]\s*([^\W\d][^{_QUOTES}.\d]{{0,80}}?)"
    rf"\s*[{_QUOTES}]\s*(?:{EN.alternation('existential_openers')}\s+)?$",
    re.IGNORECASE,
)

#: Action triggers, in order of precedence when several are equally close.
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "returned_to_custody",
        _rx(
            r"\b(?:returned|sent back|taken back|brought back)\s+(?:to|into)\s+(?:jail|prison|custody|a penal colony|the penal colony|detention)"
            r"|\bback\s+(?:in|to|behind)\s+(?:jail|prison|custody|bars)|\bre-?arrested\b|\bre-?imprisoned\b|\bre-?detained\b"
        ),
    ),
    (
        "died_in_custody",
        _rx(
            r"\b(?:died|dies|dead|death|deaths|killed)\b(?=[^.]{0,40}\b(?:behind bars|in custody|in prison|in jail|in detention|in a penal colony)\b)"
            r"|\b(?:died|dies)\s+(?:behind bars|in custody|in prison|in jail|in detention)"
        ),
    ),
    (
        "demanded",
        _rx(
            r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|for|upon)|demand(?:s|ed|ing)?|appeal(?:s|ed|ing)?"
            r"|press(?:es|ed|ing)?\s+(?:for|to)|push(?:es|ed|ing)?\s+(?:for|\w+\s+to)|seek(?:s|ing)?|sought|lobb(?:y|ied|ying)"
            r"|must be (?:released|freed)|should be (?:released|freed)|cannot stop until)\b"
        ),
    ),
    (
        "designated",
        _rx(
            r"\b(?:recogni[sz](?:ed|es|ing)|designat(?:ed|es|ing)|declared|deemed|named)\b(?=[^.]{0,60}\b(?:political prisoners?|prisoners? of conscience)\b)"
            r"|\b(?:added|included)\s+to\s+the\s+list\b|\bgranted political prisoner status\b|\bpolitical prisoner status\b"
            # a list of political prisoners that grows: "5 journalists joined the list", "X was
            # new on the list", "the number of political prisoners has grown by 19"
            r"|\b(?:joined|join|joins|entered)\s+the\s+(?:\w+\s+)?list\b|\bnew\s+(?:on|to)\s+the\s+list\b"
            r"|\bnumber\s+of\s+political\s+prisoners\b[^.]{0,40}?\b(?:grown|grew|risen|rose|increased)\s+by\b"
        ),
    ),
    (
        "sentenced",
        _rx(
            r"\b(?:sentenced|convicted|sentencing|jailed for|given \w+ years)\b"
            # "jailed in 2022 for criticising the war": a time of its own, then the cause
            r"|\bjailed(?=\s+(?:in|on|last)\s+(?:\w+\s+)?\w+\s+for\b)"
            r"|\bjails\b(?!\s+(?:in|of|across|for|and|are|were)\b)(?=\s+(?:[a-z]+\s+){0,2}[A-Z0-9])"
            r"|\bserving\s+an?\s+(?:[\w-]+\s+){0,2}(?:prison\s+|jail\s+)?(?:sentence|term)\b"
            r"|\b(?:getting|got|gets|received|receiving|given|handed)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}"
            r"(?:prison\s+|jail\s+)?sentence\b"
            r"|\b(?:handed|handed down|gave|given|received)\s+(?:\w+\s+){0,2}(?:prison|jail)\s+(?:terms|sentences)\b"
        ),
    ),
    (
        "detained",
        _rx(
            r"\b(?:detained|arrested|detaining|arresting|rounded up|locked up|taken into custody|apprehended|detention of|arrest of)\b"
        ),
    ),
    (
        "released",
        _rx(
            r"\b(?:free[sd]?|freeing|releas(?:e|ed|es|ing)|pardon(?:s|ed|ing)?|set free|let go|amnestied"
            r"|(?:landed|arrived|returned home|flew home)\b(?=[^.]{0,50}?\b(?:as part of|after|following|in)\s+(?:a|an|the|their)?\s*(?:prisoner\s+)?(?:swap|exchange|release|deal)\b)"
            r"|swaps|walked free|walked out of (?:prison|jail|the penal colony|custody)|left (?:prison|jail)"
            r"|crossed the \w+ border|exchanged|swapped|handed over|were transferred to|deported|expelled"
            r"|excarcela\w*|among those (?:freed|released)|amnesty for"
            r"|granted (?:an )?(?:amnesty|pardons?|clemency) to"
            r"|(?:(?<=were )|(?<=was ))(?:included in|part of) the (?:exchange|swap|release))\b"
        ),
    ),
    (
        "held",
        _rx(
            r"\bspent\s+(?:[\w-]+\s+){1,4}?(?:in|behind)\s+(?:jail|prison|custody|detention|bars|a penal colony)\b"
            r"|\b(?:now counts|counts|counted|lists|listed)\b(?=\s+(?:[\w,]+\s+){0,3}(?:political )?(?:prisoners|detainees))"
            r"|\b(?:holds|is holding|are holding|has been holding|have been holding)\b"
            r"|\bconsiders\b(?=[^.]{0,60}\b(?:to be|as)\s+(?:\w+\s+)?political prisoners)"
            r"|\b(?:has|have)\s+(?:documented|registered|recorded|counted|verified)\b"
            r"|\b(?:remain(?:s|ed|ing)?|still|currently|behind bars|being held|are held|is held|held in|held since|in prison|in prisons|jailed|imprisoned"
            r"|incarcerated|in custody|on the (?:\w+ )?list|reach(?:es|ed)?|there are|there were|awaiting trial)\b"
            # a row of a list's tally: a quoted category, a dash, a count of people
            # ('"Believers" - 183 people', '“Life convicts" – 11 people')
            r"|" + TALLY_ROW_DASH_PATTERN
        ),
    ),
]

#: Words before a trigger that make it something that did not (yet) happen.
NOT_FACTUAL = _rx(
    r"(?:\b(?:will|would|could|can|may|might|shall|won't|wouldn't)\s+(?:\w+\s+){0,2}|\bto\s+(?:be\s+)?(?:\w+ly\s+)?)$"
)
#: Verbs after which "to release" reports a release that happened.
SUCCESS = _rx(r"\b(?:persuaded|convinced|got|managed|forced|secured)\b")

QUALIFIERS: list[tuple[str, re.Pattern[str]]] = [
    ("up_to", _rx(r"\bup to\s+$")),
    ("more_than", _rx(r"\b(?:more than|over|upwards of|in excess of)\s+$")),
    ("at_least", _rx(r"\b(?:at least|no fewer than|not less than|a minimum of)\s+$")),
    ("fewer_than", _rx(r"\b(?:fewer than|less than|under|below)\s+$")),
    (
        "about",
        _rx(
            r"\b(?:about|around|approximately|roughly|some|nearly|almost|close to|an estimated|estimated|some)\s+$"
        ),
    ),
]

#: People nouns after a count, and the population name the contract uses for them.
POPULATIONS: list[tuple[re.Pattern[str], str]] = [
    (_rx(r"^(?:political prisoners?|political detainees?|politzeks?)\b"), "political_prisoners"),
    (_rx(r"^prisoners? of conscience\b"), "prisoners_of_conscience"),
    (_rx(r"^(?:foreign nationals?|foreign citizens?)\b"), "foreign_nationals"),
    (_rx(r"^(?:dual nationals?|dual citizens?|dual-nationals?)\b"), "dual_nationals"),
    (_rx(r"^foreigners?\b"), "foreigners"),
    (_rx(r"^nationals?\b"), "nationals"),
    (_rx(r"^with foreign (?:citizenship|nationality|passports?)\b"), "foreigners"),
    (_rx(r"^(?:journalists?|reporters?|media workers?|members of the press)\b"), "journalists"),
    (_rx(r"^(?:prisoners?|inmates?|convicts?|detainees?)\b"), "prisoners"),
    (
        _rx(
            r"^(?:people|persons?|individuals?|men|women|man|woman|citizens?|civilians?|others?)\b"
        ),
        "people",
    ),
    (
        _rx(r"^" + EN.alternation("people_nouns") + r"\b"),
        "_noun",
    ),
    (
        _rx(
            r"^(?:Lithuanians?|Latvians?|Poles?|Germans?|Britons?|Americans?|Ukrainians?|Belarusians?|Russians?|Estonians?|Swedes?|Japanese|Moldovans?|Georgians?"
            r"|Afghans?|Kazakhs?|Uzbeks?|Turks?|Kurds?|Uyghurs?|Uighurs?|Tibetans?|Azerbaijanis?|Armenians?|Iranians?|Israelis?|Palestinians?|Chinese|Vietnamese|Cubans?|Venezuelans?|Nicaraguans?"
            r"|(?-i:[A-Z][a-z]+(?:ians|eans|ese|is)))\b"
        ),
        "_noun",
    ),
]
#: One foreigner named by nationality ("Iran released the Frenchman").
SINGLE_NATIONAL = _rx(
    r"\b(?:the|a|an)\s+(?=(?:Frenchman|Frenchwoman|Briton|Pole|German|American|Lithuanian|Latvian|Estonian|Ukrainian|Swede|Norwegian|Dutchman|Dutchwoman|Australian|Canadian|Israeli|Japanese|Austrian|Swiss)\b)"
)
SINGLE_NATIONAL_POPULATIONS = {
    "frenchman": "french_nationals",
    "frenchwoman": "french_nationals",
    "dutchman": "dutch_nationals",
    "dutchwoman": "dutch_nationals",
}
#: "two Lithuanian citizens", "a British national": nationals of one country.
NATIONAL_CITIZENS = _rx(
    r"^(?:French|Italian|Spanish|Swiss|Japanese|Chinese|Polish|Latvian|Lithuanian|Estonian|British|American|German|Dutch|Norwegian|Ukrainian|Russian|Belarusian|Swedish|Czech|Slovak|Austrian|Canadian|Australian|Israeli|Georgian|Moldovan|Turkish|Slovenian)\s+(?:nationals?|citizens?)\b"
)
#: Words allowed between a count and its noun ("52 seriously ill political prisoners").
#: What follows a word inside a category's label in a tally ("Political emigrants deported
#: from Germany" - 5 people; "Convicted in the Ganja case" - 22 people): the act words of a
#: label name the category and tell of no act.
LABEL_TALLY_AFTER = re.compile(
    r"[^;.:\n\d]{0,60}?[\"”“»«']?\s+[–—-]\s*\d[\d,]*\s+(?:(?i:people|persons)|"
    + EN.alternation("people_nouns")
    + r")\b"
)
#: A dash that sets a credit apart at the end of a headline or sentence ("... – FFPPA").
CREDIT_DASH = re.compile(r"\s[–—-]\s*$")
#: What may close a sentence after its credit.
CREDIT_TRAILING = " \n.!"
#: The group of NOUN_GAP holding a word for the counted people's kind ("media" representatives).
KIND_GROUP = "kind"
NOUN_GAP = _rx(
    r"^(?:(?:more|other|new|further|additional|remaining|seriously ill|ill|jailed|imprisoned|incarcerated|detained|convicted|foreign|Belarusian|Russian|Ukrainian|Lithuanian|former|opposition|prominent|elderly|sick|women|female|male)\s+){0,3}"
    # and one more word naming their kind, when a noun for people follows ("5 media
    # representatives", "12 religious activists"): checked by the population that must follow
    # (a hyphenated word describes them, "pro-democracy activists", and is no kind)
    r"(?:(?:(?P<kind>(?-i:[a-z]{2,}))|(?-i:[a-z]+(?:-[a-z]+)+))\s+(?="
    + EN.alternation("people_nouns")
    + r"\b))?"
)

#: Adjectives of the countries people are counted from ("two individuals from Japan").
DEMONYMS = EN.pairs("demonyms")
FROM_COUNTRY = re.compile(
    r"(?i:(?:individuals?|people|persons?|citizens?|nationals?)\s+)?(?i:from)\s+(?:(?i:the)\s+)?([A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)"
)

NOT_PEOPLE_AFTER = _rx(
    r"(?:-| )?(?:years?|months?|weeks?|days?|hours?|minutes?|%|percent|per cent|million|billion|trillion|times|"
    r"countries|nations|dollars|euros|rubles|km|kilometres|kilometers|miles|-year|year-old|articles?|cases|"
    r"criminal cases|charges|pages|votes|seats|points|rounds|waves|pardons|decrees|acts|years-old|a\.m\.|p\.m\.)\b"
)
NOT_PEOPLE_BEFORE = _rx(
    r"(?:\$|€|£|['’]|No\.|Article|Art\.|Section|page|aged|age|\bevery|\bany|\bno|(?<!more )(?<!fewer )(?<!less )than|Part|Chapter|Paragraph)\s*$"
)

SUBSET_BEFORE = _rx(
    r"(?:including|included|includes|among them|among whom|of whom|of them|of those|such as|with)\s+(?:at least\s+|some\s+|about\s+)?$|[—–:]\s*$|,\s*$"
)
SUBSET_AFTER = _rx(
    r"\s*(?:of the (?:freed|released|detainees|prisoners|released prisoners|group|pardoned)\b|"
    r"of (?:them|whom|those)|(?:\w+\s+){0,4}(?:were|was)\s+among\b|among\b)"
)
#: A sentence that continues the previous one's count ("Among them were 6 Lithuanians").
CONTINUES = _rx(
    r"\W*(?:among them|among those|among the \w+|of them|of those|of whom|including|they include|those (?:freed|released) include)\b"
)
#: Between two counts of one sentence: the later one is listed within the earlier.
LIST_INTRO = _rx(r"\b(?:including|among them|such as|of whom|of them)\b")
PERSONS_INTRO = _rx(
    r"\b(?:including|such as|among them|among whom|among the \w+(?: \w+){0,2} (?:is|are|was|were)|among those \w+ (?:is|are|was|were)|notably|namely)\b"
)

MECHANISMS: list[tuple[str, re.Pattern[str]]] = [
    ("pardon", _rx(r"\bpardon")),
    ("amnesty", _rx(r"\bamnest")),
    ("exchange", _rx(r"\b(?:exchange|swap|traded)")),
    (
        "deportation",
        _rx(
            r"\b(?:deport|expel|expulsion|forced (?:into )?exile|banish|sent into exile|exiled to)"
        ),
    ),
    (
        "term_served",
        _rx(
            r"\b(?:after serving|served (?:his|her|their) (?:full )?(?:term|sentence)|"
            r"complet(?:ed|ing) (?:his|her|their) (?:[\w-]+\s+)?(?:term|sentence)|"
            r"end of (?:his|her|their) (?:term|sentence))"
        ),
    ),
    (
        "conditional",
        _rx(
            r"\b(?:parole|on probation|conditional(?:ly)? release|house arrest|on bail|conditionally)"
        ),
    ),
    ("deal", _rx(r"\b(?:deal|brokered|negotiated (?:release|agreement)|under an agreement)\b")),
]

SAY_AFTER = _rx(
    r"\s*(?:,\s*(?:a|an|the)\s+[^,.;]{1,60},)?\s*(?:,\s*)?(?:has |have |had )?"
    + EN.alternation("say_verbs")
    + r"\b"
)

#: Event triggers by kind. `exchange` is a swap of prisoners between states, read as a
#: concession with `what: exchange`; a sanctions concession is told by what was done to them.
EVENT_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "concession",
        _rx(
            r"\b(?:lift(?:s|ed|ing)?|remov(?:e|es|ed|ing)|eas(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|waiv(?:e|es|ed|ing)|rais(?:e|ed|ing)|drop(?:s|ped|ping)?)\s+(?:the\s+|US\s+|U\.S\.\s+|some\s+)?sanctions\b|\bsanctions\s+(?:relief|were lifted|have been lifted|are lifted|lifted)|\bin (?:return|exchange)\b[^.]{0,80}\bsanctions\b"
        ),
    ),
    (
        "exchange",
        _rx(
            r"\b(?:exchanged|swapped|traded)\s+(?:by|between)\b|"
            r"\b(?:exchanged|swapped|traded)\s+(?:\w+\s+){0,3}?(?:prisoners|detainees)\b|"
            r"\bprisoner (?:exchange|swap)\s+(?:between|involving)\b"
        ),
    ),
    (
        "meeting",
        _rx(
            r"\b(?:met|meets|meeting (?:with|between)|in a meeting|held talks|holds talks|"
            r"hold talks)\b"
        ),
    ),
    (
        "talks",
        _rx(
            r"\b(?:talks|negotiations)\s+(?:with|between|in)\b|\b(?:days|rounds?) of talks\b|"
            r"\b(?:had |have |has )?discuss(?:ed|es)\b"
        ),
    ),
    ("visit", _rx(r"\b(?:visit(?:s|ed|ing)?|trip to|arrived in|travel(?:l?ed)? to)\b")),
    ("appointment", _rx(r"\b(?:appoint(?:ed|ment)|named (?:as )?(?:special )?envoy)\b")),
]
#: Words that make a meeting, visit or talks only planned or possible.
EVENT_NOT_FACTUAL = _rx(
    r"\b(?:will|would|could|may|might|plans? to|expected to|is to|ready to)\s+(?:\w+\s+){0,2}$"
)


# The surface patterns of the claim rules (`claims.py`, `counting.py`), built from the word
# lists: the rules hold none of these words.
_A = EN.alternation

#: Population names the rules reason about (the contract's snake_case nouns).
POLITICAL_PRISONERS = "political_prisoners"
PRISONERS_OF_CONSCIENCE = "prisoners_of_conscience"
PRISONERS = "prisoners"
FOREIGN_NATIONALS = "foreign_nationals"
FOREIGNERS = "foreigners"
NATIONALS = "nationals"
#: Populations too general to tell anyone apart (`generic_populations`).
GENERIC_POPULATIONS = EN.words("generic_populations")
#: Articles that stand as "one" in a list of counts ("..., a French citizen and a Briton").
ARTICLES = ("a", "an", "the")
#: The words of those populations in running text.
POLITICAL_WORD = "political"
FOREIGN_WORD = "foreign"
POLITICAL_PRISONER_TEXT = "political prisoner"
CITIZEN_WORD = "citizen"
#: "five women and a man": words read first as adjectives that are the counted noun.
GENDER_NOUNS = ("women", "men")
#: A population from a noun: plural already ("clergy"), and the national of a citizen.
UNCOUNTED_PLURALS = EN.words("uncounted_plurals")
CITIZENS_SUFFIX = r"_(?:citizens?|nationals?)$"
CITIZENS_PLURAL_SUFFIX = r"_citizens$"
NATIONALS_SUFFIX = "_nationals"

PARTICIPLE_HEAD = re.compile(rf"\s+{_A('action_participles')}\b")
RUNNING_TOTAL = _rx(
    rf"\b{_A('running_total_verbs')}\s+the\s+{_A('tally_nouns')}\b"
    rf"(?P<noun>[^,.;]{{0,60}}?)\s+to\s+(?:(?:more than|over|about|almost|nearly|some)\s+)?$"
)
EVERYONE = _rx(rf"\b{_A('everyone_words')}\b(?!\s+(?:of\s+)?(?:the\s+)?\d)")
RELEASE_NEAR = _rx(rf"[^.]{{0,40}}?\b{_A('release_stems')}")
FREEDOM = _rx(rf"\b{_A('release_stems')}")
BARE_OBJECT_END = re.compile(rf"\s*(?:$|[.,;:]|\s{_A('after_bare_object')}\b)")
AND_BEFORE = re.compile(r"\s+and\s+$")
AND_BETWEEN = re.compile(r"\s+and\s+")
OTHERS_AFTER = re.compile(r"\s+others?\b")
ON_THE_LIST = re.compile(r"\bon the (?:\w+\s+)?list\b")
ALL_BEFORE = re.compile(r"\ball\s+(?:\w+\s+)?$")
BARE_SUBJECT = re.compile(
    rf"\s+{_A('bare_subject_verbs')}\b|\s+more\b(?!\s+(?:than|of)\b)"  # "arrested nearly 1,000 more"
)
THE_BEFORE = re.compile(r"\bthe\s+$")
NOMINAL_ACT = _rx(_A("act_nouns_surface"))
MERELY_POSSIBLE = _rx(
    r"[^.;]{0,60}?\b(?:is|was|would be|could be|remains?|seems?|seemed)\s+(?:\w+\s+)?"
    rf"{_A('possible_words')}\b"
)
PREDICATE_PP = _rx(
    r"\s+(?:in\s+[A-Z][\w-]+\s+)?(?:as|to be|who\s+(?:are|were)|"
    r"(?:were|are|have been|has been|had been)\s+"
    r"(?:recogni[sz]ed|considered|designated|declared)(?:\s+as)?)\s+"
    r"(?:\w+\s+)?political prisoners\b"
)
POLITICAL_GROUNDS = _rx(rf"\s+(?:\w+\s+){{0,6}}?{_A('political_grounds')}")
NUMBER_OF = _rx(
    r"\bthe\s+(?:total\s+)?number\s+of\s+(?P<noun>(?:[\w-]+\s+){0,2}?(?:political prisoners|"
    r"prisoners|people|detainees|journalists|persons))\b[^.;]{0,60}?\b(?:has\s+|have\s+)?"
    r"(?:reached|stands at|stood at|is|was|rose to|grew to|exceeds|exceeded|hit|totals|totalled|"
    r"amounts to)\s+(?:(?:more than|over|almost|nearly|about|around|at least)\s+)?$"
)
PREDICATE = _rx(
    r"\s+(?:of (?:the \w+|them|those|whom)\s+)?(?:(?:\w+\s+)?prisoners\s*)?"
    r"(?:(?:are|were|is|was)\s+(?:also\s+)?|,\s*(?:both|all)\s+)"
)
PARTITIVE = _rx(r"\s+of\s+(?:the\s+|all\s+)?(?=\d|[a-z]+\s)")
STOCK_WORDS = _rx(rf"\b(?:{_A('stock_words')}|remain\w*)\b")
HELD_WHERE = re.compile(
    r"\s+(?:held|detained|jailed|imprisoned)\s+(?:in|by)\s+(?:[A-Z][\w-]+\s*){1,3}(?=\s*[a-z,])"
)
PARTICIPLE_GROUNDS = _rx(rf"\s+{_A('custody_participles')}" + POLITICAL_GROUNDS.pattern)
NOUN_PAREN = _rx(
    r"\b(?:political prisoners|prisoners|people|detainees)\s*"
    r"\((?:already|now|at least|some|over)?\s*$"
)
BARE_PP = _rx(r"\s+(?:were|are|was|is)\s+(?:\w+\s+)?political prisoners?\b")
GOVERNS = re.compile(rf"\s*(?:{_A('governing_qualifiers')}\s+)?")
LISTED_ONE = _rx(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(an?)\s+")
ACTED_ON = _rx(rf"\b{_A('acted_on_forms')}\s+$")
GAP_BEFORE = re.compile(r"[^.;\d]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)")
GAP_AFTER = re.compile(rf"\s+{_A('gap_followers')}\b|\s*[.,;]")
# --- events (`events.py`) ---
#: "sanctions on X": what a concession concerned follows.
SANCTIONS_ON = _rx(r"\bsanctions\s+(?:on|against|imposed on|targeting|affecting)\s+(?:the\s+)?")
#: The article a gazetteer key may be written with ("the Belarusian state airline").
DEFINITE = "the "
#: "the country's state airline": the owner is the article's state, dropped before a lookup.
COUNTRY_OWNER = _rx(r"^(?:the\s+)?country['’]s\s+")
#: "tasked by President Trump", "the release of activist X": not who met or visited.
BY_SOMEONE = re.compile(
    r"\b(?:(?<!led )(?<!headed )(?:by|from)\s+(?:\S+\s+){0,2}|of\s+(?:[a-z]\S*\s+){0,2})$"
)
#: "X and Y" joined as one party.
PAIR_JOINER = re.compile(r"\s*(?:and|&)\s*")
#: What may stand between "appointed" and the one appointed ("as the US special envoy").
APPOINTEE_GAP = re.compile(r"[\s,]*(?:(?:as|the|US|U\.S\.|special|envoy|former)\s+)*")
#: "met with X", "talks between X and Y", "was met by X": the other side follows.
WITH_WHOM = re.compile(r"[^.;]{0,40}?\b(?:with|between|by)\b")
BETWEEN_END = re.compile(r"\bbetween$")
#: "the visits had attracted attention": a noun pointing back at an event told already ...
ANAPHORIC_BEFORE = _rx(r"\b(?:the|this|that|these|those)\s+$")
#: ... unless a relation follows it ("the visit to Minsk").
RELATION_AFTER = re.compile(r"\s+(?:to|of|by|with|between|in)\b")
#: A concession verb that softens rather than ends ("eased sanctions").
EASING_WORD = _rx(r"\beas")
#: "in Ankara", "at the border": where, not who.
PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+$")
#: The West as one side of an exchange, as the gazetteer and the contract name it.
WEST = "West"
THE_WEST = "the West"
THE_WEST_RX = re.compile(r"\bthe West\b")
#: Endings of a country's adjective ("Belarusian"), not its name.
ADJECTIVE_ENDINGS = ("ian", "ese", "ish")
#: The header line of the article format (" date YYYY-MM-DD <title>").
HEADER_MARK = "date "


# --- agents and sources (`attribution.py`) ---
#: "persuaded Lukashenko to release": the one persuaded is who released.
CAUSER = _rx(
    r"\b(?:persuaded|convinced|urged|asked|allowed|pushed|pressed|called on)\s+"
    r"(?:\S+(?:\s+\S+){0,8}?\s+to\s+)?$"
)
#: The verb of a demand ("urged", "called for", "sought").
DEMAND_VERB = _rx(
    r"\b(?:urg\w*|call\w*\s+(?:on|for|upon)|demand\w*|appeal\w*|press\w*|push\w*|seek\w*|sought|lobb\w*)\b"
)
#: "Belarus's authorities": a possessed noun that is the state acting, not a thing it owns.
GOVERNMENT_WORDS = EN.words("government_words")
#: "X, a rights group, ...": an apposition after a name (it is described, then speaks).
APPOSITION_AFTER = re.compile(r"\s*,\s*(?:a|an|the)\b")
#: "X's": a possessive after a name.
POSSESSIVE_AFTER = re.compile(r"['’]s\b")
POSSESSED_WORD = re.compile(r"['’]s\s+(\w+)")
#: "according to the ... X": X is the source, not the actor.
ACCORDING_BEFORE = _rx(r"according to\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$")
#: "to X", "in X", "from X": a destination or place, not who acted.
PLACE_PREPOSITION_BEFORE = _rx(r"\b(?:to|into|in|from|at|for|with|of)\s+(?:the\s+)?$")
#: A country's adjective ("Belarusian"), not its name.
ADJECTIVE_END = re.compile(r"(?:ian|ese|ish)$")
#: "according to X", "per X", "citing X".
ACCORDING_TO = _rx(r"\b(?:according to|per|citing)\s+")
#: "a report from the X group": the part after the last "from", "by", "of".
FROM_BY_OF = re.compile(r"\b(?:from|by|of)\s+")
#: An article opening a noun phrase.
ARTICLE_START = re.compile(r"^(?:the|a|an)\s+")
#: "said the X": a say-verb and an article.
SAY_VERB_THEN = _rx(r"\b" + EN.alternation("say_verbs") + r"\s+(?:the\s+)?")
#: "his press service": a body owned by the person named before.
OWNED_BODY = re.compile(r"(?:his|her)\s+(.+)")
#: Conjunctions and articles opening a clause's subject.
CLAUSE_OPENERS = re.compile(r"^(?:(?:but|and|while|yet|the|a|an)\s+)+")
#: "he said", "they reported": a pronoun's speaker.
PRONOUN_SAYS = _rx(r"\b(?:he|she|they)\s+(?:\w+ly\s+)?" + EN.alternation("say_verbs") + r"\b")
#: "the rights group said", "critics say": a described group that speaks.
NOUN_SAYS = re.compile(
    r"(?:^|\b(?:the)\s+|,\s*)((?:[A-Z][a-z]+\s+)?[a-z][a-z -]{2,40}?)\s+"
    + EN.alternation("say_verbs", "opinion_verbs")
    + r"\b"
)
#: Auxiliaries and verbs that end a clause's opening subject.
SUBJECT_END = _rx(
    r"\b(?:have|has|had|is|are|was|were|will|would|did|do|does|further|also|again|now|still|jointly|"
    r"call|calls|called|urge|urges|urged|demand|demands|demanded|adopted|issued)\b"
)
#: "the Government of Burma".
GOVERNMENT_OF_BEFORE = _rx(r"\bgovernment of\s+(?:the\s+)?$")
GOVERNMENT_OF = "Government of "
#: "was freed", "have been detained": a passive before the verb.
PASSIVE_BEFORE = re.compile(r"\b(?:been|was|were|is|are)\s+(?:\w+ly\s+)?$")
#: "released from prison in X".
FROM_PRISON_IN = re.compile(r"\s+from\s+(?:prison in\s+)?")
#: "The junta has arrested ...": a state body as the subject before the verb.
STATE_SUBJECT = re.compile(
    r"\b(?P<body>(?:(?!(?:The|A|An|Its|Their)\b)[A-Z][a-z]+\s+){0,2}"  # "A Hong Kong court"
    + EN.alternation("state_bodies")
    + r")\s+(?:(?:has|have|had|also|then|later|again)\s+)*"
    r"(?:\w+ly\s+)?$"
)
STATE_SUBJECT_GROUP = "body"
#: "“We have freed 20 people,” X said": the speaker acts.
FIRST_PERSON = _rx(r"\b(?:we|I)\s+(?:(?:have|has|had|will|just|already|today|also)\s+)*$")
#: "Russia and the United States": two sides joined.
AND_THE = re.compile(r"\s*(?:and|&)\s+(?:the\s+)?")
AND_THE_NAME = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?[A-Z]")
#: "... by the X": a by-phrase after the verb.
BY_PHRASE = re.compile(r"[^.]{0,40}?\bby\s+(?:the\s+)?")
#: A state body named by office ("the authorities").
OFFICE = _rx("(" + EN.alternation("state_bodies") + r")\b")
STATE_BODY = _rx(r"^Government of\b|\b" + EN.alternation("state_bodies") + "$")
POLICE = _rx(r"\b" + EN.alternation("police_bodies") + "$")
#: "deported to X", "exile in X": X is where they went, not who held them.
SENT_THERE_BEFORE = re.compile(r"\b(?:to|into|for|exile in|arrived in|landed in)\s+(?:the\s+)?$")

# --- subsets and lists (`relations.py`) ---
#: Populations of foreigners, one kind whatever the wording.
FOREIGN_POPULATIONS = frozenset({"foreigners", "foreign_nationals"})
#: The last part of a population of a nation's citizens ("lithuanian_nationals").
#: Populations that name no kind of their own, from the least specific ("people").
GENERAL_POPULATIONS = {"people": 0, "prisoners": 1}
#: What stands between two counts of one list ("six Lithuanians, two Latvians").
LIST_GAP = re.compile(r"\s*(?:,|and|, and|;)\s*")
#: A clause break between parallel parts ("10 were sent to Russia, 13 to Germany, and ...").
CLAUSE_GAP = re.compile(r"[^.;:!?\d—–(]{0,80}(?:,\s*(?:and\s+)?|\s+and\s+)")

# --- quotations (`quotes.py`) ---
_QUOTE_SAY = EN.alternation("say_verbs", "quote_verbs")
#: "..., X said." / "said X" after a quotation: its speaker.
QUOTE_AFTER = re.compile(
    rf"^[\s,]*(?:(?P<who>[^,.;\"“”]{{1,60}}?)\s+{_QUOTE_SAY}\b|{_QUOTE_SAY}\s+(?P<who2>[^,.;\"“”]{{1,60}}))",
    re.I,
)
QUOTE_QUOTED_AS = re.compile(
    r"(?:quoted|cited)\s+(?P<who>[^,.;\"“”]{1,60}?)\s+as\s+(?:say(?:ing|s)|telling)", re.I
)
#: "..., the statement read": a document speaks for whoever issued it.
QUOTE_DOCUMENT_SAYS = re.compile(
    r"^[\s,]*(?:the|a|an|its|their|his|her)\s+(?:\w+\s+)?"
    r"(?:statement|letter|post|message|tweet|communiqu\w+|press release)\s+"
    r"(?:read|reads|said|says|stated|noted)\b",
    re.I,
)
#: "according to a tweet from X:" before a quotation set off on its own line.
QUOTE_ACCORDING = re.compile(
    r"\baccording to\s+(?:(?:a|an|the|his|her|their)\s+)?(?:\w+\s+){0,2}?"
    r"(?:(?:from|by|of)\s+)?(?P<who>[^,;:\"“”]{1,80})[\s:]*$",
    re.I,
)
#: "According to Viasna, ..." opening the sentence a quotation stands in.
QUOTE_ACCORDING_LEAD = re.compile(r"^\W*according to\s+(?P<who>[^,;:\"“”]{1,80}),", re.I)
#: An outlet or a document named by description, to be read as the last organisation named.
QUOTE_DESCRIBED = re.compile(
    r"^(?:the|its|their)\s+(?:\w+\s+)?(?:agency|outlet|newspaper|broadcaster|statement|"
    r"channel|service)$",
    re.I,
)
#: A quoted title of an article, book or film is not something anyone said.
QUOTE_TITLE_BEFORE = re.compile(
    r"\b(?:article|report|book|headline|film|documentary|song|column|op-ed|story|titled|"
    r"entitled)\s*[:,]?\s*$",
    re.I,
)
#: "declared a political prisoner" designates; it does not introduce speech.
QUOTE_NOT_SPEECH = re.compile(r"\s+(?:\w+\s+){0,3}?(?:a\s+)?political prisoners?\b", re.I)
#: Scare quotes and slogans ("extremism", "Long live Belarus!") with nobody saying them.
QUOTE_SHORTEST_UNATTRIBUTED = 4
QUOTE_QUOTED_BY = re.compile(r"quoted by\s+(?:the\s+)?(?P<via>[^,.;\"“”]{1,60})", re.I)
QUOTE_PRONOUN = re.compile(r"\b(?:he|she|they)\s+" + _QUOTE_SAY + r"\b", re.I)
#: The names of the groups the patterns above capture.
WHO, WHO2, VIA = "who", "who2", "via"
#: Pronouns that point back to the last speaker ("he added").
SPEAKER_PRONOUNS = ("he", "she", "they")
#: "told the state news agency X": the outlet the words were given to.
QUOTE_TOLD = re.compile(
    r"\b(?:told|telling|in an interview with|speaking to|said to|according to an interview with)\s+"
    r"(?:the\s+)?(?:(?:state|state-run|independent|news|outlet|agency|newspaper|broadcaster|"
    r"daily|channel)\s+)*",
    re.I,
)
ARTICLE_START_ANY_CASE = _rx(r"^(?:the|a|an)\s+")
#: A wire report's dateline opening a paragraph: the place in capitals, maybe a date, maybe
#: the agency in brackets, then a dash ("CARACAS (Reuters) - ", "GUATEMALA CITY — (AP) — ",
#: "WASHINGTON, Dec 3 (Reuters) -"). The place is where the report was filed, and the agency
#: the one that filed it: neither acts in the story nor is the source of its figures.
DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}"
    r"(?:,\s*[A-Za-z. ]{0,25}\d{0,4})?)"
    r"(?:\s*[-—–]+)?\s*(?P<agency>\([^()\n]{1,40}\))?\s*[-—–]+\s"
)
#: The rest of a body's name after the word the entity model stopped at: a capitalised
#: "for"/"of" phrase, maybe with "the" ("the Mechanism for the Recognition of Political
#: Prisoners", "the Union for Freedom of Political Prisoners of Azerbaijan").
BODY_NAME_TAIL = re.compile(
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*)+"
)
#: A name's possessive right before a state body ("Myanmar's Military Junta"): the owner.
OWNER_BEFORE = re.compile(r"\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+$")
#: The place a report was filed from, with its country or state after a comma ("DUBAI, United
#: Arab Emirates —"): a place, never an actor of the story.
DATELINE_PLACE = "place"
DATELINE_AGENCY = "agency"
#: "group's count": the owner of a figure named after "according to".
POSSESSOR = re.compile(r"^(.+?)['’]s\s+\w+")
#: An office's title as the subject right before the verb, "the country's supreme leader has
#: pardoned", "Iran's president freed" (words/ruler_titles.txt): the title, for finding the
#: person the article names with it.
TITLE_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?i:the|its|their)\s+(?:[\w-]+['’]s\s+)?|\b[A-Z][\w-]+['’]s\s+)"
    r"(?:(?i:new|former|interim|acting)\s+)?(?P<title>(?i:"
    + EN.alternation("ruler_titles")
    + r"))\s+(?:(?i:has|have|had|also|then|personally|now)\s+)*$"
)
#: The group of TITLE_SUBJECT_BEFORE holding the title.
TITLE = "title"


def titled_before(title: str) -> re.Pattern[str]:
    """The title written right before a name, with up to two capitalised words between
    ("Supreme Leader Ayatollah Ali Khamenei", "President Ilham Aliyev"), ending where the name
    starts."""
    words = re.escape(title).replace(r"\ ", r"\s+")
    return re.compile(r"\b(?i:" + words + r")\s+(?:[A-Z][\w'’-]*\s+){0,2}$")


#: A body's name whose words after its first are in quotation marks, with its acronym after
#: it: 'the Union “For Freedom of Political Prisoners of Azerbaijan” (FFPPA)'. The entity
#: model misses such names; the acronym (the initials of the capitalised words) confirms it.
#: Groups: the first word, the quoted words, the acronym.
QUOTED_BODY = re.compile(
    r"\b([A-Z][\w-]+)\s+[“\"«]([A-Z][^”“\"«»\n]{3,80}?)\s*[”\"»]"
    r"\s*\(([A-Z]{3,})\)"
)


# Time expressions of news reports the normaliser (timex.py) reads (issue 12, session 6).
_TIMEX_YEAR = r"(?:1[89]\d\d|20\d\d)"
#: "the third quarter", "the first half of 2025": group 1 the ordinal, 2 the part, 3 the year.
TIMEX_YEAR_PART = _rx(
    rf"\b(?:the\s+)?({EN.alternation('ordinal_numbers')})\s+({EN.alternation('year_parts')})"
    rf"(?:\s+of\s+({_TIMEX_YEAR}))?\b"
)
#: "4 p.m.", "10:30 a.m.": group 1 the hour, 2 the minutes, 3 the half of the day.
TIMEX_CLOCK = _rx(r"\b(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([ap])\.?m\b\.?")
#: "at midnight", "noon": group 1 the word (clock_words).
TIMEX_CLOCK_WORD = _rx(rf"\b({EN.alternation('clock_words')})\b")
#: "last weekend", "this weekend": group 1 the shift, 2 the part of the week.
TIMEX_WEEK_PART = _rx(
    rf"\b({EN.alternation('relative_shifts')})\s+({EN.alternation('week_parts')})\b"
)
#: "last night": the night before the article's day.
TIMEX_LAST_NIGHT = _rx(rf"\blast\s+{EN.alternation('night_words')}\b")
#: "the spring of 2011", "summer 2019": group 1 the season, 2 the year.
TIMEX_SEASON_OF_YEAR = _rx(
    rf"\b(?:the\s+)?({EN.alternation('season_names')})\s+(?:of\s+)?({_TIMEX_YEAR})\b"
)
#: A past verb of telling right before a time ("said on Monday", "announced Tuesday"): the
#: time dates the telling, which is past.
TIMEX_TOLD_BEFORE = _rx(rf"\b{EN.alternation('past_say_verbs')}\s+(?:on\s+)?$")
