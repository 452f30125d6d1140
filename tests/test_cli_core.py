"""The seed article through the CLI, as the README's first command runs it."""

import json

from numcheck.cli import main

SEED = "seeds/ukraine-aid-2024-11-19.txt"


def test_seed_json_reports_one_consistent_money_claim(capsys):
    assert main(["check", SEED, "--date", "2024-11-19", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    (f,) = doc["files"][0]["findings"]
    assert f["kind"] == "money" and f["verdict"] == "consistent"
    assert (f["source"]["unit"], f["source"]["value"]) == ("USD", 275_000_000)
    assert (f["target"]["unit"], f["target"]["value"]) == ("SEK", 3_000_000_000)
    assert abs(f["expected"] - 3.0115e9) < 1e6
    assert f["rate"]["date"] == "2024-11-19"


def test_planted_scale_slip_exits_1(tmp_path, capsys):
    p = tmp_path / "aid.txt"
    p.write_text(open(SEED, encoding="utf-8").read().replace("3 billion kronor", "3 million kronor"), encoding="utf-8")
    assert main(["check", str(p), "--date", "2024-11-19"]) == 1
    out = capsys.readouterr().out
    assert f"{p}:8:116: inconsistent: " in out and "suggest “≈ 3 billion kronor”" in out


def test_bad_inputs_one_line_each_and_others_still_checked(tmp_path, capsys):
    bad_utf8 = tmp_path / "bad.txt"
    bad_utf8.write_bytes(b"caf\xe9 $5 million (\xe2\x82\xac4 million)\n")
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02")
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    code = main(["check", str(tmp_path / "missing.txt"), str(bad_utf8), str(binary), str(empty_dir), SEED, "--date", "2024-11-19"])
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 4
    assert "missing.txt: no such file" in lines[0]
    assert "bad.txt:1: invalid UTF-8" in lines[1]
    assert "binary file" in lines[2]
    assert "no content files" in lines[3]
    assert "1 consistent" in out  # the seed was still checked


def test_invalid_date_is_a_usage_error(capsys):
    assert main(["check", SEED, "--date", "2024-13-45"]) == 2
    assert "invalid date '2024-13-45'" in capsys.readouterr().err


def test_rates_command(capsys):
    assert main(["rates", "USD", "SEK", "--date", "2024-11-19"]) == 0
    assert capsys.readouterr().out.startswith("1 USD = 10.951 SEK on 2024-11-19 (ECB)")
    assert main(["rates", "RUB", "SEK", "--date", "2024-11-19"]) == 2
    assert "RUB since 2022-03-01" in capsys.readouterr().err
    assert main(["rates", "US", "SEK"]) == 2


def test_extract_json(capsys):
    assert main(["extract", SEED]) == 0
    mentions = json.loads(capsys.readouterr().out)
    assert [m["text"] for m in mentions] == ["$275 million", "3 billion kronor", "$7 billion"]
