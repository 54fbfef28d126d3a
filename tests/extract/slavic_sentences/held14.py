"""A fourteenth set, held half: news paragraphs and short articles in the manner of Viasna,
Nasha Niva, Zerkalo, Radio Svaboda, OVD-Info and Mediazona (written for the tests, never
article text), written together with `dev14` and split before any rule was changed. Scored
before the round and once after it, with no rule changed for it: the estimate of the reader
on unseen text (figures in docs/extraction.md; misses listed in test_ru_sentences.py)."""

from __future__ import annotations

from tests.extract.slavic_sentences.check import Case

PP = "political_prisoners"

CASES: tuple[Case, ...] = (
    Case("er01", "ru",
         "Из колоний вышли 14 иностранцев\nВ среду белорусские власти освободили "
         "четырнадцать иностранных граждан, в том числе шестерых граждан Литвы, сообщает "
         "«Новая газета Европа». Всех их вывезли в Литву.",
         ({"action": "released", "count": 14, "when": "2025-12-10",
           "source": "Новая газета Европа"},
          {"action": "released", "count": 6, "population": "lithuanian_citizens",
           "part_of": 0},
          {"action": "deported", "count": 14}), kind="article"),
    Case("er02", "ru",
         "По данным ОВД-Инфо, в России сейчас около 1 300 человек находятся в заключении по "
         "политически мотивированным делам. За последний месяц их число выросло на семь.",
         ({"action": "held", "count": 1300, "qualifier": "about", "source": "ОВД-Инфо"},),
         kind="number"),
    Case("er03", "ru",
         "В понедельник Минский городской суд приговорил трех бывших сотрудников «Белсата» к "
         "срокам от четырех до шести лет колонии. Их задержали в марте.",
         ({"action": "sentenced", "count": 3, "when": "2025-12-08"},
          {"action": "detained", "count": 3, "when": "2025-03"}), kind="number"),
    Case("er04", "ru",
         "Среди пятидесяти двух освобожденных в сентябре — сорок политзаключенных, остальные "
         "осуждены по уголовным статьям, напоминает «Зеркало».",
         ({"action": "released", "count": 52, "when": "2025-09", "source": "Зеркало"},
          {"action": "released", "count": 40, "population": PP, "part_of": 0,
           "when": "2025-09", "source": "Зеркало"}), kind="subset"),
    Case("er05", "ru",
         "В колонии №15 в Могилеве умер политзаключенный Вадим Храсько, сообщили "
         "правозащитники. Ему было 50 лет.",
         ({"action": "died_in_custody", "count": 1, "persons": ["Вадим Храсько"],
           "source": "правозащитники"},), kind="name"),
    Case("er06", "ru",
         "Европарламент потребовал немедленно освободить не менее 1 100 политзаключенных в "
         "Беларуси, в том числе лауреата Нобелевской премии Алеся Беляцкого.",
         ({"action": "demanded", "count": 1100, "qualifier": "at_least", "population": PP,
           "agent": "Европарламент", "persons": ["Алесь Беляцкий"]},
          {"action": "demanded", "count": 1, "part_of": 0, "persons": ["Алесь Беляцкий"]}),
         kind="subset"),
    Case("er07", "ru",
         "„В нашем отряде остаются еще семь политзаключенных женщин“, — рассказала "
         "«Медиазоне» освобожденная в ноябре Елена Новикова.",
         ({"action": "held", "count": 7, "population": PP, "source": "Елена Новикова"},
          {"action": "released", "count": 1, "persons": ["Елена Новикова"],
           "when": "2025-11"}),
         quotes=({"speaker": "Елена Новикова", "text": "В нашем отряде"},), kind="quote"),
    # --- Belarusian
    Case("eb01", "be",
         "Суд у Берасці асудзіў дзевяцярых удзельнікаў пратэстаў\nУ чацвер Брэсцкі абласны суд "
         "асудзіў дзевяць чалавек за ўдзел у пратэстах 2020 года, паведамляе Радыё Свабода. "
         "Тэрміны — ад трох да сямі гадоў.",
         ({"action": "sentenced", "count": 9, "when": "2025-12-11",
           "source": "Радыё Свабода"},), kind="article"),
    Case("eb02", "be",
         "Лукашэнка памілаваў Вадзіма Здановіча і Аляксандра Сухарукава, паведамляе Вясна.",
         ({"action": "released", "count": 2, "mechanism": "pardon", "agent": "Лукашэнка",
           "source": "Вясна", "persons": ["Вадзім Здановіч", "Аляксандр Сухарукаў"]},),
         kind="name"),
    Case("eb03", "be",
         "У чэрвені вызвалілі палітыка Паўла Севярынца і журналіста Уладзіміра Лабанка, "
         "нагадвае Наша Ніва.",
         ({"action": "released", "count": 2, "when": "2025-06", "source": "Наша Ніва",
           "persons": ["Павел Севярынец", "Уладзімір Лабанок"]},), kind="name"),
    Case("eb04", "be",
         "Паводле праваабаронцаў, у беларускіх турмах застаюцца звыш 1 150 палітвязняў, з іх "
         "180 — жанчыны.",
         ({"action": "held", "count": 1150, "qualifier": "more_than", "population": PP,
           "source": "праваабаронцы"},
          {"action": "held", "count": 180, "population": "women", "part_of": 0}),
         kind="subset"),
    Case("eb05", "be",
         "Пазаўчора ў Віцебску затрымалі сем чалавек, у тым ліку двух непаўналетніх, "
         "паведамляе Вясна.",
         ({"action": "detained", "count": 7, "when": "2025-12-10", "source": "Вясна"},
          {"action": "detained", "count": 2, "part_of": 0}), kind="date"),
    Case("eb06", "be",
         "Пасля сустрэчы Лукашэнкі з Джонам Коўлам на волю выйшлі 123 чалавекі, сярод іх "
         "Марыя Калеснікава (Maryja Kaleśnikava). ЗША ў адказ знялі санкцыі з "
         "„Беларуськалія“.",
         ({"action": "released", "count": 123, "persons": ["Марыя Калеснікава"]},
          {"action": "released", "count": 1, "part_of": 0, "persons": ["Марыя Калеснікава"]}),
         events=({"what": "sanctions_lifted", "target": "Беларуськалій"},), kind="article"),
    Case("eb07", "be",
         "Калі Захад зноў зменшыць санкцыі, Мінск можа вызваліць яшчэ некалькі соцень "
         "чалавек, мяркуе палітолаг. Прысуды палітвязням складаюць у сярэднім пяць гадоў.",
         (), kind="negative"),
    Case("eb08", "be",
         "У ліпені 2023 года стала вядома пра смерць у зняволенні мастака Алеся Пушкіна.",
         ({"action": "died_in_custody", "count": 1, "persons": ["Алесь Пушкін"],
           "when": "2023-07"},), kind="name"),
)  # fmt: skip
