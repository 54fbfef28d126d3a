"""Number words in every case, as Russian and Belarusian news write them: "тридцатью двумя",
"ста пятидесяти", "дзвюмстам", "васьмярых". Russian is read through pymorphy3's lemmas,
Belarusian through the paradigms listed in `lang/be` (`NUMBER_FORMS`); each phrase must be
read whole, as one number."""

from __future__ import annotations

import pytest

from prisonwatch.extract.slavic.numbers import number_at
from prisonwatch.extract.slavic.words import lexicon

CASES = [
    ("ru", "тридцатью двумя", 32), ("ru", "сорока семи", 47), ("ru", "ста пятидесяти", 150),
    ("ru", "двумстам", 200), ("ru", "трехсот двадцати", 320), ("ru", "девяноста девяти", 99),
    ("ru", "полутора тысяч", 1500), ("ru", "тысячи двухсот", 1200), ("ru", "пятистах", 500),
    ("ru", "восьмерых", 8), ("ru", "десятерых", 10), ("ru", "четырехсот", 400),
    ("be", "трыццаці двух", 32), ("be", "сарака сямі", 47), ("be", "ста пяцідзесяці", 150),
    ("be", "дзвюмстам", 200), ("be", "трохсот дваццаці", 320), ("be", "дзевяноста дзевяці", 99),
    ("be", "паўтары тысячы", 1500), ("be", "тысячы двухсот", 1200), ("be", "дзвюх тысяч", 2000),
    ("be", "пяцістах", 500), ("be", "васьмярых", 8), ("be", "дзесяцярых", 10),
    ("be", "чатырохсот", 400), ("be", "сямісот", 700), ("be", "дваццаццю", 20),
    ("be", "трыццаццю", 30), ("be", "сямідзесяці", 70), ("be", "двухстах", 200),
    ("be", "дзевяцісот", 900), ("be", "траім", 3), ("be", "двума", 2),
]  # fmt: skip


@pytest.mark.parametrize(("code", "text", "value"), CASES, ids=[c[1] for c in CASES])
def test_number_words_in_every_case(code: str, text: str, value: int) -> None:
    lex = lexicon(code)
    tokens = lex.tokens(text)
    assert number_at(lex, tokens, 0) == (value, len(tokens) - 1)


@pytest.mark.parametrize("code", ["ru", "be"])
def test_a_word_that_is_no_number_is_none(code: str) -> None:
    lex = lexicon(code)
    assert number_at(lex, lex.tokens("суд"), 0) is None
