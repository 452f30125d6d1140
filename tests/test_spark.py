"""numcheck on Apache Spark, run for real on local[2]: check_dataframe gives the findings of
a plain loop over numcheck.check, bad rows become error rows, the rate data is shipped to the
executors and named on every row; `numcheck audit` gives the same table on both engines.

One SparkSession for the whole test session (starting Spark costs seconds); the corpus
sample is checked once per module.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import numcheck
from numcheck.archive import NAMES, format_summary, summary

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("NUMCHECK_CORPUS", ROOT.parent / "shared" / "corpus"))
VERDICTS = ROOT / "fixtures" / "verdicts-en.jsonl"


def test_importing_numcheck_does_not_import_pyspark():
    code = ("import sys, numcheck, numcheck.cli, numcheck.archive, numcheck.audit, numcheck.batch\n"
            "numcheck.check('worth $275 million, about 3 billion kronor', date='2024-11-19')\n"
            "numcheck.cli.build_parser()\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('pyspark', 'py4j', 'pyarrow', 'pandas'))\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


pyspark = pytest.importorskip("pyspark", reason="the spark extra is not installed")


@pytest.fixture(scope="session")
def spark():
    from numcheck.spark import session

    s = session("local[2]", app_name="numcheck tests", conf={
        "spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false", "spark.sql.shuffle.partitions": "2",
        "spark.default.parallelism": "2",
    })
    yield s
    s.stop()


def _sample(per_file: int = 70) -> list[dict]:
    """A deterministic sample of the shared corpus (every k-th record of each file, Swedish
    and undated files included) and every sentence of the verdict fixtures (which hold
    inconsistent and ambiguous findings, rare in the corpus)."""
    out = []
    for f in sorted(CORPUS.glob("*.jsonl")):
        lines = [ln for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
        step = max(1, len(lines) // per_file)
        out += [json.loads(ln) for ln in lines[::step][:per_file]]
    for ln in VERDICTS.read_text(encoding="utf-8").splitlines():
        rec = json.loads(ln)
        out.append({"id": rec["id"], "text": rec["text"], "date": rec["date"], "lang": rec.get("lang", "en")})
    return out


def _key(id_, index, kind, verdict, src, tgt, s0, t0, line, col, expected, rate, rate_day, provider, message, suggestion):
    return (id_, index, kind, verdict, src, tgt, s0, t0, line, col,
            None if expected is None else round(expected, 9), None if rate is None else round(rate, 12),
            rate_day, provider, message, suggestion)


def _loop(records: list[dict]) -> list[tuple]:
    """The reference: a plain loop over numcheck.check, straight from the Finding fields."""
    out = []
    for rec in records:
        day = date.fromisoformat(rec["date"]) if rec.get("date") else None
        report = numcheck.check(rec["text"], date=day, lang=rec.get("lang") or "en")
        for i, f in enumerate(report.findings):
            out.append(_key(rec["id"], i, f.kind, f.verdict.value, f.source.text, f.target.text, f.source.start,
                            f.target.start, f.line, f.column, f.expected, f.rate.value if f.rate else None,
                            f.rate.date if f.rate else None, f.rate.provider if f.rate else None, f.message, f.suggestion))
    return out


def _rows_key(rows) -> list[tuple]:
    return [_key(r["id"], r["index"], r["kind"], r["verdict"], r["source_text"], r["target_text"], r["source_start"],
                 r["target_start"], r["line"], r["column"], r["expected"], r["rate"], r["rate_day"], r["rate_provider"],
                 r["message"], r["suggestion"]) for r in rows]


@pytest.fixture(scope="module")
def sample():
    if not (CORPUS / "wikinews-en.jsonl").exists():
        pytest.skip("shared corpus not present")
    return _sample()


@pytest.fixture(scope="module")
def sample_rows(spark, sample):
    from numcheck.spark import check_dataframe

    df = spark.createDataFrame([(r["id"], r["text"], r.get("date"), r.get("lang")) for r in sample],
                               "id string, text string, date string, lang string").repartition(2)
    return [r.asDict(recursive=True) for r in check_dataframe(df).collect()]


def test_check_dataframe_equals_a_loop_over_check(sample, sample_rows):
    expected = _loop(sample)
    got = _rows_key(sample_rows)
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    verdicts = {r["verdict"] for r in sample_rows}
    assert {"consistent", "inconsistent"} <= verdicts  # the sample exercises more than one verdict
    assert {r["lang"] for r in sample_rows} >= {"en"}
    assert len(sample_rows) > 50


def test_every_row_names_the_rate_data_and_its_last_day(sample_rows):
    from numcheck.conversion.rates.store import default_history

    h = default_history()
    assert {r["rates_last_day"] for r in sample_rows} == {h.last}
    assert {r["rates_data"] for r in sample_rows} == {f"ECB {h.path.name} to {h.last}"}
    money = [r for r in sample_rows if r["kind"] == "money" and r["rate"] is not None]
    assert money and all(r["rate_provider"] == "ECB" and r["rate_day"] <= h.last for r in money)


def test_the_schema_is_explicit(spark):
    from numcheck.spark import check_dataframe

    df = spark.createDataFrame([("a", "x", None, None)], "id string, text string, date string, lang string")
    out = check_dataframe(df)
    assert tuple(out.columns) == NAMES
    types = {f.name: f.dataType.simpleString() for f in out.schema.fields}
    assert types["rate_day"] == "date" and types["line"] == "int" and types["expected"] == "double"
    assert types["notes"] == "array<string>"


def test_bad_rows_become_error_rows_not_a_failed_job(spark):
    from numcheck.spark import check_dataframe

    rows = [
        ("ok", "worth $275 million, equivalent to about 3 billion kronor", "2024-11-19", "en"),
        ("no-text", None, "2024-11-19", "en"),
        ("blank", "   ", "2024-11-19", "en"),
        ("bad-date", "worth $275 million, or 3 billion kronor", "19/11/2024", "en"),
        ("bad-lang", "worth $275 million, or 3 billion kronor", "2024-11-19", "xx"),
        ("too-late", "worth $275 million, or 3 billion kronor", "2199-01-01", "en"),
    ]
    df = spark.createDataFrame(rows, "id string, text string, date string, lang string")
    out = {r["id"]: r for r in (x.asDict() for x in check_dataframe(df).collect())}
    assert out["ok"]["verdict"] == "consistent" and out["ok"]["rate_day"] == date(2024, 11, 19)
    assert out["no-text"]["verdict"] == "error" and out["no-text"]["message"] == "no text"
    assert out["no-text"]["date"] == date(2024, 11, 19)
    assert out["blank"]["message"] == "empty text"
    assert out["bad-date"]["verdict"] == "error" and "'19/11/2024'" in out["bad-date"]["message"]
    assert out["bad-lang"]["verdict"] == "error" and "'xx'" in out["bad-lang"]["message"]
    # a date past the end of the rates is a finding the check explains, not an error row
    assert out["too-late"]["verdict"] == "unverifiable" and "update the rates" in out["too-late"]["message"]


def test_column_names_date_types_and_options_as_in_check(spark):
    from numcheck.spark import check_dataframe

    text = "The company paid £275m, which is more than 5.4 billion Norwegian kroner, in fines."
    df = spark.createDataFrame([(text, date(2024, 11, 19))], "body string, published date")
    rows = check_dataframe(df, text="body", date="published", id=None, lang=None).collect()
    ref = numcheck.check(text, date="2024-11-19")
    assert [r["verdict"] for r in rows] == [f.verdict.value for f in ref.findings] == ["inconsistent"]
    assert rows[0]["id"] is not None and rows[0]["date"] == date(2024, 11, 19) and rows[0]["lang"] == "en"
    assert rows[0]["suggestion"] == ref.findings[0].suggestion
    loose = check_dataframe(df, text="body", date="published", id=None, tolerance=0.5).collect()
    assert [r["verdict"] for r in loose] == [f.verdict.value for f in numcheck.check(text, date="2024-11-19", tolerance=0.5).findings]
    with pytest.raises(numcheck.InputError, match="no text column 'text'"):
        check_dataframe(df)


def test_a_desk_table_is_shipped_to_the_executors(spark, tmp_path):
    from numcheck.spark import check_dataframe

    table = tmp_path / "house.csv"
    table.write_text("date,base,quote,rate\n2024-11-18/2024-11-22,USD,SEK,10.00\n", encoding="utf-8")
    text = "worth $275 million, equivalent to about 3 billion kronor"
    df = spark.createDataFrame([("a", text, "2024-11-19", "en")], "id string, text string, date string, lang string")
    rows = check_dataframe(df, rates=[f"table:{table}", "ecb"]).collect()
    ref = numcheck.check(text, date="2024-11-19", rates=[f"table:{table}", "ecb"])
    assert [(r["verdict"], r["rate"], r["rate_provider"]) for r in rows] == \
        [(f.verdict.value, f.rate.value, f.rate.provider) for f in ref.findings]
    assert rows[0]["rate_provider"] == "table:house.csv" and rows[0]["rate"] == 10.0
    assert rows[0]["rates_last_day"] == date(2024, 11, 22) and rows[0]["rates_data"].startswith("table house.csv to 2024-11-22; ECB ")
    with pytest.raises(numcheck.InputError, match="unknown rate provider"):
        check_dataframe(df, rates="nope")
    import threading

    class Locked:  # a provider object holding a lock (as the built ECB provider does) cannot travel
        name = "locked"

        def __init__(self):
            self.lock = threading.Lock()

    with pytest.raises(numcheck.InputError, match="'locked' cannot be sent to the executors.*by name"):
        check_dataframe(df, rates=Locked())


# -- numcheck audit ------------------------------------------------------------------------------


def _archive(tmp_path: Path) -> Path:
    p = tmp_path / "archive.jsonl"
    lines = [json.dumps(r) for r in [
        {"id": "a1", "date": "2024-11-19", "lang": "en", "text": "worth $275 million, equivalent to about 3 billion kronor"},
        {"id": "a2", "date": "2024-11-19", "text": "The company paid £275m, which is more than 5.4 billion Norwegian kroner, in fines."},
        {"id": "a3", "date": "2023-05-02", "lang": "en", "text": "a 10-mile (16 km) stretch"},
        {"id": "a4", "date": "not a date", "text": "a 10-mile (16 km) stretch"},
        {"id": "a5", "date": "2020-01-01", "text": None},
        {"id": "a6", "date": None, "lang": "sv", "text": "Det kostade 100 miljoner kronor."},
    ]]
    lines.insert(3, "{not json")  # a broken line: an error row, the other records still checked
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def _norm(rows: list[dict]) -> list[tuple]:
    def v(x):
        return x.isoformat() if isinstance(x, date) else (tuple(x) if isinstance(x, list) else x)

    return sorted((tuple(v(r.get(k)) for k in NAMES) for r in rows), key=repr)


def test_audit_local_and_spark_write_the_same_table(spark, tmp_path, capsys):
    import pyarrow.parquet as pq

    from numcheck.cli import main

    src = _archive(tmp_path)
    assert main(["audit", str(src), "--out", str(tmp_path / "local.parquet"), "--jobs", "2", "--progress", "never"]) == 0
    out_local = capsys.readouterr().out
    local = pq.read_table(tmp_path / "local.parquet").to_pylist()
    assert main(["audit", str(src), "--engine", "spark", "--out", str(tmp_path / "spark.jsonl")]) == 0
    out_spark = capsys.readouterr().out
    remote = [json.loads(ln) for f in sorted((tmp_path / "spark.jsonl").glob("part-*")) for ln in f.read_text().splitlines()]
    assert remote and all(list(r) == list(NAMES) for r in remote)  # every column, nulls too, as the local engine writes
    # the broken line: one error row on each engine (Spark cannot say which line it was)
    broken = [[r for r in rows if "invalid JSON" in (r["message"] or "")] for rows in (local, remote)]
    assert [len(b) for b in broken] == [1, 1] and all(b[0]["verdict"] == "error" for b in broken)
    assert broken[0][0]["message"].endswith("archive.jsonl:4: invalid JSON: Expecting property name enclosed in double quotes (column 2)")
    assert "archive.jsonl: {not json" in broken[1][0]["message"]
    local = [r for r in local if r not in broken[0]]
    remote = [r for r in remote if r not in broken[1]]
    assert _norm(local) == _norm(remote)
    by_id = {}
    for r in local:
        by_id.setdefault(r["id"], []).append(r)
    assert by_id["a1"][0]["verdict"] == "consistent" and by_id["a2"][0]["verdict"] == "inconsistent"
    assert by_id["a4"][0]["verdict"] == "error" and "'not a date'" in by_id["a4"][0]["message"]
    assert by_id["a5"][0]["message"] == "no text" and by_id["a5"][0]["date"] == date(2020, 1, 1)
    # the summary: findings by verdict, kind, language and year, the same on both engines
    assert out_local == out_spark
    assert "inconsistent  money  en    2024" in out_local and "in 7 articles" in out_local


def test_audit_reads_parquet_and_writes_jsonl(tmp_path, capsys):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from numcheck.cli import main

    pq.write_table(pa.table({"id": [1, 2], "body": ["a 10-mile (16 km) stretch", "worth $275 million, or 3 billion kronor"],
                             "date": [date(2023, 5, 2), date(2024, 11, 19)]}), tmp_path / "in.parquet")
    out = tmp_path / "f.jsonl"
    assert main(["audit", str(tmp_path / "in.parquet"), "--text-column", "body", "--out", str(out), "--progress", "never"]) == 0
    rows = [json.loads(ln) for ln in out.read_text().splitlines()]
    assert [(r["id"], r["kind"], r["date"]) for r in rows] == [("1", "unit", "2023-05-02"), ("2", "money", "2024-11-19")]
    assert list(rows[0]) == list(NAMES)


@pytest.mark.parametrize("argv, message", [
    (["--out", "findings.csv"], "expected a .parquet or .jsonl file name"),
    (["--out", "nodir/f.jsonl"], "no such directory"),
    (["--out", "f.jsonl", "--jobs", "0"], "invalid --jobs 0"),
    (["--out", "f.jsonl", "--tolerance", "abc"], "tolerance"),
])
def test_audit_bad_options_are_one_line_errors(tmp_path, capsys, argv, message):
    from numcheck.cli import main

    src = _archive(tmp_path)
    assert main(["audit", str(src)] + argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("f.jsonl*"))


def test_audit_missing_input(tmp_path, capsys):
    from numcheck.cli import main

    assert main(["audit", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "f.jsonl")]) == 2
    assert "nope.jsonl: no such file or directory" in capsys.readouterr().err


def test_summary_counts_by_verdict_kind_language_and_year():
    rows = [{"verdict": "consistent", "kind": "money", "lang": "en", "date": date(2019, 1, 2)},
            {"verdict": "consistent", "kind": "money", "lang": "en", "date": date(2019, 5, 2)},
            {"verdict": "error", "kind": None, "lang": "sv", "date": None}]
    assert summary(rows) == [("consistent", "money", "en", "2019", 2), ("error", "-", "sv", "-", 1)]
    text = format_summary(summary(rows), 5)
    assert text.splitlines()[0].split() == ["verdict", "kind", "lang", "year", "findings"]
    assert text.rstrip().endswith("3 findings in 5 articles")


def test_audit_parquet_without_the_text_column(tmp_path, capsys):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from numcheck.cli import main

    pq.write_table(pa.table({"id": [1], "body": ["a 10-mile (16 km) stretch"]}), tmp_path / "in.parquet")
    assert main(["audit", str(tmp_path / "in.parquet"), "--out", str(tmp_path / "f.jsonl"), "--progress", "never"]) == 2
    err = capsys.readouterr().err
    assert "in.parquet: no 'text' column (columns: body, id)" in err and not (tmp_path / "f.jsonl").exists()
