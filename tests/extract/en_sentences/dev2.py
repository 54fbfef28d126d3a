"""Development sentences, second batch (written after batch 1 scored 0.909 unchanged, before
any rule change): harder news phrasings: a release told as a noun ("secured the release of"),
members of a group told in the next sentence, counts in a relative clause, stocks said by
someone, lists and traps (ages, terms, years, money, crowds) inside sentences that hold a
real count."""

from __future__ import annotations

from tests.extract.en_sentences import Case

R, D, S, H = "released", "detained", "sentenced", "held"

CASES = [
    Case(
        "secured_release_of",
        "Washington said it had secured the release of 58 Venezuelan political prisoners.",
        [{"action": R, "count": 58, "population": "political_prisoners"}],
    ),
    Case(
        "announced_release_of",
        "The interior ministry announced the release of 412 detainees on Saturday.",
        [{"action": R, "count": 412, "population": "prisoners"}],
    ),
    Case(
        "demanded_release_of",
        "The union demanded the immediate release of the 23 dockworkers arrested in the port.",
        [{"action": "demanded", "count": 23, "population": "dockworkers"}],
    ),
    Case(
        "release_could_follow",
        "Diplomats said the release of another 70 prisoners could follow within weeks.",
        [],
    ),
    Case(
        "among_them_next_sentence",
        "The authorities freed 95 political prisoners on Monday. Among them were 12 members of "
        "a banned trade union.",
        [{"action": R, "count": 95, "population": "political_prisoners"},
         {"action": R, "count": 12, "population": "members"}],
    ),
    Case(
        "age_inside",
        "Yusuf Demir, 67, was arrested at his home in Izmir on Tuesday.",
        [{"action": D, "count": 1, "persons": ["Yusuf Demir"]}],
    ),
    Case(
        "term_inside",
        "The court sentenced 14 protesters to between three and seven years in prison.",
        [{"action": S, "count": 14, "population": "protesters"}],
    ),
    Case(
        "year_and_money_inside",
        "In 2022 the regime jailed 31 bloggers and fined their families 2,000 dollars each.",
        [{"action": D, "count": 31, "population": "bloggers"}],
    ),
    Case(
        "crowd_then_arrests",
        "Around 5,000 people marched on the ministry, and police detained 120 of them.",
        [{"action": D, "count": 120}],
    ),
    Case(
        "stock_said_by_org",
        "The Committee for Human Rights says 3,400 people are still behind bars for taking "
        "part in the protests.",
        [{"action": H, "count": 3400, "population": "people",
          "source": "Committee for Human Rights"}],
    ),
    Case(
        "stock_as_of",
        "As of this week, 786 political prisoners are being held in the country's jails.",
        [{"action": H, "count": 786, "population": "political_prisoners"}],
    ),
    Case(
        "behind_bars_relative",
        "Nine journalists who criticised the war are behind bars.",
        [{"action": H, "count": 9, "population": "journalists"}],
    ),
    Case(
        "word_number_passive_agent",
        "Twenty-three students were detained by plain-clothes officers on Wednesday night.",
        [{"action": D, "count": 23, "qualifier": "exact", "population": "students"}],
    ),
    Case(
        "pardon_decree",
        "A presidential decree pardoned 1,116 convicts, among them 18 foreigners.",
        [{"action": R, "count": 1116, "population": "prisoners", "mechanism": "pardon"},
         {"action": R, "count": 18, "population": "foreigners"}],
    ),
    Case(
        "exchange_each_side",
        "Russia and Ukraine each handed over 150 prisoners of war in the exchange.",
        [{"action": R, "count": 150, "mechanism": "exchange"}],
    ),
    Case(
        "deported_count",
        "The freed prisoners, 222 in all, were put on a plane to Washington.",
        [{"action": R, "count": 222}],
    ),
    Case(
        "named_and_others",
        "The blogger Anton Sokol and 11 others were released from a prison near Gomel.",
        [{"action": R, "count": 12, "persons": ["Anton Sokol"]}],
    ),
    Case(
        "sentenced_named_years",
        "Opposition leader Marat Zhumabaev was sentenced on Monday to 12 years in a "
        "high-security colony.",
        [{"action": S, "count": 1, "persons": ["Marat Zhumabaev"]}],
    ),
    Case(
        "died_named",
        "The activist Leila Karimova died in custody last month, her lawyer said.",
        [{"action": "died_in_custody", "count": 1, "persons": ["Leila Karimova"]}],
    ),
    Case(
        "remain_after_release",
        "Despite the release, more than 1,200 political prisoners remain in jail, according "
        "to the Viasna rights group.",
        [{"action": H, "count": 1200, "qualifier": "more_than",
          "population": "political_prisoners"}],
    ),
    Case(
        "expected_release_denied",
        "Officials denied reports that 40 prisoners would be freed before the summit.",
        [],
    ),
    Case(
        "votes_and_seats",
        "Lawmakers voted 210 to 14 to extend the state of emergency by 90 days.",
        [],
    ),
    Case(
        "ages_list",
        "The defendants, aged between 19 and 24, face up to 15 years in prison.",
        [],
    ),
    Case(
        "years_since",
        "He has been in prison since 2020, when he was 45.",
        [],
    ),
    Case(
        "percent_population",
        "Almost 40 percent of the 9 million inhabitants live abroad.",
        [],
    ),
]  # fmt: skip
