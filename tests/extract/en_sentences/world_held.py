"""Held-back news paragraphs about Venezuela, Iran, Hong Kong, China and elsewhere, written
with `world_dev` before any rule change for either (never article text): scored once at the
start and once at the end of the work, never developed on (see docs/extraction.md).
First score (2026-12-01, before any rule change): 6 of 10 cases right;
claims P 0.889 R 0.727 F1 0.800 (8 of 11 gold, 9 found)."""

from __future__ import annotations

from tests.extract.en_sentences import Case

R, D, S, H, Q = "released", "detained", "sentenced", "held", "demanded"

CASES = [
    Case(
        "ve_excarcelaciones",
        "The Venezuelan government has freed more than 100 people detained during protests "
        "over the disputed election, Foro Penal director Alfredo Romero said.",
        [
            {
                "action": R,
                "count": 100,
                "qualifier": "more_than",
                "population": "people",
                "source": "Alfredo Romero",
            }
        ],
    ),
    Case(
        "ve_political_prisoners_list",
        "There are currently 1,794 political prisoners in Venezuela, including 160 military "
        "officers and 15 foreigners, according to Foro Penal.",
        [
            {
                "action": H,
                "count": 1794,
                "population": "political_prisoners",
                "source": "Foro Penal",
            },
            {"action": H, "count": 160, "source": "Foro Penal"},
            {"action": H, "count": 15, "population": "foreigners", "source": "Foro Penal"},
        ],
    ),
    Case(
        "ir_protesters_executed_arrested",
        "Security forces have arrested some 500 protesters in Kurdish regions in the past "
        "week, the rights group Hengaw reported.",
        [
            {
                "action": D,
                "count": 500,
                "qualifier": "about",
                "population": "protesters",
                "source": "Hengaw",
            }
        ],
    ),
    Case(
        "ir_journalists_held",
        "Iran is holding at least 16 journalists, the Committee to Protect Journalists said.",
        [
            {
                "action": H,
                "count": 16,
                "qualifier": "at_least",
                "population": "journalists",
                "source": "Committee to Protect Journalists",
            }
        ],
    ),
    Case(
        "hk_democrats_jailed_judges",
        "Judges jailed 14 democracy activists for conspiracy to commit subversion, and two "
        "others were acquitted.",
        [{"action": S, "count": 14, "population": "activists"}],
    ),
    Case(
        "hk_released_early",
        "Two of the 47 democrats were released on Wednesday after serving more than four "
        "years, the government said.",
        [{"action": R, "count": 2, "mechanism": "term_served"}],
    ),
    Case(
        "cn_residential_surveillance",
        "Police placed the human rights lawyer Ding Jiaxi under residential surveillance at a "
        "designated location, his wife said.",
        [{"action": D, "count": 1, "persons": ["Ding Jiaxi"], "source": None}],
    ),
    Case(
        "cn_camps_estimate",
        "According to Human Rights Watch, authorities have detained an estimated one million "
        "Uyghurs in Xinjiang.",
        [
            {
                "action": D,
                "count": 1000000,
                "qualifier": "about",
                "population": "uyghurs",
                "source": "Human Rights Watch",
            }
        ],
    ),
    Case(
        "demand_free_all",
        "The United Nations called on Tehran to release 12 detained women's rights defenders.",
        [{"action": Q, "count": 12, "agent": "United Nations"}],
    ),
    Case(
        "nothing_vote_counts",
        "More than 7,000 candidates registered for the vote, and turnout reached 41 percent.",
    ),
]
