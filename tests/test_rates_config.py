"""Configuration: [tool.numcheck] in pyproject.toml or numcheck.toml, searched upward; CLI
flags override it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import numcheck.conversion.rates as rates_pkg
from numcheck.cli import main
from numcheck.config import Config, load_config
from numcheck.errors import InputError

SEED = "worth $275 million, equivalent to about 3 billion kronor\n"


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture(autouse=True)
def fresh_providers():
    rates_pkg._cache.clear()
    yield
    rates_pkg._cache.clear()


def test_defaults_without_a_file(tmp_path):
    cfg = load_config(tmp_path)
    assert cfg == Config()
    assert (cfg.rates, cfg.tolerance, cfg.max_rate_age_days, cfg.lang) == (("ecb",), None, 30, "en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.lang = "sv"  # type: ignore[misc]


def test_pyproject_table(tmp_path):
    write(tmp_path / "pyproject.toml", """
[project]
name = "newsroom"

[tool.numcheck]
rates = ["table:rates/house.csv", "ecb"]
tolerance = 0.02
max_rate_age_days = 7
lang = "en-GB"
""")
    cfg = load_config(tmp_path)
    assert cfg.rates == (f"table:{tmp_path / 'rates/house.csv'}", "ecb")  # relative to the file
    assert (cfg.tolerance, cfg.max_rate_age_days, cfg.lang) == (0.02, 7, "en-GB")
    assert cfg.source == tmp_path / "pyproject.toml"


def test_searched_upward_from_a_file_and_pyproject_without_table_skipped(tmp_path):
    write(tmp_path / "numcheck.toml", 'rates = "live, ecb"\n')
    write(tmp_path / "site" / "pyproject.toml", '[project]\nname = "site"\n')  # no [tool.numcheck]
    article = write(tmp_path / "site" / "news" / "a.txt", SEED)
    cfg = load_config(article)
    assert cfg.source == tmp_path / "numcheck.toml" and cfg.rates == ("live", "ecb")


def test_nearest_wins_and_numcheck_toml_before_pyproject(tmp_path):
    write(tmp_path / "numcheck.toml", "tolerance = 0.05\n")
    write(tmp_path / "desk" / "pyproject.toml", "[tool.numcheck]\ntolerance = 0.04\n")
    write(tmp_path / "desk" / "numcheck.toml", "tolerance = 0.01\n")
    assert load_config(tmp_path / "desk").tolerance == 0.01
    assert load_config(tmp_path).tolerance == 0.05


def test_cwd_is_the_default_start(tmp_path, monkeypatch):
    write(tmp_path / "numcheck.toml", 'lang = "en-US"\n')
    monkeypatch.chdir(tmp_path)
    assert load_config().lang == "en-US"


@pytest.mark.parametrize(
    "text, why",
    [
        ("tolerance = 3\n", "tolerance: expected a fraction between 0 and 1"),
        ('tolerance = "3%"\n', "tolerance: expected a fraction between 0 and 1"),
        ("max_rate_age_days = -1\n", "max_rate_age_days: expected a whole number of days"),
        ("max_rate_age_days = 2.5\n", "max_rate_age_days: expected a whole number of days"),
        ("rates = []\n", "rates: the provider list is empty"),
        ("rates = [1]\n", "rates: expected provider names, got 1"),
        ("lang = 7\n", "lang: expected a language tag"),
        ("providers = ['ecb']\n", "unknown key 'providers' (known: rates, tolerance"),
        ('live_url = "ftp://x"\n', "live_url: expected an http(s) URL"),
        ("live_timeout = 0\n", "live_timeout: expected seconds > 0"),
        ("tolerance = \n", "invalid TOML"),
    ],
)
def test_bad_values_are_one_line_naming_file_and_key(tmp_path, text, why):
    p = write(tmp_path / "numcheck.toml", text)
    with pytest.raises(InputError) as e:
        load_config(tmp_path)
    assert str(e.value).startswith(f"{p}: ") and why in str(e.value)
    assert "\n" not in str(e.value)


# -- precedence on the command line: flags > configuration > defaults ----------------------


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A project whose house rate (8 SEK/USD) makes the seed figure wrong."""
    write(tmp_path / "rates" / "house.csv", "date,base,quote,rate\n2024-11-18/2024-11-22,USD,SEK,8.0\n")
    write(tmp_path / "pyproject.toml", '[tool.numcheck]\nrates = ["table:rates/house.csv", "ecb"]\n')
    write(tmp_path / "copy" / "a.txt", "---\ndate: 2024-11-19\n---\n" + SEED)
    monkeypatch.chdir(tmp_path / "copy")  # the table path is relative to pyproject.toml, not here
    return tmp_path


def test_check_uses_configured_rates(newsroom, capsys):
    assert main(["check", "a.txt"]) == 1
    out = capsys.readouterr().out
    assert "inconsistent" in out and "table:house.csv" in out


def test_rates_flag_overrides_configuration(newsroom, capsys):
    assert main(["check", "a.txt", "--rates", "ecb"]) == 0
    assert "consistent" in capsys.readouterr().out


def test_rates_command_uses_configured_provider(newsroom, capsys):
    assert main(["rates", "USD", "SEK", "--date", "2024-11-19"]) == 0
    assert "1 USD = 8 SEK on 2024-11-19 (table:house.csv)" in capsys.readouterr().out
    assert main(["rates", "USD", "SEK", "--date", "2024-11-19", "--provider", "ecb"]) == 0
    assert "(ECB)" in capsys.readouterr().out


def test_tolerance_from_configuration_and_flag(tmp_path, monkeypatch, capsys):
    # 3.1 billion vs 3.01 expected: 3% off; "3.1" rounds to ±0.05 → needs ≈1.3% drift
    write(tmp_path / "a.txt", "worth $275 million, equivalent to about 3.1 billion kronor\n")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "numcheck.toml", "tolerance = 0.0\n")
    assert main(["check", "a.txt", "--date", "2024-11-19"]) == 1
    assert main(["check", "a.txt", "--date", "2024-11-19", "--tolerance", "0.03"]) == 0
    write(tmp_path / "numcheck.toml", "tolerance = 0.03\n")
    assert main(["check", "a.txt", "--date", "2024-11-19"]) == 0


def test_max_rate_age_from_configuration(tmp_path, monkeypatch, capsys):
    from numcheck.conversion.rates.store import bundled_history

    monkeypatch.setenv("NUMCHECK_DATA_DIR", str(tmp_path / "data"))  # the bundled history only
    last = bundled_history().last
    day = last.fromordinal(last.toordinal() + 10).isoformat()
    write(tmp_path / "a.txt", SEED)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "numcheck.toml", "max_rate_age_days = 5\n")
    main(["check", "a.txt", "--date", day, "--format", "json"])
    out = capsys.readouterr().out
    assert "more than the 5-day limit" in out
    write(tmp_path / "numcheck.toml", "max_rate_age_days = 30\n")
    main(["check", "a.txt", "--date", day, "--format", "json"])
    assert "more than the" not in capsys.readouterr().out


def test_default_lang_from_configuration_below_front_matter_and_flag(tmp_path, monkeypatch, capsys):
    write(tmp_path / "numcheck.toml", 'lang = "xx"\n')  # a language numcheck does not have
    write(tmp_path / "plain.txt", SEED)
    write(tmp_path / "marked.txt", "---\nlang: en\n---\n" + SEED)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "plain.txt", "--date", "2024-11-19"]) == 2  # the configured default applies
    assert "unsupported language 'xx'" in capsys.readouterr().err
    assert main(["check", "marked.txt", "--date", "2024-11-19"]) == 0  # front matter wins over it
    assert main(["check", "plain.txt", "--date", "2024-11-19", "--lang", "en"]) == 0  # and the flag


def test_bad_configuration_is_one_line_exit_2(tmp_path, monkeypatch, capsys):
    write(tmp_path / "numcheck.toml", "tolerance = 2\n")
    write(tmp_path / "a.txt", SEED)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "tolerance: expected a fraction" in err


def test_config_provider_carries_its_settings(tmp_path):
    write(tmp_path / "numcheck.toml", 'rates = ["ecb"]\nmax_rate_age_days = 3\n')
    p = load_config(tmp_path).provider()
    assert p.inner.max_age_days == 3
    assert load_config(tmp_path / "elsewhere").provider().inner.max_age_days == 3
