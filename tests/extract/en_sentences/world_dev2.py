"""A second part to develop on, written after `world_dev`'s first rules: longer news paragraphs
in the manner of wire copy and rights-group statements about Venezuela, Iran, Hong Kong, China
and elsewhere (never article text), where several numbers stand together and only some are
counts of people.

First score, before any rule was changed for it (2026-12-01): 7 of 13 cases right in every
field; claims P 0.727 R 0.667 F1 0.696 (8 of 12 gold, 11 found).
"""

from __future__ import annotations

from tests.extract.en_sentences import Case

R, D, S, H, Q = "released", "detained", "sentenced", "held", "demanded"
DIED = "died_in_custody"

CASES = [
    Case(
        "ve_conditional_release",
        "Venezuela granted conditional release to 103 people jailed after the July 28 "
        "election, the attorney general's office said on Saturday. The released must report "
        "to a court every 30 days.",
        [{"action": R, "count": 103, "population": "people", "mechanism": "conditional"}],
    ),
    Case(
        "ve_excarcelados_stock_after",
        "Foro Penal confirmed the release of 71 political prisoners this week. Even so, the "
        "group said, more than 800 people are still imprisoned for political reasons.",
        [
            {"action": R, "count": 71, "population": "political_prisoners", "source": "Foro Penal"},
            {"action": H, "count": 800, "qualifier": "more_than"},
        ],
    ),
    Case(
        "ve_americans_freed_deal",
        "Six Americans held in Venezuela were freed on Friday after a meeting between Nicolas "
        "Maduro and a U.S. envoy, officials said.",
        [{"action": R, "count": 6, "population": "americans"}],
    ),
    Case(
        "ir_hanged_not_count",
        "Iran hanged two men convicted over the protests on Saturday, bringing to 12 the "
        "number of people executed in connection with the unrest.",
    ),
    Case(
        "ir_arrested_since_start",
        "Iranian authorities have detained more than 21,000 people since the start of the "
        "protests, according to the rights group HRANA.",
        [
            {
                "action": D,
                "count": 21000,
                "qualifier": "more_than",
                "population": "people",
                "source": "HRANA",
            }
        ],
    ),
    Case(
        "ir_pardon_anniversary_agent",
        "Supreme Leader Ali Khamenei agreed to pardon or reduce the sentences of 2,266 "
        "convicts on the occasion of the anniversary, the judiciary's Mizan news agency said.",
        [
            {
                "action": R,
                "count": 2266,
                "population": "prisoners",
                "agent": "Ali Khamenei",
                "mechanism": "pardon",
            }
        ],
    ),
    Case(
        "hk_jimmy_lai_held",
        "Jimmy Lai, the 77-year-old founder of the Apple Daily newspaper, has been in custody "
        "since December 2020.",
        [{"action": H, "count": 1, "persons": ["Jimmy Lai"]}],
    ),
    Case(
        "hk_47_charged",
        "The 47 were arrested in January 2021 for organising an unofficial primary election. "
        "Of those, 31 pleaded guilty.",
        [{"action": D, "count": 47}],
    ),
    Case(
        "hk_freed_completing",
        "Four of the activists walked free on Sunday after completing their sentences, "
        "having been held since 2021.",
        [{"action": R, "count": 4, "population": "activists", "mechanism": "term_served"}],
    ),
    Case(
        "cn_lawyers_detained_named",
        "Police detained the lawyers Wang Quanzhang and Jiang Tianyong in the summer of 2015.",
        [{"action": D, "count": 2, "persons": ["Wang Quanzhang", "Jiang Tianyong"]}],
    ),
    Case(
        "cn_uyghur_scholar_life",
        "The Uyghur economist Ilham Tohti is serving a life sentence for separatism, Human "
        "Rights Watch said.",
        [{"action": H, "count": 1, "persons": ["Ilham Tohti"]}],
    ),
    Case(
        "mm_junta_amnesty",
        "Myanmar's military government freed 3,015 prisoners in an amnesty to mark a "
        "Buddhist holiday, state television reported.",
        [
            {
                "action": R,
                "count": 3015,
                "population": "prisoners",
                "mechanism": "amnesty",
                "source": "state television",
            }
        ],
    ),
    Case(
        "nothing_budget_and_ages",
        "The 67-year-old was first jailed in 1994. The court also fined the company 50,000 "
        "dollars and ordered it to close 12 branches.",
    ),
]
