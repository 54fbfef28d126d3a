"""A fifth held-out set, written after `held4`'s fixes and scored once without changing a
rule: the estimate of the reader as it was left; its misses are listed in
tests/extract/test_ru_sentences.py."""

from __future__ import annotations

from tests.extract.slavic_sentences.check import Case

PP = "political_prisoners"

CASES: tuple[Case, ...] = (
    Case("xr01", "ru", "Накануне на свободу вышли еще трое политзаключенных, сообщает Радио "
         "Свобода.",
         ({"action": "released", "count": 3, "population": PP, "when": "2025-12-11",
           "source": "Радио Свобода"},), kind="release"),
    Case("xr02", "ru", "В начале декабря из колоний освободили 11 женщин.",
         ({"action": "released", "count": 11, "population": "women", "when": "2025-12"},),
         kind="date"),
    Case("xr03", "ru", "Более полутора тысяч человек остаются за решеткой по политическим "
         "мотивам.",
         ({"action": "held", "count": 1500, "qualifier": "more_than"},), kind="number"),
    Case("xr04", "ru", "Лукашенко подписал указы о помиловании 25 осужденных, двое из них — "
         "граждане Латвии.",
         ({"action": "released", "count": 25, "mechanism": "pardon", "agent": "Лукашенко"},
          {"action": "released", "count": 2, "population": "latvian_citizens",
           "part_of": 0}), kind="subset"),
    Case("xr05", "ru", "Ранее суд приговорил музыканта Игоря Банцера к двум годам колонии.",
         ({"action": "sentenced", "count": 1, "persons": ["Игорь Банцер"], "when": None},),
         kind="person"),
    Case("xr06", "ru", "Всего с 2020 года по политическим статьям осуждены более 7 000 "
         "человек, подсчитала «Вясна».",
         ({"action": "sentenced", "count": 7000, "qualifier": "more_than",
           "when": ("2020", "2025-12-12"), "source": "Вясна"},), kind="number"),
    Case("xr07", "ru", "На прошлой неделе в Бресте задержали четырех человек за "
         "комментарии в интернете.",
         ({"action": "detained", "count": 4},), kind="action"),
    Case("xr08", "ru", "Оппозиция рассчитывает, что в ближайшие месяцы освободят еще сотни "
         "людей.", kind="nothing"),
    Case("xr09", "ru", "Мария Колесникова провела в заключении почти пять лет.",
         kind="nothing"),
    Case("xr10", "ru", "Как пишет Новая газета, помилованным 30 заключенным пришлось "
         "написать прошения.",
         ({"action": "released", "count": 30, "mechanism": "pardon",
           "source": "Новая газета"},), kind="source"),
    Case("xr11", "ru", "Освобожденного в четверг Николая Статкевича снова задержали.",
         ({"action": "released", "count": 1, "persons": ["Николай Статкевич"],
           "when": "2025-12-11"},
          {"action": "returned_to_custody", "count": 1, "persons": ["Николай Статкевич"]}),
         kind="person"),
    Case("xr12", "ru", "«Нас вывезли в Литву без документов», — рассказала Ольга Петрова.",
         (), quotes=({"speaker": "Ольга Петрова", "text": "без документов"},), kind="quote"),
    Case("xr13", "ru", "Власти Беларуси согласились освободить 52 человека в обмен на снятие "
         "санкций с «Белавиа», и в тот же день их вывезли в Литву.",
         ({"action": "released", "count": 52},
          {"action": "deported", "count": 52, "part_of": 0}),
         events=({"what": "sanctions_lifted", "target": "Белавиа"},), kind="concession"),
    Case("xb01", "be", "Напярэдадні на волю выйшлі яшчэ трое палітвязняў, паведамляе Радыё "
         "Свабода.",
         ({"action": "released", "count": 3, "population": PP, "when": "2025-12-11",
           "source": "Радыё Свабода"},), kind="release"),
    Case("xb02", "be", "На пачатку снежня з калоній вызвалілі 11 жанчын.",
         ({"action": "released", "count": 11, "population": "women", "when": "2025-12"},),
         kind="date"),
    Case("xb03", "be", "Больш за паўтары тысячы чалавек застаюцца за кратамі па палітычных "
         "матывах.",
         ({"action": "held", "count": 1500, "qualifier": "more_than"},), kind="number"),
    Case("xb04", "be", "Лукашэнка падпісаў указы аб памілаванні 25 асуджаных, двое з іх — "
         "грамадзяне Латвіі.",
         ({"action": "released", "count": 25, "mechanism": "pardon", "agent": "Лукашэнка"},
          {"action": "released", "count": 2, "population": "latvian_citizens",
           "part_of": 0}), kind="subset"),
    Case("xb05", "be", "Раней суд асудзіў музыканта Ігара Банцэра да двух гадоў калоніі.",
         ({"action": "sentenced", "count": 1, "persons": ["Ігар Банцэр"], "when": None},),
         kind="person"),
    Case("xb06", "be", "Усяго з 2020 года па палітычных артыкулах асудзілі больш за 7 000 "
         "чалавек, падлічыла «Вясна».",
         ({"action": "sentenced", "count": 7000, "qualifier": "more_than",
           "when": ("2020", "2025-12-12"), "source": "Вясна"},), kind="number"),
    Case("xb07", "be", "На мінулым тыдні ў Брэсце затрымалі чатырох чалавек за каментары ў "
         "інтэрнэце.",
         ({"action": "detained", "count": 4},), kind="action"),
    Case("xb08", "be", "Апазіцыя разлічвае, што ў бліжэйшыя месяцы вызваляць яшчэ сотні "
         "людзей.", kind="nothing"),
    Case("xb09", "be", "Марыя Калеснікава правяла ў зняволенні амаль пяць гадоў.",
         kind="nothing"),
    Case("xb10", "be", "Як піша «Наша Ніва», памілаваным 30 зняволеным давялося напісаць "
         "прашэнні.",
         ({"action": "released", "count": 30, "mechanism": "pardon",
           "source": "Наша Ніва"},), kind="source"),
    Case("xb11", "be", "Вызваленага ў чацвер Мікалая Статкевіча зноў затрымалі.",
         ({"action": "released", "count": 1, "persons": ["Мікалай Статкевіч"],
           "when": "2025-12-11"},
          {"action": "returned_to_custody", "count": 1, "persons": ["Мікалай Статкевіч"]}),
         kind="person"),
    Case("xb12", "be", "«Нас вывезлі ў Літву без дакументаў», — расказала Вольга Пятрова.",
         (), quotes=({"speaker": "Вольга Пятрова", "text": "без дакументаў"},), kind="quote"),
)  # fmt: skip
