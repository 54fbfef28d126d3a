"""Russian words the extraction rules react to.

Keys are lemmas as pymorphy3 gives them (with "ё" written "е"); a key ending in "*" is a stem
matched at the start of the word form or its lemma. Values are the contract's English vocabulary.
"""

from __future__ import annotations

CODE = "ru"

# lemma -> claim action (participles are lemmatised to their verb by pymorphy3)
TRIGGERS: dict[str, str] = {
    "освободить": "released",
    "освобождать": "released",
    "освобождение": "released",
    "помиловать": "released",
    "помилование": "released",
    "помилованный": "released",
    "выпустить": "released",
    "выпускать": "released",
    "отпустить": "released",
    "отпускать": "released",
    "освобождаться": "released",
    "освободиться": "released",
    "амнистировать": "released",
    "вызволить": "released",
    "задержать": "detained",
    "задерживать": "detained",
    "задержание": "detained",
    "арестовать": "detained",
    "арестовывать": "detained",
    "арест": "detained",
    "задерживаться": "detained",
    "осудить": "sentenced",
    "осуждать": "sentenced",
    "приговорить": "sentenced",
    "приговаривать": "sentenced",
    "признать": "designated",
    "выдворить": "deported",
    "депортировать": "deported",
    "депортация": "deported",
    "выслать": "deported",
    "высылать": "deported",
    "вывезти": "deported",
    "вывозить": "deported",
    "выдворять": "deported",
    "требовать": "demanded",
    "потребовать": "demanded",
    "требование": "demanded",  # "резолюция с требованием освободить"
    "призвать": "demanded",
    "призывать": "demanded",
    "добиваться": "demanded",
    "умереть": "died_in_custody",
    "погибнуть": "died_in_custody",
    "скончаться": "died_in_custody",
    "умирать": "died_in_custody",
    "оставаться": "held",
    "остаться": "held",
    "находиться": "held",
    "содержаться": "held",
    "насчитывать": "held",
    "насчитываться": "held",
}

# phrases (lowercase regex) that carry an action the single words do not
PHRASES: list[tuple[str, str]] = [
    (r"\bвы(?:шли|шел|шла|шедш\w*|йти|ходят)\s+на\s+(?:свободу|волю)", "released"),
    (r"\bна\s+свобод[еу]\b", "released"),
    # "вышедший на прошлой неделе политзаключенный": out of prison, said of a prisoner
    (r"\bвышедш\w*\s+(?:\w+\s+){0,3}?(?:экс-)?политзаключенн\w*", "released"),
    (
        r"\bвы(?:шли|шел|шла|шедш\w*|ходят)\s+из\s+(?:тюр\w+|колони\w+|мест\s+заключения)",
        "released",
    ),
    (r"\bиз\s+(?:тюр\w+|колони\w+|мест\s+заключения)\s+вы(?:шли|шел|шла)", "released"),
    (r"\bназвал\w*\s+политзаключенн\w+|\bпополнил\w*\s+список", "designated"),
    # "правозащитники считают политзаключенными 1 118 человек": a stock
    (r"\bсчита\w*\s+политзаключенн\w+", "held"),
    (r"\bза\s+решетк\w*|\bв\s+заключении\b|\bв\s+тюрьм\w+\s+остаются", "held"),
    (
        r"\bснова\s+(?:отправ\w+|посад\w+|задерж\w+)|\bвернул\w*\s+(?:в\s+колони|за\s+решет)",
        "returned_to_custody",
    ),
    # in an exchange: "Россия передала 16 человек, а взамен получила 10"
    (r"\bпереда(?:ла|л|ли|ны|н|на)\b(?=[^.]*\b(?:взамен|в\s+обмен))", "released"),
    (r"(?<=взамен\s)получи\w*|(?<=обмен\s)получи\w*", "released"),
    # the passive: "был возвращен в колонию", "возвращены за решетку"
    (
        r"\bвозвращ[её]н\w*\s+(?:обратно\s+)?(?:в\s+(?:колони|тюрьм|сизо)|за\s+решет)",
        "returned_to_custody",
    ),
]

# lemma -> release mechanism
MECHANISMS: dict[str, str] = {
    "помиловать": "pardon",
    "помилование": "pardon",
    "помилованный": "pardon",
    "амнистия": "amnesty",
    "амнистировать": "amnesty",
    "обмен": "exchange",
    "переговоры": "deal",
    "сделка": "deal",
    "договоренность": "deal",
    "выдворить": "deportation",
    "депортировать": "deportation",
    "депортация": "deportation",
    "выслать": "deportation",
    "изгнание": "deportation",
    "вывезти": "deportation",
    "отбыть": "term_served",
    "окончание": "term_served",  # "после окончания срока вышли"
    "условно-досрочный": "conditional",
    "удо": "conditional",
}

# lemma -> population noun
POPULATIONS: dict[str, str] = {
    "имя": "people",  # "в списке 1 136 имен": the names of a list are its people
    "политзаключенный": "political_prisoners",
    "политзаключенная": "political_prisoners",
    "политузник": "political_prisoners",
    "заключенный": "prisoners",
    "заключенн*": "prisoners",
    "осужденн*": "convicts",
    "осуждённ*": "convicts",
    "заключённ*": "prisoners",
    "узник": "prisoners",
    "человек": "people",
    "люди": "people",
    "женщина": "women",
    "мужчина": "men",
    "гражданин": "citizens",
    "иностранец": "foreigners",
    "журналист": "journalists",
    "белорус": "belarusians",
    "белоруска": "belarusians",
    # the spelling independent media use ("беларусы", "беларуский"), which the dictionary
    # lacks and reads as a surname: its plural forms as stems, so that the adjective
    # ("беларуских") is none of them
    "беларус": "belarusians",
    "беларуска": "belarusians",
    "беларусов*": "belarusians",
    "беларусы*": "belarusians",
    "беларусам*": "belarusians",
    "беларусами*": "belarusians",
    "беларусах*": "belarusians",
    "беларусок*": "belarusians",
    "поляк": "poles",
    "латыш": "latvians",
    "литовец": "lithuanians",
    "японец": "japanese",
    "эстонец": "estonians",
    "швед": "swedes",
    "украинец": "ukrainians",
    "американец": "americans",
    "немец": "germans",
    "француз": "french",
    "россиянин": "russians",
    "активист": "activists",
    "анархист": "anarchists",
    "правозащитник": "human_rights_defenders",
    "студент": "students",
    "пенсионер": "pensioners",
    "оппозиционер": "opposition_members",
    "политик": "politicians",
    "священник": "priests",
    "волонтер": "volunteers",
    "блогер": "bloggers",
    "адвокат": "lawyers",
    "музыкант": "musicians",
    "несовершеннолетний": "minors",
    "подросток": "minors",
    "участник": "participants",
    "протестующий": "protesters",
    "украинка": "ukrainians",
    "мать": "mothers",
    "фигурант": "defendants",
    "обвиняемый": "defendants",
    "подсудимый": "defendants",
}
# a country in the genitive after "граждан"/"гражданин" or after a count ("по двое — Латвии")
CITIZENS_OF = {
    "литвы": "lithuanian", "латвии": "latvian", "польши": "polish", "германии": "german",
    "франции": "french", "великобритании": "british", "сша": "american", "украины": "ukrainian",
    "японии": "japanese", "швеции": "swedish", "эстонии": "estonian", "россии": "russian",
    "беларуси": "belarusian", "италии": "italian", "австралии": "australian",
}  # fmt: skip
# an animate noun after a number that is none of the above still counts people ("пятерых
# анархистов"): the population is then this word
ANIMATE_POPULATION = "people"
# verb and noun lemmas that tell an act together, in either order, within a few words
# ("свободу получили", "получил свободу", "обрели свободу")
COLLOCATIONS: list[tuple[set[str], set[str], str]] = [
    ({"получить", "обрести", "вернуть"}, {"свобода", "воля"}, "released"),
    ({"выйти", "выходить", "отпустить", "выпустить"}, {"свобода", "воля"}, "released"),
    ({"вынести", "выносить"}, {"приговор"}, "sentenced"),
    ({"назначить", "назначать"}, {"арест", "наказание"}, "sentenced"),  # "назначил арест"
    ({"добавить", "внести", "включить", "пополнить"}, {"список"}, "designated"),
]
# "political" before "prisoners" ("политических заключенных")
POLITICAL = {"политический"}
# "foreign" before a population ("иностранных граждан" -> foreign_citizens)
FOREIGN = {"иностранный", "зарубежный"}

# qualifiers before a number, longest first
QUALIFIERS: list[tuple[str, str]] = [
    ("не менее чем", "at_least"),
    ("не менее", "at_least"),
    ("по меньшей мере", "at_least"),
    ("как минимум", "at_least"),
    ("более чем", "more_than"),
    ("более", "more_than"),
    ("больше", "more_than"),
    ("свыше", "more_than"),
    ("порядка", "about"),
    ("около", "about"),
    ("примерно", "about"),
    ("почти", "about"),
    ("менее", "fewer_than"),
    ("меньше", "fewer_than"),
    ("до", "up_to"),
]

# number words (lemmas) -> value; "*" marks a multiplier
NUMBERS: dict[str, int] = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20,
    "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300,
    "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800,
    "девятьсот": 900, "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6,
    "семеро": 7, "восьмеро": 8, "девятеро": 9, "десятеро": 10, "оба": 2,
}  # fmt: skip
THOUSAND = {"тысяча", "тыс"}
# "one and a half" before a thousand ("более полутора тысяч" = 1 500)
ONE_AND_A_HALF = {"полтора", "полторы", "полутора"}
# "of them" after a number ("двое из них — граждане Латвии"): a part of the count before
OF_THEM = {"них"}
# collective numerals: they count people without a noun ("Двое были освобождены")
COLLECTIVE = {
    "двое", "трое", "четверо", "пятеро", "шестеро", "семеро", "восьмеро", "девятеро",
    "десятеро", "оба", "обе",
}  # fmt: skip
# nouns after a number that count no people (lemmas; Russian inanimate nouns are told by
# the dictionary as well)
# the word between the two numbers of a range ("от трех до пяти лет")
RANGE_TO = {"до"}
UNITS = {
    "год", "месяц", "неделя", "день", "сутки", "час", "минута", "раз", "процент", "рубль",
    "доллар", "евро", "величина", "статья", "дело", "штраф", "километр", "тысяча",
}  # fmt: skip

# say-verbs (a source speaks) and phrases that attribute ("по данным X")
SAY_VERBS = {
    "сообщить", "сообщать", "заявить", "заявлять", "сказать", "говорить", "написать",
    "писать", "отметить", "рассказать", "подчеркнуть", "подсчитать", "считать", "уточнить",
    "передать", "добавить", "передавать", "отмечать", "уточнять", "подсчитывать",
    "рассказывать", "информировать", "подтвердить", "подтверждать", "указывать",
    "указать", "сообщаться", "пояснить", "объявить", "объявлять",
    "насчитывать", "насчитать", "посчитать",  # "Правозащитники насчитывают 1 150": their count
    "напоминать", "напомнить",  # "Правозащитники напоминают, что ..."
}  # fmt: skip
# possessive pronouns after "по словам": the person named before ("По его словам")
HIS = {"его", "ее", "её", "их"}
ACCORDING = [
    r"по\s+данным", r"по\s+словам", r"по\s+информации", r"согласно", r"как\s+сообщает",
    r"по\s+подсч[её]там", r"по\s+оценкам", r"по\s+оценке", r"по\s+сведениям",
    r"как\s+стало\s+известно",
    r"по(?=\s+(?:его|ее|её|их)\s+(?:словам|данным|подсч[её]там))",
]  # fmt: skip

# cues that a count is part of the one before
SUBSET_CUES = [
    r"\bиз\s+них\b",
    r"\bсреди\s+них\b",
    r"\bв\s+том\s+числе\b",
    r"\bречь\s+идет\s+о\b",
    r"\bиз\s+этого\s+числа\b",
    # "среди задержанных", "среди осужденных": the participle of any act names the group
    r"\bсреди\s+(?:помилованн|освобожденн|вышедш|задержанн|арестованн|осужденн|отпущенн"
    r"|депортированн|высланн|выдворенн|признанн)\w*",
    # "в их числе", "в числе освобожденных": as "среди них", "среди освобожденных"
    r"\bв\s+их\s+числе\b",
    r"\bв\s+числе\s+(?:помилованн|освобожденн|вышедш|задержанн|арестованн|осужденн|отпущенн"
    r"|депортированн|высланн|выдворенн|признанн)\w*",
]
# "they" opening a sentence: the people of the claim before
THEY = {"они", "их"}
# words that point back to the people just counted or named, as "они" does ("Супругов
# задержали в апреле": the couple named before)
THEY_BOTH = {"супруги", "супругов", "супругам", "супругами", "оба", "обоих", "обе", "обеих"}

MONTHS = {
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}  # fmt: skip
WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "среда": 2, "четверг": 3, "пятница": 4, "суббота": 5,
    "воскресенье": 6, "воскресение": 6,
}  # fmt: skip
RELATIVE_DAYS = {"сегодня": 0, "вчера": -1, "позавчера": -2, "накануне": -1}
SINCE = {"с", "со"}
YEAR = {"год"}
START = {"начало"}  # "с начала года"
# a year told against the article's ("в апреле прошлого года", "в этом году"): lemma -> years
RELATIVE_YEARS = {
    "прошлый": -1, "прошлое": -1, "минувший": -1, "позапрошлый": -2, "этот": 0, "текущий": 0,
}  # fmt: skip
YEAR_ADVERBS: dict[str, int] = {}
# "в прошлом месяце": the same words before the word for a month tell a month against the
# article's
MONTH_WORD = {"месяц"}
WEEK_WORD = {"неделя"}  # "на прошлой неделе": that week, Monday to Sunday
# "протестов 2020 года": a year in the genitive is the time of the act only after these words
# (a preposition or a noun of time: "с 2020 года", "летом 2020 года"), else it describes a noun
YEAR_GENITIVE = {"года"}
BEFORE_YEAR = {
    "с", "со", "до", "по", "от", "после", "около", "начало", "конец", "середина", "лето",
    "осень", "зима", "весна", "половина", "течение", "год",
}  # fmt: skip

# event words (lemmas) -> event kind; concessions
EVENTS = {
    "переговоры": "talks",
    "встреча": "meeting",
    "встретиться": "meeting",
    "визит": "visit",
    "посетить": "visit",
}
CONCESSIONS: list[tuple[str, str]] = [
    (r"сняти\w+\s+(?:\w+\s+)?санкций", "sanctions_lifted"),
    (r"отмен\w+\s+(?:\w+\s+)?санкций", "sanctions_lifted"),
    (r"смягчени\w+\s+(?:\w+\s+)?санкций", "sanctions_eased"),
    (r"ослаблени\w+\s+(?:\w+\s+)?санкций", "sanctions_eased"),
]
# the same told with a verb, where the sentence says a release was what it was for
CONCESSION_VERBS: list[tuple[str, str]] = [
    (r"сня(?:ть|ли|ла|л|то)\s+(?:\w+\s+){0,2}санкци", "sanctions_lifted"),
    (r"отмени\w*\s+(?:\w+\s+){0,2}санкци", "sanctions_lifted"),
    (r"смягчи\w*\s+(?:\w+\s+){0,2}санкци", "sanctions_eased"),
    (r"ослаби\w*\s+(?:\w+\s+){0,2}санкци", "sanctions_eased"),
    (r"смягча\w*\s+(?:\w+\s+){0,2}санкци", "sanctions_eased"),
    (r"снима\w*\s+(?:\w+\s+){0,2}санкци", "sanctions_lifted"),
]
IN_RETURN = r"в\s+обмен\s+на|взамен|в\s+ответ\b"

# "пресс-служба" with a possessive: the service of the article's main person
PRESS_SERVICE = r"пресс-служб\w*"
# genitive endings of names the dictionary does not know ("по данным «Вясны»" -> "Вясна")
GENITIVE_ENDINGS = [("ии", "ия"), ("ы", "а")]
GENERIC_SOURCES = {
    "правозащитник": "правозащитники",
    "адвокат": "адвокаты",  # "рассказали их адвокаты"
    "защитник": "защитники",
}
# a one-word name certainly in the genitive (after "против", "с" of sanctions) whose ending only a
# masculine noun has there: "-ия" (калий -> калия; a feminine -ия makes -ии) -> "-ий"
GENITIVE_MASCULINE = [("ия", "ий")]

# what only may happen, is expected or promised (lemmas): no claim in their clause
HYPOTHETICAL = {
    "мочь", "ожидаться", "ожидать", "планироваться", "планировать", "намереваться",
    "собираться", "готовиться", "обсуждаться", "предстоять", "возможный", "возможно",
    "обещать", "пообещать", "если", "бы", "якобы", "хотеть", "надеяться", "готовый",
    "ждать",  # "освобождения ждали и родственники ...": awaited, not done
}  # fmt: skip
# a number after these names a place or a thing ("колония №3"), not people
NUMBER_SIGNS = {"№", "номер"}
# a stock told as "the number of ... exceeds N": the nouns, and the verbs with the qualifier
COUNT_NOUNS = {"число", "количество"}
COUNT_VERBS = {
    "превышать": "more_than", "превысить": "more_than", "составлять": "exact",
    "составить": "exact", "достигать": "exact", "достигнуть": "exact", "достичь": "exact",
}  # fmt: skip
# "again" before custody: a return to custody ("снова оказался в колонии")
AGAIN = {"снова", "опять", "повторно", "вновь"}
# a pronoun standing for a person named in the sentence before ("его вернули в колонию")
HIM_HER = {"его", "ее", "её"}
# "еще" before a number whose people noun the text does not repeat ("в 2025-м — еще 400")
STILL = {"еще", "ещё"}
CUSTODY = {
    "колония", "тюрьма", "сизо*", "шизо*", "пкт", "решетка", "заключение", "изолятор", "камера",
}  # fmt: skip

# a sentence that only says who told what the sentence before told ("Об этом сообщает X")
ABOUT_THIS = r"\bоб\s+этом\b|\bо\s+том\b|\bэту\s+информацию\b"

# "earlier": a time the text does not give (a claim so told has no `when`)
EARLIER = {"ранее", "прежде"}
# "задержали в декабре 2023 года и позднее приговорили": a word of a later step between a
# time and an act; the time is the step's before it, not this act's
LATER = {"позднее", "позже", "впоследствии", "затем", "потом"}
# "а их более 1 100", "которых уже 1 100": how many of the people named before there are
HOW_MANY = r"\bа\s+их\b(?:\s+уже)?|\bкоторых\s+(?:уже|сейчас|сегодня)\b"
# a figure told as a total at the time of writing is a stock ("Усяго ... прызнаныя 1417")
# a stock told as of a day ("по состоянию на 1 декабря"): the words just before that day
AS_OF = r"\bпо\s+состоянию\s+на\s*$|\bна\s+момент\s*$"
# "в списке «Мемориала»", "в списках Вясны": the list an organisation keeps, named by it
# (capital or quotation mark next): its list of political prisoners, and the figure is its own
ORG_LIST = r"\b[вВ]\s+списк(?:е|ах)\s+(?=«?[А-ЯЁA-Z])"
# "в списке" naming no one whose: the list of the act told just before (a pardon
# decree's list: "в списке не менее двенадцати человек"), whose people a count in it is part of
ACT_LIST = r"\b[вВ]\s+списке\b(?!\s+«?[А-ЯЁA-Z])"
STOCK = r"\bвсего\b|\bна\s+(?:данный|сегодняшний)\s+момент\b|\bна\s+сегодня\b"
# common nouns that act as agents before a trigger ("белорусский режим освободил")
AGENT_NOUNS = {
    "режим", "власть", "суд", "правительство",
    # security bodies that arrest: "КГБ задержал", "силовики задержали"
    "кгб", "фсб", "губопик", "омон", "милиция", "полиция", "силовик",
}  # fmt: skip

# --- words the rules use for grammar rather than meaning ---
# country names in the forms news text gives them -> ISO code
COUNTRY_FORMS = {
    "беларусь": "BY", "беларуси": "BY", "белоруссия": "BY", "беларусию": "BY",
    "россия": "RU", "россии": "RU", "литва": "LT", "литве": "LT", "литву": "LT", "литвы": "LT",
    "польша": "PL", "польшу": "PL", "польше": "PL", "польши": "PL", "украина": "UA",
    "украине": "UA", "украину": "UA", "украины": "UA", "германия": "DE", "германию": "DE",
    "германии": "DE", "сша": "US",
}  # fmt: skip
# the adjective of the country these sources report on ("белорусской оппозиции")
HOME_ADJECTIVE = r"белорусск|беларуск"  # "беларуской": the spelling independent media use
# words a model's person span may start with that are no part of a name
NOT_NAMES = {
    "в", "во", "но", "и", "его", "её", "их", "как", "про", "по", "с", "на", "для", "от",
    "президент", "лидер", "жена",
    # time words a model's span may open with ("Накануне Лукашенко")
    "накануне", "сегодня", "вчера", "позавчера", "тогда", "теперь", "сейчас", "ранее",
}  # fmt: skip
AND = {"и", "й"}
OF = {"из"}  # "один из лидеров"
NEGATION = {"не", "ни"}
PASSIVE_AUX = r"был\w*|стал\w*"
# counts after the first of a sentence that break it down ("52 человека, из них 40")
BREAKDOWN = [
    r"из\s+них", r"в\s+том\s+числе", r"из\s+которых", r"среди\s+которых", r"среди\s+них",
    r"в\s+их\s+числе", r"в\s+числе\s+которых",
]  # fmt: skip
# a say-verb after these has the sentence's subject as its speaker ("на которой сообщил")
RELATIVE = {"который", "которая", "которой", "котором", "которые"}
# the relative pronoun as an object ("Ирина, которую помиловали в июле": she was pardoned)
RELATIVE_OBJECT = {"которого", "которую", "которых"}
# sentence openers that are no speaker before a say-verb ("Как пишет ...")
NOT_SUBJECT = {"как", "так", "это", "что", "также", "об"}
# what opens reported speech after a say-verb ("сообщил, что ...")
THAT = {"что", "о", "про"}
PRESS_SERVICE_NAME = "пресс-служба"
COMMENT = "комментир"  # commenting on a figure is not reporting it
TITLE_SAYS = {"комментирует", "говорит", "заявил", "заявила"}
NEW_YEAR = [("канун", "нового", "года"), ("кануне", "нового", "года")]
# events: who took part with whom, delegations, sanctions "from" a target, freeing people
WITH = {"с", "со", "между"}
DELEGATION = "делегаци"
AGAINST = {"с", "со", "против"}
RELEASE_CONTEXT = r"освобо|спасени|помилов"

# patronymics by their endings: a name of three words with one in the middle is one person
PATRONYMIC = r"(?:вич|вн|ичн)\w{0,3}$"
# what a count is said to be after a comma ("19 граждан Беларуси, признанных
# политзаключенными"): political prisoners, whatever the noun
DESCRIBED_POLITICAL = r"\s*,\s*(?:которые\s+)?признанн\w*\s+(?:\w+\s+)?политзаключенн"
# what a masculine surname adds in the oblique cases
# ("Керимова", "Керимову", "Керимовым" of "Керимов"): a lone word so
# ending names the man the article named in full
MASCULINE_SURNAME_OBLIQUE = {"а", "у", "ым", "ом", "е"}
# where a trigger word tells no act of the contract: "вывезли из колоний" (moved out of
# prison, told before a release or a transfer), unless a border or a country follows
NOT_ACTS = (
    r"\bвывез\w*\s+из\s+(?:колони|тюрьм|сизо|изолятор|исправительн)\w*"
    r"(?![^.;]*\b(?:в|на|к|за)\s+(?:\w+\s+)?(?:литв|литов|польш|украин|латви|границ|рубеж))"
)
# a clause opened by these after a comma ends a breakdown begun before it
# ("..., в том числе восьмерых политзаключенных, а взамен получила десятерых")
CONTRAST = {"а", "но"}
# "among" before a count: the count names a group the sentence goes on to describe
AMONG = {"среди"}
# function words as Latin transliterations write them ("ne", "na", "nad"): English writes none of
# them as a word in news, but the English model's vocabulary holds them, and a short fragment
# made of them was read as English (the language check counts them as no English words)
LATIN_FUNCTION_WORDS = {
    "ne",
    "na",
    "nad",
    "pod",
    "iz",
    "oni",
    "ona",
    "eto",
    "dlya",
    "bez",
    "uzhe",
    "ili",
    "za",
    "ot",
    "pri",
    "yego",
    "ikh",
}
