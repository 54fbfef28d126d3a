"""An eleventh set, news paragraphs (written for the tests, never article text): the second
development part of issue 13's third round, written after `held9`'s fixes and scored once
before any rule was changed for it (first score in docs/extraction.md); `held10` stays held."""

from __future__ import annotations

from tests.extract.slavic_sentences.check import Case

PP = "political_prisoners"

CASES: tuple[Case, ...] = (
    Case("lr01", "ru",
         "В Екатеринбурге после акции памяти задержали 17 человек, сообщает ОВД-Инфо. Как "
         "минимум троим из них грозят административные аресты. В прошлом месяце в городе "
         "задерживали еще около 40 участников похожих акций.",
         ({"action": "detained", "count": 17, "source": "ОВД-Инфо"},
          {"action": "detained", "count": 40, "qualifier": "about", "when": "2025-11"}),
         kind="article"),
    Case("lr02", "ru",
         "За неделю правозащитники признали политзаключенными еще 23 человека. Всего в списке "
         "«Вясны» сейчас 1 136 имен, а всего с 2020 года политзаключенными признаны более "
         "4 500 человек.",
         ({"action": "designated", "count": 23, "population": PP, "agent": "правозащитники"},
          {"action": "held", "count": 1136, "population": PP},
          {"action": "designated", "count": 4500, "qualifier": "more_than", "population": PP,
           "when": ("2020", "2025-12-12")}), kind="article"),
    Case("lr03", "ru",
         "Накануне Лукашенко помиловал шестнадцать человек, в том числе двух женщин, сообщила "
         "в четверг пресс-служба главы государства.",
         ({"action": "released", "count": 16, "mechanism": "pardon", "agent": "Лукашенко",
           "when": "2025-12-11"},
          {"action": "released", "count": 2, "population": "women", "part_of": 0}),
         kind="article"),
    Case("lr04", "ru",
         "В колонии в Новополоцке умер 61-летний политзаключенный Виктор Лапицкий. О его "
         "смерти стало известно в понедельник. С 2021 года в заключении погибли уже семь "
         "политзаключенных.",
         ({"action": "died_in_custody", "count": 1, "persons": ["Виктор Лапицкий"]},
          {"action": "died_in_custody", "count": 7, "population": PP,
           "when": ("2021", "2025-12-12")}), kind="article"),
    Case("lr05", "ru",
         "Освобожденного в сентябре анархиста Николая Дудко вновь задержали на прошлой неделе. "
         "«Его забрали прямо с работы», — рассказала «Свабодзе» его мать.",
         ({"action": "released", "count": 1, "persons": ["Николай Дудко"], "when": "2025-09"},
          {"action": "returned_to_custody", "count": 1, "persons": ["Николай Дудко"]}),
         kind="article"),
    Case("lb01", "be",
         "У Берасці за тыдзень затрымалі дванаццаць чалавек за «экстрэмісцкія» падпіскі, піша "
         "«Наша Ніва». Траіх з іх ужо адпусцілі.",
         ({"action": "detained", "count": 12, "source": "Наша Ніва"},
          {"action": "released", "count": 3, "part_of": 0}), kind="article"),
    Case("lb02", "be",
         "За тыдзень праваабаронцы прызналі палітвязнямі яшчэ 23 чалавекі. Усяго ў спісе "
         "«Вясны» цяпер 1 136 чалавек, а з 2020 года палітвязнямі прызнаныя больш за 4 500 "
         "чалавек.",
         ({"action": "designated", "count": 23, "population": PP, "agent": "праваабаронцы"},
          {"action": "held", "count": 1136, "population": PP},
          {"action": "designated", "count": 4500, "qualifier": "more_than", "population": PP,
           "when": ("2020", "2025-12-12")}), kind="article"),
    Case("lb03", "be",
         "У калоніі ў Наваполацку памёр 61-гадовы палітвязень Віктар Лапіцкі. Пра ягоную "
         "смерць стала вядома ў панядзелак. З 2021 года ў зняволенні загінулі ўжо сем "
         "палітвязняў.",
         ({"action": "died_in_custody", "count": 1, "persons": ["Віктар Лапіцкі"]},
          {"action": "died_in_custody", "count": 7, "population": PP,
           "when": ("2021", "2025-12-12")}), kind="article"),
    Case("lb04", "be",
         "Напярэдадні Лукашэнка памілаваў шаснаццаць чалавек, у тым ліку дзвюх жанчын, "
         "паведаміла ў чацвер прэс-служба кіраўніка дзяржавы.",
         ({"action": "released", "count": 16, "mechanism": "pardon", "agent": "Лукашэнка",
           "when": "2025-12-11"},
          {"action": "released", "count": 2, "population": "women", "part_of": 0}),
         kind="article"),
    Case("lb05", "be",
         "Пасля перамоваў з амерыканскай дэлегацыяй улады вызвалілі 9 палітвязняў, сярод якіх "
         "двое грамадзян Літвы. Наўзамен ЗША змякчылі санкцыі супраць «Беларуськалія».",
         ({"action": "released", "count": 9, "population": PP, "mechanism": "deal"},
          {"action": "released", "count": 2, "population": "lithuanian_citizens",
           "part_of": 0}),
         events=({"what": "sanctions_eased", "target": "Беларуськалій"},), kind="article"),
)  # fmt: skip
