"""Development sentences, third batch (written after batch 2's rules, scored before any rule
change for it): news paragraphs of two to four sentences where a count of people sits among
numbers that count nobody (years, terms, ages, sums, percentages, crowds), repeats of one fact,
possible and future acts, and named people in lists."""

from __future__ import annotations

from tests.extract.en_sentences import Case

R, D, S, H = "released", "detained", "sentenced", "held"

CASES = [
    Case(
        "repeat_in_paragraph",
        "Azerbaijan freed 154 prisoners under an amnesty on Monday. The 154 included several "
        "journalists. The amnesty was the third since 2019.",
        [{"action": R, "count": 154, "population": "prisoners", "mechanism": "amnesty"}],
    ),
    Case(
        "term_and_age_paragraph",
        "Karim Saidov, 58, was sentenced to 15 years in 2021. He has spent four of them in "
        "solitary confinement, his daughter said.",
        [{"action": S, "count": 1, "persons": ["Karim Saidov"]}],
    ),
    Case(
        "future_and_fact",
        "The authorities have released 38 detainees and say another 60 will be freed next week.",
        [{"action": R, "count": 38, "population": "prisoners"}],
    ),
    Case(
        "percent_and_stock",
        "Rights groups estimate that 1,300 people remain in prison for political reasons, "
        "about 30 percent of them women.",
        [{"action": H, "count": 1300, "qualifier": "exact",
          "population": "political_prisoners"}],
    ),
    Case(
        "sum_of_money_and_arrest",
        "Police arrested 19 people suspected of organising the protest and seized 40,000 "
        "dollars in cash.",
        [{"action": D, "count": 19, "population": "people"}],
    ),
    Case(
        "named_list_released",
        "Those freed included the journalists Pavel Orlov and Irina Lebedeva and the lawyer "
        "Maxim Petrov.",
        [{"action": R, "count": 3,
          "persons": ["Pavel Orlov", "Irina Lebedeva", "Maxim Petrov"]}],
    ),
    Case(
        "crowd_of_relatives",
        "Hundreds of relatives waited outside the prison gates as 72 inmates walked out.",
        [{"action": R, "count": 72, "population": "prisoners"}],
    ),
    Case(
        "deal_swap_counts",
        "Under the deal, Moscow handed over eight prisoners and Washington released two "
        "Russian spies.",
        [{"action": R, "count": 8, "population": "prisoners"},
         {"action": R, "count": 2}],
    ),
    Case(
        "verdict_many",
        "A military court on Thursday convicted 36 soldiers of mutiny and acquitted 12 others.",
        [{"action": S, "count": 36, "population": "soldiers"}],
    ),
    Case(
        "detention_stock_since",
        "More than 900 people have been detained since the vote, the interior ministry said, "
        "and 400 of them are still in custody.",
        [{"action": D, "count": 900, "qualifier": "more_than", "population": "people"},
         {"action": H, "count": 400}],
    ),
    Case(
        "hunger_strike_not_claim",
        "Twenty-one inmates have been on hunger strike for 30 days.",
        [],
    ),
    Case(
        "prison_capacity",
        "The colony, which was built for 1,500 inmates, now holds nearly 3,000.",
        [],
    ),
    Case(
        "election_results",
        "The ruling party took 87 percent of the vote and all 110 seats.",
        [],
    ),
    Case(
        "appeal_for_all",
        "Exiled opposition leader Tatiana Novak urged the authorities to free all 1,150 "
        "political prisoners.",
        [{"action": "demanded", "count": 1150, "population": "political_prisoners",
          "agent": "Tatiana Novak"}],
    ),
    Case(
        "pardon_request_not_release",
        "Some 200 prisoners have asked the president for a pardon.",
        [],
    ),
    Case(
        "sentenced_each",
        "Three students were each sentenced to five years for a social media post.",
        [{"action": S, "count": 3, "population": "students"}],
    ),
]  # fmt: skip
