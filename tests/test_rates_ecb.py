"""The bundled ECB history: days used, cross rates, and the reasons a rate is unavailable."""

from datetime import date

import pytest

from numcheck.errors import InputError, RateUnavailable
from numcheck.conversion.rates import ChainProvider, get_provider, resolve
from numcheck.conversion.rates.ecb import ECBHistory, ECBProvider

CSV = """Date,USD,SEK,RUB,
2024-11-19,1.0578,11.584,N/A,
2024-11-18,1.0560,11.600,N/A,
2024-11-15,1.0540,11.550,105.0,
"""


@pytest.fixture
def small(tmp_path):
    p = tmp_path / "hist.csv"
    p.write_text(CSV)
    return ECBProvider(p, max_age_days=10)


def test_cross_rate_through_eur(small):
    r = small.rate("USD", "SEK", date(2024, 11, 19))
    assert r.value == pytest.approx(11.584 / 1.0578)
    assert r.date == date(2024, 11, 19) and r.note is None and r.provider == "ECB"


def test_weekend_uses_last_earlier_day_never_interpolates(small):
    r = small.rate("USD", "SEK", date(2024, 11, 17))
    assert r.date == date(2024, 11, 15)
    assert r.value == pytest.approx(11.55 / 1.054)
    assert "weekend" in r.note


def test_after_the_data_within_max_age(small):
    r = small.rate("USD", "SEK", date(2024, 11, 25))
    assert r.date == date(2024, 11, 19) and "6 days" in r.note


def test_after_the_data_beyond_max_age(small):
    with pytest.raises(RateUnavailable, match="ends on 2024-11-19"):
        small.rate("USD", "SEK", date(2024, 12, 25))


def test_currency_no_longer_quoted(small):
    with pytest.raises(RateUnavailable, match="has not quoted RUB since 2024-11-15"):
        small.rate("RUB", "SEK", date(2024, 11, 19))


def test_unknown_currency(small):
    with pytest.raises(RateUnavailable, match="does not quote UAH"):
        small.rate("UAH", "SEK", date(2024, 11, 19))


def test_no_date_uses_latest(small):
    r = small.rate("USD", "SEK", None)
    assert r.date == date(2024, 11, 19) and "no article date" in r.note


@pytest.mark.parametrize("bad,msg", [
    ("", "empty"),
    ("Day,USD\n2024-01-01,1\n", "'Date' column"),
    ("Date,USD\n2024-13-01,1\n", "x.csv:2: invalid date '2024-13-01'"),
    ("Date,USD\n", "no rates"),
])
def test_bad_history_files(bad, msg):
    with pytest.raises(InputError, match=msg):
        ECBHistory.from_csv(bad, origin="x.csv")


def test_bad_rate_rejected_on_validate():
    h = ECBHistory.from_csv("Date,USD\n2024-01-02,abc\n", origin="x.csv")
    with pytest.raises(InputError, match="invalid rate 'abc'"):
        h.validate()


def test_bundled_history_real_values():
    p = get_provider("ecb")
    r = p.rate("USD", "SEK", date(2024, 11, 19))
    assert r.value == pytest.approx(10.951, rel=1e-4)
    with pytest.raises(RateUnavailable, match="RUB since 2022-03-01"):
        p.rate("RUB", "USD", date(2024, 1, 10))
    assert p.history.first == date(1999, 1, 4)


def test_provider_is_built_once():
    assert get_provider("ecb") is get_provider("ecb")
    # named providers are wrapped for the euro eras; the ECB history underneath is shared
    assert resolve(None).history is get_provider("ecb").history


def test_chain_first_answer_wins_and_says_why(small):
    class Never:
        name = "desk"

        def rate(self, base, quote, day):
            raise RateUnavailable("no row for this pair")

        def currencies(self, day=None):
            return frozenset()

    chain = ChainProvider([Never(), small])
    r = chain.rate("USD", "SEK", date(2024, 11, 19))
    assert r.provider == "ECB" and "desk: no row" in r.note
    with pytest.raises(RateUnavailable, match="desk: no row.*ECB: the ECB does not quote UAH"):
        chain.rate("UAH", "SEK", date(2024, 11, 19))


def test_unknown_provider_name():
    with pytest.raises(InputError, match="unknown rate provider"):
        resolve(["nope"])


def test_parsed_history_is_cached_per_file_version(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "hist.csv"
    src.write_text(CSV)
    first = ECBHistory.load(src)
    (cached,) = (tmp_path / "cache" / "ecb").glob("history-*.bin")
    again = ECBHistory.load(src)  # from the cache: same days, same rates
    assert again.days == first.days and again.column("SEK") == first.column("SEK")
    assert again.codes == first.codes and again.bounds("RUB") == first.bounds("RUB")
    # a changed file is parsed anew, never answered from the old cache
    src.write_text(CSV.replace("11.584", "12.000"))
    import os
    os.utime(src, ns=(cached.stat().st_mtime_ns + 10**9,) * 2)
    assert ECBHistory.load(src).column("SEK")[-1] == 12.0
    # an unreadable cache is rebuilt (a data file, never unpickled: see test_hostile.py)
    for p in (tmp_path / "cache" / "ecb").glob("*.bin"):
        p.write_bytes(b"not a cache")
    assert ECBHistory.load(src).column("SEK")[-1] == 12.0
