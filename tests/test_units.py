"""Stated unit conversions, checked end to end through numcheck.check (table-driven)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import numcheck
from numcheck import Verdict
from numcheck.language import available_languages

# (text, lang, verdict, words the message must contain)
CONSISTENT = [
    ("The fire burned along a 10-mile (16 km) stretch of the coast.", "en", ["16 km", "1 mi = 1.609 km", "16.1 km", "within the rounding of \u201c16\u201d"]),
    ("Inland, temperatures of 104F (40C) were recorded.", "en", ["40 °C", "5/9"]),
    ("The suspect is 6 ft 2 in (1.88 m) tall.", "en", ["1.88 m"]),
    ("The fire has burned 2,000 acres (809 hectares).", "en", ["809 ha"]),
    ("Forecasters expect a rise of 2C (3.6F) by Friday.", "en", ["a change of 1 °C", "3.6 °F"]),
    ("He is 5'11\" (1.80 m) tall.", "en", ["1.8 m"]),
    ("Overnight lows of -40C (-40F) are normal there.", "en", ["-40 °F"]),
    ("Water temperatures reached 25 °C (77 °F).", "en", ["77 °F"]),
    ("It was 86 F (30 C) in the shade.", "en", ["30 °C"]),
    ("Crowds wilted amid rising 40C (104F) heat.", "en", ["104 °F"]),
    ("a 250cc (15.3 cu in) engine", "en", ["15.3 cu in"]),
    ("exports of 5,000 MT (5,512 short tons)", "en", ["1.102 short tn"]),
    ("The sample was kept at 300 kelvin (27C).", "en", ["°C = K − 273.15"]),
    ("a rise of 2 kelvin (3.6F)", "en", ["a change of 1 K = 9/5 °F"]),
    ("Temperatures rose 2C (3.6F) last year.", "en", ["a change of 1 °C"]),
    ("The lake covers 50 km² (19 sq mi).", "en", ["19.3 sq mi"]),
    ("The tank holds 1,000 m³ (35,300 cu ft) of water.", "en", []),
    ("A 300-foot (91-metre) tower was planned.", "en", ["91 m"]),
    ("The storm brought winds of 100 mph (160 km/h).", "en", []),
    ("It weighs about 200 pounds (91 kg).", "en", ["91 kg"]),
    ("The car does 40 mpg (5.9 l/100 km).", "en-US", []),
    ("It shipped 20 tons (18 tonnes) of grain.", "en", ["the only reading that fits"]),
    ("The 2,000-mile (3,200 km) border", "en", []),
    ("The camp is about a mile (1.6 km) from the border.", "en", ["1.61 km"]),
    ("about 10 km (6 miles) long", "en", []),
    ("a 10 km, or about 6.2 miles, run", "en", []),
    ("nearly 5 kilograms (11 lb)", "en", []),
    ("The 5,500-tonne (6,063-ton) ship", "en-US", []),
    ("a warming of 1.5 degrees Celsius (2.7 degrees Fahrenheit)", "en", ["a change of 1 °C"]),
    ("It is 10-12 km (6-7.5 miles) from the border.", "en", []),
    ("the 1.2 million barrels (190,800 cubic metres) a day", "en", []),
]


@pytest.mark.parametrize("text,lang,words", CONSISTENT)
def test_consistent(text, lang, words):
    r = numcheck.check(text, lang=lang)
    assert len(r.findings) == 1, [m.text for m in r.mentions]
    f = r.findings[0]
    assert f.kind == "unit"
    assert f.verdict is Verdict.CONSISTENT, f.message
    for w in words:
        assert w in f.message, f.message


# Planted errors of each kind translators make: (text, lang, hint in the message, suggestion)
PLANTED = [
    # miles and kilometres swapped
    ("a 10-mile (6.2 km) stretch", "en", "wrong way round", "≈ 16.1 km"),
    ("a 100 km (161 miles) trip", "en", "wrong way round", "≈ 62 miles"),
    # °F converted as a plain ratio
    ("temperatures of 104F (57.8C)", "en", "plain ratio", "≈ 40.0C"),
    ("highs of 95 °F (52.8 °C)", "en", "plain ratio", None),
    # a temperature difference converted as a temperature
    ("a rise of 2C (35.6F)", "en", "converted as a temperature", "≈ 3.6F"),
    ("warming of 1.5C (34.7F)", "en", "converted as a temperature", None),
    # short tons taken for tonnes (US copy: "tons" are short tons)
    ("The ship carried 45,200 tons (45,200 tonnes) of ore.", "en-US", "taken for the same unit", "≈ 41,000 tonnes"),  # rounded like "45,200"
    ("The ship carried 45,200 tonnes (45,200 tons) of ore.", "en-US", "taken for the same unit", None),
    # US gallons taken for imperial ones in British copy
    ("a 12-gallon (45.4-litre) tank", "en-GB", "read as US gallon", None),
    # no conversion at all: the coarse "10" fits several explanations, the closest is named
    ("5 km (5 miles)", "en", "matches the source figure unconverted", "≈ 3.1 miles"),
    # a plain wrong figure
    ("2,000 acres (1,809 hectares)", "en", "too large", None),
]


@pytest.mark.parametrize("text,lang,hint,suggestion", PLANTED)
def test_planted_errors(text, lang, hint, suggestion):
    r = numcheck.check(text, lang=lang)
    assert len(r.findings) == 1, [m.text for m in r.mentions]
    f = r.findings[0]
    assert f.kind == "unit"
    assert f.verdict is Verdict.INCONSISTENT, f.message
    if hint is None:
        return
    assert hint in f.message, f.message
    if suggestion:
        assert f.suggestion == suggestion, f.message


DISTRACTORS = [
    "Limiting warming to 1.5 degrees of warming is the goal.",
    "United won with a 2-1 win at home.",
    "An F-16 crashed near the base.",
    "See page 10 for the full table.",
    "A Boeing 737 landed safely.",
    "The court ruled by a 5-4 vote.",
    "The meeting starts at 10:30 in room 5.",
    "The final score was 3-1 (2-0 at half time).",
    "The 777F freighter (13F filing) was delayed.",
    "He arrived at 5 in the morning (6 in Paris).",
    "It cost 5 pounds (about $6) to get in.",
    "Turn 90 degrees (a quarter turn) to the left.",
    "a 10-mile (16 km) stretch and 5 kg (three bags) of rice",
    "It was a ton of work (and two weeks of travel).",
]


@pytest.mark.parametrize("text", DISTRACTORS)
def test_distractors_make_no_unit_claim(text):
    r = numcheck.check(text)
    units = [f for f in r.findings if f.kind == "unit"]
    if text.startswith("a 10-mile"):
        assert len(units) == 1 and units[0].source.text == "10-mile"  # "5 kg (three bags)" is no claim
    else:
        assert units == [], [f.message for f in units]


NO_MENTION = ["a 2-1 win", "F-16", "page 10", "Boeing 737", "a 5-4 vote", "at 10:30", "the 13F filing",
              "a 777F freighter", "scp-173m", "grade 5 C students", "Section 5 F applies", "20 t-shirts", "a 45 degrees angle", "5 in the morning", "a degree in law", "it costs 5 pounds"]


@pytest.mark.parametrize("text", NO_MENTION)
def test_no_quantity_mention(text):
    assert [m for m in numcheck.extract(text) if m.kind == "unit"] == []


# (text, lang, mention text, value, pint unit, value_max, difference)
MENTIONS = [
    ("a 10-mile stretch", "en", "10-mile", 10, "mile", None, False),
    ("a 300-foot tower", "en", "300-foot", 300, "foot", None, False),
    ("6 ft 2 in", "en", "6 ft 2 in", 74, "inch", None, False),
    ("a 6-foot-2 forward", "en", "6-foot-2", 74, "inch", None, False),
    ("a 10-km-long tunnel", "en", "10-km", 10, "kilometer", None, False),
    ("he is 5′11″", "en", "5′11″", 71, "inch", None, False),
    ("lows of -40C", "en", "-40C", -40, "degree_Celsius", None, False),
    ("temperatures of −5 °C", "en", "−5 °C", -5, "degree_Celsius", None, False),
    ("25 ℃ in the shade", "en", "25 ℃", 25, "degree_Celsius", None, False),
    ("50 km² of forest", "en", "50 km²", 50, "square_kilometer", None, False),
    ("1,000 m³ of gas", "en", "1,000 m³", 1000, "cubic_meter", None, False),
    ("2 million acres", "en", "2 million acres", 2e6, "acre", None, False),
    ("1.5 billion tonnes", "en", "1.5 billion tonnes", 1.5e9, "metric_ton", None, False),
    ("ten miles long", "en", "ten miles", 10, "mile", None, False),
    ("a three-foot trip", "en", "three-foot", 3, "foot", None, False),
    ("about a mile away", "en", "a mile", 1, "mile", None, False),
    ("10 1/2 miles of cable", "en", "10 1/2 miles", 10.5, "mile", None, False),
    ("½ teaspoon", "en", "½ teaspoon", 0.5, "teaspoon", None, False),
    ("between 44 and 50 mg", "en", "44 and 50 mg", 44, "milligram", 50, False),
    ("10-12 km", "en", "10-12 km", 10, "kilometer", 12, False),
    ("a rise of 2C", "en", "2C", 2, "degree_Celsius", None, True),
    ("1.5 degrees of warming", "en", "1.5 degrees", 1.5, "degree_Celsius", None, True),
    ("warming of about 1.5 degrees", "en", "1.5 degrees", 1.5, "degree_Celsius", None, True),
    ("2C warmer than average", "en", "2C", 2, "degree_Celsius", None, True),
    ("temperatures of 40C", "en", "40C", 40, "degree_Celsius", None, False),
    ("2 degrees below zero", "en", "2 degrees below zero", -2, "degree_Celsius", None, False),
    ("it was 100 degrees", "en-US", "100 degrees", 100, "degree_Fahrenheit", None, False),
    ("weighs 200 pounds", "en", "200 pounds", 200, "pound", None, False),
    ("six pounds of meat", "en", "six pounds", 6, "pound", None, False),
    ("10 KM", "en", "10 KM", 10, "kilometer", None, False),
    ("a 10 in (25 cm) screen", "en", "10 in", 10, "inch", None, False),
    ("2 in thick", "en", "2 in", 2, "inch", None, False),
]


@pytest.mark.parametrize("text,lang,surface,value,unit,value_max,difference", MENTIONS)
def test_mentions(text, lang, surface, value, unit, value_max, difference):
    ms = [m for m in numcheck.extract(text, lang=lang) if m.kind == "unit"]
    assert ms, text
    m = ms[0]
    assert text[m.start:m.end] == m.text == surface
    assert m.value == pytest.approx(value)
    assert m.unit == unit
    assert m.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert m.difference is difference


def test_step_and_hedge_follow_money_semantics():
    m = [x for x in numcheck.extract("about 3,000 km") if x.kind == "unit"][0]
    assert m.hedge is numcheck.Hedge.APPROX and m.hedge_text == "about"
    assert m.step == 600  # trailing zeros read as rounding (±10% at most), as for money
    m = [x for x in numcheck.extract("more than 2.50 km") if x.kind == "unit"][0]
    assert m.hedge is numcheck.Hedge.AT_LEAST and m.step == pytest.approx(0.01)


@pytest.mark.parametrize(
    "text,lang,candidates",
    [
        ("20 tons", "en", ("short_ton", "metric_ton", "long_ton")),
        ("20 tons", "en-US", ("short_ton",)),
        ("20 tons", "en-GB", ("long_ton", "metric_ton")),
        ("10 gallons", "en", ("gallon", "imperial_gallon")),
        ("10 gallons", "en-US", ("gallon",)),
        ("10 gallons", "en-GB", ("imperial_gallon",)),
        ("20 tonnes", "en", ("metric_ton",)),
        ("8 oz", "en", ("ounce", "fluid_ounce", "troy_ounce")),
        ("1.2 million ounces of gold", "en", ("troy_ounce", "ounce", "fluid_ounce")),
        ("a 12-ounce can", "en", ("fluid_ounce", "ounce", "troy_ounce")),
    ],
)
def test_ambiguous_units_by_region(text, lang, candidates):
    m = [x for x in numcheck.extract(text, lang=lang) if x.kind == "unit"][0]
    assert m.candidates == candidates


@pytest.mark.parametrize(
    "text,lang,verdict",
    [
        # tons: only the short-ton reading fits 18 tonnes → consistent
        ("20 tons (18 tonnes)", "en", Verdict.CONSISTENT),
        # the tonne reading fits: the writer was restating
        ("20 tons (20 tonnes)", "en", Verdict.CONSISTENT),
        # no reading fits
        ("21 tons (25 tonnes)", "en", Verdict.INCONSISTENT),
        # 8 oz as a volume: only fluid ounces convert to millilitres
        ("8 oz (237 ml)", "en", Verdict.CONSISTENT),
        # gallons: US and imperial both fit a coarse figure
        ("10 gallons (40 litres)", "en", Verdict.CONSISTENT),
        # ...and disagree on a precise one that fits neither exactly: both readings are listed
        ("12 gallons (50.0 litres)", "en", Verdict.INCONSISTENT),
        # bare degrees: the stated equivalent settles °C vs °F
        ("it was 100 degrees (38C)", "en", Verdict.CONSISTENT),
        # gold is weighed in troy ounces: only that reading fits 37 tonnes
        ("output of 1.2 million ounces (37 tonnes) of gold", "en", Verdict.CONSISTENT),
    ],
)
def test_ambiguous_units_resolved_by_the_stated_equivalent(text, lang, verdict):
    r = numcheck.check(text, lang=lang)
    assert len(r.findings) == 1
    assert r.findings[0].verdict is verdict, r.findings[0].message


def test_readings_that_disagree_make_the_verdict_ambiguous():
    # "gallons" in unqualified English: 12 US gal = 45.4 l, 12 imperial gal = 54.6 l. 57.0 l
    # fits no reading exactly; the imperial one only if "12" was itself rounded.
    f = numcheck.check("a 12-gallon (57.0-litre) tank", lang="en").findings[0]
    assert f.verdict is Verdict.AMBIGUOUS, f.message
    assert "the unit is ambiguous" in f.message and "imperial_gallon" in f.message
    # In US copy the gallon is the US one: no doubt left, and the figure is wrong.
    assert numcheck.check("a 12-gallon (57.0-litre) tank", lang="en-US").findings[0].verdict is Verdict.INCONSISTENT


def test_units_of_different_dimensions_never_pair():
    r = numcheck.check("a 10-mile (16 kg) walk")
    assert r.findings == ()


def test_finding_shape_matches_money():
    f = numcheck.check("a 10-mile (16 km) stretch").findings[0]
    assert f.kind == "unit" and f.target.unit == "kilometer" and f.source.unit == "mile"
    assert f.rate is None and f.line == 1 and f.column == 12
    assert f.to_dict()["target"]["kind"] == "unit"


def test_money_and_units_share_one_text():
    r = numcheck.check(
        "Aid worth $275 million, equivalent to approximately 3 billion kronor, covers a 10-mile (16 km) front.",
        date="2024-11-19",
    )
    assert [(f.kind, f.verdict) for f in r.findings] == [("money", Verdict.CONSISTENT), ("unit", Verdict.CONSISTENT)]


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_text_without_quantities_never_imports_pint():
    out = _run(
        """
        import sys, numcheck
        numcheck.check("The council met at 10:30 and voted 5-4; an F-16 flew over page 10.")
        numcheck.check("a new package worth at least $275 million, equivalent to approximately 3 billion kronor", date="2024-11-19")
        numcheck.extract("a 10-mile stretch")  # a quantity, but no claim: nothing to convert
        numcheck.check("a 10-mile stretch")
        print("pint" in sys.modules)
        """
    )
    assert out == "False"


def test_first_quantity_claim_imports_pint_once():
    out = _run(
        """
        import sys, numcheck
        from numcheck.conversion import units as convert
        numcheck.check("a 10-mile (16 km) stretch")
        r1 = convert.registry()
        numcheck.check("104F (40C)")
        print("pint" in sys.modules, convert.registry() is r1)
        """
    )
    assert out == "True True"


def test_registration_needs_no_explicit_import():
    out = _run(
        """
        import numcheck
        print(numcheck.check("a 10-mile (16 km) stretch").findings[0].kind)
        """
    )
    assert out == "unit"


needs_sv = pytest.mark.skipif("sv" not in available_languages(), reason="no Swedish lexicon on this branch")
NORWEGIAN = next((x for x in ("nb", "no") if x in available_languages()), None)
needs_nb = pytest.mark.skipif(NORWEGIAN is None, reason="no Norwegian lexicon on this branch")
needs_de = pytest.mark.skipif("de" not in available_languages(), reason="no German lexicon on this branch")


@needs_sv
@pytest.mark.parametrize(
    "text,verdict",
    [
        ("Loppet är 10 mil (100 km) långt.", Verdict.CONSISTENT),
        ("Loppet är 10 mil (16 km) långt.", Verdict.INCONSISTENT),  # mil read as English miles
        ("Det var 30 grader Celsius (86 grader Fahrenheit) i Rom.", Verdict.CONSISTENT),
        ("Fartyget lastade 5 000 ton (5 500 amerikanska ton).", Verdict.CONSISTENT),
    ],
)
def test_swedish(text, verdict):
    r = numcheck.check(text, lang="sv")
    assert r.findings and r.findings[0].verdict is verdict, [f.message for f in r.findings]


@needs_sv
def test_swedish_mil_is_a_scandinavian_mile():
    m = [x for x in numcheck.extract("10 mil", lang="sv") if x.kind == "unit"][0]
    assert m.unit == "scandinavian_mile"
    f = numcheck.check("Loppet är 10 mil (16 km) långt.", lang="sv").findings[0]
    assert "read as mile rather than scandinavian mile" in f.message


@needs_nb
def test_norwegian_mil():
    r = numcheck.check("Det er 10 mil (100 km) til Oslo.", lang=NORWEGIAN)
    assert r.findings[0].verdict is Verdict.CONSISTENT


@needs_de
def test_german_grad_celsius():
    r = numcheck.check("Es wurden 40 Grad Celsius (104 Grad Fahrenheit) gemessen.", lang="de")
    assert r.findings[0].verdict is Verdict.CONSISTENT


# (lang, text, verdict): the unit words of each language, checked once its lexicon exists.
LANGUAGE_CASES = [
    ("sv", "Vägen är 10 engelska mil (16 km) lång.", Verdict.CONSISTENT),
    ("sv", "Sträckan är 5 mil (50 km).", Verdict.CONSISTENT),
    ("sv", "Temperaturen steg med 2 grader (3,6 grader Fahrenheit).", Verdict.CONSISTENT),
    ("sv", "Tanken rymmer 100 liter (26 gallons).", Verdict.CONSISTENT),
    ("da", "Vejen er 10 engelske mil (16 km) lang.", Verdict.CONSISTENT),
    ("da", "Der var 30 grader celsius (86 grader fahrenheit).", Verdict.CONSISTENT),
    ("fi", "Matka on 10 mailia (16 kilometriä).", Verdict.CONSISTENT),
    ("de", "Die Strecke ist 10 Meilen (16 Kilometer) lang.", Verdict.CONSISTENT),
    ("de", "Die Strecke ist 10 Meilen (10 Kilometer) lang.", Verdict.INCONSISTENT),
    ("de", "Es waren 104 Grad Fahrenheit (57,8 Grad Celsius).", Verdict.INCONSISTENT),
    ("fr", "une route de 10 milles (16 km)", Verdict.CONSISTENT),
    ("fr", "il faisait 40 degrés Celsius (104 degrés Fahrenheit)", Verdict.CONSISTENT),
    ("es", "una carretera de 10 millas (16 kilómetros)", Verdict.CONSISTENT),
    ("es", "un aumento de 2 grados Celsius (35,6 grados Fahrenheit)", Verdict.INCONSISTENT),
    ("nl", "een weg van 10 mijl (16 km)", Verdict.CONSISTENT),
    ("nl", "het was 30 graden Celsius (86 graden Fahrenheit)", Verdict.CONSISTENT),
    ("it", "una strada di 10 miglia (16 chilometri)", Verdict.CONSISTENT),
    ("it", "c'erano 40 gradi Celsius (104 gradi Fahrenheit)", Verdict.CONSISTENT),
    ("pt", "uma estrada de 10 milhas (16 quilômetros)", Verdict.CONSISTENT),
    ("pt", "fazia 40 graus Celsius (104 graus Fahrenheit)", Verdict.CONSISTENT),
]


@pytest.mark.parametrize("lang,text,verdict", LANGUAGE_CASES)
def test_unit_words_per_language(lang, text, verdict):
    if lang not in available_languages():
        pytest.skip(f"no {lang} lexicon on this branch")
    r = numcheck.check(text, lang=lang)
    units = [f for f in r.findings if f.kind == "unit"]
    assert len(units) == 1, [m.text for m in r.mentions]
    assert units[0].verdict is verdict, units[0].message


def test_command_line_reports_a_unit_slip(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("The fire burned along a 10-mile (6.2 km) stretch.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "numcheck", "check", str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 1, out.stderr
    assert "inconsistent: stated 6.2 km" in out.stdout and "mi and km swapped?" in out.stdout
