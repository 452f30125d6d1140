"""Conversions as writers state them (issue 11): one table per rule, fresh sentences in
several languages, each with the verdicts numcheck must give — a correct figure, a planted
error, and the forms that must never pair.

Rates are the bundled ECB history on 2024-03-01 (a Friday) unless a row says otherwise:
1 USD = 10.353 SEK = 10.583 NOK = 6.8938 DKK = 0.92481 EUR; 1 EUR = 11.195 SEK =
11.443 NOK = 7.4543 DKK = 1.0813 USD = 0.85588 GBP; 1 CHF = 1.0436 EUR; 1 INR = 0.012066 USD.
"""

from __future__ import annotations

import pytest

import numcheck
from numcheck import Verdict

C, I, A, U = Verdict.CONSISTENT, Verdict.INCONSISTENT, Verdict.AMBIGUOUS, Verdict.UNVERIFIABLE
DAY = "2024-03-01"


def verdicts(text: str, lang: str = "en", date: str | None = DAY) -> list[Verdict]:
    return [f.verdict for f in numcheck.check(text, date=date, lang=lang).findings]


# -- 1. an equivalent in apposition, with a hedge, between commas, dashes or a semicolon --------
APPOSITION = [
    ("sv", "Kommunen lånar 40 miljoner dollar, cirka 415 miljoner kronor, till den nya arenan.", [C]),
    ("sv", "Förbundet fick böta 80 000 euro, knappt 900 000 kronor, efter matchen.", [C]),
    ("sv", "Förbundet fick böta 80 000 euro, drygt 1,8 miljoner kronor, efter matchen.", [I]),
    ("nb", "Rederiet tapte 50 millioner dollar, rundt 530 millioner kroner, i fjor.", [C]),
    ("nb", "Avtalen er verdt 20 millioner euro, om lag 230 millioner kroner.", [C]),
    ("nb", "Avtalen er verdt 20 millioner euro, om lag 23 millioner kroner.", [I]),
    ("da", "Selskabet betaler 30 mio. euro, ca. 224 mio. kr., for aktiemajoriteten.", [C]),
    ("da", "Handlen lyder på 100 mio. dollar, knap 690 mio. kr.", [C]),
    ("de", "Der Konzern zahlt 100 Millionen Dollar, rund 92 Millionen Euro, an die Aktionäre.", [C]),
    ("de", "Die Stadt erhält 50 Millionen Franken, gut 52 Millionen Euro, vom Kanton.", [C]),
    ("de", "Der Konzern zahlt 100 Millionen Dollar, rund 184 Millionen Euro, an die Aktionäre.", [I]),
    ("nl", "Het bedrijf betaalt 100 miljoen dollar, ruim 92 miljoen euro, voor de overname.", [C]),
    ("fr", "Le groupe a versé 100 millions de dollars, environ 92 millions d'euros, à ses actionnaires.", [C]),
    ("es", "La empresa pagó 100 millones de dólares, unos 92 millones de euros, por la compra.", [C]),
    ("it", "La società ha pagato 100 milioni di dollari, circa 92 milioni di euro, per l'acquisto.", [C]),
    ("pt", "A empresa pagou 100 milhões de dólares, cerca de 92 milhões de euros, pela compra.", [C]),
    ("en", "The company paid $100 million, about €92 million, for the stake.", [C]),
    ("en", "The company paid $100 million -- about 92 million euros -- for the stake.", [C]),
    ("en", "The bill came to $100 million; roughly 92 million euros.", [C]),
    ("en", "The company paid $100 million, about €46 million, for the stake.", [I]),
]

#: Bare ", or" in wire copy pairs (weakly); lists, restatements and run-on differences never do.
NOT_CLAIMS = [
    ("en", "The fund raised $5 million, €7 million and ¥900 million in three rounds."),
    ("en", "Revenue was $5 million, about $4.8 million after fees."),
    ("en", "It sold the hotel for 31.5 mln Australian dlrs, some seven mln stg above book value."),
    ("sv", "Klubben fick 2 miljoner kronor, cirka 1,5 miljoner kronor efter skatt."),
    ("de", "Das Haus kostete 500.000 Euro, rund 80.000 Franken mehr als geplant."),
    ("fr", "Il a reçu 5 millions d'euros, environ 2 millions de dollars de plus que prévu."),
    ("en", "The national debt reached 24.3 billion euros -- 10,000 dlrs for every man, woman and child."),
    ("sv", "Skulden är 24 miljarder euro – 10 000 kronor för varje invånare."),
    ("de", "Die Schulden liegen bei 24 Milliarden Franken – 3.000 Euro für jeden Einwohner."),
]


@pytest.mark.parametrize("lang, text, want", APPOSITION)
def test_apposition_with_a_hedge_pairs(lang, text, want):
    assert verdicts(text, lang) == want


@pytest.mark.parametrize("lang, text", NOT_CLAIMS)
def test_lists_restatements_and_differences_never_pair(lang, text):
    assert verdicts(text, lang) == []


SEVERAL = [
    ("en", "The court ordered them to pay €20,000 (£17,100; US$21,600) each.", [C, C]),
    ("en", "The court ordered them to pay €20,000 (£17,100; US$43,200) each.", [C, I]),
    ("sv", "Priset är 50 000 euro (cirka 560 000 kronor; 54 000 dollar) i år.", [C, C]),
    ("de", "Der Preis liegt bei 50.000 Euro (rund 54.000 Dollar, 48.000 Franken) pro Jahr.", [C, C]),
]


@pytest.mark.parametrize("lang, text, want", SEVERAL)
def test_several_equivalents_in_one_parenthesis_each_pair_with_the_original(lang, text, want):
    assert verdicts(text, lang) == want


WORD_RANGES = [
    ("en", "The plan costs two to three billion euros (about $2.2 to 3.2 billion).", [C]),
    ("de", "Der Plan kostet zwei bis drei Milliarden Euro (rund 2,2 bis 3,2 Milliarden Dollar).", [C]),
    ("fr", "Le plan coûte deux à trois milliards d'euros (environ 2,2 à 3,2 milliards de dollars).", [C]),
    ("en", "The plan costs two to three billion euros (about $4.4 to 6.4 billion).", [I]),
    ("en", "Swedish banks lent 1 to 1.5 billion crowns (the equivalent of about ten to 15 mln dlrs).", [I]),
    ("en", "Swedish banks lent 1 to 1.5 billion crowns (the equivalent of about 97 to 145 mln dlrs).", [C]),
]


@pytest.mark.parametrize("lang, text, want", WORD_RANGES)
def test_ranges_written_in_words_pair_end_by_end(lang, text, want):
    assert verdicts(text, lang) == want


# -- 2. wire abbreviations; a qualifier never silently becomes US dollars --------------------
WIRE = [
    ("He wants to raise two billion Ecus (1.93 billion dlrs) through a new tax.", "2000-03-01", [C]),
    ("The IMF approved 100 mln Special Drawing Rights (about 133 mln dlrs) for the country.", "2015-03-02", [U]),
    ("This is above the 50 mln Ecu (57 mln dlr) ceiling set in 1985.", "1987-03-02", [U]),
    ("Net profit rose to 2.1 billion Swedish crowns, or 250 mln dlrs, last year.", "2015-03-02", [C]),
    ("Net profit rose to 2.1 billion Swedish crowns, or 400 mln dlrs, last year.", "2015-03-02", [I]),
    ("Swedish tickets cost 2,000 crowns, or 400 dlrs for members.", "2015-03-02", [A]),
    ("It earned 15 mln Canadian dlrs, or 12 mln U.S. dlrs, last year.", "2015-03-02", [C]),
    ("It has tax credits of about 2.5 billion dlrs Canadian (2.0 billion dlrs U.S.).", "2015-03-02", [C]),
    ("Sales were 300 mln stg, or 463 mln dlrs, in the year.", "2015-03-02", [C]),
    ("The firm owed 500 mln Danish crowns -- the equivalent of about 73 mln dlrs -- to banks.", "2015-03-02", [C]),
]


@pytest.mark.parametrize("text, day, want", WIRE)
def test_wire_abbreviations(text, day, want):
    assert verdicts(text, "en", day) == want


@pytest.mark.parametrize("lang, text", [
    ("en", "The loan of 100 mln Zimbabwe dollars (about 60 mln U.S. dlrs) was signed."),
    ("sv", "Lånet på 100 miljoner zimbabwiska dollar (cirka 60 miljoner amerikanska dollar) skrevs under."),
    ("de", "Der Kredit über 100 Millionen Simbabwe-Dollar (rund 60 Millionen US-Dollar) wurde unterzeichnet."),
])
def test_an_unknown_dollar_is_never_read_as_usd(lang, text):
    r = numcheck.check(text, date=DAY, lang=lang)
    assert all(f.verdict is not Verdict.INCONSISTENT for f in r.findings)
    assert not any(f.source.unit == "USD" for f in r.findings)


# -- 3. Indian numbering -----------------------------------------------------------------------
INDIAN = [
    ("The project costs Rs 10 crore (about $1.2 million).", [C]),
    ("He paid Rs. 5 lakh ($6,000) for the car.", [C]),
    ("The prize is ₹1,00,000 (about $1,200).", [C]),
    ("The state spent ₹12,500 crore ($1.5 billion) on roads.", [C]),
    ("The state spent ₹12,500 crore ($15 billion) on roads.", [I]),
    ("The budget is ₹1.5 lakh crore (about $18 billion).", [C]),
]


@pytest.mark.parametrize("text, want", INDIAN)
def test_indian_numbering(text, want):
    assert verdicts(text) == want


def test_rupees_are_indian_unless_the_text_points_elsewhere():
    def unit(text):
        return numcheck.check(text, date=DAY).mentions[0].candidates

    assert unit("The dam costs Rs 500 billion.") == ("INR",)
    assert unit("Pakistan will spend Rs 500 billion on dams.") == ("PKR",)
    assert unit("Sri Lanka's budget sets aside 20 billion rupees for roads.") == ("LKR",)
    assert set(unit("India and Pakistan each spend Rs 500 billion.")) == {"INR", "PKR"}


# -- 4. currency names from CLDR, symbols, CFA francs ------------------------------------------
NAMES = [
    ("en", "Brazil will spend 10 billion reais ($2 billion) on roads.", [C]),
    ("pt", "O governo vai gastar 10 bilhões de reais (cerca de 2 bilhões de dólares) em estradas.", [C]),
    ("en", "Poland's budget includes 5 billion zlotys (about $1.25 billion).", [C]),
    ("en", "The mine cost R12 billion ($630 million).", [C]),
    ("en", "The tower cost HK$780 million (US$100 million).", [C]),
    ("en", "Senegal will borrow 100 billion CFA francs (about 152 million euros).", [C]),
    ("fr", "Le Sénégal emprunte 100 milliards de francs CFA (environ 152 millions d'euros).", [C]),
    ("de", "Senegal leiht sich 100 Milliarden CFA-Franc (rund 152 Millionen Euro).", [C]),
    ("es", "Senegal pide 100.000 millones de francos CFA (unos 152 millones de euros).", [C]),
    ("sv", "Senegal lånar 100 miljarder CFA-franc (cirka 300 miljoner euro).", [I]),
]


@pytest.mark.parametrize("lang, text, want", NAMES)
def test_currency_names_and_symbols(lang, text, want):
    assert verdicts(text, lang) == want


# -- 5. the currency of the article's day and country ----------------------------------------
ERAS = [
    ("en", "France paid 10 billion francs, or about 1.52 billion euros, in compensation.", "2000-06-01", [C], "FRF"),
    ("de", "Frankreich zahlte 10 Milliarden Franc, rund 1,52 Milliarden Euro.", "2000-06-01", [C], "FRF"),
    ("sv", "Frankrike betalade 10 miljarder franc, cirka 1,52 miljarder euro.", "2000-06-01", [C], "FRF"),
    ("fr", "La France a payé 10 milliards de francs, soit environ 1,52 milliard d'euros.", "2000-06-01", [C], "FRF"),
    ("en", "The Dutch group earned 200 mln guilders, or 95 mln dlrs.", "1987-03-02", [U], "NLG"),
    ("en", "Brazil owes 100 billion cruzados (about 7 billion dlrs).", "1987-06-01", [U], "BRC"),
    ("en", "Swiss engineering group ABB earned 2 billion francs (about 1.2 billion euros).", "2000-06-01", [C], "CHF"),
    ("de", "Die Bundesbank hielt 10 Milliarden Mark, rund 5,1 Milliarden Euro.", "2000-06-01", [C], "DEM"),
    ("es", "La empresa pagó 100.000 millones de pesetas (unos 600 millones de euros).", "2000-06-01", [C], "ESP"),
    ("fr-BE", "Le groupe a payé 10 milliards de francs, soit environ 248 millions d'euros.", "2000-06-01", [C], "BEF"),
    ("en", "The German bank holds 10 billion marks (about 5.1 billion euros).", "2000-06-01", [C], "DEM"),
]


@pytest.mark.parametrize("lang, text, day, want, code", ERAS)
def test_shared_words_read_by_date_and_country(lang, text, day, want, code):
    r = numcheck.check(text, date=day, lang=lang)
    assert [f.verdict for f in r.findings] == want
    assert r.findings[0].source.candidates[0] == code


def test_retired_currencies_are_unverifiable_with_the_reason():
    f = numcheck.check("Brazil owes 100 billion cruzados (about 7 billion dlrs).", date="1987-06-01").findings[0]
    assert f.verdict is U and "1999" in f.message


def test_without_a_date_the_reading_of_today_stays():
    r = numcheck.check("France paid 10 billion francs, or about 1.52 billion euros.", lang="en")
    assert r.mentions[0].candidates[0] == "CHF"


# -- 6. rounding read into a figure is capped at ±10% ----------------------------------------
ROUNDING = [
    ("en", "Norway pledged NOK 1 billion ($48 million) to the fund.", [I]),
    ("en", "Norway pledged NOK 1 billion ($95 million) to the fund.", [C]),
    ("sv", "Norge lovade 1 miljard norska kronor (48 miljoner dollar) till fonden.", [I]),
    ("de", "Norwegen sagte 1 Milliarde norwegische Kronen (48 Millionen Dollar) zu.", [I]),
    ("fr", "La Norvège promet 1 milliard de couronnes norvégiennes (48 millions de dollars).", [I]),
]


@pytest.mark.parametrize("lang, text, want", ROUNDING)
def test_half_or_double_is_never_within_rounding(lang, text, want):
    assert verdicts(text, lang) == want


@pytest.mark.parametrize("factor", [0.5, 2.0, 10.0, 0.1])
@pytest.mark.parametrize("figure", ["1", "2", "3", "5", "7", "9"])
def test_a_figure_half_double_or_ten_times_off_is_caught(figure, factor):
    # the true value of "NOK {figure} billion" in dollars, then that off by ``factor``
    usd = float(figure) * 1e9 * 0.094494 * factor
    stated = f"{usd / 1e6:.0f} million" if usd < 1e9 else f"{usd / 1e9:.1f} billion"
    f = numcheck.check(f"Norway pledged NOK {figure} billion (${stated}) to the fund.", date=DAY).findings
    assert [x.verdict for x in f] == [I]


# -- 7. a year instead of a day -----------------------------------------------------------------
YEAR = [
    ("sv", "Förbundet döms till böter på 80 000 euro, knappt 700 000 kronor.", [C]),
    ("en", "The fine is €80,000 ($105,000).", [C]),
    ("en", "The fine is €80,000 ($150,000).", [I]),
    ("de", "Die Strafe beträgt 80.000 Euro (rund 104.000 Dollar).", [C]),
]


@pytest.mark.parametrize("lang, text, want", YEAR)
def test_a_year_judges_with_the_range_of_its_rates(lang, text, want):
    r = numcheck.check(text, date="2012", lang=lang)
    assert [f.verdict for f in r.findings] == want
    assert "only the year is known" in r.findings[0].message
    assert str(r.date) == "2012"


def test_year_in_front_matter_and_cli(tmp_path, capsys):
    from numcheck.cli import main

    p = tmp_path / "a.md"
    p.write_text("---\ndate: 2012\n---\nThe fine is €80,000 ($105,000).\n", encoding="utf-8")
    assert main(["check", "--show-all", str(p)]) == 0  # consistent findings show with --show-all
    assert "(ECB, 2012)" in capsys.readouterr().out
    q = tmp_path / "b.txt"
    q.write_text("The fine is €80,000 ($150,000).\n", encoding="utf-8")
    assert main(["check", "--date", "2012", str(q)]) == 1


@pytest.mark.parametrize("lang, text, day", [
    ("de", "Kenia leiht sich 10 Milliarden Schilling (rund 70 Millionen Euro).", "2024-03-01"),
    ("de", "Kenia leiht sich 10 Milliarden Schilling (rund 70 Millionen Euro).", None),
    ("en", "Brazil owes 100 billion cruzados (about 7 billion dlrs).", None),
    ("sv", "Kenya lånar 10 miljarder shilling (cirka 800 miljoner kronor).", "2024-03-01"),
])
def test_a_retired_word_outside_its_day_is_never_converted(lang, text, day):
    r = numcheck.check(text, date=day, lang=lang)
    assert not any(f.verdict is Verdict.INCONSISTENT for f in r.findings)
    assert not any(c in ("ATS", "BRC") for m in r.mentions for c in m.candidates)


def test_a_country_named_after_its_currency_retired_keeps_both_readings():
    r = numcheck.check("France paid 10 billion francs (about 1.52 billion euros).", date="2010-06-01")
    assert [f.verdict for f in r.findings] == [A]
    assert set(r.mentions[0].candidates) == {"CHF", "FRF"}


@pytest.mark.parametrize("lang, text, code", [
    ("en", "Egypt will borrow 10 billion pounds ($320 million) from local banks.", "EGP"),
    ("en", "The club paid 10 million pounds ($12.6 million) for the striker.", "GBP"),
    ("es", "Egipto recibirá 10.000 millones de libras (unos 300 millones de euros).", "EGP"),
    ("fr", "La Norvège verse 10 milliards de couronnes (environ 870 millions d'euros).", "NOK"),
    ("de", "Dänemark zahlt 10 Milliarden Kronen (rund 1,34 Milliarden Euro).", "DKK"),
    ("en", "Senegal will spend 100 billion francs ($165 million) on roads.", "XOF"),
])
def test_a_shared_name_is_read_by_the_country_the_text_names(lang, text, code):
    r = numcheck.check(text, date=DAY, lang=lang)
    assert r.mentions[0].candidates == (code,)
    assert all(f.verdict is not Verdict.INCONSISTENT for f in r.findings)


@pytest.mark.parametrize("lang, text, day", [
    ("en", "The group paid 10 billion francs, or about 1.52 billion euros.", "2000-06-01"),
    ("fr", "Le groupe a payé 10 milliards de francs, soit environ 1,52 milliard d'euros.", "2010-06-01"),
    ("it", "Il gruppo ha pagato 10 miliardi di franchi, circa 1,52 miliardi di euro.", "2000-06-01"),
])
def test_francs_with_no_country_are_never_a_false_alarm(lang, text, day):
    assert verdicts(text, lang, day) == [A]


@pytest.mark.parametrize("lang, text", [
    ("fr", "L'amende s'élève à 2 millions de francs suisses, c'est-à-dire environ 2,1 millions d'euros."),
    ("de", "Die Strafe beträgt 2 Millionen Franken bzw. rund 2,1 Millionen Euro."),
    ("sv", "Avtalet är värt 50 miljoner dollar, omräknat cirka 518 miljoner kronor."),
    ("nl", "De boete bedraagt 2 miljoen dollar, oftewel circa 1,85 miljoen euro."),
    ("it", "Il contratto vale 50 milioni di dollari, ovvero circa 46 milioni di euro."),
])
def test_word_cues_with_hyphens_and_abbreviations(lang, text):
    assert verdicts(text, lang) == [C]


PRICES_AND_BRACKETS = [
    # one price in two currencies, per unit after both: a bare comma, so a weak pairing
    ("en", "Gold was fixed this morning at 2,050 dlrs, 1,620 stg, an ounce.", [C]),
    ("en", "Gold was fixed this morning at 2,050 dlrs, 3,240 stg, an ounce.", [A]),
    # a price per unit with its hedged equivalent in brackets
    ("en", "Cocoa fell another 1,000 euros per tonne (about 1,080 dlrs) this week.", [C]),
    ("sv", "Kakaon föll med 1 000 euro per ton (cirka 11 200 kronor) i veckan.", [C]),
    ("de", "Kakao fiel um weitere 1.000 Euro pro Tonne (rund 1.080 Dollar).", [C]),
    # equivalents listed in one bracket, separated by a semicolon
    ("en", "The probe is far away (150 million km; 93 million miles) from Earth.", [C]),
    ("en", "The prize (€20,000; $21,600) was shared by two teams.", [C]),
    ("fr", "Le prix (20 000 euros ; 21 600 dollars) a été partagé.", [C]),
    ("de", "Der Preis (20.000 Euro; 21.600 Dollar) wurde geteilt.", [C]),
]


@pytest.mark.parametrize("lang, text, want", PRICES_AND_BRACKETS)
def test_prices_per_unit_and_equivalents_in_one_bracket(lang, text, want):
    assert verdicts(text, lang) == want


@pytest.mark.parametrize("lang, text", [
    ("en", "The fees (€20,000; $30,000 for members) were raised."),
    ("en", "Gold rose to 2,050 dlrs, 40 dlrs higher, an ounce."),
    ("de", "Die Preise (20.000 Euro; ab 2025 dann 30.000 Dollar) steigen."),
])
def test_lists_in_brackets_and_changes_do_not_pair_as_equivalents(lang, text):
    assert all(v is not Verdict.INCONSISTENT for v in verdicts(text, lang))


@pytest.mark.parametrize("day", [None, "1987-06-29", "2015-06-29"])
def test_a_dollar_qualified_by_its_country_is_never_us_dollars(day):
    r = numcheck.check("The minimum monthly wage is 277 Zimbabwean dlrs (165 U.S. dlrs).", date=day)
    assert "USD" not in r.mentions[0].candidates
    assert [f.verdict for f in r.findings] == [U]


def test_rates_command_with_a_year_gives_the_range(capsys):
    from numcheck.cli import main

    assert main(["rates", "USD", "SEK", "--date", "2012"]) == 0
    out = capsys.readouterr().out
    assert "over 2012" in out and "6.4943" in out and "7.2997" in out


def test_a_year_before_the_rates_is_unverifiable_with_the_reason():
    f = numcheck.check("The fine is €80,000 ($105,000).", date="1995").findings[0]
    assert f.verdict is U and "no USD/EUR rate in 1995" in f.message


@pytest.mark.parametrize("lang, text", [
    ("en", "The contract, worth $50 million -- around €46 million at current rates -- was signed."),
    ("sv", "Avtalet, värt 50 miljoner dollar – omkring 518 miljoner kronor enligt dagens kurs – skrevs under."),
    ("de", "Der Vertrag über 50 Millionen Dollar – rund 46 Millionen Euro nach heutigem Kurs – ist unterschrieben."),
])
def test_a_hedged_equivalent_between_dashes_pairs_even_when_it_runs_on(lang, text):
    assert verdicts(text, lang) == [C]
