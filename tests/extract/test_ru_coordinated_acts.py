"""One named person, two acts told by one subject-less predicate pair (issue 13, session 7
leftover): "Блогера Игоря Данилова задержали ... и позже приговорили" gave only the arrest. The
second verb of a coordinated predicate ("и", "і", ", а" with only a "later" word before it)
tells its own act of the same person. Sentences written for this test; the cases at the end
must give nothing more than the first act: another person or object after the joining word,
a second verb with a subject of its own, a participle."""

from __future__ import annotations

import pytest

from tests.extract.slavic_sentences.check import Case, errors

# fmt: off
CASES = (
    Case("ru-and-later", "ru",
         "Блогера Игоря Данилова задержали в мае 2022 года и позже приговорили к шести "
         "годам колонии.",
         ({"action": "detained", "count": 1, "persons": ["Игорь Данилов"], "when": "2022-05"},
          {"action": "sentenced", "count": 1, "persons": ["Игорь Данилов"], "when": None})),
    Case("ru-comma-a-then", "ru",
         "Журналиста Андрея Кузнецова задержали в Минске, а затем осудили на три года.",
         ({"action": "detained", "count": 1, "persons": ["Андрей Кузнецов"]},
          {"action": "sentenced", "count": 1, "persons": ["Андрей Кузнецов"]})),
    Case("ru-and-bare", "ru",
         "Правозащитницу Наталью Орлову задержали и осудили за репост.",
         ({"action": "detained", "count": 1, "persons": ["Наталья Орлова"]},
          {"action": "sentenced", "count": 1, "persons": ["Наталья Орлова"]})),
    Case("be-and-later", "be",
         "Блогера Ігара Данілава затрымалі ў траўні і потым асудзілі да шасці гадоў калоніі.",
         ({"action": "detained", "count": 1, "persons": ["Ігар Данілаў"], "when": "2025-05"},
          {"action": "sentenced", "count": 1, "persons": ["Ігар Данілаў"], "when": None})),
    Case("be-comma-a-later", "be",
         "Журналістку Ірыну Леўшыну затрымалі ў красавіку, а пазней вызвалілі.",
         ({"action": "detained", "count": 1, "persons": ["Ірына Леўшына"], "when": "2025-04"},
          {"action": "released", "count": 1, "persons": ["Ірына Леўшына"]})),
    # what must give only the first act
    Case("ru-other-object", "ru",
         "Блогера Игоря Данилова задержали, а его брата позже приговорили к трем годам.",
         ({"action": "detained", "count": 1, "persons": ["Игорь Данилов"]},)),
    Case("ru-own-subject", "ru",
         "Активиста Олега Смирнова задержали, а суд затем приговорил к штрафу водителя.",
         ({"action": "detained", "count": 1, "persons": ["Олег Смирнов"]},)),
    Case("ru-a-without-comma-clause", "ru",
         "Блогера Игоря Данилова задержали в мае, после чего его друзей осудили.",
         ({"action": "detained", "count": 1, "persons": ["Игорь Данилов"]},)),
    Case("be-other-object", "be",
         "Блогера Ігара Данілава затрымалі, а яго сяброў пазней асудзілі.",
         ({"action": "detained", "count": 1, "persons": ["Ігар Данілаў"]},)),
    Case("be-own-subject", "be",
         "Актывістку Марыну Золатаву затрымалі, а суд потым асудзіў іншага чалавека.",
         ({"action": "detained", "count": 1, "persons": ["Марына Золатава"]},)),
)
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_second_act_of_a_named_person(case: Case) -> None:
    assert errors(case) == []
