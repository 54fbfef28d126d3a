"""A twelfth set, news paragraphs (written for the tests, never article text): written after
every rule of issue 13's third round and scored once, unchanged: the estimate of the reader as
that round left it (figures in docs/extraction.md; misses listed in test_ru_sentences.py)."""

from __future__ import annotations

from tests.extract.slavic_sentences.check import Case

PP = "political_prisoners"

CASES: tuple[Case, ...] = (
    Case("mr01", "ru",
         "В среду в Бресте задержали двух сотрудников частной клиники, сообщает «Зеркало». По "
         "данным издания, их подозревают в «содействии экстремистской деятельности».",
         ({"action": "detained", "count": 2, "when": "2025-12-10", "source": "Зеркало"},),
         kind="article"),
    Case("mr02", "ru",
         "Правозащитники признали политзаключенными 11 человек, осужденных за комментарии в "
         "интернете. Среди них — 70-летняя пенсионерка из Витебска Людмила Карпович.",
         ({"action": "designated", "count": 11, "population": PP, "agent": "правозащитники"},
          {"action": "designated", "count": 1, "part_of": 0, "persons": ["Людмила Карпович"]}),
         kind="article"),
    Case("mr03", "ru",
         "За прошедшую неделю суды в России вынесли приговоры по меньшей мере 19 фигурантам "
         "дел о «госизмене». Еще трое обвиняемых ждут приговора.",
         ({"action": "sentenced", "count": 19, "qualifier": "at_least"},), kind="article"),
    Case("mr04", "ru",
         "Экс-политзаключенная Ирина Ковалевская, освобожденная по помилованию в июле, покинула "
         "Беларусь. По ее словам, в колонии в Гомеле остаются еще не менее 150 "
         "женщин-политзаключенных.",
         ({"action": "released", "count": 1, "persons": ["Ирина Ковалевская"],
           "mechanism": "pardon", "when": "2025-07"},
          {"action": "held", "count": 150, "qualifier": "at_least",
           "source": "Ирина Ковалевская"}), kind="article"),
    Case("mr05", "ru",
         "По подсчетам ОВД-Инфо, с начала года по делам о «фейках» об армии задержаны 96 "
         "человек, из них 41 уже осужден.",
         ({"action": "detained", "count": 96, "when": ("2025-01", "2025-12-12"),
           "source": "ОВД-Инфо"},
          {"action": "sentenced", "count": 41, "part_of": 0, "source": "ОВД-Инфо"}),
         kind="article"),
    Case("mb01", "be",
         "У сераду ў Берасці затрымалі дзвюх супрацоўніц прыватнай клінікі, паведамляе «Наша "
         "Ніва».",
         ({"action": "detained", "count": 2, "when": "2025-12-10", "source": "Наша Ніва"},),
         kind="article"),
    Case("mb02", "be",
         "Праваабаронцы прызналі палітвязнямі 11 чалавек, асуджаных за каментары ў інтэрнэце. "
         "Сярод іх — 70-гадовая пенсіянерка з Віцебска Людміла Карповіч.",
         ({"action": "designated", "count": 11, "population": PP, "agent": "праваабаронцы"},
          {"action": "designated", "count": 1, "part_of": 0, "persons": ["Людміла Карповіч"]}),
         kind="article"),
    Case("mb03", "be",
         "Былая палітвязніца Ірына Кавалеўская, якую памілавалі ў ліпені, пакінула Беларусь. "
         "Паводле яе словаў, у гомельскай калоніі застаюцца не менш за 150 "
         "жанчын-палітвязняў.",
         ({"action": "released", "count": 1, "persons": ["Ірына Кавалеўская"],
           "mechanism": "pardon", "when": "2025-07"},
          {"action": "held", "count": 150, "qualifier": "at_least",
           "source": "Ірына Кавалеўская"}), kind="article"),
    Case("mb04", "be",
         "Сёння на волю выйшлі яшчэ чацвёра палітвязняў, якія цалкам адбылі тэрмін. Усяго з "
         "пачатку месяца вызвалены 27 чалавек.",
         ({"action": "released", "count": 4, "population": PP, "mechanism": "term_served",
           "when": "2025-12-12"},
          {"action": "released", "count": 27, "when": ("2025-12", "2025-12-12")}),
         kind="article"),
    Case("mb05", "be",
         "У абмен на вызваленне пяці грамадзян Літвы Вільнюс пагадзіўся зняць абмежаванні на "
         "транзіт беларускіх угнаенняў.",
         ({"action": "released", "count": 5, "population": "lithuanian_citizens",
           "mechanism": "deal"},), kind="article"),
)  # fmt: skip
