"""Red team (session 7): a protected name typed with Greek look-alike letters inside a Latin
word ("Zhαurankevich" with a Greek alpha, "Κalinouski" with a Greek kappa) or in small
capitals ("ᴢʜᴀᴜʀᴀɴᴋᴇᴠɪᴄʜ", which NFKC does not fold) passed the name check: Cyrillic
look-alikes were caught, these were not, so a title, note or address so written was shown to
the public. Now Greek letters inside a word with Latin letters, and small capitals, are read as
the Latin letters they show. Greek words stay Greek. The surnames are made up."""

from __future__ import annotations

from datetime import datetime

import pytest

from prisonwatch.core.records import Person
from prisonwatch.core.vocabulary import Protection
from prisonwatch.services.name_check import ProtectedNames, plain

AT = datetime(2025, 1, 1)
NAMES = ProtectedNames(
    [
        Person("a", "Ihar Zhaurankevich", AT, protection=Protection.WITHHOLD_NAME),
        Person("b", "Alena Tsvirbutskaya", AT, protection=Protection.COUNTS_ONLY),
    ]
)


@pytest.mark.parametrize(
    "text",
    [
        "Zh\u03b1urankevich sentenced",  # Greek small alpha
        "\u0396haurankevich",  # Greek capital Zeta
        "Tsvirbutsk\u03b1y\u03b1 freed",
        "Ts\u03bdirbutskaya",  # Greek nu for v
        "\u1d22\u029c\u1d00\u1d1c\u0280\u1d00\u0274\u1d0b\u1d07\u1d20\u026a\u1d04\u029c",
        "ᴛsᴠɪʀʙᴜᴛsᴋᴀʏᴀ",
    ],
)
def test_look_alike_letters_do_not_hide_a_protected_name(text: str) -> None:
    assert NAMES.mentions(text), text


def test_greek_words_stay_greek() -> None:
    assert plain("Αθήνα και Zhaurankevich").startswith("Αθήνα")
    assert not NAMES.mentions("Η Βιάσνα ανέφερε νέες συλλήψεις στο Μινσκ")
