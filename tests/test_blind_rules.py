"""Rules fixed after the blind held-out measure (fixtures/blind, issue 11 helper "blind").

Every sentence here is new: none is copied from fixtures/blind/sentences.jsonl, so that the
blind set stays a fair measure of text the rules were not written for."""

from __future__ import annotations

import pytest

import numcheck
from numcheck import Verdict

C, I, A = Verdict.CONSISTENT, Verdict.INCONSISTENT, Verdict.AMBIGUOUS


def verdicts(text: str, lang: str, day: str) -> list[Verdict]:
    return [f.verdict for f in numcheck.check(text, date=day, lang=lang).findings]


# -- a temperature after a bare verb ("rose", "subió", "nousi") is a level when it is too
#    large to be a change, and the stated equivalent fits the level ------------------------
TEMPERATURE = [
    ("en", "Readings rose 118F (48C) in Death Valley on Sunday.", [C]),
    ("es", "En Sevilla el termómetro subió 111°F (44°C) el martes.", [C]),
    ("pt", "Em Lisboa a temperatura subiu 109°F (43°C) na sexta-feira.", [C]),
    ("fi", "Lämpötila nousi 100°F (38°C) Teksasissa.", [C]),
    # a small change converted as a level is still caught
    ("en", "Global temperatures rose 1.5C (34.7F) above pre-industrial levels.", [I]),
    ("es", "La temperatura media subió 2 °C (35,6 °F) en un siglo.", [I]),
    # English bare verbs of change say "by": "plunged 45F" is a change of 25 °C
    ("en", "Temperatures plunged 45F (25C) overnight in Denver.", [C]),
    ("en", "Temperatures plunged to 45F (7C) overnight in Denver.", [C]),
    ("en", "The mercury dropped 30F (17C) in six hours.", [C]),
    # wrong as a level and as a change
    ("fi", "Lämpötila nousi 104°F (20°C) Arizonassa.", [I]),
]


@pytest.mark.parametrize("lang, text, want", TEMPERATURE)
def test_temperature_after_a_bare_verb(lang, text, want):
    assert verdicts(text, lang, "2021-07-01") == want


# -- a bare shared word that reads as the copy's own money is that money, not a neighbour's
#    legacy currency of the same name (EEK among "kronor" before 2011) ----------------------
OWN_MONEY = [
    ("sv", "Regionen satsar 2 miljoner euro, omkring 23 miljoner kronor, på nya bussar.", "2009-03-02", [C], ("SEK",)),
    ("nb", "Fylket bruker 3 millioner euro, om lag 24 millioner kroner, på veien.", "2008-05-06", [C], ("NOK",)),
    ("da", "Regionen bruger 4 millioner euro, ca. 30 millioner kroner, på sygehuset.", "2009-03-02", [C], ("DKK",)),
    # the country named: its own legacy currency
    ("sv", "Estland lånade 500 miljoner kronor, cirka 32 miljoner euro.", "2009-03-02", [C], ("EEK",)),
    ("da", "Irland betalte 40 millioner pund, omkring 51 millioner euro.", "2000-06-26", [C], ("IEP",)),
]


@pytest.mark.parametrize("lang, text, day, want, cands", OWN_MONEY)
def test_the_copys_own_crowns(lang, text, day, want, cands):
    r = numcheck.check(text, date=day, lang=lang)
    assert [f.verdict for f in r.findings] == want
    assert r.findings[0].target.candidates == cands or r.findings[0].source.candidates == cands


def test_a_foreign_shared_word_keeps_every_reading_of_its_day():
    # "franchi" in Italian copy of 2000 with no country: Swiss or French — never a false alarm
    r = numcheck.check("La società ha incassato 3 miliardi di franchi, circa 460 milioni di euro.", date="2000-06-01", lang="it")
    assert r.mentions[0].candidates[0] == "CHF" and "FRF" in r.mentions[0].candidates


# -- arithmetic: a stated figure off by a power of ten is a misplaced decimal mark --------
DECIMAL_SLIPS = [
    ("en", "Exports climbed to $920 million from $800 million, up 150%.", [I]),
    ("en", "The jobless rate fell to 4.1% from 5.3%, a drop of 12 percentage points.", [I]),
    ("de", "Der Gewinn stieg von 50 auf 56 Millionen Euro, ein Plus von 120 Prozent.", [I]),
    ("es", "El paro bajó del 12,4% al 11,2%, un descenso de 0,12 puntos.", [I]),
    # six times off and no power of ten: still about other figures
    ("en", "Exports climbed to $920 million from $800 million, up 90%.", [A]),
    # right figures stay right
    ("de", "Der Gewinn stieg von 50 auf 56 Millionen Euro, ein Plus von 12 Prozent.", [C]),
]


@pytest.mark.parametrize("lang, text, want", DECIMAL_SLIPS)
def test_a_decimal_slip_in_a_change_is_caught(lang, text, want):
    assert verdicts(text, lang, "2019-05-02") == want


# -- Finnish arithmetic by case endings, the change or share stated last -------------------
FINNISH = [
    ("Myynti kasvoi 500 miljoonasta eurosta 690 miljoonaan euroon eli 38 prosenttia.", [C]),
    ("Myynti kasvoi 500 miljoonasta eurosta 690 miljoonaan euroon eli 15 prosenttia.", [I]),
    ("Tulos parani 40 miljoonasta 52 miljoonaan euroon, eli 30 prosenttia.", [C]),
    ("Osuus nousi 12 prosentista 15 prosenttiin eli 3 prosenttiyksikköä.", [C]),
    ("Osuus nousi 12 prosentista 15 prosenttiin eli 6 prosenttiyksikköä.", [I]),
    ("Matkustajien määrä kaksinkertaistui 450:stä 900:aan.", [C]),
    ("Matkustajien määrä kolminkertaistui 450:stä 900:aan.", [I]),
    ("Yhtiön 150 myymälästä 30 eli 20 prosenttia suljetaan.", [C]),
    ("Yhtiön 150 myymälästä 30 eli 40 prosenttia suljetaan.", [I]),
    # a fall from 150 to 120 is a change, not a share of 150
    ("Tilaukset laskivat 150 miljoonasta 120 miljoonaan euroon eli 20 prosenttia.", [C]),
]


@pytest.mark.parametrize("text, want", FINNISH)
def test_finnish_changes_and_shares_by_case_endings(text, want):
    assert verdicts(text, "fi", "2019-05-02") == want


# -- a change introduced by "with": "…, con un aumento del 25%" ------------------------------
WITH_CHANGE = [
    ("it", "Il fatturato è cresciuto da 200 a 250 milioni di euro, con un aumento del 25%.", [C]),
    ("it", "Il fatturato è cresciuto da 200 a 250 milioni di euro, con un aumento del 40%.", [I]),
    ("es", "Las ventas subieron de 400 a 460 millones de euros, con un aumento del 15%.", [C]),
    ("pt", "As receitas passaram de 80 para 100 milhões de euros, com um aumento de 25%.", [C]),
    ("fr", "Le bénéfice est passé de 50 à 60 millions d'euros, avec une hausse de 20 %.", [C]),
    ("de", "Der Umsatz stieg von 80 auf 100 Millionen Euro, mit einem Plus von 25 Prozent.", [C]),
    ("nl", "De omzet steeg van 80 naar 100 miljoen euro, met een stijging van 50 procent.", [I]),
]


@pytest.mark.parametrize("lang, text, want", WITH_CHANGE)
def test_a_change_introduced_by_with(lang, text, want):
    assert verdicts(text, lang, "2019-05-02") == want


# -- one word closing the first amount's phrase ("worth"), then the equivalent ---------------
WORTH = [
    ("nl", "Het contract is 25 miljard dollar waard, zo'n 21 miljard euro.", [C]),
    ("nl", "Het contract is 25 miljard dollar waard, ongeveer 42 miljard euro.", [I]),
    ("da", "Aftalen er 2,5 milliarder dollar værd, svarende til 15 milliarder kroner.", [C]),
    ("da", "Aftalen er 2,5 milliarder dollar værd, svarende til 150 milliarder kroner.", [I]),
    ("sv", "Avtalet är 40 miljoner dollar värt, cirka 340 miljoner kronor.", [C]),
    ("de", "Der Vertrag ist 40 Millionen Dollar wert, rund 33 Millionen Euro.", [C]),
    ("de", "Der Vertrag ist 40 Millionen Dollar wert, rund 66 Millionen Euro.", [I]),
    # no hedge, no cue word: a list, not an equivalent
    ("nl", "Het contract is 25 miljard dollar waard, 21 miljard euro gaat naar Europa.", []),
]


@pytest.mark.parametrize("lang, text, want", WORTH)
def test_worth_then_an_equivalent(lang, text, want):
    assert verdicts(text, lang, "2021-03-03") == want


# -- an open bound half the converted value is a wrong figure, not a hedge ------------------
OPEN_BOUNDS = [
    ("es", "La empresa invertirá 80 millones de dólares (más de 60 millones de euros).", [C]),
    ("es", "La empresa invertirá 80 millones de dólares (más de 30 millones de euros).", [I]),
    ("en", "The striker cost £5 million (more than $7 million).", [C]),
    ("en", "The striker cost £5 million (more than $3.5 million).", [I]),
    ("fr", "La banque versera 300 millions de francs suisses, plus de 250 millions d'euros.", [C]),
    ("fr", "La banque versera 300 millions de francs suisses, plus de 120 millions d'euros.", [I]),
    ("de", "Der Konzern zahlt 2 Milliarden Dollar (bis zu 3,2 Milliarden Euro).", [I]),
    ("de", "Der Konzern zahlt 2 Milliarden Dollar (weniger als 1,7 Milliarden Euro).", [C]),
]


@pytest.mark.parametrize("lang, text, want", OPEN_BOUNDS)
def test_open_bounds_are_bounded(lang, text, want):
    assert verdicts(text, lang, "2018-04-03") == want


# -- quantities with a scale word and its link: "2,5 millones de acres" -----------------------
SCALED_UNITS = [
    ("es", "El fuego arrasó 2,5 millones de acres (1 millón de hectáreas).", [C]),
    ("it", "Il fuoco ha distrutto 2,5 milioni di acri (2 milioni di ettari).", [I]),
    ("fr", "Le feu a ravagé 2,5 millions d'acres (1 million d'hectares).", [C]),
    ("pt", "O fogo destruiu 4 milhões de acres (1,6 milhões de hectares).", [C]),
    ("da", "Skovbranden har fortæret 30.000 acres (12.000 hektar).", [C]),
    ("da", "Skovbranden har fortæret 30.000 acres (1.200 hektar).", [I]),
]


@pytest.mark.parametrize("lang, text, want", SCALED_UNITS)
def test_scaled_quantities(lang, text, want):
    assert verdicts(text, lang, "2018-04-03") == want


# -- a word cue after a dash, behind the noun or "worth" that closes the first amount --------
DASH_CUES = [
    ("en", "A £40m grant – equivalent to €46m – was approved.", [C]),
    ("en", "A £40m grant – equivalent to €92m – was approved.", [I]),
    ("sv", "Kontraktet är 40 miljoner euro värt – motsvarande cirka 420 miljoner kronor.", [C]),
    ("de", "Der Auftrag ist 40 Millionen Dollar wert – umgerechnet rund 35 Millionen Euro.", [C]),
    ("de", "Der Auftrag ist 40 Millionen Dollar wert – umgerechnet rund 70 Millionen Euro.", [I]),
]

# -- "nearly" hedges in a dashed apposition -----------------------------------------------
NEAR = [
    ("nb", "Utbyggingen koster 3 milliarder dollar – nær 26 milliarder kroner – ifølge selskapet.", [C]),
    ("nb", "Utbyggingen koster 3 milliarder dollar – nær 52 milliarder kroner – ifølge selskapet.", [I]),
    ("sv", "Utbyggnaden kostar 3 miljarder dollar – närmare 28 miljarder kronor – enligt bolaget.", [C]),
    ("da", "Udbygningen koster 3 milliarder dollar – tæt på 20 milliarder kroner – ifølge selskabet.", [C]),
]

# -- "… to 648 million and thereby by 35%": the change after "and thereby" -------------------
THEREBY = [
    ("de", "Der Gewinn kletterte von 480 Millionen Euro auf 648 Millionen Euro und damit um 35 Prozent.", [C]),
    ("de", "Der Umsatz stieg von 100 auf 120 Millionen Euro und damit um 40 Prozent.", [I]),
    ("nl", "De omzet steeg van 80 naar 100 miljoen euro en daarmee met 25 procent.", [C]),
    ("sv", "Omsättningen ökade från 80 till 100 miljoner kronor och därmed med 25 procent.", [C]),
    ("nb", "Salget økte fra 80 til 100 millioner kroner og dermed med 50 prosent.", [I]),
    ("da", "Omsætningen steg fra 80 til 100 millioner kroner og dermed med 25 procent.", [C]),
    # no verb of change before: no claim
    ("de", "Der Umsatz lag bei 100 und 120 Millionen Euro und damit um 40 Prozent über Plan.", []),
    ("it", "50 delle 200 scuole, ossia il 25%, non hanno riscaldamento.", [C]),
    ("it", "50 delle 200 scuole, ossia il 50%, non hanno riscaldamento.", [I]),
]


@pytest.mark.parametrize("lang, text, want", DASH_CUES + NEAR + THEREBY)
def test_dash_cues_near_hedges_and_thereby(lang, text, want):
    assert verdicts(text, lang, "2019-02-01") == want


# -- a stated change half or double the computed one is wrong, whatever the round figures ----
HALF_OR_DOUBLE = [
    ("en", "Net income rose to $600 million from $500 million, a 40% increase.", [I]),
    ("es", "Las ventas pasaron de 600 millones a 900 millones, un aumento del 25%.", [I]),
    ("de", "Der Umsatz stieg von 600 Millionen auf 1 Milliarde Euro, ein Plus von 30 Prozent.", [I]),
    ("sv", "Antalet ökade från 2 000 till 2 500, en ökning med 50 procent.", [I]),
    # within the rounding of round figures and less than double: still only ambiguous
    ("en", "Net income rose to $600 million from $500 million, a 25% increase.", [A]),
    ("en", "Net income rose to $600 million from $500 million, a 20% increase.", [C]),
]


@pytest.mark.parametrize("lang, text, want", HALF_OR_DOUBLE)
def test_half_or_double_is_wrong_in_arithmetic(lang, text, want):
    assert verdicts(text, lang, "2019-06-03") == want


# -- a scale word's full stop ends no sentence: "til 600 mio. kr. fra 500 mio. kr." ---------
ABBREVIATED = [
    ("da", "Overskuddet steg med 20 procent til 600 mio. kr. fra 500 mio. kr.", [C]),
    ("da", "Overskuddet steg med 50 procent til 600 mio. kr. fra 500 mio. kr.", [I]),
    ("de", "Der Gewinn stieg um 20 Prozent auf 600 Mio. Euro von 500 Mio. Euro.", [C]),
    ("sv", "Vinsten steg med 20 procent till 600 milj. kronor från 500 milj. kronor.", [C]),
    ("nb", "Resultatet økte med 40 prosent til 700 mill. kroner fra 500 mill. kroner.", [C]),
    # a currency abbreviation before a capital ends the sentence
    ("da", "Prisen var 600 kr. Året før steg den med 20 procent fra 500 til 600.", [C]),
    # Finnish, the new figure first: "600 miljoonaan euroon 500 miljoonasta"
    ("fi", "Voitto kasvoi 20 prosenttia 600 miljoonaan euroon 500 miljoonasta.", [C]),
    ("fi", "Voitto kasvoi 40 prosenttia 600 miljoonaan euroon 500 miljoonasta.", [I]),
]


@pytest.mark.parametrize("lang, text, want", ABBREVIATED)
def test_abbreviations_and_finnish_order(lang, text, want):
    assert verdicts(text, lang, "2019-06-03") == want


# -- "(entre 18 y 27 millones de euros)": the word that opens the stated range --------------
RANGES_OPENED = [
    ("es", "Los daños oscilan entre 20 y 30 millones de dólares (entre 18 y 27 millones de euros).", [C]),
    ("es", "Los daños oscilan entre 20 y 30 millones de dólares (entre 36 y 54 millones de euros).", [I]),
    ("sv", "Skadorna beräknas till mellan 20 och 30 miljoner dollar (mellan 190 och 280 miljoner kronor).", [C]),
    ("en", "The damage is put at between $20m and $30m (between £16m and £24m).", [C]),
    ("it", "I danni vanno da 20 a 30 milioni di dollari (da 18 a 27 milioni di euro).", [C]),
    ("de", "Die Schäden liegen zwischen 20 und 30 Mio. Dollar (zwischen 9 und 13 Mio. Euro).", [I]),
]


@pytest.mark.parametrize("lang, text, want", RANGES_OPENED)
def test_a_stated_range_opened_by_between(lang, text, want):
    assert verdicts(text, lang, "2019-06-03") == want


# -- hedges the press uses that the word lists lacked -----------------------------------------
HEDGES = [
    ("da", "Koncernen betaler 12 mio. dollar, tæt ved 76 mio. kr., i bøde.", [C]),
    ("da", "Koncernen betaler 12 mio. dollar (lidt under 76 mio. kr.) i bøde.", [C]),
    ("fi", "Yhtiö maksaa 12 miljoonaa dollaria, lähemmäs 10,2 miljoonaa euroa, sakkoja.", [C]),
    ("de", "Der Konzern zahlt 12 Mio. Dollar (rd. 10 Mio. Euro) Strafe.", [C]),
    ("de", "Der Konzern zahlt 12 Mio. Dollar (rd. 20 Mio. Euro) Strafe.", [I]),
    ("nl", "Het concern betaalt 12 miljoen pond, pakweg 14 miljoen euro, aan boetes.", [C]),
    ("nl", "Het concern betaalt 12 miljoen Zwitserse frank, goed 11 miljoen euro, aan boetes.", [C]),
    ("it", "Il gruppo paga 12 milioni di dollari, intorno ai 10 milioni di euro, di multa.", [C]),
    ("pt", "O grupo paga 12 milhões de libras, cerca dos 14 milhões de euros, em multas.", [C]),
    ("pt", "O grupo paga 12 milhões de dólares (praticamente 10,2 milhões de euros) em multas.", [C]),
    ("es", "El grupo paga 12 millones de dólares (prácticamente 10,2 millones de euros) en multas.", [C]),
]


@pytest.mark.parametrize("lang, text, want", HEDGES)
def test_more_hedges(lang, text, want):
    assert verdicts(text, lang, "2021-09-01") == want


# -- a price per unit with its equivalent in a bare bracket: "$60 a barrel (€54)" -------------
PRICES = [
    ("en", "Oil costs $60 a barrel (€54).", [C]),
    ("en", "Oil costs $60 per barrel (€108).", [I]),
    ("en", "Petrol costs £1.50 a litre (€1.69).", [C]),
    ("de", "Öl kostete 60 Dollar je Barrel (54 Euro).", [C]),
    ("fr", "Le pétrole coûte 60 dollars le baril (54 euros).", [C]),
    ("es", "El petróleo cuesta 60 dólares por barril (54 euros).", [C]),
    # the bracket runs on: another figure, not the equivalent
    ("en", "Oil costs $60 a barrel (€54 in 2018).", []),
    ("en", "Oil costs $60 a barrel, €54 a tonne for coal.", []),
]


@pytest.mark.parametrize("lang, text, want", PRICES)
def test_prices_per_unit_with_a_bare_bracket(lang, text, want):
    assert verdicts(text, lang, "2019-06-03") == want
