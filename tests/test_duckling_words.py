"""Currency words the Duckling money suites showed missing (issue 11, "Peer suites"), each a
general rule kept as data, with fresh sentences in the languages it applies to and the
look-alikes that must stay words:

- "grand": a thousand of the copy's own money (the tag's region, CLDR territory currency),
  read only before the end of a clause or a function word ("a grand jury" is no money);
- the Egyptian pound as Egypt's English press writes it ("LE", "L.E."), names written as one
  word ("egyptianpound", "Saudiriyal"), "bhat" for the baht, "bucks", bare "rand" after
  digits in Norwegian, bare sub-units ("10 centimes", "tien pennies"), "€ur";
- English currency words quoted in other languages' copy ("diez dollars", "neuf pounds");
- the peseta's abbreviations ("ptas", "Pta", "Pt") read as ESP.
"""

from __future__ import annotations

import pytest

import numcheck
from numcheck import Verdict
from numcheck.language import get_lexicon

# (lang, text, [(value, ISO code)]) — every money mention, in order
EXTRACT = [
    # "grand": the region's currency (CLDR), or the language's likely one (en: USD)
    ("en-AU", "The council fined the builder 20 grand for the damage.", [(20000, "AUD")]),
    ("en-GB", "She borrowed a grand from her brother.", [(1000, "GBP")]),
    ("en-CA", "Tickets went for five grand apiece.", [(5000, "CAD")]),
    ("en-NZ", "He still owes 3 grand, his lawyer said.", [(3000, "NZD")]),
    ("en-JM", "The vendor made 40 grand in a week.", [(40000, "JMD")]),
    ("en-IE", "The fine was 2 grand.", [(2000, "EUR")]),
    ("en", "They paid him ten grand to stay quiet.", [(10000, "USD")]),
    ("en-US", "It cost 1.5 grand (more than she earned in a month).", [(1500, "USD")]),
    # Egyptian pound, glued names, bhat, bucks, pennies, €ur
    ("en", "Bread subsidies cost LE 500 million a year.", [(500e6, "EGP")]),
    ("en", "A kilo of sugar sells for 12 L.E. in Cairo.", [(12, "EGP")]),
    ("en", "The visa fee is 300 egyptianpound per person.", [(300, "EGP")]),
    ("en", "Pilgrims paid 450 Saudiriyal for the bus.", [(450, "SAR")]),
    ("en", "A tuk-tuk ride costs 60 bhat in Bangkok.", [(60, "THB")]),
    ("en-AU", "He sold the bike for 200 bucks.", [(200, "AUD")]),
    ("en", "He sold the bike for 200 bucks.", [(200, "USD")]),
    ("en", "The sweets cost fifty pennies.", [(0.5, "GBP")]),
    ("en", "Lunch menu: 12 €ur.", [(12, "EUR")]),
    ("nb", "En flaske vann koster 20 bhat i Phuket.", [(20, "THB")]),
    ("nb", "Rommet kostet 900 thailandske bhat natten.", [(900, "THB")]),
    ("sv", "En nudelsoppa kostar 50 bhat på gatan.", [(50, "THB")]),
    ("da", "Taxaturen kostede 300 thai bhat.", [(300, "THB")]),
    ("nl", "Hij verkocht zijn fiets voor 80 bucks.", [(80, "USD")]),
    ("nl", "Een stuiver heette vroeger tien pennies.", [(0.1, "GBP")]),
    ("nl", "Het ticket kost 15 €ur.", [(15, "EUR")]),
    ("de", "Der Eintritt kostet 8 €ur.", [(8, "EUR")]),
    ("nl", "Ze kreeg twee-en-veertig euro terug.", [(42, "EUR")]),
    # Norwegian "rand" after digits only; bare sub-units as hundredths
    ("nb", "Lønnen er 4 500 rand i måneden.", [(4500, "ZAR")]),
    ("sv", "Gruvarbetarna tjänar 6 000 rand i månaden.", [(6000, "ZAR")]),
    ("da", "Billetten koster 250 rand i Kapstaden.", [(250, "ZAR")]),
    ("de", "Ein Liter Benzin kostet 22 Rand.", [(22, "ZAR")]),
    ("nb", "Et frimerke kostet 80 centimes i Paris.", [(0.8, "EUR")]),
    ("nb", "Kaffen kostet 90 centesimi.", [(0.9, "EUR")]),
    ("sv", "En kopp te kostar 50 paisa.", [(0.5, "INR")]),
    ("da", "Billetten kostede 70 rappens.", [(0.7, "CHF")]),
    ("sv", "Han fick 30 pennies tillbaka.", [(0.3, "GBP")]),
    # English names quoted in other languages' copy
    ("es", "El turista pagó veinte dollars por la camiseta.", [(20, "USD")]),
    ("es", "La entrada cuesta 15 pounds en Londres.", [(15, "GBP")]),
    ("fr", "Le billet coûte douze pounds à Londres.", [(12, "GBP")]),
    ("it", "Il biglietto costa 30 pounds.", [(30, "GBP")]),
    ("pt", "O almoço custou 25 dollars.", [(25, "USD")]),
    ("nl", "Het kaartje kost 40 pounds.", [(40, "GBP")]),
    ("de", "Das Ticket kostet 40 pounds.", [(40, "GBP")]),
    # pesetas
    ("es", "En 1990 un café costaba 100 ptas.", [(100, "ESP")]),
    ("es", "El piso se vendió por 12 millones de Ptas.", [(12e6, "ESP")]),
    ("es", "La multa era de 5.000 Pta.", [(5000, "ESP")]),
    ("pt", "O bilhete custava 200 pta em Madrid.", [(200, "ESP")]),
    ("es", "Un sello de 25 Pt.", [(25, "ESP")]),
    # lower-case ISO codes right after a figure (codes that are no word in any language)
    ("es", "Me cobraron 45 usd por la maleta.", [(45, "USD")]),
    ("en", "The room was 120 gbp a night.", [(120, "GBP")]),
    ("fr", "Le forfait coûte 300chf par personne.", [(300, "CHF")]),
    ("sv", "Hotellet kostade 2 000 dkk.", [(2000, "DKK")]),
    ("nl", "De kamer kost 80 pln per nacht.", [(80, "PLN")]),
    # codes that are words in capitals ("TRY", "MNT" in English): only glued to the figure
    ("en", "A bowl of noodles was 9000MNT in Ulaanbaatar.", [(9000, "MNT")]),
    ("en", "The kebab cost 150TRY.", [(150, "TRY")]),
]


@pytest.mark.parametrize("lang,text,want", EXTRACT, ids=[f"{r[0]}:{r[1][:40]}" for r in EXTRACT])
def test_extract(lang, text, want):
    got = [(round(m.value, 6), m.unit) for m in numcheck.extract(text, lang=lang) if m.kind == "money"]
    assert got == [(pytest.approx(v), c) for v, c in want]


# Look-alikes: the same words where they are not money.
DISTRACTORS = [
    ("en", "A grand jury indicted him on three counts."),
    ("en", "He faces a grand jury in 2 weeks, not a grand total of 3 trials."),
    ("en", "She has won 3 grand slams and 1 Grand Prix."),
    ("en", "The Formula 1 Grand Prix drew 100,000 fans."),
    ("en", "It was a grand old party with 1 grand piano."),
    ("en", "They built a grand, sweeping staircase and a grand to-do followed."),
    ("en", "One grand idea: 10 grand schemes for the city."),
    ("en", "Le Monde reported 42 le points; the car was a 2.5 Le."),
    ("nb", "Han sto på kanten, ti rand fra stupet."),
    ("nb", "Det var en rand av is rundt tre rand av glass."),
    ("sv", "Flaggan har tio rand och en rand i mitten."),
    ("de", "Er stand am Rand, zehn Rand weiter."),
    ("es", "Ganó 15 pts en el partido y 3 pt en el último cuarto."),
    ("fr", "Il a pris 3 kilos, soit 6,6 pounds."),
    # lower-case codes that are words, and years, stay words
    ("en", "Give it 3 try and 2 top picks; in 2010 usd rules changed."),
    ("fr", "En 2010 ils ont acheté 3 ron et 4 pen."),
    ("sv", "Det var 3 myr och 5 nok bra."),
    ("en", "Try 10 TRY-outs: the TOP 10 ALL time."),
]


@pytest.mark.parametrize("lang,text", DISTRACTORS, ids=[f"{r[0]}:{r[1][:30]}" for r in DISTRACTORS])
def test_distractors_are_not_money(lang, text):
    got = [m.text for m in numcheck.extract(text, lang=lang) if m.kind == "money"]
    if lang == "fr":  # "6,6 pounds" is a weight here, but nothing tells: it may read as money,
        assert "3 kilos" not in got  # never the kilos
        return
    assert got == []


def test_grand_takes_the_region_currency_from_cldr():
    for tag, code in [("en-AU", "AUD"), ("en-GB", "GBP"), ("en-TT", "TTD"), ("en-JM", "JMD"), ("en-IN", "INR")]:
        assert get_lexicon(tag).currency_candidates("grand") == (code,)
    bare = get_lexicon("en").currency_candidates("grand")
    assert bare[0] == "USD" and {"GBP", "CAD", "AUD"} <= set(bare)


def test_grand_without_a_region_gives_way_to_the_text():
    text = "A British punter won 50 grand (60,000 euros) on the race."
    [m, _] = [m for m in numcheck.extract(text, lang="en") if m.kind == "money"]
    assert (m.value, m.unit) == (50000, "GBP")
    r = numcheck.check(text, lang="en", date="2019-05-02")
    assert [f.verdict for f in r.findings] == [Verdict.CONSISTENT]


def test_grand_in_a_story_naming_two_countries_is_not_a_false_alarm():
    r = numcheck.check("In Britain and the United States, he won 50 grand (60,000 euros).", lang="en", date="2019-05-02")
    assert Verdict.INCONSISTENT not in [f.verdict for f in r.findings]


def test_undated_pesetas_judged_at_the_euro_fixed_rate():
    r = numcheck.check("El piso costaba 10 millones de ptas (60.000 euros).", lang="es")
    assert [f.verdict for f in r.findings] == [Verdict.CONSISTENT]
    r = numcheck.check("El piso costaba 10 millones de ptas (90.000 euros).", lang="es")
    assert [f.verdict for f in r.findings] == [Verdict.INCONSISTENT]


def test_lowercase_codes_leave_out_every_word():
    """The list is derived from dictionaries; spot-check that words of each language are out
    and that capitals-only codes stay as they were."""
    from numcheck.language import lowercase_codes

    codes = lowercase_codes()
    assert {"GBP", "USD", "CHF", "JPY", "DKK"} <= codes
    assert not {"TRY", "TOP", "ALL", "RON", "ILS", "NOK", "PEN", "MAD", "SOS", "CUP", "BOB", "MYR"} & codes
    assert get_lexicon("en").currency_candidates("try") == ()


def test_glued_names_do_not_become_the_name_in_messages():
    lex = get_lexicon("en")
    assert lex.currency_candidates("egyptianpound") == ("EGP",)
    assert lex.names_of("EGP") == "egyptian pound"
