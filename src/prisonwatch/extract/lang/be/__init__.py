"""Belarusian words the extraction rules react to.

No Belarusian lemmatiser installs offline from PyPI (lemmatizer-be fetches its dictionary at
run time), so every key here is a stem ending in "*", matched at the start of the lowercased
word form ("вызвал*" is вызваліць, вызвалены, вызваленне in every case). Values are the
contract's English vocabulary.
"""

from __future__ import annotations

CODE = "be"

TRIGGERS: dict[str, str] = {
    "вызвал*": "released",
    "вызваля*": "released",
    "памілав*": "released",
    "выпусц*": "released",
    "выпушч*": "released",
    "адпусц*": "released",
    "адпушч*": "released",
    "амністава*": "released",
    "затрым*": "detained",
    "арышт*": "detained",
    "асудж*": "sentenced",
    "асудз*": "sentenced",
    "прысудз*": "sentenced",
    "прызна*": "designated",
    "выдвар*": "deported",
    "дэпарт*": "deported",
    "выслал*": "deported",
    "выслан*": "deported",
    "прывезл*": "deported",
    "вывезл*": "deported",
    "вывезен*": "deported",
    "высыла*": "deported",
    "патраба*": "demanded",
    "патрабу*": "demanded",
    "патрабаванн*": "demanded",  # "рэзалюцыя з патрабаваннем вызваліць"
    "дамага*": "demanded",
    "дамагч*": "demanded",
    "заклік*": "demanded",
    "памёр*": "died_in_custody",
    "памерл*": "died_in_custody",
    "загін*": "died_in_custody",
    "застаюц*": "held",
    "застаец*": "held",
    "знаходзяц*": "held",
    "утрымлів*": "held",
    "налічва*": "held",
}

PHRASES: list[tuple[str, str]] = [
    (r"\bвый(?:шлі|шаў|шла|шаўш\w*|сці)\s+на\s+(?:волю|свабоду)", "released"),
    (r"\bна\s+вол[іі]\b|\bна\s+волю\b|\bна\s+свабодзе\b", "released"),
    (r"\bвый(?:шлі|шаў|шла)\s+з\s+(?:турм\w+|калоні\w+|месцаў\s+зняволення)", "released"),
    (r"\bз\s+(?:турм\w+|калоні\w+)\s+вый(?:шлі|шаў|шла)", "released"),
    (r"\bназвал\w*\s+палітвязн\w+|\bдадал\w*", "designated"),
    # "праваабаронцы лічаць палітвязнямі 1 118 чалавек": a stock
    (r"\bліч(?:аць|ыць|ылі|ым)\s+палітвязн\w+", "held"),
    (r"\bза\s+кратамі\b|\b[уў]\s+зняволенні\b", "held"),
    (
        r"\bзноў\s+(?:адправ\w+|пасадз\w+|затрым\w+)|\bвярнул\w*\s+(?:[уў]\s+калоні|за\s+краты)",
        "returned_to_custody",
    ),
    # in an exchange: "Расія перадала 16 чалавек, а ўзамен атрымала 10"
    (
        r"\bперада(?:ла|ў|лі|ны|ная|дзены)\b(?=[^.]*\b(?:узамен|ўзамен|у\s+абмен|ў\s+абмен))",
        "released",
    ),
    (r"(?<=[уў]замен\s)атрыма\w*|(?<=абмен\s)атрыма\w*", "released"),
    # the passive: "быў вернуты ў калонію", "вернутыя за краты"
    (
        r"\bвернут\w*\s+(?:назад\s+)?(?:[уў]\s+(?:калоні|турм|сізо)|за\s+краты)",
        "returned_to_custody",
    ),
]

MECHANISMS: dict[str, str] = {
    "памілав*": "pardon",
    "амніст*": "amnesty",
    "абмен*": "exchange",
    "перамов*": "deal",
    "здзелк*": "deal",
    "выдвар*": "deportation",
    "дэпарт*": "deportation",
    "выгнан*": "deportation",
    "вываз*": "deportation",
    "вывез*": "deportation",
    "адбыў*": "term_served",
    "заканчэнн*": "term_served",  # "пасля заканчэння тэрміну выйшлі"
    "сканчэнн*": "term_served",
    "адбыл*": "term_served",  # "адбылі тэрмін"
    "адбыўш*": "term_served",
    "умоўна-датэрмінов*": "conditional",
}

POPULATIONS: dict[str, str] = {
    "імён": "people",  # "у спісе 1 136 імён": the names of a list are its people
    "імёнаў": "people",  # the same genitive plural, as Belarusian outlets also write it
    "імёны": "people",
    "палітвяз*": "political_prisoners",
    "палітзняв*": "political_prisoners",
    "палітычных зняв*": "political_prisoners",
    "вязн*": "prisoners",
    "вязе*": "prisoners",
    "зняволен*": "prisoners",
    "чалавек*": "people",
    "асоб*": "people",
    "людзе*": "people",
    "людз*": "people",
    "жанчын*": "women",
    "мужчын*": "men",
    "грамадзян*": "citizens",
    "замежнік*": "foreigners",
    "іншаземц*": "foreigners",  # "12 іншаземцаў"
    "іншаземец": "foreigners",
    "журналіст*": "journalists",
    "беларуск*": "",  # the adjective "беларускія палітвязні" names no population
    "беларус*": "belarusians",
    "паляк*": "poles",
    "палякa*": "poles",
    "латыш*": "latvians",
    "літоўц*": "lithuanians",
    "літовец*": "lithuanians",
    "японц*": "japanese",
    "японец*": "japanese",
    "эстонц*": "estonians",
    "швед*": "swedes",
    "украін*": "ukrainians",
    "амерыкан*": "americans",
    "асуджан*": "convicts",
    "актывіст*": "activists",
    "анархіст*": "anarchists",
    "праваабаронц*": "human_rights_defenders",
    "студэнт*": "students",
    "пенсіянер*": "pensioners",
    "апазіцыянер*": "opposition_members",
    "палітык*": "politicians",
    "святар*": "priests",
    "валанцёр*": "volunteers",
    "блогер*": "bloggers",
    "адвакат*": "lawyers",
    "музыкант*": "musicians",
    "непаўналетн*": "minors",
    "падлетк*": "minors",
    "удзельнік*": "participants",
    "пратэстоўц*": "protesters",
    "маці": "mothers",
    "фігурант*": "defendants",
    "абвінавачан*": "defendants",
}
CITIZENS_OF = {
    "літвы": "lithuanian", "латвіі": "latvian", "польшчы": "polish", "германіі": "german",
    "францыі": "french", "вялікабрытаніі": "british", "зша": "american", "украіны": "ukrainian",
    "японіі": "japanese", "швецыі": "swedish", "эстоніі": "estonian", "расіі": "russian",
    "беларусі": "belarusian", "італіі": "italian", "аўстраліі": "australian",
}  # fmt: skip
ANIMATE_POPULATION = "people"
COLLOCATIONS: list[tuple[set[str], set[str], str]] = [
    ({"атрыма*", "вярну*"}, {"свабод*", "волю", "вол*"}, "released"),
    ({"выйш*", "выйсц*", "выход*", "выпусц*", "адпусц*"}, {"свабод*", "волю", "вол*"}, "released"),
    ({"вынес*", "вынос*"}, {"прысуд*"}, "sentenced"),
    ({"прызнач*"}, {"арышт*", "пакаранн*"}, "sentenced"),  # "прызначыў арышт"
    ({"дада*", "унес*", "уключ*", "папоўн*"}, {"спіс*"}, "designated"),
]
# verb forms of a trigger that tell what will happen (a perfective verb's non-past is its
# future: "вызваляць", "адпусцяць", "памілуюць"); a demand's infinitive is read before this
FUTURE = r"(?:яць|юць|уць|іць|ыць|уе|юе)$"
POLITICAL = {"палітычн*"}
FOREIGN = {"замежн*", "іншаземн*"}

QUALIFIERS: list[tuple[str, str]] = [
    ("не менш за", "at_least"),
    ("не менш як", "at_least"),
    ("не менш", "at_least"),
    ("прынамсі", "at_least"),
    ("па меншай меры", "at_least"),
    ("як мінімум", "at_least"),
    ("больш за", "more_than"),
    ("больш як", "more_than"),
    ("больш чым", "more_than"),
    ("звыш", "more_than"),
    ("каля", "about"),
    ("прыкладна", "about"),
    ("прыблізна", "about"),
    ("парадку", "about"),
    ("амаль", "about"),
    ("менш за", "fewer_than"),
    ("менш як", "fewer_than"),
    ("менш чым", "fewer_than"),
    ("да", "up_to"),
]

# number words in every case (Belarusian numerals decline; the paradigms are listed, not
# stemmed): value -> its forms (nominative, genitive, dative, instrumental, locative; feminine
# and collective forms with them)
NUMBER_FORMS: dict[int, tuple[str, ...]] = {
    1: ("адзін", "адна", "адно", "аднаго", "адной", "аднаму", "адным", "адну", "аднюю"),
    2: ("два", "дзве", "двух", "дзвюх", "двюх", "двум", "дзвюм", "двума", "дзвюма", "двое",
        "дваіх", "дваім", "дваімі", "абодва", "абедзве", "абодвух", "абедзвюх"),
    3: ("тры", "трох", "тром", "трыма", "трое", "траіх", "траім", "траімі"),
    4: ("чатыры", "чатырох", "чатыром", "чатырма", "чацвёра", "чацвярых", "чацвярым",
        "чацвярымі"),
    5: ("пяць", "пяці", "пяццю", "пяцёра", "пяцярых", "пяцярым", "пяцярымі"),
    6: ("шэсць", "шасці", "шасцю", "шасцёра", "шасцярых", "шасцярым", "шасцярымі"),
    7: ("сем", "сямі", "сямю", "сямёра", "сямярых", "сямярым", "сямярымі"),
    8: ("восем", "васьмі", "васьмю", "васьмёра", "васьмярых", "васьмярым", "васьмярымі"),
    9: ("дзевяць", "дзевяці", "дзевяццю", "дзевяцёра", "дзевяцярых", "дзевяцярым"),
    10: ("дзесяць", "дзесяці", "дзесяццю", "дзесяцёра", "дзесяцярых", "дзесяцярым"),
    11: ("адзінаццаць", "адзінаццаці", "адзінаццаццю"),
    12: ("дванаццаць", "дванаццаці", "дванаццаццю"),
    13: ("трынаццаць", "трынаццаці", "трынаццаццю"),
    14: ("чатырнаццаць", "чатырнаццаці", "чатырнаццаццю"),
    15: ("пятнаццаць", "пятнаццаці", "пятнаццаццю"),
    16: ("шаснаццаць", "шаснаццаці", "шаснаццаццю"),
    17: ("сямнаццаць", "сямнаццаці", "сямнаццаццю"),
    18: ("васямнаццаць", "васямнаццаці", "васямнаццаццю"),
    19: ("дзевятнаццаць", "дзевятнаццаці", "дзевятнаццаццю"),
    20: ("дваццаць", "дваццаці", "дваццаццю"),
    30: ("трыццаць", "трыццаці", "трыццаццю"),
    40: ("сорак", "сарака"),
    50: ("пяцьдзясят", "пяцідзесяці", "пяццюдзесяццю"),
    60: ("шэсцьдзясят", "шасцідзесяці", "шасцюдзесяццю"),
    70: ("семдзесят", "сямідзесяці", "сямюдзесяццю"),
    80: ("восемдзесят", "васьмідзесяці", "васьмюдзесяццю"),
    90: ("дзевяноста",),
    100: ("сто", "ста"),
    200: ("дзвесце", "двухсот", "двумстам", "двумастамі", "двухстах", "дзвюмстам"),
    300: ("трыста", "трохсот", "тромстам", "трымастамі", "трохстах"),
    400: ("чатырыста", "чатырохсот", "чатыромстам", "чатырмастамі", "чатырохстах"),
    500: ("пяцьсот", "пяцісот", "пяцістам", "пяццюстамі", "пяцістах"),
    600: ("шэсцьсот", "шасцісот", "шасцістам", "шасцюстамі", "шасцістах"),
    700: ("семсот", "сямісот", "сямістам", "сямюстамі", "сямістах"),
    800: ("восемсот", "васьмісот", "васьмістам", "васьмюстамі", "васьмістах"),
    900: ("дзевяцьсот", "дзевяцісот", "дзевяцістам", "дзевяццюстамі", "дзевяцістах"),
}  # fmt: skip
NUMBERS: dict[str, int] = {form: value for value, forms in NUMBER_FORMS.items() for form in forms}
THOUSAND = {
    "тысяча", "тысячы", "тысяч", "тысячу", "тысячай", "тысячам", "тысячамі", "тысячах", "тыс",
}  # fmt: skip
ONE_AND_A_HALF = {"паўтара", "паўтары"}
OF_THEM = {"іх", "якіх"}
# collective numerals: they count people without a noun ("Двое вызвалены")
COLLECTIVE = {
    "двое", "дваіх", "дваім", "трое", "траіх", "траім", "чацвёра", "чацвярых", "чацвярым",
    "пяцёра", "пяцярых", "пяцярым", "шасцёра", "шасцярых", "шасцярым", "сямёра", "сямярых",
    "сямярым", "васьмёра", "васьмярых", "васьмярым", "дзевяцёра", "дзевяцярых", "дзесяцёра",
    "дзесяцярых", "абодва", "абедзве",
}  # fmt: skip
# the word between the two numbers of a range ("от трех до пяти лет")
RANGE_TO = {"да"}
# nouns of persons by their suffix ("медыйнікаў", "гандляроў" aside): a count of people when the
# population table does not know the noun
PERSON_NOUN = r"\w{2,}(?:нік|ніц|іст|ыст|чык|шчык)(?:аў|ы|і|ам|амі|ах|а|у|ай|ам)?$"
# nouns after a number that count no people (stems)
UNITS = {
    "гад*", "год*", "месяц*", "тыдз*", "тыдн*", "дзён", "дзень", "дні", "сутк*", "сутак",
    "гадзін*", "хвілін*", "раз", "разы", "разоў", "працэнт*", "рубл*", "долар*", "еўра",
    "базав*", "артыкул*", "спраў*", "справ*", "штраф*", "кіламетр*",
}  # fmt: skip

SAY_VERBS = {
    "паведам*", "заяв*", "сказа*", "кажа*", "казаў*", "напіса*", "піша*", "адзнач*",
    "расказа*", "падкрэсл*", "падлічы*", "дада*", "перада*",
    "пацвердз*", "пацвярдж*", "удакладн*", "растлумач*",  # as the Russian list: подтвердить ...
    "нагадва*", "нагада*",  # "Праваабаронцы нагадваюць, што ..."
    "налічва*", "налічы*", "лічаць", "лічыць", "палічы*",  # "Праваабаронцы налічваюць 1 150"
}  # fmt: skip
HIS = {"ягоных", "ягоным", "яго", "яе", "ейных", "іх", "іхных"}
ACCORDING = [
    r"паводле", r"па\s+дадзеных", r"па\s+словах", r"па\s+інфармацыі", r"як\s+паведамляе",
    r"па\s+падліках", r"па\s+ацэнках", r"па\s+ацэнцы", r"па\s+звестках", r"як\s+стала\s+вядома",
    r"згодна\s+з",
]  # fmt: skip

SUBSET_CUES = [
    r"\bз\s+іх\b",
    r"\bсярод\s+іх\b",
    r"\bу\s+тым\s+ліку\b",
    r"\bгаворка\s+ідзе\s+пра\b",
    # "сярод затрыманых", "сярод асуджаных": the participle of any act names the group
    r"\bсярод\s+(?:памілаван|вызвален|выйшаўш|затрыман|арыштаван|асуджан|адпушчан"
    r"|дэпартаван|высылан|выдваран|прызнан)\w*",
    # "у іх ліку", "у ліку вызваленых": as "сярод іх", "сярод вызваленых"
    r"\bу\s+іх\s+ліку\b",
    r"\bу\s+ліку\s+(?:памілаван|вызвален|выйшаўш|затрыман|арыштаван|асуджан|адпушчан"
    r"|дэпартаван|высылан|выдваран|прызнан)\w*",
]
THEY = {"яны", "іх"}
# words that point back to the people just counted or named, as "яны" does ("Сужэнцаў
# затрымалі ў красавіку": the couple named before)
THEY_BOTH = {"сужэнцы", "сужэнцаў", "сужэнцам", "абодва", "абодвух", "абедзве", "абедзвюх"}

MONTHS = {
    "студз*": 1, "лют*": 2, "сакав*": 3, "красав*": 4, "трав*": 5, "траў*": 5, "чэрв*": 6,
    "ліп*": 7, "жнів*": 8, "жніў*": 8, "вераснь*": 9, "верас*": 9, "кастрыч*": 10,
    "лістапад*": 11, "снеж*": 12,
}  # fmt: skip
WEEKDAYS = {
    "панядзел*": 0, "аўтор*": 1, "серад*": 2, "чацвер*": 3, "пятніц*": 4, "субот*": 5,
    "нядзел*": 6,
}  # fmt: skip
RELATIVE_DAYS = {
    "сёння": 0, "учора": -1, "ўчора": -1, "пазаўчора": -2, "напярэдадні": -1,
}  # fmt: skip
SINCE = {"з", "са"}
YEAR = {"год*"}
START = {"пачат*"}  # "з пачатку года"
# a year told against the article's ("у красавіку мінулага года", "летась", "сёлета")
RELATIVE_YEARS = {"мінул*": -1, "пазамінул*": -2, "гэтага": 0, "гэтым": 0, "бягуч*": 0}
YEAR_ADVERBS = {"летась": -1, "сёлета": 0, "леташні*": -1}
# "у мінулым месяцы": the same words before the word for a month tell a month against the
# article's
MONTH_WORD = {"месяц*", "месяцы"}
WEEK_WORD = {"тыдз*", "тыдн*"}  # "на мінулым тыдні": that week, Monday to Sunday
# "пратэстаў 2020 года": a year in the genitive is the time of the act only after these words
# (a preposition or a noun of time: "з 2020 года", "летам 2020 года"), else it describes a noun
YEAR_GENITIVE = {"года", "гада"}
BEFORE_YEAR = {
    "з", "са", "да", "па", "ад", "пасля", "каля", "пачат*", "канц*", "канец", "сярэдзін*",
    "лет*", "восен*", "восень", "зім*", "вясн*", "палов*", "працяг*",
}  # fmt: skip

EVENTS = {
    "перамов*": "talks",
    "сустрэч*": "meeting",
    "сустрэл*": "meeting",
    "візіт*": "visit",
    "наведа*": "visit",
}
CONCESSIONS: list[tuple[str, str]] = [
    (r"зняцц\w+\s+(?:\w+\s+)?санкцый", "sanctions_lifted"),
    (r"адмен\w+\s+(?:\w+\s+)?санкцый", "sanctions_lifted"),
    (r"змякчэнн\w+\s+(?:\w+\s+)?санкцый", "sanctions_eased"),
    (r"паслабленн\w+\s+(?:\w+\s+)?санкцый", "sanctions_eased"),
]
CONCESSION_VERBS: list[tuple[str, str]] = [
    (r"зня(?:ць|лі|ла|ў|тыя)\s+(?:\w+\s+){0,2}санкцы", "sanctions_lifted"),
    (r"адмян\w*\s+(?:\w+\s+){0,2}санкцы", "sanctions_lifted"),
    (r"змякч\w*\s+(?:\w+\s+){0,2}санкцы", "sanctions_eased"),
    (r"аслаб\w*\s+(?:\w+\s+){0,2}санкцы", "sanctions_eased"),
    (r"здыма\w*\s+(?:\w+\s+){0,2}санкцы", "sanctions_lifted"),
]
IN_RETURN = r"у\s+абмен\s+на|наўзамен|у\s+адказ\b"

PRESS_SERVICE = r"прэс-служб\w*"
# genitive endings of one-word names after "паводле", "з" -> the nominative's ("Вясны" -> "Вясна")
# (and of the dative after "стала вядома": "Свабодзе" -> "Свабода")
GENITIVE_ENDINGS = [
    ("дзе", "да"), ("це", "та"),
    ("іі", "ія"), ("ыі", "ыя"), ("кі", "ка"), ("гі", "га"), ("хі", "ха"), ("ай", "ая"),
    ("ы", "а"), ("і", "я"),
]  # fmt: skip
GENERIC_SOURCES = {
    "праваабаронц*": "праваабаронцы",
    "адвакат*": "адвакаты",  # "расказалі іх адвакаты"
}
# a one-word name certainly in the genitive (after "з" of sanctions) whose ending only a masculine
# noun has there: "-ія", "-ію" (калій -> калія, калію; a feminine -ія makes -іі) -> "-ій"
GENITIVE_MASCULINE = [("ія", "ій"), ("ію", "ій")]  # калія, калію

# what only may happen, is expected or promised (stems): no claim in their clause
HYPOTHETICAL = {
    "можа*", "могуць", "мог", "магла", "маглі", "змож*", "плану*", "будуць", "будзе", "чака*",
    "збіра*",
    "абяца*", "паабяца*", "магчым*", "калі", "б", "бы", "нібыта", "хоча*", "спадзя*",
    "рыхту*", "гатов*",
}  # fmt: skip
NUMBER_SIGNS = {"№", "нумар"}
COUNT_NOUNS = {"колькасц*", "лік"}
COUNT_VERBS = {
    "перавыша*": "more_than", "перавысі*": "more_than", "складае": "exact", "склала": "exact",
    "складала": "exact", "дасягну*": "exact", "дасяга*": "exact",
}  # fmt: skip
# plural endings of nouns (no lemmatiser: a singular is told by their absence)
PLURAL_ENDINGS = r"(?:і|ы|аў|яў|ам|ям|амі|ямі|ах|ях)$"
AGAIN = {"зноў", "ізноў", "паўторна", "знову"}
# kin and others a pronoun may own ("іх сваякоў затрымалі": their relatives, not them)
RELATIVES = {
    "сваяк*", "родн*", "блізк*", "сем’*", "сям’*", "сем'*", "сям'*", "дзяц*", "дзец*",
    "жонк*", "мужоў", "мужа", "бацьк*", "маці", "адвакат*", "сяб*", "кватэр*", "дом*",
}  # fmt: skip
# a pronoun standing for a person named in the sentence before ("яго вярнулі ў калонію")
HIM_HER = {"яго", "яе"}
STILL = {"яшчэ"}
CUSTODY = {
    "калоні*", "турм*", "сізо", "сіза", "шіза", "пкт", "крат*", "зняволен*", "ізалятар*",
    "камер*",
}  # fmt: skip

# a sentence that only says who told what the sentence before told ("Об этом сообщает X")
ABOUT_THIS = r"\bпра\s+гэта\b|\bаб\s+гэтым\b|\bгэтую\s+інфармацыю\b"

# "earlier": a time the text does not give (a claim so told has no `when`)
EARLIER = {"раней"}
# "задержали в декабре 2023 года и позднее приговорили": a word of a later step between a
# time and an act; the time is the step's before it, not this act's
LATER = {"пазней", "пазьней", "потым", "затым"}
# "а іх больш за 1 100", "якіх ужо 1 100": how many of the people named before there are
HOW_MANY = r"\bа\s+іх\b(?:\s+ужо)?|\bякіх\s+(?:ужо|цяпер|сёння)\b"
# a figure told as a total at the time of writing is a stock ("Усяго ... прызнаныя 1417")
# a stock told as of a day ("па стане на 1 снежня"): the words just before that day
AS_OF = r"\bпа\s+стане\s+на\s*$|\bна\s+момант\s*$"
# "у спісе Вясны", "у спісах «Вясны»": the list an organisation keeps, named by it (capital
# or quotation mark next): its list of political prisoners, and the figure is its own
ORG_LIST = r"\b[уўУЎ]\s+спіс(?:е|ах)\s+(?=«?[А-ЯЁІЎA-Z])"
# "у спісе" naming no one whose: the list of the act told just before (a pardon
# decree's list), whose people a count in it is part of
ACT_LIST = r"\b[уўУЎ]\s+спісе\b(?!\s+«?[А-ЯЁІЎA-Z])"
STOCK = r"\bусяго\b|\bна\s+(?:дадзены|сённяшні)\s+момант\b|\bна\s+сёння\b"
# common nouns that act as agents before a trigger ("белорусский режим освободил")
AGENT_NOUNS = {
    "рэжым*", "улад*", "суд*", "урад*",
    # security bodies that arrest: "КДБ затрымаў", "сілавікі затрымалі"
    "кдб", "губазік*", "амап*", "міліцы*", "сілавік*",
}  # fmt: skip

# --- words the rules use for grammar rather than meaning ---
COUNTRY_FORMS = {
    "беларусь": "BY", "беларусі": "BY", "расія": "RU", "расіі": "RU", "літва": "LT",
    "літве": "LT", "літву": "LT", "літвы": "LT", "польшча": "PL", "польшчы": "PL",
    "польшы": "PL", "украіна": "UA", "украіны": "UA", "украіну": "UA", "зша": "US",
}  # fmt: skip
HOME_ADJECTIVE = r"беларуск"
NOT_NAMES = {
    "у", "ў", "але", "і", "яго", "яе", "іх", "як", "пра", "па", "з", "на", "для", "ля", "ад",
    "прэзідэнт", "лідарка", "лідар", "жонка",
    # time words a model's span may open with ("Напярэдадні Лукашэнка")
    "напярэдадні", "сёння", "учора", "ўчора", "пазаўчора", "тады", "цяпер", "раней",
    "летась", "сёлета",
}  # fmt: skip
AND = {"і", "й"}
OF = {"з"}
NEGATION = {"не", "ні"}
PASSIVE_AUX = r"был\w*|быў\w*|стаў\w*"
BREAKDOWN = [
    r"з\s+іх", r"у\s+тым\s+ліку", r"сярод\s+якіх", r"сярод\s+іх", r"з\s+якіх", r"у\s+іх\s+ліку",
    r"у\s+ліку\s+якіх",
]  # fmt: skip
RELATIVE = {"які", "якая", "якой", "якім"}
# the relative pronoun as an object ("Ірына, якую памілавалі ў ліпені": she was pardoned)
RELATIVE_OBJECT = {"якога", "якую", "якіх"}
NOT_SUBJECT = {"як", "гэта", "што", "таксама", "аб", "пра"}
THAT = {"што", "пра"}
PRESS_SERVICE_NAME = "прэс-служба"
COMMENT = "камент"
TITLE_SAYS = {"каментуе", "кажа", "заявіў", "заявіла"}
NEW_YEAR = [("напярэдадні", "новага", "года")]
WITH = {"з", "са", "паміж"}
DELEGATION = "дэлегацы"
AGAINST = {"з", "супраць"}
RELEASE_CONTEXT = r"вызвал|выратаван|памілав"
# Belarusian has no lemmatiser here: participles and verbal nouns are told by their endings
PARTICIPLE = r"(?:ны|ная|нае|ных|нага|ным|ную|нымі|ныя|наму|ены|еных|аны|аных)$"
SINGULAR_PARTICIPLE = r"(?:нага|наму|ным|най|ную|ная|ны)$"
# finite verb forms by their endings (past plural and feminine, present third person)
VERB_FORMS = r"(?:[аяіэыо]лі|[аяіэыо]ла|юць|уць|яць|аць|ецца|юцца|уцца|ьцца|аецца)$"
# adjectives by their endings (the word before an agent noun: "Вярхоўны суд")
ADJECTIVE_ENDINGS = r"(?:ы|і|ая|яя|ае|яе|ыя|ія|ага|яга|ай|яй)$"
VERBAL_NOUN = r"(?:нне|ння|нні|нням|ннем)$"
# the active past in the singular ("памілаваў", "вызваліла"): its subject did it
ACTIVE_SINGULAR = r"(?:[аяіэыо]ў|[аяіэыо]ла)$"
# given names in the nominative (the reader finds a person by a given name in any case and
# the capitalised word after it, where natasha's Russian model misses a Belarusian name)
GIVEN_NAMES = {
    "Аляксандр", "Алесь", "Андрэй", "Антон", "Арцём", "Багдан", "Барыс", "Вадзім", "Валерый",
    "Валянцін", "Васіль", "Віктар", "Віталь", "Уладзімір", "Уладзіслаў", "Улад", "Вячаслаў",
    "Генадзь", "Георгій", "Юрый", "Юрась", "Дзмітрый", "Зміцер", "Дзяніс", "Яўген", "Эдуард",
    "Ігар", "Іван", "Ілья", "Ілля", "Кірыл", "Канстанцін", "Леанід", "Максім", "Міхаіл",
    "Міхась", "Мікалай", "Мікола", "Мікіта", "Алег", "Павел", "Пётр", "Пятро", "Раман",
    "Руслан", "Сяргей", "Сцяпан", "Станіслаў", "Тарас", "Цімафей", "Фёдар", "Францішак",
    "Яраслаў", "Ян", "Янка", "Аляксей", "Анатоль", "Арцур", "Аркадзь", "Глеб", "Данііл",
    "Ігнат", "Сымон", "Ягор", "Якуб", "Вольга", "Алена", "Алеся", "Аксана", "Анастасія",
    "Ганна", "Анна", "Антаніна", "Валянціна", "Вераніка", "Вера", "Вікторыя", "Галіна",
    "Дар’я", "Дар'я", "Дзіяна", "Ева", "Кацярына", "Ксенія", "Лідзія", "Людміла", "Марына",
    "Марыя", "Маргарыта", "Надзея", "Наталля", "Ніна", "Паліна", "Святлана", "Таццяна",
    "Тамара", "Юлія", "Яна", "Ірына", "Інэса", "Лілія", "Любоў", "Аляксандра", "Жанна",
    "Іна", "Зоя", "Крысціна", "Эліна", "Яўгенія", "Уладзіслава", "Васіліна", "Рыгор",
    "Ціхан", "Лявон", "Тадэвуш", "Юзаф", "Вітольд", "Андрусь", "Сярожа", "Аляся",
}  # fmt: skip

# patronymics by their endings: a name of three words with one in the middle is one person
PATRONYMIC = r"(?:віч|ўн|ічн|ыч)\w{0,3}$"
# what a count is said to be after a comma ("19 грамадзян Беларусі, прызнаных
# палітвязнямі"): political prisoners, whatever the noun
DESCRIBED_POLITICAL = r"\s*,\s*(?:якія\s+)?прызнан\w*\s+(?:\w+\s+)?палітвязн"
# what a masculine surname adds in the oblique cases
# ("Сівака", "Сіваку", "Сівакам" of "Сівак"): a lone word so
# ending names the man the article named in full
MASCULINE_SURNAME_OBLIQUE = {"а", "у", "ым", "ам", "е"}
# where a trigger word tells no act of the contract: "вывезлі з калоніі" (moved out of
# prison), unless a border or a country follows
NOT_ACTS = (
    r"\bвывез\w*\s+з\s+(?:калоні|турм|сізо|ізалятар)\w*"
    r"(?![^.;]*\b(?:[уў]|на|да|за)\s+(?:\w+\s+)?(?:літв|літоў|польшч|украін|латві|мяж))"
)
# a clause opened by these after a comma ends a breakdown begun before it
# ("..., у тым ліку восем палітвязняў, а ўзамен атрымала дзесяць")
CONTRAST = {"а", "але"}
# "among" before a count: the count names a group the sentence goes on to describe
AMONG = {"сярод"}
# function words as Latin transliterations write them ("nie", "yak", "nad"): English writes none of
# them as a word in news, but the English model's vocabulary holds them, and a short fragment
# made of them was read as English (the language check counts them as no English words)
LATIN_FUNCTION_WORDS = {
    "ne",
    "nie",
    "na",
    "nad",
    "pad",
    "yak",
    "iak",
    "jak",
    "heta",
    "yany",
    "jany",
    "bez",
    "uzho",
    "ci",
    "tsi",
    "za",
    "yaho",
    "jaho",
}
