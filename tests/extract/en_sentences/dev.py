"""Development sentences: releases, detentions, sentences, stocks, designations, demands,
deaths, re-arrests, deportations and exchanges in varied phrasings (word numbers, qualifiers,
passives, relative clauses, lists), and numbers that count nobody."""

from __future__ import annotations

from tests.extract.en_sentences import Case

R, D, S, H = "released", "detained", "sentenced", "held"

CASES = [
    Case(
        "pardoned_by_name",
        "President Emomali Rahmon pardoned 40 prisoners on Tuesday.",
        [{"action": R, "count": 40, "qualifier": "exact", "population": "prisoners",
          "agent": "Emomali Rahmon", "mechanism": "pardon"}],
    ),
    Case(
        "passive_more_than",
        "More than 300 political prisoners were freed last week.",
        [{"action": R, "count": 300, "qualifier": "more_than",
          "population": "political_prisoners"}],
    ),
    Case(
        "at_least_since_according",
        "At least 25 journalists have been released since January, according to Reporters "
        "Without Borders.",
        [{"action": R, "count": 25, "qualifier": "at_least", "population": "journalists",
          "source": "Reporters Without Borders"}],
    ),
    Case(
        "including_two_named",
        "The junta released about 1,200 inmates, including the writer Ma Thida and the poet "
        "Saw Wai.",
        [{"action": R, "count": 1200, "qualifier": "about", "population": "prisoners",
          "persons": ["Ma Thida", "Saw Wai"]}],
    ),
    Case(
        "walked_free",
        "Nine opposition figures walked free on Friday after the Supreme Court quashed their "
        "convictions.",
        [{"action": R, "count": 9, "qualifier": "exact"}],
    ),
    Case(
        "among_those_freed_were",
        "Among those freed were the lawyer Nasrin Hosseini and the blogger Omid Rezaei.",
        [{"action": R, "count": 2, "persons": ["Nasrin Hosseini", "Omid Rezaei"]}],
    ),
    Case(
        "swap_citizens_said",
        "Two American citizens were released in a prisoner swap with Venezuela, the State "
        "Department said.",
        [{"action": R, "count": 2, "population": "american_nationals",
          "mechanism": "exchange"}],
    ),
    Case(
        "police_detained",
        "Police detained 87 protesters outside parliament on Sunday.",
        [{"action": D, "count": 87, "qualifier": "exact", "population": "protesters"}],
    ),
    Case(
        "arrested_at_least",
        "Security forces arrested at least 14 lawyers in a series of raids.",
        [{"action": D, "count": 14, "qualifier": "at_least", "population": "lawyers"}],
    ),
    Case("dozens_vague", "Dozens of students were detained overnight.", []),
    Case(
        "taken_into_custody",
        "Eleven members of the banned party were taken into custody on Monday.",
        [{"action": D, "count": 11, "qualifier": "exact", "population": "members"}],
    ),
    Case(
        "rounded_up_word_number",
        "Officers rounded up more than two hundred people after the rally.",
        [{"action": D, "count": 200, "qualifier": "more_than", "population": "people"}],
    ),
    Case(
        "sentenced_named",
        "A court in Minsk sentenced the journalist Katsiaryna Andreyeva to eight years.",
        [{"action": S, "count": 1, "population": "journalists",
          "persons": ["Katsiaryna Andreyeva"]}],
    ),
    Case(
        "handed_prison_terms",
        "Seven activists were handed prison terms of up to ten years.",
        [{"action": S, "count": 7, "qualifier": "exact", "population": "activists"}],
    ),
    Case(
        "tribunal_jailed",
        "The tribunal jailed four bloggers for a combined 40 years.",
        [{"action": S, "count": 4, "population": "bloggers"}],
    ),
    Case(
        "remain_behind_bars",
        "Some 1,100 political prisoners remain behind bars in Belarus, according to Viasna.",
        [{"action": H, "count": 1100, "qualifier": "about",
          "population": "political_prisoners", "source": "Viasna"}],
    ),
    Case(
        "there_are_currently",
        "There are currently at least 160 political prisoners in Azerbaijan.",
        [{"action": H, "count": 160, "qualifier": "at_least",
          "population": "political_prisoners"}],
    ),
    Case(
        "holds_an_estimated",
        "The country holds an estimated 2,000 prisoners of conscience.",
        [{"action": H, "count": 2000, "qualifier": "about",
          "population": "prisoners_of_conscience"}],
    ),
    Case(
        "tally_climbed",
        "The number of political prisoners in Nicaragua has climbed to 140.",
        [{"action": H, "count": 140, "population": "political_prisoners"}],
    ),
    Case(
        "recognised_as",
        "Viasna recognised six more people as political prisoners on Wednesday.",
        [{"action": "designated", "count": 6, "population": "political_prisoners",
          "agent": "Viasna"}],
    ),
    Case(
        "called_for_release_of_all",
        "The European Parliament called for the release of all 1,200 political prisoners.",
        [{"action": "demanded", "count": 1200, "population": "political_prisoners",
          "agent": "European Parliament"}],
    ),
    Case(
        "died_in_custody",
        "Four political prisoners have died in custody since 2021.",
        [{"action": "died_in_custody", "count": 4, "population": "political_prisoners"}],
    ),
    Case(
        "rearrested_share",
        "Two of the freed men were re-arrested a week later.",
        [{"action": "returned_to_custody", "count": 2}],
    ),
    Case(
        "expelled_after_release",
        "Fourteen foreign nationals were expelled from the country on Monday.",
        [{"action": R, "count": 14, "population": "foreign_nationals"}],
    ),
    Case(
        "amnesty_nearly_word_number",
        "Nearly three hundred inmates were set free under the amnesty.",
        [{"action": R, "count": 300, "qualifier": "about", "population": "prisoners",
          "mechanism": "amnesty"}],
    ),
    Case("could_be_released", "Up to 500 prisoners could be released under the new law.", []),
    Case(
        "relative_clause_arrest",
        "Lawyers for the 42 teachers, who were detained during the strike, have not seen "
        "their clients.",
        [{"action": D, "count": 42, "population": "teachers"}],
    ),
    Case(
        "list_by_nationality",
        "The authorities freed 16 prisoners: nine Belarusians, five Ukrainians and two "
        "Georgians.",
        [{"action": R, "count": 16, "population": "prisoners"},
         {"action": R, "count": 9, "population": "belarusians"},
         {"action": R, "count": 5, "population": "ukrainians"},
         {"action": R, "count": 2, "population": "georgians"}],
    ),
    Case(
        "passive_by_president",
        "Ten activists were pardoned by President Shavkat Mirziyoyev.",
        [{"action": R, "count": 10, "population": "activists",
          "agent": "Shavkat Mirziyoyev", "mechanism": "pardon"}],
    ),
    Case(
        "org_said_that",
        "Amnesty International said 45 activists had been detained in the crackdown.",
        [{"action": D, "count": 45, "population": "activists",
          "source": "Amnesty International"}],
    ),
    Case(
        "reported_after",
        "The government has released 70 detainees, Human Rights Watch reported.",
        [{"action": R, "count": 70, "population": "prisoners",
          "source": "Human Rights Watch"}],
    ),
    Case(
        "named_passive_rearrest",
        "The poet Ruslan Amirov was arrested again in May.",
        [{"action": "returned_to_custody", "count": 1, "persons": ["Ruslan Amirov"]}],
    ),
    # numbers that count nobody held, freed or tried
    Case("crowd", "About 20,000 protesters marched through the capital on Sunday."),
    Case("votes", "The bill passed with 312 votes in favour and 98 against."),
    Case("seats", "The opposition won 45 seats in the 2020 election."),
    Case("money", "The fine amounted to 5,000 dollars."),
    Case("cells", "The prison, built in 1952, has three wings and 40 cells."),
    Case("countries", "More than 60 countries signed the declaration."),
    Case("years_ago", "Ten years ago, the first opposition party was founded."),
    Case("may_release", "The government may release 100 prisoners next month."),
    Case("guards", "Police officers, 200 in all, guarded the court building."),
    Case("age", "Sokolov, 63, has led the party since 2009."),
]  # fmt: skip
