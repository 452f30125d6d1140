"""Desk rate tables: good files (CSV and JSON), every kind of bad row, ranges, inverses."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import numcheck
from numcheck.errors import InputError, RateUnavailable
from numcheck.model import Verdict
from numcheck.conversion.rates import get_provider, resolve
from numcheck.conversion.rates.table import TableProvider

HOUSE_CSV = """\
# house rates agreed by the business desk
date,base,quote,rate,note
2024-11-19,USD,SEK,10.95,agreed Monday
2024-11-18/2024-11-22,EUR,SEK,11.55,
2024-11-25..2024-11-29,EUR,SEK,11.60,

2024-11-20,USD,SEK,11.00,
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_csv_single_day_with_provenance(tmp_path):
    p = TableProvider(write(tmp_path, "house.csv", HOUSE_CSV))
    r = p.rate("USD", "SEK", date(2024, 11, 19))
    assert r.value == 10.95 and r.date == date(2024, 11, 19)
    assert r.provider == "table:house.csv"
    assert r.note == "house rate for 2024-11-19 (house.csv line 3); agreed Monday"


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2024, 11, 18), 11.55),  # first day of the range
        (date(2024, 11, 20), 11.55),
        (date(2024, 11, 22), 11.55),  # last day, included
        (date(2024, 11, 25), 11.60),  # the next week's range ("..")
        (date(2024, 11, 29), 11.60),
    ],
)
def test_ranges_include_both_ends(tmp_path, day, expected):
    p = TableProvider(write(tmp_path, "house.csv", HOUSE_CSV))
    assert p.rate("EUR", "SEK", day).value == expected


@pytest.mark.parametrize("day", [date(2024, 11, 17), date(2024, 11, 23), date(2024, 11, 30)])
def test_day_outside_every_range_is_unavailable(tmp_path, day):
    p = TableProvider(write(tmp_path, "house.csv", HOUSE_CSV))
    with pytest.raises(RateUnavailable, match=f"house.csv has no EUR/SEK rate for {day}"):
        p.rate("EUR", "SEK", day)


def test_inverse_pair_is_derived(tmp_path):
    p = TableProvider(write(tmp_path, "house.csv", HOUSE_CSV))
    r = p.rate("SEK", "EUR", date(2024, 11, 21))
    assert r.value == pytest.approx(1 / 11.55)
    assert "inverse of EUR/SEK, house.csv line 4" in r.note


def test_explicit_inverse_wins_over_derived(tmp_path):
    text = "date,base,quote,rate\n2024-11-19,USD,SEK,10.95\n2024-11-19,SEK,USD,0.0900\n"
    p = TableProvider(write(tmp_path, "house.csv", text))
    assert p.rate("SEK", "USD", date(2024, 11, 19)).value == 0.09


def test_unknown_pair_is_unavailable(tmp_path):
    p = TableProvider(write(tmp_path, "house.csv", HOUSE_CSV))
    with pytest.raises(RateUnavailable, match="house.csv has no USD/NOK rate"):
        p.rate("USD", "NOK", date(2024, 11, 19))


def test_no_day_uses_latest_row_and_says_so(tmp_path):
    p = TableProvider(write(tmp_path, "house.csv", HOUSE_CSV))
    r = p.rate("EUR", "SEK", None)
    assert r.value == 11.60
    assert r.note.startswith("no article date given: used the latest house.csv rate, for 2024-11-25 to 2024-11-29")


def test_start_end_columns(tmp_path):
    text = "start,end,base,quote,rate\n2024-11-18,2024-11-22,usd,nok,11.1\n"
    p = TableProvider(write(tmp_path, "house.csv", text))
    assert p.rate("USD", "NOK", date(2024, 11, 21)).value == 11.1


def test_json_list_and_wrapped(tmp_path):
    rows = [
        {"date": "2024-11-19", "base": "USD", "quote": "SEK", "rate": 10.95},
        {"start": "2024-11-18", "end": "2024-11-22", "base": "EUR", "quote": "SEK", "rate": "11.55"},
    ]
    for name, data in (("a.json", rows), ("b.json", {"rates": rows})):
        p = TableProvider(write(tmp_path, name, json.dumps(data, indent=2)))
        assert p.rate("USD", "SEK", date(2024, 11, 19)).value == 10.95
        assert p.rate("SEK", "EUR", date(2024, 11, 22)).value == pytest.approx(1 / 11.55)


# Every kind of bad row: the message names the file, the line and the value; the whole
# file is rejected (the good rows around it are not loaded either).
BAD_ROWS = [
    ("2024-11-19,USD,SEK,abc", "invalid rate 'abc'"),
    ("2024-11-19,USD,SEK,", "missing rate"),
    ("2024-11-19,USD,SEK,0", "rate must be positive, got '0'"),
    ("2024-11-19,USD,SEK,-10.9", "rate must be positive, got '-10.9'"),
    ("2024-11-19,USD,SEK,inf", "invalid rate 'inf'"),
    ("2024-11-19,USD,SEK,nan", "invalid rate 'nan'"),
    ("2024-11-19,USD,SEK,10,95", "expected 4 cells (date,base,quote,rate), got 5"),
    ("2024-11-19,USD,10.95", "expected 4 cells (date,base,quote,rate), got 3"),
    ("19/11/2024,USD,SEK,10.95", "invalid date '19/11/2024': expected YYYY-MM-DD"),
    ("2024-11-31,USD,SEK,10.95", "invalid date '2024-11-31'"),
    (",USD,SEK,10.95", "missing date"),
    ("2024-11-22/2024-11-18,USD,SEK,10.95", "the range ends (2024-11-18) before it starts (2024-11-22)"),
    ("2024-11-18/someday,USD,SEK,10.95", "invalid end date 'someday'"),
    ("2024-11-19,US,SEK,10.95", "invalid base currency 'US': expected an ISO 4217 code"),
    ("2024-11-19,USD,kronor,10.95", "invalid quote currency 'kronor'"),
    ("2024-11-19,,SEK,10.95", "missing base currency"),
    ("2024-11-19,SEK,SEK,1", "base and quote are both SEK"),
    ("2024-11-15/2024-11-20,USD,SEK,11", "USD/SEK for 2024-11-15 to 2024-11-20 overlaps line 2 (2024-11-19)"),
]


@pytest.mark.parametrize("row, why", BAD_ROWS)
def test_bad_row_rejects_the_whole_file(tmp_path, row, why):
    text = "date,base,quote,rate\n2024-11-19,USD,SEK,10.95\n\n" + row + "\n2024-11-20,EUR,SEK,11.5\n"
    p = write(tmp_path, "house.csv", text)
    with pytest.raises(InputError) as e:
        TableProvider(p)
    msg = str(e.value)
    assert msg.startswith(f"{p}:4: "), msg  # line 4: the blank line still counts
    assert why in msg
    assert "\n" not in msg


def test_several_bad_rows_report_the_first_and_count(tmp_path):
    text = "date,base,quote,rate\n2024-11-19,USD,SEK,abc\n2024-11-19,EUR,SEK,x\n2024-11-19,NOK,SEK,y\n"
    p = write(tmp_path, "house.csv", text)
    with pytest.raises(InputError, match=r"house.csv:2: invalid rate 'abc' \(and 2 more bad rows\)$"):
        TableProvider(p)


@pytest.mark.parametrize(
    "text, why",
    [
        ("day,base,quote,rate\n2024-11-19,USD,SEK,1\n", ":1: unknown column 'day' (known: date, start, end, base, quote, rate, note)"),
        ("date,base,quote\n2024-11-19,USD,SEK\n", ":1: missing column 'rate'"),
        ("base,quote,rate\nUSD,SEK,1\n", ":1: missing column 'date' (or 'start' and 'end')"),
        ("date,base,quote,rate\n", ": no rates in the table"),
        ("", ": no rates in the table"),
    ],
)
def test_bad_header_or_empty_file(tmp_path, text, why):
    p = write(tmp_path, "house.csv", text)
    with pytest.raises(InputError) as e:
        TableProvider(p)
    assert str(e.value) == f"{p}{why}"


@pytest.mark.parametrize(
    "items, line, why",
    [
        ('[\n  {"date": "2024-11-19", "base": "USD", "quote": "SEK", "rate": 10.95},\n  {"date": "2024-11-19", "base": "EUR", "quote": "SEK", "rate": "abc"}\n]', 3, "invalid rate 'abc'"),
        ('{"rates": [\n  {"date": "2024-11-19", "base": "USD", "quote": "SEK", "rate": 10.95},\n\n  {"date": "2024-11-19", "base": "EUR", "quote": "SEK", "rate": true}]}', 4, "invalid rate True"),
        ('[\n  {"date": "2024-11-19", "base": "USD", "quote": "SEK", "rate": 10.95, "desk": "x"}\n]', 2, "unknown key 'desk'"),
        ('[\n  ["2024-11-19", "USD", "SEK", 10.95]\n]', 2, "expected an object with date, base, quote and rate"),
        ('[\n  {"date": "2024-11-19", "base": "USD", "quote": "SEK", "rate": 10.95},\n]', 3, "invalid JSON"),  # where the parser stops: at "]"
        ('{"USD": 10.95}', 1, 'expected a list of rates, or {"rates": [...]}'),
    ],
)
def test_bad_json_rows_name_their_line(tmp_path, items, line, why):
    p = write(tmp_path, "house.json", items)
    with pytest.raises(InputError) as e:
        TableProvider(p)
    assert str(e.value).startswith(f"{p}:{line}: ")
    assert why in str(e.value)


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(InputError, match="rate table not found"):
        TableProvider(tmp_path / "nope.csv")


def test_table_spec_in_check_with_ecb_fallback(tmp_path):
    p = write(tmp_path, "house.csv", "date,base,quote,rate\n2024-11-18/2024-11-22,USD,SEK,8.0\n")
    text = "worth $275 million, equivalent to about 3 billion kronor"
    # the house rate says 2.2 billion: the stated 3 billion is off
    (f,) = numcheck.check(text, date="2024-11-19", rates=[f"table:{p}", "ecb"]).findings
    assert f.verdict is Verdict.INCONSISTENT
    assert f.rate.provider == "table:house.csv"
    # a day the table does not cover falls through to the ECB, and the finding says why
    (g,) = numcheck.check(text, date="2024-11-26", rates=[f"table:{p}", "ecb"]).findings
    assert g.rate.provider == "ECB" and g.verdict is Verdict.CONSISTENT
    assert "table:house.csv: house.csv has no USD/SEK rate for 2024-11-26" in g.message


def test_bad_table_fails_the_check_with_one_line(tmp_path):
    p = write(tmp_path, "house.csv", "date,base,quote,rate\n2024-11-19,USD,SEK,abc\n")
    with pytest.raises(InputError, match=r"house.csv:2: invalid rate 'abc'"):
        numcheck.check("worth $275 million, equivalent to about 3 billion kronor", rates=[f"table:{p}", "ecb"])


def test_provider_cached_per_spec_and_reloaded_when_the_file_changes(tmp_path):
    import os

    p = write(tmp_path, "house.csv", "date,base,quote,rate\n2024-11-19,USD,SEK,10.0\n")
    a = get_provider(f"table:{p}")
    assert get_provider(f"table:{p}") is a
    p.write_text("date,base,quote,rate\n2024-11-19,USD,SEK,10.5\n", encoding="utf-8")
    st = p.stat()
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    b = get_provider(f"table:{p}")
    assert b is not a and b.rate("USD", "SEK", date(2024, 11, 19)).value == 10.5


def test_empty_table_spec_is_an_input_error():
    with pytest.raises(InputError, match="needs a file"):
        resolve(["table:"])
