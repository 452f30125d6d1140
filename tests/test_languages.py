"""Money copy in Swedish, Norwegian, Danish, Finnish, German, French, Spanish and Dutch
(and Italian and Portuguese).

Tables, one row per real phrasing: what the extractor must find (value, currency, hedge),
what it must not find (dates, percentages, years, phone numbers), and the verdicts of
stated conversions, with planted errors — a scale slip, a rate applied the wrong way
round, the wrong currency. Rates are fixed (langs_support.FixedRates) so the verdicts test
the reading of the text, not the history of exchange rates.
"""

from __future__ import annotations

import pytest

import numcheck
from numcheck import Hedge, Verdict
from langs_support import FixedRates

B, M = 1e9, 1e6

# (lang, text, [(value, ISO code, hedge)]) — every money mention, in order.
EXTRACT = [
    # Swedish
    ("sv", "Paketet är värt 275 miljoner dollar, motsvarande drygt 3 miljarder kronor.",
     [(275 * M, "USD", None), (3 * B, "SEK", Hedge.NEAR_ABOVE)]),
    ("sv", "Regeringen anslår knappt 1,5 miljarder kronor till försvaret.", [(1.5 * B, "SEK", Hedge.NEAR_BELOW)]),
    ("sv", "Biljetten kostar 1 234,50 kr.", [(1234.5, "SEK", None)]),
    ("sv", "Priset är kr 500 per person.", [(500, "SEK", None)]),
    ("sv", "Stödet uppgår till tre miljarder kronor.", [(3 * B, "SEK", None)]),
    ("sv", "Det handlar om en halv miljard kronor.", [(0.5 * B, "SEK", None)]),
    ("sv", "Budgeten landade på närmare 2 mdr kronor.", [(2 * B, "SEK", Hedge.NEAR_BELOW)]),
    ("sv", "Statsskulden är 1 biljon kronor.", [(1e12, "SEK", None)]),
    ("sv", "Bolaget betalar minst 40 miljoner euro.", [(40 * M, "EUR", Hedge.AT_LEAST)]),
    ("sv", "Köpet kostade 2 kronor och 50 öre.", [(2.5, "SEK", None)]),
    ("sv", "Under 2023 3 miljarder kronor i stöd, och 1 500 kronor per person.", [(3 * B, "SEK", None), (1500, "SEK", None)]),
    ("sv", "Vinsten per aktie blev 2:81 kronor och priset 50:-.", [(2.81, "SEK", None), (50, "SEK", None)]),
    ("sv", "Han spelade i Tre Kronor som 19-åring och fick tre kronor.", [(3, "SEK", None)]),
    # Norwegian (nb, and "no" read with the same data)
    ("nb", "Regjeringen bevilger 2,4 milliarder kroner til Ukraina.", [(2.4 * B, "NOK", None)]),
    ("no", "Avtalen er verdt vel 3 mrd. kroner.", [(3 * B, "NOK", Hedge.NEAR_ABOVE)]),
    ("nb", "Pakken koster 275 millioner dollar, tilsvarende rundt 3 milliarder kroner.",
     [(275 * M, "USD", None), (3 * B, "NOK", Hedge.APPROX)]),
    ("nb", "Billetten koster kr 10.000.", [(10000, "NOK", None)]),
    ("nb", "Han fikk 10 svenske kroner.", [(10, "SEK", None)]),
    # Danish
    ("da", "Regeringen afsætter 2,5 mia. kr. til forsvaret.", [(2.5 * B, "DKK", None)]),
    ("da", "Aftalen er på 275 mio. dollar, svarende til knap 2 mia. kr.",
     [(275 * M, "USD", None), (2 * B, "DKK", Hedge.NEAR_BELOW)]),
    ("da", "Det koster tre milliarder kroner.", [(3 * B, "DKK", None)]),
    ("da", "Prisen er omkring 1.250.000 kroner.", [(1.25 * M, "DKK", Hedge.APPROX)]),
    # Finnish
    ("fi", "Paketin arvo on noin 3 miljardia euroa.", [(3 * B, "EUR", Hedge.APPROX)]),
    ("fi", "Hallitus myöntää yli 200 miljoonaa euroa.", [(200 * M, "EUR", Hedge.AT_LEAST)]),
    ("fi", "Summa on kolme miljardia euroa.", [(3 * B, "EUR", None)]),
    ("fi", "Kauppa nousi 3 miljoonaan euroon ja kasvoi 2 miljardilla eurolla.", [(3 * M, "EUR", None), (2 * B, "EUR", None)]),
    # German
    ("de", "Die Hilfe beträgt 1,5 Mrd. Euro (umgerechnet etwa 1,6 Mrd. Dollar).",
     [(1.5 * B, "EUR", None), (1.6 * B, "USD", Hedge.APPROX)]),
    ("de", "Das Budget liegt bei rund 2,3 Milliarden Euro.", [(2.3 * B, "EUR", Hedge.APPROX)]),
    ("de", "Der Konzern zahlt knapp 500 Mio. €.", [(500 * M, "EUR", Hedge.NEAR_BELOW)]),
    ("de", "Es kostet 3 €.", [(3, "EUR", None)]),
    ("de", "Die Schulden betragen 1 Billion Euro.", [(1e12, "EUR", None)]),
    ("de", "Das sind zwei Millionen Euro.", [(2 * M, "EUR", None)]),
    ("de", "Er erhielt mehr als 16,4 Millionen kanadische Dollar.", [(16.4 * M, "CAD", Hedge.AT_LEAST)]),
    ("de", "Der Haushalt beläuft sich auf 12 500 EUR.", [(12500, "EUR", None)]),
    ("de-CH", "Das Ticket kostet CHF 1’234.50.", [(1234.5, "CHF", None)]),
    ("de-CH", "Das Ticket kostet Fr. 1'234.50.", [(1234.5, "CHF", None)]),
    # French
    ("fr", "L'aide atteint 275 millions de dollars, soit environ 260 millions d'euros.",
     [(275 * M, "USD", None), (260 * M, "EUR", Hedge.APPROX)]),
    ("fr", "Le plan coûte 3 milliards d'euros.", [(3 * B, "EUR", None)]),
    ("fr", "En 2023 3 millions d’euros ont été versés.", [(3 * M, "EUR", None)]),
    ("fr", "Le budget dépasse les 1\u202f234,5 €.", [(1234.5, "EUR", None)]),
    ("fr", "La dette atteint 1 billion d'euros.", [(1e12, "EUR", None)]),
    ("fr", "Le contrat vaut près de 2 Md€.", [(2 * B, "EUR", Hedge.NEAR_BELOW)]),
    ("fr", "Il a reçu trois milliards d'euros.", [(3 * B, "EUR", None)]),
    ("fr", "Plus de 40 millions de dollars canadiens ont été promis.", [(40 * M, "CAD", Hedge.AT_LEAST)]),
    # Spanish
    ("es", "El paquete vale 275 millones de dólares, equivalentes a unos 260 millones de euros.",
     [(275 * M, "USD", None), (260 * M, "EUR", Hedge.APPROX)]),
    ("es", "La inversión supera los 3.000 millones de euros.", [(3 * B, "EUR", None)]),
    ("es", "Costará tres mil millones de euros.", [(3 * B, "EUR", None)]),
    ("es", "La deuda es de 1 billón de euros.", [(1e12, "EUR", None)]),
    ("es", "El coste fue de más de 5 millones de euros.", [(5 * M, "EUR", Hedge.AT_LEAST)]),
    # Dutch
    ("nl", "Het pakket kost 275 miljoen dollar, omgerekend zo'n 260 miljoen euro.",
     [(275 * M, "USD", None), (260 * M, "EUR", Hedge.APPROX)]),
    ("nl", "De overheid trekt ongeveer 1,2 miljard euro uit.", [(1.2 * B, "EUR", Hedge.APPROX)]),
    ("nl", "Het kost 2,5 mld. euro.", [(2.5 * B, "EUR", None)]),
    ("nl", "Het bedrag is drieëntwintig miljoen euro.", [(23 * M, "EUR", None)]),
    # Italian and Portuguese (text2num covers both)
    ("it", "Il pacchetto vale 275 milioni di dollari, pari a circa 260 milioni di euro.",
     [(275 * M, "USD", None), (260 * M, "EUR", Hedge.APPROX)]),
    ("it", "Il governo stanzia oltre 2,5 miliardi di euro.", [(2.5 * B, "EUR", Hedge.AT_LEAST)]),
    ("it", "Costa tre milioni di euro.", [(3 * M, "EUR", None)]),
    ("pt", "O pacote vale 275 milhões de dólares, o equivalente a cerca de R$ 1,6 bilhão.",
     [(275 * M, "USD", None), (1.6 * B, "BRL", Hedge.APPROX)]),
    ("pt-PT", "O Estado gasta 3 mil milhões de euros.", [(3 * B, "EUR", None)]),
    ("pt-PT", "A dívida chega a 1 bilião de euros.", [(1e12, "EUR", None)]),
    # half of a scale word, in every language
    ("de", "Das kostet eine halbe Milliarde Euro.", [(0.5 * B, "EUR", None)]),
    ("fr", "Un demi-milliard d'euros a été versé.", [(0.5 * B, "EUR", None)]),
    ("es", "Cuesta medio millón de euros.", [(0.5 * M, "EUR", None)]),
    ("nl", "Het kost een half miljard euro.", [(0.5 * B, "EUR", None)]),
    ("da", "Det koster en halv milliard kroner.", [(0.5 * B, "DKK", None)]),
    ("nb", "Det koster en halv milliard kroner.", [(0.5 * B, "NOK", None)]),
    # English: the translator's decimal comma, and no regression on years before figures
    ("en", "The fund is worth 3,5 million kronor.", [(3.5 * M, "SEK", None)]),
    ("en", "In 2023 3 million dollars went missing.", [(3 * M, "USD", None)]),
    ("en", "It cost 3,500 million kronor.", [(3.5 * B, "SEK", None)]),
    ("en", "The aid is 5 billion kroner.", [(5 * B, None, None)]),  # NOK or DKK: see below
    ("en", "Half a billion dollars was pledged.", [(0.5 * B, "USD", None)]),
    # business-press units that carry their own scale
    ("sv", "Rörelseresultatet blev 250 mkr och omsättningen 3,2 mdkr.", [(250 * M, "SEK", None), (3.2 * B, "SEK", None)]),
    ("sv", "Förlusten uppgick till 30 MSEK.", [(30 * M, "SEK", None)]),
    ("en", "Five losses in excess of 30 MUSD were reported.", [(30 * M, "USD", Hedge.AT_LEAST)]),
    ("es", "Perdieron 75 USD millones en tres años.", [(75 * M, "USD", None)]),
    # the currency written twice in a range is one range
    ("fr", "Le prix varie entre 10 euros et 20 euros.", [(10, "EUR", None)]),
    ("sv", "Priset ligger mellan 10 kronor och 20 kronor.", [(10, "SEK", None)]),
    ("en", "Prices rose from 2 dollars to 3 dollars.", [(2, "USD", None), (3, "USD", None)]),
    # a code written next to the dollar sign names the dollar
    ("fr", "Le simulateur coûte 16,4 millions de $CAD.", [(16.4 * M, "CAD", None)]),
    ("sv", "Det kostar CAD$ 15.", [(15, "CAD", None)]),
    ("es", "Ascendería a unos C$ 1,34 por acción.", [(1.34, "CAD", Hedge.APPROX)]),
    ("es", "El contrato de U$D 10 mil millones.", [(10 * B, "USD", None)]),
    # figures in the other decimal convention, and thousands written with k
    ("en", "The watch sold for 9.990,00 € and the strap for €1'049,95.", [(9990, "EUR", None), (1049.95, "EUR", None)]),
    ("de", "Der Preis: 1,234.56 €.", [(1234.56, "EUR", None)]),
    ("en", "The flat sold for $ 1.144.000 and the car for 1.234.567,89 €.", [(1144000, "USD", None), (1234567.89, "EUR", None)]),
    ("de", "Das Haus kostete 1,144,000 €.", [(1144000, "EUR", None)]),
    ("sv", "Stödet är 3.5 miljarder kronor.", [(3.5 * B, "SEK", None)]),
    ("fr", "Un salaire de 45k €.", [(45000, "EUR", None)]),
    # hundredths written after the whole amount
    ("de", "Es kostet nur dreizehn Euro und fünfundvierzig Cent.", [(13.45, "EUR", None)]),
    ("es", "Solo cuesta 3 euros con 99 céntimos.", [(3.99, "EUR", None)]),
    ("nb", "Det kostet to kanadiske dollar og 23 cent.", [(2.23, "CAD", None)]),
    # sub-unit names of other currencies and their abbreviations ("43c", "rp", "haleru", "sen")
    ("en", "The ticket was $20 and 43c.", [(20.43, "USD", None)]),
    ("en", "It cost 20 ringgit and 43 sen.", [(20.43, "MYR", None)]),
    ("nb", "Det kostet 2 tsjekkiske koruna og 23 haleru.", [(2.23, "CZK", None)]),
    ("nb", "Prisen var 4 sveitsiske francs og 40 rp.", [(4.40, "CHF", None)]),
    ("sv", "Det kostade 2 schweiziska franc och 40 rp.", [(2.40, "CHF", None)]),
    ("da", "Det kostede 2 schweiziske franc og 40 rp.", [(2.40, "CHF", None)]),
    # currency names Norwegian desks write that CLDR spells otherwise
    ("nb", "Det kostet 300 thailandske baht.", [(300, "THB", None)]),
    ("nb", "Lånet var på 5 millioner polske sloty.", [(5e6, "PLN", None)]),
    ("nb", "Boten var 10 000 sør-afrikanske rand.", [(10000, "ZAR", None)]),
    ("nl", "Het kaartje kost $20 en 43c.", [(20.43, "USD", None)]),
    # sub-units on their own: hundredths of the currency
    ("en", "The stamp costs 10¢.", [(0.10, "USD", None)]),
    ("nl", "Een postzegel kost tien cent.", [(0.10, "EUR", None)]),
    ("sv", "Priset steg med 50 öre.", [(0.50, "SEK", None)]),
    ("nb", "Prisen steg med 50 øre.", [(0.50, "NOK", None)]),
    ("da", "Prisen steg med 50 øre.", [(0.50, "DKK", None)]),
    ("nb", "En kopp te kostet 80 fen i Beijing.", [(0.80, "CNY", None)]),
    ("sv", "En kopp te kostade 80 fen i Peking.", [(0.80, "CNY", None)]),
    ("da", "Billetten kostede 50 paise.", [(0.50, "INR", None)]),
    ("nb", "Det kostet 2 nz dollar og 23 cents.", [(2.23, "NZD", None)]),
    ("nb", "Billetten kostet 500 rupi i Delhi.", [(500, "INR", None)]),
    # the short "shekel" beside CLDR's long names
    ("fr", "Le billet coûte dix shekels.", [(10, "ILS", None)]),
    ("es", "El billete cuesta 300 shekels.", [(300, "ILS", None)]),
    ("it", "Il biglietto costa 300 shekel.", [(300, "ILS", None)]),
    ("pt", "O bilhete custa 300 shekels.", [(300, "ILS", None)]),
    # "Rs" and "rupees" read as Indian unless the text names another rupee country
    ("sv", "Biljetten kostade Rs 500 i Delhi.", [(500, "INR", None)]),
    ("nb", "Billetten kostet 500 rupees i Delhi.", [(500, "INR", None)]),
]


@pytest.mark.parametrize("lang,text,want", EXTRACT, ids=[f"{r[0]}:{r[1][:40]}" for r in EXTRACT])
def test_extract(lang, text, want):
    got = [m for m in numcheck.extract(text, lang=lang) if m.kind == "money"]
    assert [(pytest.approx(v), u, h) for v, u, h in want] == [
        (m.value, m.unit if want[i][1] is not None else None, m.hedge) for i, m in enumerate(got)
    ], [(m.text, m.value, m.unit, m.hedge) for m in got]


# Text that holds numbers but no money: dates, percentages, years, phone numbers, counts.
DISTRACTORS = [
    ("sv", "Den 19 november 2024 höjde Riksbanken räntan med 0,25 procentenheter; ring 08-123 45 67."),
    ("sv", "År 2023 bodde 10 521 000 personer i Sverige, 3 miljoner fler än 1960."),
    ("sv", "Laget som vann 2015 som ett Kina-lag tog 5 guld och 3 silver."),
    ("nb", "Den 12. mars 2024 steg renten med 0,5 prosent. Ring 22 33 44 55."),
    ("da", "I 2024 voksede økonomien med 1,8 procent; 5,9 mio. indbyggere."),
    ("fi", "Vuonna 2024 talous kasvoi 1,2 prosenttia, ja väkiluku on 5,6 miljoonaa."),
    ("de", "Am 3. Oktober 1990 lebten 16,4 Millionen Menschen in der DDR; Tel. 030 1234567."),
    ("de", "Die Inflation lag bei 2,4 %, die Arbeitslosigkeit bei 6,1 Prozent."),
    ("fr", "Le 14 juillet 2024, 3 millions de personnes ont défilé ; appelez le 01 23 45 67 89."),
    ("es", "El 12 de octubre de 2024 votaron 3 millones de personas, un 45 % del censo."),
    ("nl", "Op 5 mei 2024 waren er 17,9 miljoen inwoners; bel 020-1234567."),
    ("en", "On 19 November 2024, 160 countries signed; call +1 202 555 0100. Up 3.5% in 2023."),
]


@pytest.mark.parametrize("lang,text", DISTRACTORS, ids=[f"{r[0]}:{r[1][:30]}" for r in DISTRACTORS])
def test_distractors_are_not_money(lang, text):
    assert [m.text for m in numcheck.extract(text, lang=lang) if m.kind == "money"] == []


C, I, A = Verdict.CONSISTENT, Verdict.INCONSISTENT, Verdict.AMBIGUOUS

# (lang, text, verdict): one stated conversion each; fixed rates (USD→SEK 10.94,
# USD→NOK 11.04, USD→DKK 7.04, USD→EUR 0.943). Per language: a consistent figure, a scale
# slip (million for billion), the rate applied the wrong way round (275 × 1.06 ≈ 290), and
# the wrong currency named.
CHECK = [
    ("sv", "Paketet är värt 275 miljoner dollar, motsvarande drygt 3 miljarder kronor.", C),
    ("sv", "Paketet är värt 275 miljoner dollar, vilket motsvarar omkring 3 miljarder kronor.", C),
    ("sv", "Paketet är värt 275 miljoner dollar, motsvarande drygt 3 miljoner kronor.", I),  # scale slip
    ("sv", "Paketet är värt 275 miljoner dollar, motsvarande omkring 25 miljoner kronor.", I),  # inverted
    ("sv", "Paketet är värt 275 miljoner dollar, motsvarande drygt 3 miljarder euro.", I),  # wrong currency
    ("sv", "Paketet är värt 275 miljoner dollar (tre miljarder kronor).", C),
    ("nb", "Pakken er verdt 275 millioner dollar, tilsvarende rundt 3 milliarder kroner.", C),
    ("nb", "Pakken er verdt 275 millioner dollar, tilsvarende rundt 3 millioner kroner.", I),
    ("nb", "Pakken er verdt 275 millioner dollar, tilsvarende rundt 25 millioner kroner.", I),
    ("nb", "Pakken er verdt 275 millioner dollar, tilsvarende rundt 3 milliarder euro.", I),
    ("da", "Aftalen er på 275 mio. dollar, svarende til knap 2 mia. kr.", C),
    ("da", "Aftalen er på 275 mio. dollar, svarende til omkring 2 mio. kr.", I),
    ("da", "Aftalen er på 275 mio. dollar, svarende til omkring 39 mio. kr.", I),
    ("da", "Aftalen er på 275 mio. dollar, svarende til knap 2 mia. euro.", I),
    ("da", "Regeringen bruger 3 mia. kr., svarende til godt 400 mio. euro.", C),
    ("nl", "Het kabinet trekt 1,2 miljard euro uit, omgerekend ruim 1,25 miljard dollar.", C),
    ("nb", "Statoil tjente 12,3 milliarder kroner, eller om lag 1,1 milliarder dollar.", C),
    ("de-CH", "Die Busse beträgt 150'000 Franken (rund 160'000 Euro).", C),
    ("fr", "Une amende de 150\u00a0000 € (environ 160\u00a0000 dollars).", C),
    ("sv", "Tavlan kostade 1,3 miljoner kronor, eller omkring 120 000 dollar.", C),
    ("sv", "Tavlan kostade 1,3 miljoner kronor, eller omkring 200 000 euro.", I),
    ("fi", "Paketin arvo on 275 miljoonaa dollaria eli noin 260 miljoonaa euroa.", C),
    ("fi", "Paketin arvo on 275 miljoonaa dollaria eli noin 260 miljardia euroa.", I),
    ("fi", "Paketin arvo on 275 miljoonaa dollaria eli noin 290 miljoonaa euroa.", I),
    ("fi", "Paketin arvo on 275 miljoonaa dollaria eli noin 260 miljoonaa puntaa.", I),
    ("de", "Die Hilfe beträgt 1,5 Mrd. Euro (umgerechnet etwa 1,6 Mrd. Dollar).", C),
    ("de", "Die Hilfe beträgt 1,5 Mrd. Euro (umgerechnet etwa 1,6 Mio. Dollar).", I),
    ("de", "Die Hilfe beträgt 1,5 Mrd. Euro (umgerechnet etwa 1,4 Mrd. Dollar).", I),  # inverted
    ("de", "Die Hilfe beträgt 1,5 Mrd. Euro (umgerechnet etwa 1,6 Mrd. Pfund).", I),  # wrong currency
    ("fr", "L'aide atteint 275 millions de dollars, soit environ 260 millions d'euros.", C),
    ("fr", "L'aide atteint 275 millions de dollars, soit environ 2,6 milliards d'euros.", I),
    ("fr", "L'aide atteint 275 millions de dollars, soit environ 290 millions d'euros.", I),
    ("fr", "L'aide atteint 275 millions de dollars, soit environ 260 millions de livres sterling.", I),
    ("es", "El paquete vale 275 millones de dólares, equivalentes a unos 260 millones de euros.", C),
    ("es", "El paquete vale 275 millones de dólares, equivalentes a unos 260.000 millones de euros.", I),
    ("es", "El paquete vale 275 millones de dólares, equivalentes a unos 290 millones de euros.", I),
    ("es", "El paquete vale 275 millones de dólares, equivalentes a unos 260 millones de libras.", I),
    ("nl", "Het pakket kost 275 miljoen dollar, omgerekend zo'n 260 miljoen euro.", C),
    ("nl", "Het pakket kost 275 miljoen dollar, omgerekend zo'n 260 miljard euro.", I),
    ("nl", "Het pakket kost 275 miljoen dollar, omgerekend zo'n 290 miljoen euro.", I),
    ("nl", "Het pakket kost 275 miljoen dollar, omgerekend zo'n 260 miljoen Zwitserse frank.", I),
    ("it", "Il pacchetto vale 275 milioni di dollari, pari a circa 260 milioni di euro.", C),
    ("it", "Il pacchetto vale 275 milioni di dollari, pari a circa 260 miliardi di euro.", I),
    ("it", "Il pacchetto vale 275 milioni di dollari, pari a circa 290 milioni di euro.", I),
    ("pt", "O pacote vale 275 milhões de dólares, o equivalente a cerca de 260 milhões de euros.", C),
    ("pt", "O pacote vale 275 milhões de dólares, o equivalente a cerca de 290 milhões de euros.", I),
    ("en", "The package is worth $275 million, equivalent to about 3 billion kronor.", C),
    ("en", "The package is worth $275 million, equivalent to about 3,5 million kronor.", I),
]


@pytest.mark.parametrize("lang,text,verdict", CHECK, ids=[f"{r[0]}:{r[2].value}:{r[1][-40:]}" for r in CHECK])
def test_check(lang, text, verdict):
    report = numcheck.check(text, lang=lang, rates=FixedRates(), date="2024-11-19")
    assert [f.verdict for f in report.findings] == [verdict], [f.message for f in report.findings]


def test_inverted_rate_is_named():
    r = numcheck.check("Paketet är värt 275 miljoner dollar, motsvarande omkring 25 miljoner kronor.",
                       lang="sv", rates=FixedRates(), date="2024-11-19")
    assert "wrong way round" in r.findings[0].message


def test_scale_slip_is_named():
    r = numcheck.check("Pakken er verdt 275 millioner dollar, tilsvarende rundt 3 millioner kroner.",
                       lang="nb", rates=FixedRates(), date="2024-11-19")
    assert "scale slip" in r.findings[0].message


# Hedges keep their direction: "drygt 3 miljarder" holds when the value is ≥ 3 billion,
# "knappt 3 miljarder" when it is ≤ 3 billion (each within the rate tolerance). At the fixed
# rate 240M USD is 2.63 billion SEK, 262M 2.87 billion, 281M 3.07 billion, 300M 3.28 billion.
@pytest.mark.parametrize("text,verdict", [
    ("Det kostar 281 miljoner dollar, motsvarande drygt 3 miljarder kronor.", C),
    ("Det kostar 300 miljoner dollar, motsvarande drygt 3,1 miljarder kronor.", C),
    ("Det kostar 301 miljoner dollar, motsvarande knappt 3,1 miljarder kronor.", I),
    ("Det kostar 240 miljoner dollar, motsvarande knappt 2,9 miljarder kronor.", C),
    ("Det kostar 240 miljoner dollar, motsvarande drygt 2,9 miljarder kronor.", I),
    ("Det kostar 262 miljoner dollar, motsvarande minst 3,5 miljarder kronor.", I),
    ("Det kostar 262 miljoner dollar, motsvarande högst 3,5 miljarder kronor.", C),
    # whole numbers too: "drygt 3 miljarder" is not 2.74 billion, "knappt 3 miljarder" not 3.29
    ("Det kostar 250 miljoner dollar, motsvarande drygt 3 miljarder kronor.", I),
    ("Det kostar 250 miljoner dollar, motsvarande knappt 3 miljarder kronor.", C),
    ("Det kostar 301 miljoner dollar, motsvarande knappt 3 miljarder kronor.", I),
    ("Det kostar 301 miljoner dollar, motsvarande drygt 3 miljarder kronor.", C),
])
def test_hedge_direction_sv(text, verdict):
    r = numcheck.check(text, lang="sv", rates=FixedRates(), date="2024-11-19")
    assert [f.verdict for f in r.findings] == [verdict], [f.message for f in r.findings]


def test_seed_article_still_consistent():
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "seeds" / "ukraine-aid-2024-11-19.txt").read_text(encoding="utf-8")
    report = numcheck.check(text, date="2024-11-19")
    assert len(report.findings) == 1
    f = report.findings[0]
    assert f.verdict is Verdict.CONSISTENT
    assert (f.source.value, f.source.unit) == (275e6, "USD")
    assert (f.target.value, f.target.unit) == (3e9, "SEK")


# lang=None: guessed from function words, and the report says so.
GUESS = [
    ("sv", "Regeringen säger att stödet till Ukraina är värt 3 miljarder kronor och att det kommer snart."),
    ("nb", "Regjeringen sier at støtten til Ukraina er verdt 3 milliarder kroner, og at den kommer nå."),
    ("da", "Regeringen siger, at støtten til Ukraine er 3 mia. kr. værd, og at den kommer nu."),
    ("fi", "Hallitus sanoo, että tuki Ukrainalle on noin 3 miljardia euroa ja se tulee pian."),
    ("de", "Die Regierung sagt, dass die Hilfe für die Ukraine 3 Milliarden Euro wert ist und bald kommt."),
    ("fr", "Le gouvernement dit que l'aide à l'Ukraine vaut 3 milliards d'euros et qu'elle arrive bientôt."),
    ("es", "El gobierno dice que la ayuda a Ucrania vale 3.000 millones de euros y que llegará pronto."),
    ("nl", "De regering zegt dat de steun aan Oekraïne 3 miljard euro waard is en dat die snel komt."),
    ("it", "Il governo dice che l'aiuto all'Ucraina vale 3 miliardi di euro e che arriverà presto."),
    ("pt", "O governo diz que a ajuda à Ucrânia vale 3 bilhões de dólares e que chegará em breve."),
    ("en", "The government says that the aid to Ukraine is worth $3 billion and that it will come soon."),
]


@pytest.mark.parametrize("lang,text", GUESS, ids=[g[0] for g in GUESS])
def test_language_guess(lang, text):
    report = numcheck.check(text, lang=None, rates=FixedRates())
    assert report.lang == lang
    assert any(f"guessed {lang!r}" in n for n in report.notes), report.notes
    assert [m.kind for m in report.mentions] == ["money"]


def test_guess_without_function_words_says_english():
    report = numcheck.check("$5", lang=None, rates=FixedRates())
    assert report.lang == "en" and "read as 'en'" in report.notes[0]


def test_noun_between_amount_and_cue_sv():
    r = numcheck.check("Ett 275 miljoner dollar stort paket (omkring 3 miljarder kronor) presenterades.",
                       lang="sv", rates=FixedRates(), date="2024-11-19")
    assert [f.verdict for f in r.findings] == [C]
    # "och" starts a new statement: two amounts, no claim
    r = numcheck.check("Sverige ger 275 miljoner dollar och (i en separat del) 3 miljarder kronor.",
                       lang="sv", rates=FixedRates(), date="2024-11-19")
    assert r.findings == ()


def test_auto_is_lang_none():
    r = numcheck.check("Die Regierung sagt, dass die Hilfe 3 Milliarden Euro beträgt.", lang="auto", rates=FixedRates())
    assert r.lang == "de" and "guessed 'de'" in r.notes[0]


# The suggested correction keeps the writer's language: the scale word of the same family
# and ending ("miljoner" → "miljarder", "Millionen" → "Milliarden", "Mio." → "Mrd.").
@pytest.mark.parametrize("lang,text,suggestion", [
    ("sv", "Det kostar 275 miljoner dollar, motsvarande drygt 3 miljoner kronor.", "≈ 3 miljarder kronor"),
    ("de", "Die Hilfe beträgt 1,5 Milliarden Euro (umgerechnet etwa 1,6 Millionen Dollar).", "≈ 1,6 Milliarden Dollar"),
    ("de", "Die Hilfe beträgt 1,5 Mrd. Euro (umgerechnet etwa 1,6 Mio. Dollar).", "≈ 1,6 Mrd. Dollar"),
    ("en", "The package is worth $275 million, equivalent to about 3 million kronor.", "≈ 3 billion kronor"),
])
def test_suggestion_in_the_writers_words(lang, text, suggestion):
    r = numcheck.check(text, lang=lang, rates=FixedRates(), date="2024-11-19")
    assert r.findings[0].suggestion == suggestion
