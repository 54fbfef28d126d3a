"""Own short articles in the manner of wire reports and rights-group news about political
prisoners (written for this bench, never copied from any article), with their gold claims in
the contract of `../shared/design/EXTRACTION.md`. `said` is the claim's evidence, a substring
of the article. Split before any rule was written: odd numbers `dev`, even numbers `held`
(see `folds.json`)."""

from __future__ import annotations

from typing import Any

R, D, S, H, Q, X = "released", "detained", "sentenced", "held", "demanded", "deported"
PP = "political_prisoners"

ARTICLES: list[dict[str, Any]] = [
    {
        "stem": "301",
        "date": "2025-03-14",
        "title": "Venezuela frees 38 political prisoners, rights group says",
        "body": """
CARACAS (Reuters) - Venezuelan authorities released 38 political prisoners on Thursday, the rights group Foro Penal said, the largest release since the disputed presidential election in July 2024.
Among those freed were journalist Rafael Tovar and union leader Elena Brito, Foro Penal director Alfredo Romero told reporters.
The releases leave 812 political prisoners behind bars, according to the group's count.
Some 2,000 people were arrested in the protests that followed the July vote, and President Nicolas Maduro said at the time that two new maximum-security prisons would hold them.
The government has not commented on Thursday's releases. In December, the authorities freed 103 people who had been detained after the vote.
Opposition leader Maria Lozano called for the release of all political prisoners within 30 days.
""",
        "claims": [
            {
                "action": R,
                "count": 38,
                "population": PP,
                "mechanism": "unknown",
                "country": "VE",
                "when": "2025-03-13",
                "agent": "Venezuela",
                "source": "Foro Penal",
                "said": "Venezuelan authorities released 38 political prisoners on Thursday, the rights group Foro Penal said, the largest release since the disputed presidential election in July 2024.",
            },
            {
                "action": R,
                "count": 2,
                "population": PP,
                "part_of": "c1",
                "mechanism": "unknown",
                "country": "VE",
                "when": "2025-03-13",
                "agent": "Venezuela",
                "source": "Alfredo Romero",
                "persons": ["Rafael Tovar", "Elena Brito"],
                "said": "Among those freed were journalist Rafael Tovar and union leader Elena Brito, Foro Penal director Alfredo Romero told reporters.",
            },
            {
                "action": H,
                "count": 812,
                "population": PP,
                "country": "VE",
                "when": "2025-03-14",
                "source": "Foro Penal",
                "said": "The releases leave 812 political prisoners behind bars, according to the group's count.",
            },
            {
                "action": D,
                "count": 2000,
                "qualifier": "about",
                "country": "VE",
                "when": "2024-07",
                "said": "Some 2,000 people were arrested in the protests that followed the July vote",
            },
            {
                "action": R,
                "count": 103,
                "mechanism": "unknown",
                "country": "VE",
                "when": "2024-12",
                "agent": "Venezuela",
                "said": "In December, the authorities freed 103 people who had been detained after the vote.",
            },
        ],
    },
    {
        "stem": "302",
        "date": "2024-11-08",
        "title": "Iran jails 12 labour activists as crackdown widens",
        "body": """
DUBAI (AFP) - A Revolutionary Court in Tehran has sentenced 12 labour activists to prison terms of up to six years, the Norway-based group Iran Human Rights said on Friday.
The activists, members of an independent bus drivers' union, were arrested in May during strikes over unpaid wages.
One of them, Reza Shahabi, was sentenced to six years, his wife told the group.
Iran Human Rights says at least 430 people have been arrested since the start of the strikes in the spring.
The judiciary announced in February that Supreme Leader Ali Khamenei had pardoned or commuted the sentences of 2,200 prisoners, but rights groups said few political detainees were among them.
Security forces could detain more union members in the coming weeks, activists warned.
""",
        "claims": [
            {
                "action": S,
                "count": 12,
                "population": "labour_activists",
                "country": "IR",
                "when": "2024-11-08",
                "agent": "Revolutionary Court",
                "source": "Iran Human Rights",
                "said": "A Revolutionary Court in Tehran has sentenced 12 labour activists to prison terms of up to six years, the Norway-based group Iran Human Rights said on Friday.",
            },
            {
                "action": D,
                "count": 12,
                "population": "labour_activists",
                "country": "IR",
                "when": "2024-05",
                "said": "The activists, members of an independent bus drivers' union, were arrested in May during strikes over unpaid wages.",
            },
            {
                "action": S,
                "count": 1,
                "part_of": "c1",
                "population": "labour_activists",
                "country": "IR",
                "persons": ["Reza Shahabi"],
                "when": "2024-11-08",
                "agent": "Revolutionary Court",
                "said": "One of them, Reza Shahabi, was sentenced to six years, his wife told the group.",
            },
            {
                "action": D,
                "count": 430,
                "qualifier": "at_least",
                "country": "IR",
                "when": ["2024", "2024-11-08"],
                "source": "Iran Human Rights",
                "said": "Iran Human Rights says at least 430 people have been arrested since the start of the strikes in the spring.",
            },
            {
                "action": R,
                "count": 2200,
                "population": "prisoners",
                "mechanism": "pardon",
                "country": "IR",
                "when": "2024-02",
                "agent": "Ali Khamenei",
                "said": "The judiciary announced in February that Supreme Leader Ali Khamenei had pardoned or commuted the sentences of 2,200 prisoners, but rights groups said few political detainees were among them.",
            },
        ],
        "notes": "c2: the same 12 arrested in May (background). c5: the judiciary announced; the act is Khamenei's. 'could detain more' is possible: no claim.",
    },
    {
        "stem": "303",
        "date": "2025-06-20",
        "title": "Belarus pardons 16 prisoners; opposition says 1,150 remain jailed",
        "body": """
VILNIUS - Belarusian leader Alexander Lukashenko has pardoned 16 people convicted of "extremist" offences, his press service said on Thursday.
Among those pardoned were 10 women and a pensioner who had been jailed for comments on social media, according to the statement.
The exiled opposition office of Sviatlana Tsikhanouskaya said about 1,150 political prisoners remain behind bars in Belarus.
Rights centre Viasna, which has recognised more than 3,600 people as political prisoners since 2020, said one of those pardoned, blogger Ihar Karnei, had been released in 2023 and arrested again in March.
Lukashenko has pardoned more than 300 people since July 2024, but dozens of new political prisoners are recognised every month.
""",
        "claims": [
            {
                "action": R,
                "count": 16,
                "mechanism": "pardon",
                "country": "BY",
                "when": "2025-06-19",
                "agent": "Alexander Lukashenko",
                "source": "Belarusian presidency",
                "said": 'Belarusian leader Alexander Lukashenko has pardoned 16 people convicted of "extremist" offences, his press service said on Thursday.',
            },
            {
                "action": R,
                "count": 10,
                "population": "women",
                "part_of": "c1",
                "mechanism": "pardon",
                "country": "BY",
                "when": "2025-06-19",
                "agent": "Alexander Lukashenko",
                "said": "Among those pardoned were 10 women and a pensioner",
            },
            {
                "action": R,
                "count": 1,
                "population": "pensioners",
                "part_of": "c1",
                "mechanism": "pardon",
                "country": "BY",
                "when": "2025-06-19",
                "agent": "Alexander Lukashenko",
                "said": "Among those pardoned were 10 women and a pensioner",
            },
            {
                "action": H,
                "count": 1150,
                "qualifier": "about",
                "population": PP,
                "country": "BY",
                "when": "2025-06-20",
                "source": "Sviatlana Tsikhanouskaya",
                "said": "The exiled opposition office of Sviatlana Tsikhanouskaya said about 1,150 political prisoners remain behind bars in Belarus.",
            },
            {
                "action": "designated",
                "count": 3600,
                "qualifier": "more_than",
                "country": "BY",
                "when": ["2020", "2025-06-20"],
                "agent": "Viasna",
                "source": "Viasna",
                "said": "Rights centre Viasna, which has recognised more than 3,600 people as political prisoners since 2020",
            },
            {
                "action": R,
                "count": 1,
                "population": "bloggers",
                "mechanism": "unknown",
                "country": "BY",
                "when": "2023",
                "persons": ["Ihar Karnei"],
                "source": "Viasna",
                "said": "said one of those pardoned, blogger Ihar Karnei, had been released in 2023 and arrested again in March.",
            },
            {
                "action": "returned_to_custody",
                "count": 1,
                "population": "bloggers",
                "country": "BY",
                "when": "2025-03",
                "persons": ["Ihar Karnei"],
                "source": "Viasna",
                "said": "said one of those pardoned, blogger Ihar Karnei, had been released in 2023 and arrested again in March.",
            },
            {
                "action": R,
                "count": 300,
                "qualifier": "more_than",
                "mechanism": "pardon",
                "country": "BY",
                "when": ["2024-07", "2025-06-20"],
                "agent": "Alexander Lukashenko",
                "said": "Lukashenko has pardoned more than 300 people since July 2024",
            },
        ],
        "notes": "Headline 16 and 1,150 repeat the body. Karnei: released in 2023 (background) and back in custody in March; population the noun the text gives him.",
    },
    {
        "stem": "304",
        "date": "2024-04-11",
        "title": "Egypt releases activist Alaa Hamdy after five years in jail",
        "body": """
CAIRO (AP) - Egyptian authorities on Wednesday released prominent activist Alaa Hamdy, who had spent five years in pretrial detention, his sister said.
Hamdy, 42, was arrested in 2019 and later sentenced to five years for spreading false news.
His release came days after a presidential pardon committee said it had secured the freedom of 1,200 detainees since 2022.
Rights groups estimate that some 60,000 political prisoners are held in Egyptian jails.
The Egyptian Initiative for Personal Rights said at least 80 people had been arrested over pro-Palestinian protests in the past month, and urged the authorities to free them.
""",
        "claims": [
            {
                "action": R,
                "count": 1,
                "population": "activists",
                "mechanism": "term_served",
                "country": "EG",
                "when": "2024-04-10",
                "agent": "Egypt",
                "source": None,
                "persons": ["Alaa Hamdy"],
                "said": "Egyptian authorities on Wednesday released prominent activist Alaa Hamdy, who had spent five years in pretrial detention, his sister said.",
            },
            {
                "action": D,
                "count": 1,
                "population": "activists",
                "country": "EG",
                "when": "2019",
                "persons": ["Alaa Hamdy"],
                "said": "Hamdy, 42, was arrested in 2019 and later sentenced to five years for spreading false news.",
            },
            {
                "action": S,
                "count": 1,
                "population": "activists",
                "country": "EG",
                "persons": ["Alaa Hamdy"],
                "said": "Hamdy, 42, was arrested in 2019 and later sentenced to five years for spreading false news.",
            },
            {
                "action": R,
                "count": 1200,
                "population": "detainees",
                "mechanism": "pardon",
                "country": "EG",
                "when": ["2022", "2024-04-11"],
                "agent": "presidential pardon committee",
                "source": "presidential pardon committee",
                "said": "His release came days after a presidential pardon committee said it had secured the freedom of 1,200 detainees since 2022.",
            },
            {
                "action": H,
                "count": 60000,
                "qualifier": "about",
                "population": PP,
                "country": "EG",
                "when": "2024-04-11",
                "source": "rights groups",
                "said": "Rights groups estimate that some 60,000 political prisoners are held in Egyptian jails.",
            },
            {
                "action": D,
                "count": 80,
                "qualifier": "at_least",
                "country": "EG",
                "when": ["2024-03", "2024-04-11"],
                "source": "Egyptian Initiative for Personal Rights",
                "said": "The Egyptian Initiative for Personal Rights said at least 80 people had been arrested over pro-Palestinian protests in the past month, and urged the authorities to free them.",
            },
            {
                "action": Q,
                "count": 80,
                "qualifier": "at_least",
                "country": "EG",
                "agent": "Egyptian Initiative for Personal Rights",
                "said": "The Egyptian Initiative for Personal Rights said at least 80 people had been arrested over pro-Palestinian protests in the past month, and urged the authorities to free them.",
            },
        ],
        "notes": "c1 mechanism term_served? The text says he had spent five years and was sentenced to five: served. Source 'his sister' is unnamed: None.",
    },
    {
        "stem": "305",
        "date": "2025-02-05",
        "title": "Nicaragua strips 135 freed prisoners of citizenship",
        "body": """
MANAGUA (EFE) - The government of Daniel Ortega has stripped 135 political prisoners of their Nicaraguan citizenship, a week after they were released and flown to Guatemala, the Nicaraguan newspaper La Prensa reported on Tuesday.
The 135 were freed on January 28 after negotiations with the United States.
Among them were 12 Catholic priests and the student leader Lesther Aleman, who had been in custody since 2023.
The Mechanism for the Recognition of Political Prisoners said 74 people are still jailed for political reasons in Nicaragua.
In February 2023, Ortega expelled 222 opponents to the United States.
""",
        "claims": [
            {
                "action": R,
                "count": 135,
                "population": PP,
                "mechanism": "deal",
                "country": "NI",
                "when": "2025-01-28",
                "agent": None,
                "said": "The 135 were freed on January 28 after negotiations with the United States.",
            },
            {
                "action": X,
                "count": 135,
                "population": PP,
                "part_of": "c1",
                "country": "NI",
                "when": "2025-01-28",
                "source": "La Prensa",
                "said": "a week after they were released and flown to Guatemala, the Nicaraguan newspaper La Prensa reported on Tuesday.",
            },
            {
                "action": R,
                "count": 12,
                "population": "catholic_priests",
                "part_of": "c1",
                "mechanism": "deal",
                "country": "NI",
                "when": "2025-01-28",
                "said": "Among them were 12 Catholic priests and the student leader Lesther Aleman, who had been in custody since 2023.",
            },
            {
                "action": R,
                "count": 1,
                "population": "student_leaders",
                "part_of": "c1",
                "mechanism": "deal",
                "country": "NI",
                "when": "2025-01-28",
                "persons": ["Lesther Aleman"],
                "said": "Among them were 12 Catholic priests and the student leader Lesther Aleman, who had been in custody since 2023.",
            },
            {
                "action": H,
                "count": 74,
                "country": "NI",
                "when": "2025-02-05",
                "source": "Mechanism for the Recognition of Political Prisoners",
                "said": "The Mechanism for the Recognition of Political Prisoners said 74 people are still jailed for political reasons in Nicaragua.",
            },
            {
                "action": X,
                "count": 222,
                "population": "opponents",
                "country": "NI",
                "when": "2023-02",
                "agent": "Daniel Ortega",
                "said": "In February 2023, Ortega expelled 222 opponents to the United States.",
            },
        ],
        "notes": "Stripping citizenship is no act of the contract. 'flown to Guatemala' after release: deported subset (dev2 202 convention).",
    },
    {
        "stem": "306",
        "date": "2024-12-30",
        "title": "Azerbaijan court jails six journalists of Abzas Media",
        "body": """
BAKU (Reuters) - A court in Baku on Monday sentenced six journalists of the investigative outlet Abzas Media to between eight and nine years in prison, their lawyers said.
The outlet's director Ulvi Hasanli received nine years, the longest term.
The six were detained in November 2023 after police said they had found 40,000 euros in the outlet's office.
The Union for Freedom of Political Prisoners of Azerbaijan says the country holds more than 330 political prisoners, up from 254 a year ago.
Human Rights Watch called on Baku to release all journalists jailed on politically motivated charges, at least 25 by its count.
""",
        "claims": [
            {
                "action": S,
                "count": 6,
                "population": "journalists",
                "country": "AZ",
                "when": "2024-12-30",
                "agent": "court",
                "source": None,
                "said": "A court in Baku on Monday sentenced six journalists of the investigative outlet Abzas Media to between eight and nine years in prison, their lawyers said.",
            },
            {
                "action": S,
                "count": 1,
                "population": "journalists",
                "part_of": "c1",
                "country": "AZ",
                "when": "2024-12-30",
                "persons": ["Ulvi Hasanli"],
                "said": "The outlet's director Ulvi Hasanli received nine years, the longest term.",
            },
            {
                "action": D,
                "count": 6,
                "population": "journalists",
                "country": "AZ",
                "when": "2023-11",
                "said": "The six were detained in November 2023 after police said they had found 40,000 euros in the outlet's office.",
            },
            {
                "action": H,
                "count": 330,
                "qualifier": "more_than",
                "population": PP,
                "country": "AZ",
                "when": "2024-12-30",
                "source": "Union for Freedom of Political Prisoners of Azerbaijan",
                "said": "The Union for Freedom of Political Prisoners of Azerbaijan says the country holds more than 330 political prisoners, up from 254 a year ago.",
            },
            {
                "action": H,
                "count": 254,
                "population": PP,
                "country": "AZ",
                "when": "2023-12",
                "source": "Union for Freedom of Political Prisoners of Azerbaijan",
                "said": "The Union for Freedom of Political Prisoners of Azerbaijan says the country holds more than 330 political prisoners, up from 254 a year ago.",
            },
            {
                "action": Q,
                "count": 25,
                "qualifier": "at_least",
                "population": "journalists",
                "country": "AZ",
                "agent": "Human Rights Watch",
                "said": "Human Rights Watch called on Baku to release all journalists jailed on politically motivated charges, at least 25 by its count.",
            },
        ],
        "notes": "40,000 euros is money. 'their lawyers' unnamed: source None.",
    },
    {
        "stem": "307",
        "date": "2025-01-23",
        "title": "Cuba halts prisoner releases after 553 promised; 127 freed so far",
        "body": """
HAVANA (AP) - Cuba has released 127 of the 553 prisoners it promised to free under a deal brokered by the Vatican, the rights group Prisoners Defenders said on Wednesday, before the government halted the releases.
Among those freed was the artist Luis Manuel Otero, who had served most of a five-year sentence, his partner said.
The group said Cuba still holds 1,161 political prisoners, including 31 minors.
Cuba could release the remaining prisoners later this year, the foreign ministry said.
More than 700 people were jailed after the protests of July 2021, the largest in decades.
""",
        "claims": [
            {
                "action": R,
                "count": 127,
                "population": "prisoners",
                "mechanism": "deal",
                "country": "CU",
                "when": ["2025-01", "2025-01-22"],
                "agent": "Cuba",
                "source": "Prisoners Defenders",
                "said": "Cuba has released 127 of the 553 prisoners it promised to free under a deal brokered by the Vatican, the rights group Prisoners Defenders said on Wednesday, before the government halted the releases.",
            },
            {
                "action": R,
                "count": 1,
                "population": "artists",
                "part_of": "c1",
                "mechanism": "deal",
                "country": "CU",
                "agent": "Cuba",
                "persons": ["Luis Manuel Otero"],
                "said": "Among those freed was the artist Luis Manuel Otero, who had served most of a five-year sentence, his partner said.",
            },
            {
                "action": H,
                "count": 1161,
                "population": PP,
                "country": "CU",
                "when": "2025-01-23",
                "source": "Prisoners Defenders",
                "said": "The group said Cuba still holds 1,161 political prisoners, including 31 minors.",
            },
            {
                "action": H,
                "count": 31,
                "population": "minors",
                "part_of": "c3",
                "country": "CU",
                "when": "2025-01-23",
                "source": "Prisoners Defenders",
                "said": "The group said Cuba still holds 1,161 political prisoners, including 31 minors.",
            },
            {
                "action": S,
                "count": 700,
                "qualifier": "more_than",
                "country": "CU",
                "when": ["2021-07", "2025-01-23"],
                "said": "More than 700 people were jailed after the protests of July 2021, the largest in decades.",
            },
        ],
        "notes": "553 promised: a plan, no claim (headline too). c1 when: the text gives no day of the releases; from January to the day of the statement. 'jailed' after protests read as sentenced (dev convention: jailed = sentenced).",
    },
    {
        "stem": "308",
        "date": "2024-09-03",
        "title": "Vietnam grants amnesty to 3,700 prisoners, none of them dissidents",
        "body": """
HANOI (Reuters) - Vietnam's President To Lam granted amnesty to more than 3,700 prisoners on Monday to mark the country's National Day, state media reported.
Rights groups said no political prisoners were among them.
The Vietnamese government holds at least 160 political prisoners, according to Amnesty International.
Blogger Pham Doan Trang, who was sentenced to nine years in 2021, remains in prison, her supporters said.
Last year the president pardoned 2,400 prisoners on the same occasion.
""",
        "claims": [
            {
                "action": R,
                "count": 3700,
                "qualifier": "more_than",
                "population": "prisoners",
                "mechanism": "amnesty",
                "country": "VN",
                "when": "2024-09-02",
                "agent": "To Lam",
                "source": "state media",
                "said": "Vietnam's President To Lam granted amnesty to more than 3,700 prisoners on Monday to mark the country's National Day, state media reported.",
            },
            {
                "action": H,
                "count": 160,
                "qualifier": "at_least",
                "population": PP,
                "country": "VN",
                "when": "2024-09-03",
                "agent": "Vietnamese government",
                "source": "Amnesty International",
                "said": "The Vietnamese government holds at least 160 political prisoners, according to Amnesty International.",
            },
            {
                "action": S,
                "count": 1,
                "population": "bloggers",
                "country": "VN",
                "when": "2021",
                "persons": ["Pham Doan Trang"],
                "said": "Blogger Pham Doan Trang, who was sentenced to nine years in 2021, remains in prison, her supporters said.",
            },
            {
                "action": H,
                "count": 1,
                "population": "bloggers",
                "country": "VN",
                "when": "2024-09-03",
                "persons": ["Pham Doan Trang"],
                "said": "Blogger Pham Doan Trang, who was sentenced to nine years in 2021, remains in prison, her supporters said.",
            },
            {
                "action": R,
                "count": 2400,
                "population": "prisoners",
                "mechanism": "pardon",
                "country": "VN",
                "when": "2023",
                "agent": "To Lam",
                "said": "Last year the president pardoned 2,400 prisoners on the same occasion.",
            },
        ],
        "notes": "c5 agent: 'the president' is To Lam as the article reads it.",
    },
    {
        "stem": "309",
        "date": "2025-08-29",
        "title": "Russia and Ukraine swap 146 prisoners each; Kremlin critic freed",
        "body": """
Russia and Ukraine exchanged 146 prisoners each on Thursday in a deal mediated by the United Arab Emirates, the defence ministry in Moscow said.
The exchange also freed Kremlin critic Igor Baranov, who had been jailed in 2022 for criticising the war, his lawyer told Reuters.
Baranov was one of eight civilians handed over to Ukraine as part of the swap.
The rights group OVD-Info counts 1,370 people held in Russia on politically motivated charges, and says 42 were detained at anti-war pickets last weekend.
Kyiv says Russia still holds more than 8,000 Ukrainians.
""",
        "claims": [
            {
                "action": R,
                "count": 146,
                "mechanism": "exchange",
                "population": "prisoners",
                "country": "RU",
                "when": "2025-08-28",
                "agent": "Russia",
                "source": "Russian defence ministry",
                "said": "Russia and Ukraine exchanged 146 prisoners each on Thursday in a deal mediated by the United Arab Emirates, the defence ministry in Moscow said.",
            },
            {
                "action": R,
                "count": 1,
                "population": "kremlin_critics",
                "mechanism": "exchange",
                "country": "RU",
                "when": "2025-08-28",
                "agent": "Russia",
                "source": None,
                "persons": ["Igor Baranov"],
                "part_of": "c1",
                "said": "The exchange also freed Kremlin critic Igor Baranov, who had been jailed in 2022 for criticising the war, his lawyer told Reuters.",
            },
            {
                "action": S,
                "count": 1,
                "population": "kremlin_critics",
                "country": "RU",
                "when": "2022",
                "persons": ["Igor Baranov"],
                "said": "The exchange also freed Kremlin critic Igor Baranov, who had been jailed in 2022 for criticising the war, his lawyer told Reuters.",
            },
            {
                "action": R,
                "count": 8,
                "population": "civilians",
                "part_of": "c1",
                "mechanism": "exchange",
                "country": "RU",
                "when": "2025-08-28",
                "agent": "Russia",
                "said": "Baranov was one of eight civilians handed over to Ukraine as part of the swap.",
            },
            {
                "action": H,
                "count": 1370,
                "country": "RU",
                "when": "2025-08-29",
                "source": "OVD-Info",
                "said": "The rights group OVD-Info counts 1,370 people held in Russia on politically motivated charges",
            },
            {
                "action": D,
                "count": 42,
                "country": "RU",
                "when": ["2025-08-23", "2025-08-24"],
                "source": "OVD-Info",
                "said": "says 42 were detained at anti-war pickets last weekend.",
            },
            {
                "action": H,
                "count": 8000,
                "qualifier": "more_than",
                "population": "ukrainians",
                "country": "RU",
                "when": "2025-08-29",
                "agent": "Russia",
                "source": "Kyiv",
                "said": "Kyiv says Russia still holds more than 8,000 Ukrainians.",
            },
        ],
        "notes": "Headline 146 repeats the lead. Only Russia's release of 146 is counted (the article is about people freed from Russia).",
    },
    {
        "stem": "310",
        "date": "2025-05-16",
        "title": "Turkey detains 52 over Istanbul mayor protests",
        "body": """
ISTANBUL (Reuters) - Turkish police detained 52 people in dawn raids on Friday over protests against the jailing of Istanbul Mayor Ekrem Imamoglu, the city governor's office said.
Imamoglu was arrested in March and is being held in Silivri prison pending trial on corruption charges he denies.
More than 1,900 people were detained in the first week of protests after his arrest, according to the Interior Ministry, and 260 of them were later remanded in custody.
A court released 107 students on Thursday, their lawyers said.
The main opposition party said it would hold a rally of 100,000 people on Sunday.
""",
        "claims": [
            {
                "action": D,
                "count": 52,
                "country": "TR",
                "when": "2025-05-16",
                "agent": "Turkish police",
                "source": "Istanbul governor's office",
                "said": "Turkish police detained 52 people in dawn raids on Friday over protests against the jailing of Istanbul Mayor Ekrem Imamoglu, the city governor's office said.",
            },
            {
                "action": D,
                "count": 1,
                "population": "mayors",
                "country": "TR",
                "when": "2025-03",
                "persons": ["Ekrem Imamoglu"],
                "said": "Imamoglu was arrested in March and is being held in Silivri prison pending trial on corruption charges he denies.",
            },
            {
                "action": H,
                "count": 1,
                "population": "mayors",
                "country": "TR",
                "when": "2025-05-16",
                "persons": ["Ekrem Imamoglu"],
                "said": "Imamoglu was arrested in March and is being held in Silivri prison pending trial on corruption charges he denies.",
            },
            {
                "action": D,
                "count": 1900,
                "qualifier": "more_than",
                "country": "TR",
                "when": "2025-03",
                "source": "Interior Ministry",
                "said": "More than 1,900 people were detained in the first week of protests after his arrest, according to the Interior Ministry, and 260 of them were later remanded in custody.",
            },
            {
                "action": H,
                "count": 260,
                "part_of": "c4",
                "country": "TR",
                "when": "2025-03",
                "source": "Interior Ministry",
                "said": "More than 1,900 people were detained in the first week of protests after his arrest, according to the Interior Ministry, and 260 of them were later remanded in custody.",
            },
            {
                "action": R,
                "count": 107,
                "population": "students",
                "mechanism": "unknown",
                "country": "TR",
                "when": "2025-05-15",
                "agent": "court",
                "said": "A court released 107 students on Thursday, their lawyers said.",
            },
        ],
        "notes": "100,000 is a rally. 'remanded in custody' read as held (a stock at that time).",
    },
    # second batch (own_dev2), written after the first rules of session 4, before any rule for it
    {
        "stem": "311",
        "date": "2024-11-19",
        "title": "Hong Kong court jails 45 democracy activists in landmark security case",
        "body": """
HONG KONG (Reuters) - A Hong Kong court on Tuesday sentenced 45 pro-democracy activists to up to 10 years in prison for conspiracy to commit subversion, the largest case under the national security law imposed by Beijing in 2020.
Legal scholar Benny Tai, described by prosecutors as the organiser, received the longest term of 10 years.
The 45 were among 47 people arrested in January 2021 over an unofficial primary election; two were acquitted last year.
Most of the defendants have already spent more than three years in custody.
Since the law took effect, police have arrested more than 300 people for national security offences, according to government figures.
The United States and Britain condemned the sentences and called for the immediate release of all 45.
""",
        "claims": [
            {
                "action": S,
                "count": 45,
                "population": "pro-democracy_activists",
                "country": "HK",
                "when": "2024-11-19",
                "agent": "Hong Kong court",
                "said": "A Hong Kong court on Tuesday sentenced 45 pro-democracy activists to up to 10 years in prison for conspiracy to commit subversion",
            },
            {
                "action": S,
                "count": 1,
                "population": "legal_scholars",
                "part_of": "c1",
                "country": "HK",
                "when": "2024-11-19",
                "agent": "Hong Kong court",
                "persons": ["Benny Tai"],
                "said": "Legal scholar Benny Tai, described by prosecutors as the organiser, received the longest term of 10 years.",
            },
            {
                "action": D,
                "count": 47,
                "country": "HK",
                "when": "2021-01",
                "said": "The 45 were among 47 people arrested in January 2021 over an unofficial primary election; two were acquitted last year.",
            },
            {
                "action": D,
                "count": 300,
                "qualifier": "more_than",
                "country": "HK",
                "when": ["2020", "2024-11-19"],
                "agent": "police",
                "source": "government figures",
                "said": "Since the law took effect, police have arrested more than 300 people for national security offences, according to government figures.",
            },
            {
                "action": Q,
                "count": 45,
                "country": "HK",
                "agent": "United States",
                "said": "The United States and Britain condemned the sentences and called for the immediate release of all 45.",
            },
        ],
        "notes": "'two were acquitted' is no act of the contract. The demand is made by two states: agent the first named (a convention of ours; the shared gold has no such case).",
    },
    {
        "stem": "312",
        "date": "2025-04-10",
        "title": "China frees rights lawyer after seven years; dozens still held",
        "body": """
BEIJING (AP) - Chinese human rights lawyer Wang Ming was released on Thursday after serving a seven-year sentence for "inciting subversion of state power," his wife said.
Wang was detained in 2018 during a renewed crackdown on lawyers who took on politically sensitive cases.
He was one of more than 300 lawyers and activists questioned or detained after July 9, 2015, in what became known as the "709 crackdown".
The Dui Hua Foundation, a San Francisco-based group, estimates that about 7,000 people are held in China for political or religious reasons.
Authorities in the western region of Xinjiang have detained an estimated one million Uyghurs and other Muslims in camps since 2017, according to researchers and the United Nations.
""",
        "claims": [
            {
                "action": R,
                "count": 1,
                "population": "human_rights_lawyers",
                "mechanism": "term_served",
                "country": "CN",
                "when": "2025-04-10",
                "persons": ["Wang Ming"],
                "said": 'Chinese human rights lawyer Wang Ming was released on Thursday after serving a seven-year sentence for "inciting subversion of state power," his wife said.',
            },
            {
                "action": S,
                "count": 1,
                "population": "human_rights_lawyers",
                "country": "CN",
                "persons": ["Wang Ming"],
                "said": 'Chinese human rights lawyer Wang Ming was released on Thursday after serving a seven-year sentence for "inciting subversion of state power," his wife said.',
            },
            {
                "action": D,
                "count": 1,
                "population": "human_rights_lawyers",
                "country": "CN",
                "when": "2018",
                "persons": ["Wang Ming"],
                "said": "Wang was detained in 2018 during a renewed crackdown on lawyers who took on politically sensitive cases.",
            },
            {
                "action": D,
                "count": 300,
                "qualifier": "more_than",
                "population": "lawyers_and_activists",
                "country": "CN",
                "when": ["2015-07-09", "2025-04-10"],
                "said": 'He was one of more than 300 lawyers and activists questioned or detained after July 9, 2015, in what became known as the "709 crackdown".',
            },
            {
                "action": H,
                "count": 7000,
                "qualifier": "about",
                "country": "CN",
                "when": "2025-04-10",
                "source": "Dui Hua Foundation",
                "said": "The Dui Hua Foundation, a San Francisco-based group, estimates that about 7,000 people are held in China for political or religious reasons.",
            },
            {
                "action": D,
                "count": 1000000,
                "qualifier": "about",
                "population": "uyghurs",
                "country": "CN",
                "when": ["2017", "2025-04-10"],
                "agent": "China",
                "source": "United Nations",
                "said": "Authorities in the western region of Xinjiang have detained an estimated one million Uyghurs and other Muslims in camps since 2017, according to researchers and the United Nations.",
            },
        ],
        "notes": "'dozens still held' (headline) is vague. c1: 'serving a seven-year sentence' gives the sentenced background fact (no time). 709: a number in a name is no count.",
    },
    {
        "stem": "313",
        "date": "2025-02-12",
        "title": "Iran pardons 3,000 prisoners for revolution anniversary",
        "body": """
DUBAI (Reuters) - Iran's Supreme Leader Ayatollah Ali Khamenei has pardoned or reduced the sentences of 3,000 prisoners to mark the anniversary of the 1979 Islamic Revolution, the judiciary's Mizan news agency reported on Tuesday.
The pardons did not include people convicted of espionage or armed offences, Mizan said.
Rights group HRANA said at least 18 political prisoners were among those freed, including teacher union member Mahmoud Beheshti.
Activists say more than 20,000 people were arrested during the nationwide protests of 2022 and 2023.
Last year Khamenei pardoned about 2,000 prisoners on the same occasion.
""",
        "claims": [
            {
                "action": R,
                "count": 3000,
                "population": "prisoners",
                "mechanism": "pardon",
                "country": "IR",
                "when": ["2025-02", "2025-02-11"],
                "agent": "Ali Khamenei",
                "source": "Mizan",
                "said": "Iran's Supreme Leader Ayatollah Ali Khamenei has pardoned or reduced the sentences of 3,000 prisoners to mark the anniversary of the 1979 Islamic Revolution, the judiciary's Mizan news agency reported on Tuesday.",
            },
            {
                "action": R,
                "count": 18,
                "qualifier": "at_least",
                "population": PP,
                "part_of": "c1",
                "mechanism": "pardon",
                "country": "IR",
                "when": ["2025-02", "2025-02-11"],
                "agent": "Ali Khamenei",
                "source": "HRANA",
                "persons": ["Mahmoud Beheshti"],
                "said": "Rights group HRANA said at least 18 political prisoners were among those freed, including teacher union member Mahmoud Beheshti.",
            },
            {
                "action": D,
                "count": 20000,
                "qualifier": "more_than",
                "country": "IR",
                "when": ["2022", "2023"],
                "source": "activists",
                "said": "Activists say more than 20,000 people were arrested during the nationwide protests of 2022 and 2023.",
            },
            {
                "action": R,
                "count": 2000,
                "qualifier": "about",
                "population": "prisoners",
                "mechanism": "pardon",
                "country": "IR",
                "when": "2024",
                "agent": "Ali Khamenei",
                "said": "Last year Khamenei pardoned about 2,000 prisoners on the same occasion.",
            },
        ],
        "notes": "Corrected after the first run, before any rule for it: Beheshti, named after 'including', is among the persons of the 18 (the contract's own example: 'freed 123 prisoners, including A and B' -> both on that claim), not a claim of his own. c1 when: 'reported on Tuesday' dates the report, the pardon is before it in February. 1979 is a year.",
    },
    {
        "stem": "314",
        "date": "2025-01-09",
        "title": "Venezuela arrests opposition figures before Maduro inauguration",
        "body": """
CARACAS (AP) - Venezuelan security forces arrested at least a dozen opposition activists and two journalists this week, days before President Nicolas Maduro is sworn in for a third term, rights groups said on Thursday.
Among those detained was former presidential candidate Enrique Marquez, his family said.
The Foro Penal group says 1,697 political prisoners are currently held in Venezuela, including 66 foreigners.
After the July 28 election, authorities arrested more than 2,000 people, and about 1,500 of them were later released, the group said.
Opposition leader Maria Corina Machado called on the armed forces to stop the repression.
""",
        "claims": [
            {
                "action": D,
                "count": 2,
                "population": "journalists",
                "country": "VE",
                "when": ["2025-01-06", "2025-01-09"],
                "agent": "Venezuelan security forces",
                "source": "rights groups",
                "said": "Venezuelan security forces arrested at least a dozen opposition activists and two journalists this week, days before President Nicolas Maduro is sworn in for a third term, rights groups said on Thursday.",
            },
            {
                "action": D,
                "count": 1,
                "population": "presidential_candidates",
                "country": "VE",
                "when": ["2025-01-06", "2025-01-09"],
                "agent": "Venezuelan security forces",
                "persons": ["Enrique Marquez"],
                "said": "Among those detained was former presidential candidate Enrique Marquez, his family said.",
            },
            {
                "action": H,
                "count": 1697,
                "population": PP,
                "country": "VE",
                "when": "2025-01-09",
                "source": "Foro Penal",
                "said": "The Foro Penal group says 1,697 political prisoners are currently held in Venezuela, including 66 foreigners.",
            },
            {
                "action": H,
                "count": 66,
                "population": "foreigners",
                "part_of": "c3",
                "country": "VE",
                "when": "2025-01-09",
                "source": "Foro Penal",
                "said": "The Foro Penal group says 1,697 political prisoners are currently held in Venezuela, including 66 foreigners.",
            },
            {
                "action": D,
                "count": 2000,
                "qualifier": "more_than",
                "country": "VE",
                "when": ["2024-07-28", "2025-01-09"],
                "agent": "Venezuela",
                "source": "Foro Penal",
                "said": "After the July 28 election, authorities arrested more than 2,000 people, and about 1,500 of them were later released, the group said.",
            },
            {
                "action": R,
                "count": 1500,
                "qualifier": "about",
                "part_of": "c5",
                "mechanism": "unknown",
                "country": "VE",
                "when": ["2024-07-28", "2025-01-09"],
                "source": "Foro Penal",
                "said": "After the July 28 election, authorities arrested more than 2,000 people, and about 1,500 of them were later released, the group said.",
            },
        ],
        "notes": "'a dozen' is vague. 'sworn in' is a future event of the article. Security forces keep their own name (a body of its own, not 'the authorities').",
    },
    {
        "stem": "315",
        "date": "2025-09-12",
        "title": "Belarus frees 52 prisoners in deal with US; opposition figure returned to jail",
        "body": """
VILNIUS (Reuters) - Belarus freed 52 prisoners on Thursday, including 14 foreign citizens, after a visit to Minsk by a U.S. envoy, the Lithuanian government said.
In return, Washington eased sanctions on the state airline Belavia.
One of those freed, opposition politician Mikalai Statkevich, refused to leave the country and was taken back to prison, his supporters said.
Statkevich, 69, was first jailed in 2020 and sentenced to 14 years.
The rights group Viasna counts 1,177 political prisoners in Belarus.
The U.S. envoy said Minsk could free as many as 1,300 more in a larger agreement.
""",
        "claims": [
            {
                "action": R,
                "count": 52,
                "population": "prisoners",
                "mechanism": "deal",
                "country": "BY",
                "when": "2025-09-11",
                "agent": "Belarus",
                "source": "Lithuanian government",
                "said": "Belarus freed 52 prisoners on Thursday, including 14 foreign citizens, after a visit to Minsk by a U.S. envoy, the Lithuanian government said.",
            },
            {
                "action": R,
                "count": 14,
                "population": "foreign_citizens",
                "part_of": "c1",
                "mechanism": "deal",
                "country": "BY",
                "when": "2025-09-11",
                "agent": "Belarus",
                "source": "Lithuanian government",
                "said": "Belarus freed 52 prisoners on Thursday, including 14 foreign citizens, after a visit to Minsk by a U.S. envoy, the Lithuanian government said.",
            },
            {
                "action": "returned_to_custody",
                "count": 1,
                "population": "opposition_politicians",
                "part_of": "c1",
                "country": "BY",
                "when": "2025-09-11",
                "persons": ["Mikalai Statkevich"],
                "source": None,
                "said": "One of those freed, opposition politician Mikalai Statkevich, refused to leave the country and was taken back to prison, his supporters said.",
            },
            {
                "action": D,
                "count": 1,
                "population": "opposition_politicians",
                "country": "BY",
                "when": "2020",
                "persons": ["Mikalai Statkevich"],
                "said": "Statkevich, 69, was first jailed in 2020 and sentenced to 14 years.",
            },
            {
                "action": S,
                "count": 1,
                "population": "opposition_politicians",
                "country": "BY",
                "persons": ["Mikalai Statkevich"],
                "said": "Statkevich, 69, was first jailed in 2020 and sentenced to 14 years.",
            },
            {
                "action": H,
                "count": 1177,
                "population": PP,
                "country": "BY",
                "when": "2025-09-12",
                "source": "Viasna",
                "said": "The rights group Viasna counts 1,177 political prisoners in Belarus.",
            },
        ],
        "notes": "1,300 'could free' is possible: no claim. 'first jailed in 2020' read as detained (then sentenced). The sentence has no time of its own (when null, as 009's gold).",
    },
]
