"""A third held-out set, mostly short articles of several sentences: written after `held2`'s
fixes and scored once without changing a rule; its misses are listed in
tests/extract/test_ru_sentences.py.

Four expectations were wrong as first written and were corrected after scoring, by the
contract's counting rules 3 and 5 (a fact told in passing is a claim): kr03/kb03 ("прибыли 12
освобожденных политзаключенных": 12 released) and kr04/kb04 ("Задержанный в августе журналист
... остается в СИЗО": detained in August as well as held)."""

from __future__ import annotations

from tests.extract.slavic_sentences.check import Case

PP = "political_prisoners"

CASES: tuple[Case, ...] = (
    Case("kr01", "ru", "Лукашенко помиловал 37 человек, осужденных за участие в протестах. "
         "Об этом сообщила пресс-служба президента. Среди помилованных — 9 женщин и пенсионеры.",
         ({"action": "released", "count": 37, "mechanism": "pardon", "agent": "Лукашенко"},
          {"action": "released", "count": 9, "population": "women", "part_of": 0}),
         kind="article"),
    Case("kr02", "ru", "Правозащитный центр «Вясна» признал политзаключенными еще шесть "
         "человек. Таким образом, их число выросло до 1 171.",
         ({"action": "designated", "count": 6, "population": PP, "agent": "Вясна"},),
         kind="article"),
    Case("kr03", "ru", "В пятницу в Вильнюс прибыли 12 освобожденных политзаключенных. Их "
         "встретили родственники и друзья.",
         ({"action": "released", "count": 12, "population": PP},), kind="article"),
    Case("kr04", "ru", "Задержанный в августе журналист Денис Ивашин по-прежнему остается в "
         "СИЗО.",
         ({"action": "detained", "count": 1, "persons": ["Денис Ивашин"], "when": "2025-08"},
          {"action": "held", "count": 1, "persons": ["Денис Ивашин"]}), kind="person"),
    Case("kr05", "ru", "Как стало известно «Зеркалу», 3 декабря на свободу вышла Полина "
         "Шарендо-Панасюк.",
         ({"action": "released", "count": 1, "persons": ["Полина Шарендо-Панасюк"],
           "when": "2025-12-03"},), kind="person"),
    Case("kr06", "ru", "С июля власти освободили 140 политзаключенных, подсчитали "
         "правозащитники.",
         ({"action": "released", "count": 140, "population": PP,
           "when": ("2025-07", "2025-12-12"), "source": "правозащитники"},), kind="date"),
    Case("kr07", "ru", "В СИЗО КГБ сейчас находятся не менее 30 человек.",
         ({"action": "held", "count": 30, "qualifier": "at_least"},), kind="action"),
    Case("kr08", "ru", "Суд оштрафовал двоих блогеров.", kind="nothing"),
    Case("kr09", "ru", "Сергей Тихановский, вышедший на свободу в июне, провел в заключении "
         "более пяти лет.",
         ({"action": "released", "count": 1, "persons": ["Сергей Тихановский"],
           "when": "2025-06"},), kind="person"),
    Case("kr10", "ru", "Администрация Трампа добивается освобождения всех 1 300 "
         "политзаключенных.",
         ({"action": "demanded", "count": 1300, "population": PP},), kind="action"),
    Case("kr11", "ru", "Вчера из Беларуси в Польшу депортировали 5 граждан Польши.",
         ({"action": "deported", "count": 5, "population": "polish_citizens",
           "when": "2025-12-11"},), kind="action"),
    Case("kr12", "ru", "Их отпустили в обмен на смягчение санкций против калийной отрасли. "
         "Всего на свободе оказались 31 человек.",
         ({"action": "released", "count": 31},),
         events=({"what": "sanctions_eased"},), kind="concession"),
    Case("kr13", "ru", "«Я провел в тюрьме четыре года», — сказал Игорь Лосик журналистам.",
         (), quotes=({"speaker": "Игорь Лосик", "text": "четыре года"},), kind="quote"),
    Case("kr14", "ru", "В 2024 году были освобождены 230 политзаключенных, в 2025-м — еще "
         "около 400.",
         ({"action": "released", "count": 230, "population": PP, "when": "2024"},
          {"action": "released", "count": 400, "qualifier": "about"}), kind="number"),
    Case("kb01", "be", "Лукашэнка памілаваў 37 чалавек, асуджаных за ўдзел у пратэстах. Пра "
         "гэта паведаміла прэс-служба прэзідэнта. Сярод памілаваных — 9 жанчын і пенсіянеры.",
         ({"action": "released", "count": 37, "mechanism": "pardon", "agent": "Лукашэнка"},
          {"action": "released", "count": 9, "population": "women", "part_of": 0}),
         kind="article"),
    Case("kb02", "be", "Праваабарончы цэнтр «Вясна» прызнаў палітвязнямі яшчэ шэсць чалавек. "
         "Такім чынам, іх колькасць вырасла да 1 171.",
         ({"action": "designated", "count": 6, "population": PP, "agent": "Вясна"},),
         kind="article"),
    Case("kb03", "be", "У пятніцу ў Вільню прыехалі 12 вызваленых палітвязняў. Іх сустрэлі "
         "родныя і сябры.",
         ({"action": "released", "count": 12, "population": PP},), kind="article"),
    Case("kb04", "be", "Затрыманы ў жніўні журналіст Дзяніс Івашын па-ранейшаму застаецца ў "
         "СІЗА.",
         ({"action": "detained", "count": 1, "persons": ["Дзяніс Івашын"], "when": "2025-08"},
          {"action": "held", "count": 1, "persons": ["Дзяніс Івашын"]}), kind="person"),
    Case("kb05", "be", "Як стала вядома «Нашай Ніве», 3 снежня на волю выйшла Паліна "
         "Шарэнда-Панасюк.",
         ({"action": "released", "count": 1, "persons": ["Паліна Шарэнда-Панасюк"],
           "when": "2025-12-03"},), kind="person"),
    Case("kb06", "be", "З ліпеня ўлады вызвалілі 140 палітвязняў, падлічылі праваабаронцы.",
         ({"action": "released", "count": 140, "population": PP,
           "when": ("2025-07", "2025-12-12"), "source": "праваабаронцы"},), kind="date"),
    Case("kb07", "be", "У СІЗА КДБ цяпер знаходзяцца не менш за 30 чалавек.",
         ({"action": "held", "count": 30, "qualifier": "at_least"},), kind="action"),
    Case("kb08", "be", "Суд аштрафаваў дваіх блогераў.", kind="nothing"),
    Case("kb09", "be", "Адміністрацыя Трампа дамагаецца вызвалення ўсіх 1 300 палітвязняў.",
         ({"action": "demanded", "count": 1300, "population": PP},), kind="action"),
    Case("kb10", "be", "Учора з Беларусі ў Польшчу дэпартавалі 5 грамадзян Польшчы.",
         ({"action": "deported", "count": 5, "population": "polish_citizens",
           "when": "2025-12-11"},), kind="action"),
    Case("kb11", "be", "«Я правёў у турме чатыры гады», — сказаў Ігар Лосік журналістам.",
         (), quotes=({"speaker": "Ігар Лосік", "text": "чатыры гады"},), kind="quote"),
    Case("kb12", "be", "У 2024 годзе былі вызваленыя 230 палітвязняў, у 2025-м — яшчэ каля "
         "400.",
         ({"action": "released", "count": 230, "population": PP, "when": "2024"},
          {"action": "released", "count": 400, "qualifier": "about"}), kind="number"),
)  # fmt: skip
