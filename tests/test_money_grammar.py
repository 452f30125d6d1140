"""Money grammar beyond "figure + currency" (issue 11, peer suites): a currency name written
before its figure, amounts with their sub-unit, and ranges of number words after "between".

Tables in several languages, one row per phrasing, with the look-alikes that must stay words:
a name before a year, a score, a count or a rate quote is no amount.
"""

from __future__ import annotations

import pytest

import numcheck

B = 1e9


def _assert_money(lang: str, text: str, want: list[tuple]) -> None:
    got = [(m.value, m.value_max, m.unit) for m in numcheck.extract(text, lang=lang) if m.kind == "money"]
    assert [(pytest.approx(v), None if w is None else pytest.approx(w), u) for v, w, u in want] == got


# (lang, text, [(value, value_max, ISO code)])
NAME_FIRST = [
    ("en", "ringgit 42", [(42, None, "MYR")]),
    ("en", "Malaysian ringgits 42", [(42, None, "MYR")]),
    ("en", "The court imposed a fine of rupees 500 crore.", [(5e9, None, "INR")]),
    ("en", "He was paid about rupees 12,000, the court heard.", [(12000, None, "INR")]),
    ("en", "Tickets: ringgit 42 and 50 sen.", [(42.5, None, "MYR")]),
    ("fr", "Il a payé une amende d'euros 500.", [(500, None, "EUR")]),
    ("es", "Pagó una multa de euros 300.", [(300, None, "EUR")]),
    ("nl", "Een boete van euro 250.", [(250, None, "EUR")]),
    ("it", "Una multa di euro 300.", [(300, None, "EUR")]),
    ("it", "Una multa d'euro 300.", [(300, None, "EUR")]),
    ("sv", "Böter: kronor 500.", [(500, None, "SEK")]),
    # a conversion in parentheses may follow; a bare figure there is a table's column
    ("en", "a fine of rupees 5,000 (about $60) was imposed", [(5000, None, "INR"), (60, None, "USD")]),
    ("fr", "une amende d'euros 500 (environ 540 dollars) a été infligée", [(500, None, "EUR"), (540, None, "USD")]),
    ("nl", "een boete van euro 250 (ongeveer 270 dollar) werd opgelegd", [(250, None, "EUR"), (270, None, "USD")]),
    # after a conversion cue: the stated equivalent
    ("en", "The fine was $60, or about rupees 5,000.", [(60, None, "USD"), (5000, None, "INR")]),
    ("sv", "Det kostade 60 dollar, motsvarande kronor 600.", [(60, None, "USD"), (600, None, "SEK")]),
    ("fr", "L'amende est de 60 dollars, soit euros 55.", [(60, None, "USD"), (55, None, "EUR")]),
    # codes before the figure stay as they were
    ("en", "NOK 1 billion", [(1e9, None, "NOK")]),
]

# A currency word before a figure that is no amount: years, tournaments, scores, counts,
# rate quotes, tables, verbs.
NAME_FIRST_NOT_MONEY = [
    ("en", "The dollars 5 years ago bought more."),
    ("en", "Spain won Euro 2012 and euro 2024 is next."),
    ("en", "The final score was pounds 3 to 1, fans joked."),
    ("en", "They traded crowns 2 and 3 for a pawn."),
    ("en", "Against the euro 1.0850, the pound 1.2510."),
    ("en", "Danish crown 5.2 (5.3), German mark 19.3 (19.6)."),
    ("en", "He paid for it with rupees 500 (5 years ago) in cash."),
    ("en", "Growth of a real 0.9 pct was forecast."),
    ("en", "Ferguson won 13. United won 3."),
    ("en", "a 25 mln Swiss franc 2-1/2 pct bond and a 150 mln dlrs 7-5/8 pct note"),
    ("en", "sterling 94,720 87,619 67,640"),
    ("en", "Sterling 1.5020, dollar 1.3510. Rand 5."),
    ("en", "The mark 1986 record."),
    ("fr", "La France a gagné l'Euro 2016 ; euro 2024."),
    ("fr", "Aujourd'hui l'euro 1,08 ; hier le dollar 5 fois."),
    ("es", "España ganó la Eurocopa y el euro 2024 llega."),
    ("nl", "Nederland verloor de euro 2024 finale niet."),
    ("nb", "Kroner 2024 er et nytt år."),
]


@pytest.mark.parametrize("lang,text,want", NAME_FIRST, ids=[f"{r[0]}:{r[1][:40]}" for r in NAME_FIRST])
def test_currency_name_before_the_figure(lang, text, want):
    _assert_money(lang, text, want)


@pytest.mark.parametrize("lang,text", NAME_FIRST_NOT_MONEY, ids=[f"{r[0]}:{r[1][:40]}" for r in NAME_FIRST_NOT_MONEY])
def test_currency_name_before_a_figure_that_is_no_amount(lang, text):
    got = [(m.text, m.value, m.unit) for m in numcheck.extract(text, lang=lang) if m.kind == "money"]
    # the amounts with their currency after them are read as ever; none starts with the name
    assert all(not t[:1].isalpha() or t.split()[0].lower() in ("mln", "a") for t, _v, _u in got), got
    assert not [g for g in got if g[1] in (5, 2024, 2012, 2016, 3, 2, 1.085, 5.2, 19.3, 0.9, 13, 94720, 1986, 500, 1.08, 1.502, 1.351)], got


WORD_RANGES = [
    ("en", "It will cost between two and three billion dollars.", [(2 * B, 3 * B, "USD")]),
    ("en", "between one hundred and fifty and two hundred dollars", [(150, 200, "USD")]),
    ("fr", "Le chantier coûtera entre deux et trois milliards d'euros.", [(2 * B, 3 * B, "EUR")]),
    ("fr", "entre vingt et un et trente euros", [(21, 30, "EUR")]),
    ("de", "Das kostet zwischen zwei und drei Milliarden Euro.", [(2 * B, 3 * B, "EUR")]),
    ("sv", "Det kostar mellan två och tre miljarder kronor.", [(2 * B, 3 * B, "SEK")]),
    ("nb", "Det koster mellom to og tre milliarder kroner.", [(2 * B, 3 * B, "NOK")]),
    ("nl", "Het kost tussen twee en drie miljard euro.", [(2 * B, 3 * B, "EUR")]),
    ("es", "Costará entre dos y tres mil millones de euros.", [(2 * B, 3 * B, "EUR")]),
    ("es", "entre treinta y cinco y cuarenta euros", [(35, 40, "EUR")]),
    ("it", "Costerà tra due e tre miliardi di euro.", [(2 * B, 3 * B, "EUR")]),
    ("pt", "Vai custar entre dois e três mil milhões de euros.", [(2 * B, 3 * B, "EUR")]),
    # a number joined by the same word is one number: "vingt et un", "treinta y cinco"
    ("fr", "entre vingt et un euros", [(21, None, "EUR")]),
    ("es", "entre treinta y cinco euros", [(35, None, "EUR")]),
    ("en", "between one hundred and five dollars", [(105, None, "USD")]),
]


@pytest.mark.parametrize("lang,text,want", WORD_RANGES, ids=[f"{r[0]}:{r[1][:40]}" for r in WORD_RANGES])
def test_number_word_range_after_between(lang, text, want):
    _assert_money(lang, text, want)


@pytest.mark.parametrize("lang,text,lo,hi", [
    ("en", "between two and three kilometres", 2, 3),
    ("fr", "entre deux et trois kilomètres", 2, 3),
    ("de", "zwischen zwei und drei Kilometer", 2, 3),
])
def test_number_word_range_of_a_quantity(lang, text, lo, hi):
    got = [(m.value, m.value_max) for m in numcheck.extract(text, lang=lang) if m.kind != "money"]
    assert got == [(lo, hi)]


# A whole amount and its hundredths: the sub-unit words of the language, every word it reads
# on its own as hundredths ([scaled_names]: "penny", "satang", "øre") and the cent sign.
SUBUNITS = [
    ("en", "3 GBP and one penny", [(3.01, None, "GBP")]),
    ("en", "It came to 3 GBP and one.", [(3.01, None, "GBP")]),
    ("en", "twenty ringgit 43 sens", [(20.43, None, "MYR")]),
    ("en", "3 UAH 4 kopiykas", [(3.04, None, "UAH")]),
    ("en", "5 dollars and 20 cents", [(5.2, None, "USD")]),
    ("nb", "tjue rupees 43¢", [(20.43, None, "INR")]),
    ("nb", "2 sveitsiske franc og 23 rappen", [(2.23, None, "CHF")]),
    ("nb", "to sveitsiske francs og 23 rap", [(2.23, None, "CHF")]),
    ("sv", "två schweiziska franc och 23 c", [(2.23, None, "CHF")]),
    ("da", "2 schweiziske franc og 23 rappen", [(2.23, None, "CHF")]),
    ("nb", "to thailandske baht og 23 satang", [(2.23, None, "THB")]),
    ("sv", "3 pund och en penny", [(3.01, None, "GBP")]),
    ("sv", "tjugo euro och 43¢", [(20.43, None, "EUR")]),
    ("es", "3 GBP y 1 centavo", [(3.01, None, "GBP")]),
    ("pt", "dez reais e cinquenta centavos", [(10.5, None, "BRL")]),
    # what follows is no sub-unit: a count, a day, an article, a share price
    ("en", "5 dollars and 20 people", [(5, None, "USD")]),
    ("en", "3 GBP and one day", [(3, None, "GBP")]),
    ("en", "It cost $5 and a.", [(5, None, "USD")]),
    ("en", "$5m and 30 cents a share", [(5e6, None, "USD"), (0.3, None, "USD")]),
    ("en", "It cost $5 and one more later.", [(5, None, "USD")]),
    ("sv", "5 kronor och 3 personer", [(5, None, "SEK")]),
    ("nb", "Vi betalte 5 kroner og 3 c-celler.", [(5, None, "NOK")]),
]


@pytest.mark.parametrize("lang,text,want", SUBUNITS, ids=[f"{r[0]}:{r[1][:40]}" for r in SUBUNITS])
def test_amount_with_its_subunit(lang, text, want):
    _assert_money(lang, text, want)


# Spoken decimals: a decimal word (numbers.decimal_words), then digit words or digits.
SPOKEN = [
    ("en", "It costs one point three dollars.", [(1.3, None, "USD")]),
    ("en", "from 1 point 1 and one point three dollars", [(1.1, 1.3, "USD")]),
    ("en", "a deal worth two point five billion dollars", [(2.5 * B, None, "USD")]),
    ("fr", "un contrat de deux virgule cinq milliards d'euros", [(2.5 * B, None, "EUR")]),
    ("sv", "ett avtal på tre komma fem miljarder kronor", [(3.5 * B, None, "SEK")]),
    ("de", "ein Auftrag über zwei Komma fünf Milliarden Euro", [(2.5 * B, None, "EUR")]),
    ("es", "un contrato de dos coma cinco millones de euros", [(2.5e6, None, "EUR")]),
    # a point that is no decimal: a score, a percentage
    ("en", "They won by one point. Rates rose one point three percent.", []),
]


@pytest.mark.parametrize("lang,text,want", SPOKEN, ids=[f"{r[0]}:{r[1][:40]}" for r in SPOKEN])
def test_spoken_decimals(lang, text, want):
    _assert_money(lang, text, want)


def test_a_name_first_amount_is_checked_against_its_conversion():
    r = numcheck.check("The court imposed a fine of rupees 5,000 (about $60).", date="2024-01-10", lang="en")
    assert [f.verdict.value for f in r.findings] == ["consistent"]
    r = numcheck.check("The court imposed a fine of rupees 5,000 (about $600).", date="2024-01-10", lang="en")
    assert [f.verdict.value for f in r.findings] == ["inconsistent"]
