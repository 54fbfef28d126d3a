"""Paragraphs in the manner of wire and rights-group reports from countries outside the shared
articles (Egypt, Vietnam, Saudi Arabia, Bahrain, Tajikistan, Ethiopia, Eritrea, Russia,
Turkey), written for the tests (never article text), one group per failure class found on
unseen articles (issue 12, session 6):

- `AGENT`: the state acting through its authorities, named only by the adjective of its
  people ("Egyptian authorities" → Egypt), and a release in an article that names no
  releasing body (the state that held them, as the shared gold reads 009);
- `PLUPERFECT`: a past-perfect clause that tells again who a group already counted were ("The
  45 had been held ...", "Of those, some 2,300 had been arrested") is no new fact, while a
  named person's own background still is ("She had been arrested in October 2020");
- `PRONOUN`: "They were released", "He was freed" after a sentence naming the people, and a
  pronoun with nobody named before it, which must give nothing new.

First score, the code as it was before any rule was changed for them (2026-12-02 01:00 UTC):
8 of 20 cases right in every field; claims P 0.900 R 0.783 F1 0.837 (18 of 23 gold, 20
found); agent 4 of 10, every other field named right.
"""

from __future__ import annotations

from tests.extract.en_sentences import Case

R, D, S, H = "released", "detained", "sentenced", "held"


def when(start: str, end: str | None = None) -> dict[str, str]:
    """A claim's `when`: from `start` to `end` (the same day when not given)."""
    return {"from": start, "to": end or start}


AGENT = [
    Case(
        "eg_authorities_adjective",
        "Egyptian authorities have released 32 people held in pretrial detention, the "
        "Egyptian Initiative for Personal Rights said on Tuesday.",
        [
            {
                "action": R,
                "count": 32,
                "agent": "Egypt",
                "source": "Egyptian Initiative for Personal Rights",
            }
        ],
    ),
    Case(
        "vn_authorities_arrest",
        "Vietnamese authorities arrested three land rights activists in Hanoi on Wednesday, "
        "state media said.",
        [{"action": D, "count": 3, "agent": "Vietnam"}],
    ),
    Case(
        "bh_authorities_pardon",
        "Bahraini authorities freed 1,584 prisoners on Monday in the largest royal pardon in "
        "years, the state news agency said.",
        [{"action": R, "count": 1584, "agent": "Bahrain", "mechanism": "pardon"}],
    ),
    Case(
        "et_authorities_in_state",
        "The authorities in Ethiopia released 14 journalists on Monday, the Committee to "
        "Protect Journalists said.",
        [{"action": R, "count": 14, "agent": "Ethiopia"}],
    ),
    Case(
        "sa_no_releasing_body",
        "Saudi women's rights activist Loujain al-Hathloul was released from prison on "
        "Wednesday after nearly three years in detention.",
        [
            {
                "action": R,
                "count": 1,
                "persons": ["Loujain al-Hathloul"],
                "agent": "Saudi Arabia",
                "when": {"from": "2025-12-10", "to": "2025-12-10"},
            }
        ],
    ),
    Case(
        "tj_no_releasing_body",
        "Tajik journalist Daler Imomali was freed on Thursday, his colleagues told Radio Ozodi.",
        [{"action": R, "count": 1, "persons": ["Daler Imomali"], "agent": "Tajikistan"}],
    ),
]

PLUPERFECT = [
    Case(
        "eg_the_45_had_been_held",
        "Egyptian authorities released 45 detainees on Sunday, a lawyer said. The 45 had been "
        "held in pretrial detention for more than two years.",
        [{"action": R, "count": 45, "agent": "Egypt"}],
    ),
    Case(
        "ir_of_those_had_been_arrested",
        "Iran's judiciary chief said 2,300 people had been pardoned. Of those, some 2,300 had "
        "been arrested during the protests.",
        [{"action": R, "count": 2300}],
    ),
    Case(
        "bh_most_of_them_had_been_jailed",
        "Bahrain released 457 prisoners on Wednesday. Many of them had been jailed since the "
        "2011 uprising.",
        [{"action": R, "count": 457, "agent": "Bahrain"}],
    ),
    Case(
        "vn_named_background_counts",
        "Vietnamese blogger Pham Doan Trang was freed on Monday. She had been arrested in "
        "October 2020.",
        [
            {
                "action": R,
                "count": 1,
                "persons": ["Pham Doan Trang"],
                "when": {"from": "2025-12-08", "to": "2025-12-08"},
            },
            {
                "action": D,
                "count": 1,
                "persons": ["Pham Doan Trang"],
                "when": {"from": "2020-10", "to": "2020-10"},
            },
        ],
    ),
    Case(
        "ru_pluperfect_own_time",
        "Russian authorities released opposition politician Ilya Yashin on Thursday. Yashin "
        "had been detained in June 2022.",
        [
            {"action": R, "count": 1, "agent": "Russia", "persons": ["Ilya Yashin"]},
            {
                "action": D,
                "count": 1,
                "persons": ["Ilya Yashin"],
                "when": {"from": "2022-06", "to": "2022-06"},
            },
        ],
    ),
]

#: Written after the first score: a background relative clause's time is not the main act's.
BACKGROUND_TIME = [
    Case(
        "az_relative_clause_time",
        "Azerbaijani journalist Sevinj Vagifgizy, who was arrested in November 2023, was "
        "sentenced to nine years on Friday.",
        [
            {
                "action": D,
                "count": 1,
                "persons": ["Sevinj Vagifgizy"],
                "when": {"from": "2023-11", "to": "2023-11"},
            },
            {
                "action": S,
                "count": 1,
                "persons": ["Sevinj Vagifgizy"],
                "when": {"from": "2025-12-12", "to": "2025-12-12"},
            },
        ],
    ),
]

#: Written after the first score, from probes of names the entity model does not know
#: (Vietnamese, Ethiopian, Egyptian names) and of a teller after a list of the freed.
PERSONS = [
    Case(
        "vn_name_unknown_to_model_apposition",
        "Police arrested Pham Doan Trang, a prominent journalist, on Tuesday.",
        [{"action": D, "count": 1, "persons": ["Pham Doan Trang"]}],
    ),
    Case(
        "et_name_unknown_to_model_arrest",
        "Ethiopian police arrested Amir Aman Kiyaro on Thursday.",
        [{"action": D, "count": 1, "persons": ["Amir Aman Kiyaro"]}],
    ),
    Case(
        "eg_teller_after_list",
        "Among those released were lawyer Mohamed el-Baqer and blogger Mohamed Oxygen, the "
        "Egyptian Initiative for Personal Rights said.",
        [
            {
                "action": R,
                "count": 2,
                "persons": ["Mohamed el-Baqer", "Mohamed Oxygen"],
                "source": "Egyptian Initiative for Personal Rights",
            }
        ],
    ),
    Case("body_is_no_person", "Police raided Apple Daily offices on Thursday.", []),
]

PRONOUN = [
    Case(
        "ru_they_after_names",
        "Russian activist Ilya Yashin and journalist Alsu Kurmasheva were flown to Ankara on "
        "Thursday. They were released as part of a prisoner exchange.",
        [
            {
                "action": R,
                "count": 2,
                "persons": ["Ilya Yashin", "Alsu Kurmasheva"],
                "mechanism": "exchange",
            }
        ],
    ),
    Case(
        "er_they_after_count",
        "Two journalists, Seyoum Tsehaye and Dawit Isaak, remain in detention in Eritrea. They "
        "were arrested in 2001.",
        [
            {"action": H, "count": 2},
            {
                "action": D,
                "count": 2,
                "persons": ["Seyoum Tsehaye", "Dawit Isaak"],
                "when": {"from": "2001", "to": "2001"},
                "population": "journalists",
            },
        ],
    ),
    Case(
        "eg_he_after_name",
        "Egyptian activist Alaa Abd el-Fattah spoke to reporters outside his home in Cairo. He "
        "was freed on Monday after a presidential pardon.",
        [
            {
                "action": R,
                "count": 1,
                "persons": ["Alaa Abd el-Fattah"],
                "mechanism": "pardon",
                "when": {"from": "2025-12-08", "to": "2025-12-08"},
            }
        ],
    ),
    Case(
        "tj_he_sentenced",
        "Tajik lawyer Buzurgmehr Yorov defended opposition members in court. He was sentenced "
        "to 23 years in 2016.",
        [
            {
                "action": S,
                "count": 1,
                "persons": ["Buzurgmehr Yorov"],
                "when": {"from": "2016", "to": "2016"},
            }
        ],
    ),
    Case(
        "hk_they_sentenced_after_release",
        "Pro-democracy activists Chow Hang-tung and Lee Cheuk-yan were released on Friday. "
        "They were sentenced in 2021.",
        [
            {"action": R, "count": 2, "persons": ["Chow Hang-tung", "Lee Cheuk-yan"]},
            {
                "action": S,
                "count": 2,
                "persons": ["Chow Hang-tung", "Lee Cheuk-yan"],
                "when": {"from": "2021", "to": "2021"},
            },
        ],
    ),
    Case(
        "tr_she_after_claim",
        "Turkish journalist Sedef Kabas was detained on Saturday over a tweet, her lawyer "
        "said. She was released on Monday pending trial.",
        [
            {"action": D, "count": 1, "persons": ["Sedef Kabas"]},
            {"action": R, "count": 1, "persons": ["Sedef Kabas"]},
        ],
    ),
    # written after the first score, from probes: an object pronoun, a definite count, and
    # an actor who is never the one acted on
    Case(
        "et_released_them",
        "Ethiopian journalists Tesfalidet Kidane and Bekalu Alamrew were arrested in Addis "
        "Ababa last week. Police have since released them without charge.",
        [
            {"action": D, "count": 2, "persons": ["Tesfalidet Kidane", "Bekalu Alamrew"]},
            {
                "action": R,
                "count": 2,
                "persons": ["Tesfalidet Kidane", "Bekalu Alamrew"],
                "population": "journalists",
            },
        ],
    ),
    Case(
        "tn_the_two",
        "Journalists Sonia Dahmani and Mourad Zeghidi were detained in May. The two were "
        "released on Monday.",
        [
            {"action": D, "count": 2, "persons": ["Sonia Dahmani", "Mourad Zeghidi"]},
            {
                "action": R,
                "count": 2,
                "persons": ["Sonia Dahmani", "Mourad Zeghidi"],
                "when": {"from": "2025-12-08", "to": "2025-12-08"},
            },
        ],
    ),
    Case(
        "eg_they_act_on_others",
        "Egypt freed 30 prisoners on Tuesday. They released 12 more on Wednesday.",
        [
            {"action": R, "count": 30, "persons": []},
            {"action": R, "count": 12, "persons": []},
        ],
    ),
    Case(
        "eg_released_her_on_day",
        "Egyptian police arrested activist Sanaa Seif on Monday. They released her on Wednesday.",
        [
            {"action": D, "count": 1, "persons": ["Sanaa Seif"]},
            {
                "action": R,
                "count": 1,
                "persons": ["Sanaa Seif"],
                "when": {"from": "2025-12-10", "to": "2025-12-10"},
            },
        ],
    ),
    Case("they_nobody_named", "They were released on Monday, the ministry said.", []),
    Case(
        "they_after_unnamed_count",
        "Egypt freed 30 prisoners on Tuesday. They were released under a presidential pardon.",
        [{"action": R, "count": 30, "agent": "Egypt"}],
    ),
    Case(
        "he_two_named_before",
        "Saudi blogger Raif Badawi met his lawyer Waleed Abu al-Khair in Riyadh. He was "
        "released on Sunday.",
        [],
    ),
]

#: Issue 12, session 7: the police as the actor are named for the state they serve, however
#: the text says which state that is ("Police in Vietnam", "Vietnam's police", "Police" in
#: an article about Vietnam), as the shared gold writes "Turkish police". First score, before
#: the rule: 3 of 7 cases right (the police got the state alone, "Vietnam", a possessive as
#: written, or a capital "Police").
POLICE = [
    Case(
        "vn_police_in_state",
        "Police in Vietnam arrested three bloggers on Tuesday for posts criticising the "
        "government.",
        [{"action": D, "count": 3, "agent": "Vietnamese police"}],
    ),
    Case(
        "eg_police_in_other_state",
        "Vietnam has jailed dozens of activists this year. Police in Egypt detained 14 "
        "students in Cairo on Monday.",
        [{"action": D, "count": 14, "agent": "Egyptian police"}],
    ),
    Case(
        "tr_possessive_police",
        "Turkey's police detained 12 journalists in Istanbul on Wednesday.",
        [{"action": D, "count": 12, "agent": "Turkish police"}],
    ),
    Case(
        "by_police_capital_alone",
        "The crackdown in Belarus went on. Police arrested 20 protesters in Minsk on Sunday.",
        [{"action": D, "count": 20, "agent": "Belarusian police"}],
    ),
    Case(
        "tr_adjective_police_as_written",
        "Turkish police detained 9 lawyers in Ankara on Thursday.",
        [{"action": D, "count": 9, "agent": "Turkish police"}],
    ),
    Case(
        "vn_police_trained_elsewhere",
        "Police, who were trained in Russia, arrested five activists in Hanoi on Friday.",
        [{"action": D, "count": 5}],
    ),
    Case(
        "vn_police_only_planned",
        "Police in Vietnam plan to arrest 40 more bloggers, a rights group said.",
        [],
    ),
]

#: Issue 12, session 7: "since 2021" in a clause that describes the person ("X, who had been
#: jailed since 2021, was freed on Monday") starts that stay, not the release told by the main
#: verb; a "since" of the claim's own verb still dates it. First score, before the rule: 2 of 4
#: cases right (both releases dated from the year of the stay to the article's day).
SINCE_ELSEWHERE = [
    Case(
        "vn_since_in_relative_clause",
        "Tran Van Ba, who had been jailed since 2021, was freed on Monday.",
        [{"action": R, "count": 1, "persons": ["Tran Van Ba"], "when": when("2025-12-08")}],
    ),
    Case(
        "vn_since_in_participle",
        "Nguyen Van Dai, jailed since 2019, was released on Tuesday.",
        [{"action": R, "count": 1, "persons": ["Nguyen Van Dai"], "when": when("2025-12-09")}],
    ),
    Case(
        "vn_since_of_the_verb_itself",
        "Vietnamese authorities have detained 19,000 people since February 2022.",
        [{"action": D, "count": 19000, "when": when("2022-02", "2025-12-12")}],
    ),
    Case(
        "since_of_a_building",
        "The prison, which has held dissidents since 1975, was closed on Monday.",
        [],
    ),
]

CASES = AGENT + PLUPERFECT + BACKGROUND_TIME + PERSONS + PRONOUN + POLICE + SINCE_ELSEWHERE
