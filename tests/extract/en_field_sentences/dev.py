"""Development cases: the phrasings this round's rules are written for, each as an own sentence,
with sentences that must give nothing."""

from __future__ import annotations

from tests.extract.en_field_sentences.check import Case

R, D, S, H, Q = "released", "detained", "sentenced", "held", "demanded"

CASES: tuple[Case, ...] = (
    Case(
        "d01",
        "Sixty detainees were freed on Friday, the rights group Memorial said.",
        ({"action": R, "count": 60, "source": "Memorial", "agent": None},),
    ),
    Case(
        "d02",
        "According to the Political Prisoners Support Union, 210 people remain in custody.",
        ({"action": H, "count": 210, "source": "Political Prisoners Support Union"},),
    ),
    Case(
        "d03",
        "Viasna, a human rights centre, reported that 17 people were detained in Hrodna on "
        "Wednesday.",
        ({"action": D, "count": 17, "source": "Viasna"},),
    ),
    Case(
        "d04",
        "Thirty-two prisoners were pardoned by President Emmerson Mnangagwa, said Tendai Biti.",
        ({"action": R, "count": 32, "agent": "Emmerson Mnangagwa", "source": "Tendai Biti"},),
    ),
    Case(
        "d05",
        "Forty-two members of the opposition were arrested by the National Security Committee, "
        "the Kazakh service of Radio Azattyq reported.",
        ({"action": D, "count": 42, "agent": "National Security Committee"},),
    ),
    Case(
        "d06",
        "The authorities released Ihar Losik, Ihar Karnei and Larysa Shchyrakova on Thursday.",
        (
            {
                "action": R,
                "count": 3,
                "persons": ["Ihar Karnei", "Ihar Losik", "Larysa Shchyrakova"],
            },
        ),
    ),
    Case(
        "d07",
        "The regime freed Andrei Kuznechyk, a journalist for Radio Free Europe, and Marfa "
        "Rabkova, an activist.",
        ({"action": R, "count": 2, "persons": ["Andrei Kuznechyk", "Marfa Rabkova"]},),
    ),
    Case("d08", "The ministry released a report on prison conditions on Monday."),
    Case("d09", "Officials said 30 prisoners may be released if the talks go well."),
    Case(
        "d10",
        "Steve Witkoff and Vladimir Putin met in Moscow on Thursday.",
        events=({"kind": "meeting", "participants": ["Steve Witkoff", "Vladimir Putin"]},),
    ),
    Case(
        "d11",
        "Twenty activists were detained at the rally, Hrant Melkonyan told Reuters.",
        ({"action": D, "count": 20, "source": "Hrant Melkonyan"},),
    ),
    Case(
        "d12",
        "Lithuanian President Gitanas Nauseda said Belarus had released 14 foreign citizens.",
        ({"action": R, "count": 14, "agent": "Belarus", "source": "Gitanas Nauseda"},),
    ),
    Case(
        "d13",
        "Eleven journalists have been detained since January, the Belarusian Association of "
        "Journalists reported.",
        ({"action": D, "count": 11, "source": "BAJ"},),
    ),
    Case(
        "d14",
        "A court in Gomel sentenced the activist Pavel Seviarynets to seven years.",
        ({"action": S, "count": 1, "persons": ["Pavel Seviarynets"]},),
    ),
    Case(
        "d15",
        "Iran freed 12 foreigners, including the French teacher Cecile Kohler.",
        ({"action": R, "count": 12, "agent": "Iran", "persons": ["Cecile Kohler"]},),
    ),
    Case(
        "d16",
        "The European Parliament called for the release of all 1,100 political prisoners.",
        ({"action": Q, "count": 1100, "agent": "European Parliament", "source": None},),
    ),
    Case(
        "d17",
        "Some 25 protesters were rounded up by riot police, according to the monitoring group "
        "OVD-Info.",
        ({"action": D, "count": 25, "source": "OVD-Info"},),
    ),
    Case(
        "d18",
        "Opposition politician Mikola Statkevich was arrested in November, his wife said.",
        ({"action": D, "count": 1, "persons": ["Mikola Statkevich"]},),
    ),
    Case(
        "d19",
        "Sviatlana Tsikhanouskaya travelled to Vilnius in October.",
        events=({"kind": "visit", "participants": ["Sviatlana Tsikhanouskaya"]},),
    ),
    Case("d20", "No one was released after the summit, the spokesman said."),
    Case(
        "d21",
        "Cuba freed 30 prisoners after the United States removed it from the list of state "
        "sponsors of terrorism.",
        ({"action": R, "count": 30, "agent": "Cuba"},),
        (
            {
                "kind": "concession",
                "by": "United States",
                "what": "sanctions_eased",
                "target": "Cuba",
            },
        ),
    ),
    Case(
        "d22",
        "Belarus freed 20 political prisoners. In exchange, the European Union lifted the "
        "travel ban on its foreign minister.",
        ({"action": R, "count": 20, "agent": "Belarus"},),
        ({"kind": "concession", "by": "European Union", "what": "sanctions_lifted"},),
    ),
    Case(
        "d23",
        "Belarus freed 20 political prisoners. The European Union did not lift its sanctions.",
        ({"action": R, "count": 20},),
    ),
    Case("d24", "The athlete lifted the trophy after the final."),
    Case(
        "d25",
        "Minsk freed 14 people on Friday. U.S. sanctions on the potash producer Belaruskali "
        "were eased the same day.",
        ({"action": R, "count": 14},),
        ({"kind": "concession", "by": "United States", "what": "sanctions_eased"},),
    ),
    Case(
        "d26",
        "The lawyer Ana Maria Duarte said 12 students were detained.",
        ({"action": D, "count": 12, "source": "Ana Maria Duarte"},),
    ),
    Case(
        "d27",
        "The activist Ana Maria Lopez Garcia called for the release of 40 detainees.",
        ({"action": Q, "count": 40, "agent": "Ana Maria Lopez Garcia"},),
    ),
    Case(
        "d28",
        "President Alexander Lukashenko pardoned 31 people on Friday.",
        ({"action": R, "count": 31, "agent": "Alexander Lukashenko"},),
    ),
    Case(
        "d29",
        "In a statement on Tuesday, the Egyptian Initiative for Personal Rights said 57 "
        "activists had been arrested.",
        (
            {
                "action": D,
                "count": 57,
                "source": "Egyptian Initiative for Personal Rights",
                "agent": None,
            },
        ),
    ),
    Case(
        "d30",
        "Cuban authorities released 127 prisoners, the Cuban Prisoners Defenders group told AFP.",
        ({"action": R, "count": 127, "source": "Cuban Prisoners Defenders group"},),
    ),
    Case(
        "d31",
        "The Committee for the Release of Political Prisoners said 40 people were freed.",
        ({"action": R, "count": 40, "source": "Committee for the Release of Political Prisoners"},),
    ),
    Case(
        "d32",
        "Lukashenko received the American delegation led by John Coale on Friday.",
        events=({"kind": "meeting", "participants": ["Alexander Lukashenko", "John Coale"]},),
    ),
    Case(
        "d33",
        "Putin hosted Steve Witkoff in the Kremlin on Thursday.",
        events=({"kind": "meeting", "participants": ["Steve Witkoff", "Vladimir Putin"]},),
    ),
    Case(
        "d34",
        "Trump named Richard Grenell special envoy for presidential missions.",
        events=({"kind": "appointment", "participants": ["Richard Grenell"]},),
    ),
    Case("d35", "The prison received 40 new inmates last year."),
    Case("d36", "The company named its new product after the founder."),
    Case(
        "d37",
        "Security forces detained at least 40 people in Tbilisi overnight, the interior "
        "ministry said.",
        ({"action": D, "count": 40, "agent": "Security forces", "source": "interior ministry"},),
    ),
    Case(
        "d38",
        "Border guards detained 3 journalists at the crossing.",
        ({"action": D, "count": 3, "agent": "Border guards"},),
    ),
)
