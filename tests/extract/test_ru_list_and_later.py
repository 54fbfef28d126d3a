"""The leftovers of dev16 (issue 13, session 7), each on sentences written for these tests
(not the own articles whose misses they came from): the list an organisation keeps ("у спісе
Вясны 1 219 імёнаў") is its count of political prisoners, told by it; the list of an act told
just before ("в списке не менее двенадцати человек" after a pardon) holds people of that act,
not a stock; a time before "позднее" is not the time of the act after it."""

from __future__ import annotations

import pytest

from tests.extract.slavic_sentences.check import Case, errors

PP = "political_prisoners"

# fmt: off
CASES = (
    Case("org-list-be", "be",
         "Праваабаронцы нагадваюць пра палітвязняў. Цяпер у спісе Вясны 1 180 імёнаў.",
         ({"action": "held", "count": 1180, "population": PP, "source": "Вясна"},)),
    Case("org-list-be-short-genitive", "be",
         "На сёння ў спісе «Вясны» 1 204 імёны.",
         ({"action": "held", "count": 1204, "population": PP, "source": "Вясна"},)),
    Case("org-list-ru", "ru",
         "Сейчас в списке «Мемориала» 770 имен.",
         ({"action": "held", "count": 770, "population": PP, "source": "Мемориал"},)),
    Case("act-list-ru", "ru",
         "Президент подписал указ о помиловании 85 осужденных. По словам адвокатов, в списке "
         "не менее семи человек, которых правозащитники считают политзаключенными, в том "
         "числе трое блогеров.",
         ({"action": "released", "count": 85},
          {"action": "released", "count": 7, "qualifier": "at_least", "population": PP,
           "part_of": 0},
          {"action": "released", "count": 3, "part_of": 1})),
    Case("act-list-be", "be",
         "Лукашэнка памілаваў 40 асуджаных. У спісе не менш за дзевяць чалавек, якіх "
         "праваабаронцы лічаць палітвязнямі.",
         ({"action": "released", "count": 40},
          {"action": "released", "count": 9, "qualifier": "at_least", "part_of": 0})),
    Case("later-sentenced-ru", "ru",
         "Блогер Игорь Данилов вел канал о Гомеле. Данилова задержали в мае 2022 года и позже "
         "приговорили к шести годам колонии.",
         ({"action": "detained", "count": 1, "when": "2022-05"},
          {"action": "sentenced", "count": 1, "when": None})),
    Case("later-sentenced-be", "be",
         "Ганну Пятровіч затрымалі ў сакавіку 2023 года і пазней яе асудзілі да чатырох гадоў "
         "калоніі.",
         ({"action": "detained", "count": 1, "when": "2023-03"},
          {"action": "sentenced", "count": 1, "when": None})),
    # what must stay: a time after the later word is the later act's own
    Case("sentenced-in-own-month", "ru",
         "Журналист Олег Петров вел канал. Петрова задержали в марте, а затем в июне "
         "приговорили к трем годам.",
         ({"action": "detained", "count": 1, "when": "2025-03"},
          {"action": "sentenced", "count": 1, "when": "2025-06"})),
)
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_lists_and_later_steps(case: Case) -> None:
    assert errors(case) == []
