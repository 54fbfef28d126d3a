"""Held-back sentences, written with `dev` and before any rule change for either: scored once
at the start and once at the end of the work, never developed on."""

from __future__ import annotations

from tests.extract.en_sentences import Case

R, D, S, H = "released", "detained", "sentenced", "held"

CASES = [
    Case(
        "freed_on_bail",
        "Georgian authorities freed 21 demonstrators on Thursday.",
        [{"action": R, "count": 21, "qualifier": "exact", "population": "demonstrators"}],
    ),
    Case(
        "granted_clemency_passive",
        "A further 37 inmates were granted clemency by the king.",
        [{"action": R, "count": 37, "population": "prisoners", "mechanism": "pardon"}],
    ),
    Case(
        "counted_stock",
        "Rights monitors counted 412 political prisoners in the country at the end of June.",
        [{"action": H, "count": 412, "population": "political_prisoners"}],
    ),
    Case(
        "seized_students",
        "Riot police seized 33 students at the university gates.",
        [{"action": D, "count": 33, "population": "students"}],
    ),
    Case(
        "convicted_and_jailed",
        "Five reporters were convicted of espionage and jailed for 12 years each.",
        [{"action": S, "count": 5, "population": "journalists"}],
    ),
    Case(
        "among_the_released_were",
        "Among the 80 people released on Monday were three journalists and an opposition "
        "lawmaker.",
        [{"action": R, "count": 80, "population": "people"},
         {"action": R, "count": 3, "population": "journalists"},
         {"action": R, "count": 1}],
    ),
    Case(
        "kremlin_exchange_named",
        "The Kremlin freed the dissident Ilya Yashin as part of an exchange.",
        [{"action": R, "count": 1, "persons": ["Ilya Yashin"], "mechanism": "exchange"}],
    ),
    Case(
        "held_remain_lawyer_said",
        "At least 70 people held over the protests remain in jail, a lawyer said.",
        [{"action": H, "count": 70, "qualifier": "at_least", "population": "people"}],
    ),
    Case(
        "amnestied",
        "Some 250 prisoners were amnestied to mark the holiday.",
        [{"action": R, "count": 250, "qualifier": "about", "population": "prisoners",
          "mechanism": "amnesty"}],
    ),
    Case(
        "demanding_freedom",
        "Human rights groups are demanding freedom for more than 900 political prisoners.",
        [{"action": "demanded", "count": 900, "qualifier": "more_than",
          "population": "political_prisoners"}],
    ),
    Case(
        "died_in_detention",
        "Three women died in detention last year, the UN said.",
        [{"action": "died_in_custody", "count": 3, "population": "women"}],
    ),
    Case(
        "rearrested_members",
        "The opposition says 18 of its members were rearrested after their release.",
        [{"action": "returned_to_custody", "count": 18, "population": "members"}],
    ),
    Case(
        "over_since_according",
        "Authorities have arrested over 1,000 people since the election, according to Amnesty "
        "International.",
        [{"action": D, "count": 1000, "qualifier": "more_than", "population": "people",
          "source": "Amnesty International"}],
    ),
    Case(
        "courts_sentenced",
        "Vietnamese courts sentenced 26 land-rights campaigners last year.",
        [{"action": S, "count": 26}],
    ),
    Case(
        "recognised_passive",
        "Six people were recognised as political prisoners by the human rights centre.",
        [{"action": "designated", "count": 6, "population": "political_prisoners"}],
    ),
    Case(
        "named_released_after_years",
        "Journalist Mahmoud Hussein was released after four years in detention.",
        [{"action": R, "count": 1, "persons": ["Mahmoud Hussein"]}],
    ),
    Case("turnout", "Turnout reached 67 percent in the capital."),
    Case("adjourned", "The court adjourned the hearing for two weeks."),
    Case("ruler_age", "The leader, 71, has ruled the country since 1994."),
    Case("funeral", "Over 40,000 people attended the funeral."),
    Case("plans_to_free", "The ministry plans to free 200 inmates in January."),
    Case("bail", "Bail was set at 10,000 euros for each defendant."),
    Case("judges", "Twelve judges sit on the constitutional court."),
]  # fmt: skip
