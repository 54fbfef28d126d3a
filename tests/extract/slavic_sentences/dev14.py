"""A fourteenth set, dev half: news paragraphs and short articles in the manner of Viasna,
Nasha Niva, Zerkalo, Radio Svaboda, OVD-Info and Mediazona (written for the tests, never
article text): background figures, headlines repeated in the lead, quotes, number words in
several cases, relative dates, registry names in oblique cases, Belarusian fleeting vowels.
Written together with `held14` and split before any rule was changed; this half is the one
the round's rules were improved against (so its figure after the round is an upper bound)."""

from __future__ import annotations

from tests.extract.slavic_sentences.check import Case

PP = "political_prisoners"

CASES: tuple[Case, ...] = (
    Case("dr01", "ru",
         "Сейчас в Беларуси остаются за решеткой 1 110 политзаключенных, сообщает "
         "правозащитный центр «Вясна». С начала года правозащитники признали "
         "политзаключенными более 200 человек.",
         ({"action": "held", "count": 1110, "population": PP, "source": "Вясна"},
          {"action": "designated", "count": 200, "qualifier": "more_than", "population": PP,
           "agent": "правозащитники", "when": ("2025-01", "2025-12-12")}), kind="article"),
    Case("dr02", "ru",
         "Лукашенко помиловал двадцать трех осужденных, сообщила его пресс-служба. «Все они "
         "написали прошения о помиловании и раскаялись», — говорится в сообщении.",
         ({"action": "released", "count": 23, "mechanism": "pardon", "agent": "Лукашенко",
           "population": "convicts"},), kind="number"),
    Case("dr03", "ru",
         "Позавчера в Гродно задержали анархиста Николая Дедка. Об этом сообщила «Вясна». "
         "Ему грозит до шести лет лишения свободы.",
         ({"action": "detained", "count": 1, "persons": ["Николай Дедок"],
           "when": "2025-12-10", "source": "Вясна"},), kind="name"),
    Case("dr04", "ru",
         "По данным «Медиазоны», за 2025 год суды в России вынесли приговоры по делам о "
         "госизмене не менее чем 180 фигурантам. Еще около сорока человек задержаны, но их "
         "дела до суда пока не дошли.",
         ({"action": "sentenced", "count": 180, "qualifier": "at_least", "when": "2025",
           "source": "Медиазона"},
          {"action": "detained", "count": 40, "qualifier": "about"}), kind="article"),
    Case("dr05", "ru",
         "ОВД-Инфо: в ноябре за антивоенные высказывания задержали шестьдесят одного "
         "человека. Двенадцати из них суд назначил административный арест.",
         ({"action": "detained", "count": 61, "when": "2025-11", "source": "ОВД-Инфо"},
          {"action": "sentenced", "count": 12, "part_of": 0}), kind="number"),
    Case("dr06", "ru",
         "В четверг из белорусских колоний вышли на свободу 18 политзаключенных, среди них "
         "журналист Игорь Ильяш. Взамен США ослабили санкции против «Беларуськалия», пишет "
         "«Зеркало».",
         ({"action": "released", "count": 18, "population": PP, "when": "2025-12-11",
           "persons": ["Игорь Ильяш"]},
          {"action": "released", "count": 1, "part_of": 0, "persons": ["Игорь Ильяш"]}),
         events=({"what": "sanctions_eased", "target": "Беларуськалий"},), kind="article"),
    Case("dr07", "ru",
         "Более 30 политзаключенных освобождены по помилованию\nВ пятницу Александр "
         "Лукашенко помиловал более 30 политзаключенных, сообщает БелТА.",
         ({"action": "released", "count": 30, "qualifier": "more_than", "population": PP,
           "mechanism": "pardon", "agent": "Александр Лукашенко", "when": "2025-12-12",
           "source": "БелТА"},), kind="article"),
    # --- Belarusian
    Case("db01", "be",
         "Паводле Вясны, на сёння ў Беларусі палітвязнямі прызнаныя 1 126 чалавек. Летась "
         "гэтая лічба перавышала паўтары тысячы.",
         ({"action": "held", "count": 1126, "population": PP, "source": "Вясна"},),
         kind="number"),
    Case("db02", "be",
         "У сераду суд у Гомелі асудзіў Юрыя Кузняцова і Уладзіміра Дальшова да пяці гадоў "
         "калоніі кожнага, паведамляе Вясна.",
         ({"action": "sentenced", "count": 2, "when": "2025-12-10", "source": "Вясна",
           "persons": ["Юрый Кузняцоў", "Уладзімір Дальшоў"]},), kind="name"),
    Case("db03", "be",
         "Учора вызвалілі анархіста Мікалая Дзядка, які цалкам адбыў тэрмін.",
         ({"action": "released", "count": 1, "persons": ["Мікалай Дзядок"],
           "when": "2025-12-11", "mechanism": "term_served"},), kind="name"),
    Case("db04", "be",
         "„Звыш трохсот чалавек з Гомельшчыны і сёння за кратамі“, — сказала Нашай Ніве "
         "праваабаронца Наста Лойка.",
         ({"action": "held", "count": 300, "qualifier": "more_than", "source": "Наста Лойка"},),
         quotes=({"speaker": "Наста Лойка", "text": "Звыш трохсот"},), kind="quote"),
    Case("db05", "be",
         "На мінулым тыдні КДБ затрымаў дзвюх супрацоўніц незалежных медыя ў Віцебску, піша "
         "Люстэрка.",
         ({"action": "detained", "count": 2, "when": ("2025-12-01", "2025-12-07"),
           "source": "Люстэрка", "agent": "КДБ"},), kind="date"),
    Case("db06", "be",
         "Пасля перамоваў з амерыканскім пасланцом Джонам Коўлам Лукашэнка вызваліў 52 "
         "палітвязні, сярод іх — Ігара Лосіка (Ihar Losik). Замест гэтага ЗША знялі санкцыі "
         "з «Белавіі».",
         ({"action": "released", "count": 52, "population": PP, "agent": "Лукашэнка",
           "persons": ["Ігар Лосік"]},
          {"action": "released", "count": 1, "part_of": 0, "persons": ["Ігар Лосік"]}),
         events=({"what": "sanctions_lifted", "target": "Белавія"},), kind="article"),
    Case("db07", "be",
         "Лукашэнка паабяцаў памілаваць яшчэ 20 чалавек да Каляд. Сёння ў краіне застаюцца за "
         "кратамі больш за тысячу палітвязняў, паводле падлікаў праваабаронцаў.",
         ({"action": "held", "count": 1000, "qualifier": "more_than", "population": PP,
           "source": "праваабаронцы"},), kind="article"),
)  # fmt: skip
