"""``numcheck audit``: check an archive (JSONL or Parquet) and write one row per finding.

    numcheck audit archive/*.jsonl --out findings.parquet                 # this machine, --jobs N
    numcheck audit s3://bucket/archive/ --engine spark --out s3://…/findings.parquet

``--engine local`` reads the archives here and checks them through the ``check`` command's
``--jobs`` path (numcheck.batch) with its progress bar; ``--engine spark`` builds the same
table with :func:`numcheck.spark.check_dataframe` on ``local[*]``, on ``--master``, or on what
the usual Spark configuration (spark-submit, spark-defaults.conf) says. Either way the table
has the columns of :data:`numcheck.archive.COLUMNS`, and a summary (findings by verdict, kind,
language and year) ends the run on stdout. Exit 0 when the table was written, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from typing import Any

from .archive import NAMES, RatesStamp, arrow_schema, error_row, finding_row, format_summary, rates_stamp, read_records, summary
from .atomicfile import replace_atomically
from .errors import InputError

OUT_FORMATS = (".parquet", ".jsonl", ".json")


def add_parser(sub: Any) -> None:
    """The ``audit`` subcommand, on the CLI's subparsers."""
    a = sub.add_parser("audit", help="check archives (JSONL or Parquet) and write one row per finding (Parquet or JSONL)",
                       description="Check every article of JSONL or Parquet archives ({id, text, date, lang} per record) "
                                   "and write the findings table (one row per finding; error rows for articles that "
                                   "cannot be checked), then print a summary by verdict, kind, language and year.")
    a.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl files, .parquet files or Parquet directories")
    a.add_argument("--out", required=True, metavar="FILE", help="findings.parquet or findings.jsonl (spark: a directory of part files)")
    a.add_argument("--engine", choices=["local", "spark"], default="local", help="local (default: processes on this machine) or spark")
    a.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="local: check in N parallel processes (default 1)")
    a.add_argument("--master", default=None, help="spark: the master URL (default: the Spark configuration, else local[*])")
    a.add_argument("--partitions", type=int, default=None, metavar="N",
                   help="spark: spread the articles over at least N partitions (default: 4 per core of the cluster)")
    a.add_argument("--lang", default=None, help="the language of records without one (default: config, else en)")
    a.add_argument("--tolerance", help="relative tolerance for rate drift on top of rounding (default 0.03)")
    a.add_argument("--rates", default=None, help='rate providers in order, comma-separated (default "ecb"); their files are shipped to Spark executors')
    a.add_argument("--text-column", default="text", metavar="NAME")
    a.add_argument("--date-column", default="date", metavar="NAME")
    a.add_argument("--lang-column", default="lang", metavar="NAME")
    a.add_argument("--id-column", default="id", metavar="NAME")
    a.add_argument("--progress", choices=["auto", "always", "never"], default="auto",
                   help="local: progress bar on stderr (auto: on a terminal)")


def _out_format(out: str) -> str:
    for suffix in OUT_FORMATS:
        if out.lower().endswith(suffix):
            return "parquet" if suffix == ".parquet" else "jsonl"
    raise InputError(f"--out {out}: expected a .parquet or .jsonl file name")


def cmd_audit(args: argparse.Namespace) -> int:
    from .config import load_config
    from .pipeline import _tolerance

    fmt = _out_format(args.out)
    if args.jobs < 1:
        raise InputError(f"invalid --jobs {args.jobs}: expected 1 or more")
    if args.tolerance is not None:
        _tolerance(args.tolerance)
    remote = ("s3:", "s3a:", "gs:", "hdfs:", "abfss:", "dbfs:")
    for p in args.inputs:
        if not p.startswith(remote) and not os.path.exists(p):
            raise InputError(f"{p}: no such file or directory")
    out_dir = os.path.dirname(os.path.abspath(args.out))
    if not args.out.startswith(remote) and not os.path.isdir(out_dir):
        raise InputError(f"--out {args.out}: no such directory {out_dir}")  # before hours of checking, not after
    cfg = load_config(next((p for p in args.inputs if os.path.exists(p)), None))
    tolerance = args.tolerance if args.tolerance is not None else cfg.tolerance
    specs = [s.strip() for s in args.rates.split(",") if s.strip()] if args.rates else list(cfg.rates)
    lang = args.lang or cfg.lang or "en"
    if args.engine == "spark":
        return _audit_spark(args, fmt, specs, cfg, tolerance, lang)
    return _audit_local(args, fmt, specs, cfg, tolerance, lang)


# -- local ------------------------------------------------------------------------------------


def local_rows(inputs: list[str], *, specs: list[str], config: Any = None, tolerance: Any = None, lang: str = "en",
               jobs: int = 1, progress: Any = None, columns: dict[str, str] | None = None) -> tuple[list[dict], int]:
    """The findings rows of the archives, checked on this machine (numcheck.batch's units,
    in parallel with ``jobs`` > 1); and the number of articles read."""
    from .archive import article, safe_day
    from .batch import FileResult, RateSpec, run_units
    from .documents.readers import Document

    stamp = rates_stamp(specs)
    units: list[Any] = []
    meta: list[tuple[str | None, str, date | None]] = []
    for path in inputs:
        for rec in read_records(path, **(columns or {})):
            rid = None if rec["id"] is None else str(rec["id"])
            if "error" in rec:
                units.append(FileResult(rid or path, None, rec["error"]))
                meta.append((rid, lang, None))
                continue
            try:
                a = article(rec["id"], rec["text"], rec["date"], rec["lang"], lang)
            except InputError as e:
                units.append(FileResult(rid or path, None, str(e)))
                meta.append((rid, rec["lang"] or lang, safe_day(rec["date"])))
                continue
            name = a.id if a.id is not None else f"{path}#{len(units)}"
            units.append(Document(path=name, text=a.text, date=a.date, lang=a.lang, record_id=a.id))
            meta.append((a.id, a.lang, a.date))
    results = run_units(units, jobs=jobs, progress=progress, date=None, lang=None, tolerance=tolerance,
                        rates=RateSpec(tuple(specs), config), default_lang=lang)
    rows: list[dict] = []
    for unit, (rid, language, day), r in zip(units, meta, results):
        if r.report is None:
            msg = r.error or "not checked"
            prefix = f"{r.path}: "  # run_units names the article; here the id column does
            if isinstance(unit, Document) and msg.startswith(prefix):
                msg = msg[len(prefix):]
            rows.append(error_row(rid, language, day, msg, stamp))
        else:
            rows.extend(finding_row(rid, language, day, i, f, stamp) for i, f in enumerate(r.report.findings))
    return rows, len(units)


def _audit_local(args, fmt: str, specs: list[str], cfg: Any, tolerance: Any, lang: str) -> int:
    from .checkrun import progress_bar

    columns = dict(text=args.text_column, date=args.date_column, lang=args.lang_column, id=args.id_column)
    # a first pass only counts records, for the progress bar's total
    total = sum(1 for p in args.inputs for _ in read_records(p, **columns)) if args.progress != "never" else 0
    with progress_bar(total, args.progress) as tick:
        rows, n = local_rows(args.inputs, specs=specs, config=cfg, tolerance=tolerance, lang=lang, jobs=args.jobs,
                             progress=tick, columns=columns)
    write_rows(rows, args.out, fmt)
    sys.stdout.write(format_summary(summary(rows), n))
    print(f"numcheck: wrote {len(rows)} row{'s' if len(rows) != 1 else ''} to {args.out}", file=sys.stderr)
    return 0


def write_rows(rows: list[dict], out: str, fmt: str) -> None:
    """Write the findings table whole, or not at all (a temporary file moved into place)."""
    d = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(d):
        raise InputError(f"--out {out}: no such directory {d}")

    def write(fd: int, tmp: str) -> None:
        if fmt == "parquet":
            os.close(fd)
            try:
                import pyarrow as pa
                import pyarrow.parquet as pq
            except ImportError:
                raise InputError("writing Parquet needs pyarrow: pip install 'numcheck[spark]', or --out FILE.jsonl") from None
            pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), tmp)
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps({k: _jsonable(r[k]) for k in NAMES}, ensure_ascii=False) + "\n")

    replace_atomically(out, write)


def _jsonable(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


# -- spark ------------------------------------------------------------------------------------


def _audit_spark(args, fmt: str, specs: list[str], cfg: Any, tolerance: Any, lang: str) -> int:
    try:
        from . import spark as ns
    except ImportError as e:
        raise InputError(str(e)) from None
    from pyspark.sql import functions as F

    s = ns.session(args.master)
    parquet = [p for p in args.inputs if p.lower().endswith(".parquet") or os.path.isdir(p)]
    jsonl = [p for p in args.inputs if p not in parquet]
    frames = []
    names = {"text": args.text_column, "date": args.date_column, "lang": args.lang_column, "id": args.id_column}
    if jsonl:
        # a line that is not a JSON object lands in _corrupt_record; it becomes an error row
        raw = s.read.option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt_record").json(jsonl)
        if "_corrupt_record" in raw.columns:
            bad = F.col("_corrupt_record").isNotNull()
            raw = raw.withColumn("_error", F.when(bad, F.concat(
                F.lit("invalid JSON record in "), F.input_file_name(), F.lit(": "), F.substring("_corrupt_record", 1, 60))))
        frames.append(raw)
    if parquet:
        frames.append(s.read.parquet(*parquet))
    parts = []
    for df in frames:
        cols = set(df.columns)
        if names["text"] not in cols:
            raise InputError(f"{', '.join(args.inputs)}: no {names['text']!r} field in the records")
        parts.append(df.select(*[(F.col(names[k]).cast("string") if names[k] in cols else F.lit(None).cast("string")).alias(k)
                                 for k in ("id", "text", "date", "lang")],
                               (F.col("_error") if "_error" in cols else F.lit(None).cast("string")).alias("error")))
    articles = parts[0]
    for p in parts[1:]:
        articles = articles.unionByName(p)
    # archives arrive as a few large files: spread the articles over the cores (or --partitions)
    want = args.partitions or s.sparkContext.defaultParallelism * 4
    if articles.rdd.getNumPartitions() < want:
        articles = articles.repartition(want)
    findings = ns.check_dataframe(articles, tolerance=tolerance, rates=specs, default_lang=lang, config=cfg, error="error")
    writer = findings.write.mode("overwrite")
    writer.parquet(args.out) if fmt == "parquet" else writer.option("ignoreNullFields", "false").json(args.out)
    back = s.read.parquet(args.out) if fmt == "parquet" else s.read.schema(ns.schema()).json(args.out)
    counts = (back.groupBy("verdict", "kind", "lang", F.year("date").cast("string").alias("year")).count().collect())
    table = sorted((r["verdict"] or "-", r["kind"] or "-", r["lang"] or "-", r["year"] or "-", r["count"]) for r in counts)
    sys.stdout.write(format_summary(table, articles.count()))
    print(f"numcheck: wrote {sum(t[4] for t in table)} rows to {args.out} (Spark part files)", file=sys.stderr)
    return 0


__all__ = ["add_parser", "cmd_audit", "local_rows", "write_rows"]
