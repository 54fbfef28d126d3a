"""News paragraphs in the manner of wire and rights-group reporting on Venezuela, Iran, Hong
Kong, China and elsewhere (written for the tests, never article text), to develop on: counts
with varied qualifiers, populations, agents and sources, and paragraphs that must give nothing.

First score, the code as it was before any rule was changed for this set (2026-12-01): 8 of 15
cases right in every field; claims P 1.000 R 0.846 F1 0.917 (11 of 13 gold, 11 found); agent
0.00, source 0.60, every other field named 1.00. `world_held`, scored the same way then: 6 of
10; P 0.889 R 0.727 F1 0.800; every field named 1.00.
"""

from __future__ import annotations

from tests.extract.en_sentences import Case

R, D, S, H, Q = "released", "detained", "sentenced", "held", "demanded"
DIED = "died_in_custody"
DEC = {"from": "2025-12-12", "to": "2025-12-12"}

CASES = [
    Case(
        "ve_foro_penal_released",
        "Venezuelan authorities have released at least 80 people who were detained in the "
        "crackdown after the presidential election, the rights group Foro Penal said on "
        "Sunday.",
        [
            {
                "action": R,
                "count": 80,
                "qualifier": "at_least",
                "population": "people",
                "source": "Foro Penal",
            }
        ],
    ),
    Case(
        "ve_which_tracks_stock",
        "Foro Penal, which tracks political arrests in Venezuela, says 884 political prisoners "
        "remain behind bars, among them 87 members of the military.",
        [
            {
                "action": H,
                "count": 884,
                "qualifier": "exact",
                "population": "political_prisoners",
                "source": "Foro Penal",
            },
            {"action": H, "count": 87, "source": "Foro Penal"},
        ],
    ),
    Case(
        "ve_maduro_freed_today",
        "The government of Nicolas Maduro freed 12 opposition activists on Friday, their "
        "lawyers said.",
        [{"action": R, "count": 12, "population": "activists", "when": DEC}],
    ),
    Case(
        "ir_at_least_arrested",
        "At least 1,200 people have been arrested since the protests began in September, "
        "according to the Oslo-based group Iran Human Rights.",
        [
            {
                "action": D,
                "count": 1200,
                "qualifier": "at_least",
                "population": "people",
                "source": "Iran Human Rights",
            }
        ],
    ),
    Case(
        "ir_khamenei_pardon",
        "Iran's Supreme Leader Ayatollah Ali Khamenei pardoned or commuted the sentences of "
        "more than 2,000 prisoners to mark the anniversary of the revolution, state media "
        "reported.",
        [
            {
                "action": R,
                "count": 2000,
                "qualifier": "more_than",
                "population": "prisoners",
                "agent": "Ali Khamenei",
                "mechanism": "pardon",
            }
        ],
    ),
    Case(
        "ir_dual_nationals_evin",
        "At least 20 dual nationals are being held in Tehran's Evin prison, Amnesty "
        "International said in a statement.",
        [
            {
                "action": H,
                "count": 20,
                "qualifier": "at_least",
                "population": "dual_nationals",
                "source": "Amnesty International",
            }
        ],
    ),
    Case(
        "ir_executions_not_counts",
        "The judiciary said the executions were carried out after trials that lasted less "
        "than an hour. Rights groups said the country had executed more people this year "
        "than in any year since 2015.",
    ),
    Case(
        "hk_47_democrats_sentenced",
        "A Hong Kong court sentenced 45 pro-democracy activists to prison terms of up to 10 "
        "years on Tuesday in the city's biggest national security case.",
        [{"action": S, "count": 45, "population": "activists", "agent": "Hong Kong court"}],
    ),
    Case(
        "hk_police_arrested_nsl",
        "National security police arrested six people on suspicion of sedition, the force "
        "said in a statement.",
        [{"action": D, "count": 6, "population": "people", "agent": "National security police"}],
    ),
    Case(
        "hk_released_after_serving",
        "Three former lawmakers were released from prison on Thursday after serving their "
        "sentences.",
        [{"action": R, "count": 3, "population": "lawmakers", "mechanism": "term_served"}],
    ),
    Case(
        "cn_709_lawyers",
        "More than 300 lawyers and activists were detained or questioned in the 709 "
        "crackdown, according to China Human Rights Lawyers Concern Group.",
        [
            {
                "action": D,
                "count": 300,
                "qualifier": "more_than",
                "source": "China Human Rights Lawyers Concern Group",
            }
        ],
    ),
    Case(
        "cn_uyghurs_up_to",
        "Researchers estimate that up to one million Uyghurs and other Muslims have been held "
        "in camps in Xinjiang.",
        [{"action": H, "count": 1000000, "qualifier": "up_to", "population": "uyghurs"}],
    ),
    Case(
        "cn_dissident_sentenced_named",
        "A Chinese court sentenced the dissident Xu Zhiyong to 14 years in prison for "
        "subversion, his supporters said.",
        [{"action": S, "count": 1, "persons": ["Xu Zhiyong"]}],
    ),
    Case(
        "nothing_anniversary",
        "Hundreds of people gathered outside the court on Monday, and dozens of diplomats "
        "attended the hearing, which lasted 14 hours.",
    ),
    Case(
        "nothing_report_on_prisons",
        "The group published a 120-page report on conditions in the country's prisons, "
        "based on interviews with 40 former detainees.",
    ),
]
