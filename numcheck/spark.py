"""numcheck on Apache Spark: the same check over an archive of articles, one row per finding.

    >>> from numcheck.spark import check_dataframe
    >>> findings = check_dataframe(spark.read.parquet("archive.parquet"), date="published")
    >>> findings.groupBy("verdict").count().show()

The check runs in the Python workers through ``mapInArrow``: a worker builds its rate provider
(and numcheck's language data) once and reuses it for every article of every task it runs,
instead of once per row. The rate data files (the ECB history in use — the bundled one or an
installed update — and any desk table) are shipped to the executors with
``SparkContext.addFile``, so a cluster judges against exactly the driver's data; every row
names that data and its last day (``rates_data``, ``rates_last_day``).

Needs the ``spark`` extra (``pip install 'numcheck[spark]'``); ``import numcheck`` never
imports pyspark.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any, Iterator, Sequence

from .archive import COLUMNS, NAMES, RatesStamp, arrow_schema, check_record, error_row, rate_files, rates_stamp, safe_day, spark_ddl
from .errors import InputError

try:  # the extra; a clear message rather than a traceback when it is missing
    from pyspark import SparkFiles
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as _e:  # pragma: no cover - exercised only without the extra
    raise ImportError("numcheck.spark needs pyspark: pip install 'numcheck[spark]'") from _e


# -- rates on the executors -------------------------------------------------------------------

#: A provider chain as it travels to the executors: ("ecb", file name, max age),
#: ("table", file name) — files shipped with addFile, found with SparkFiles.get — or
#: ("spec", "live"), or ("object", provider) for a provider object passed in (pickled).
Shipment = tuple


def ship_rates(spark: SparkSession, rates: Any, config: Any = None) -> tuple[Shipment, RatesStamp]:
    """Send the data files of ``rates`` (as in :func:`numcheck.check`) to the executors; the
    description each worker rebuilds the providers from, and the stamp every row carries."""
    max_age = getattr(config, "max_rate_age_days", 30)
    if rates is None:
        rates = list(getattr(config, "rates", None) or ["ecb"])
    if isinstance(rates, str):
        rates = [s.strip() for s in rates.split(",") if s.strip()] or ["ecb"]
    if not isinstance(rates, (list, tuple)):
        rates = [rates]
    sc = spark.sparkContext
    items: list[tuple] = []
    specs: list[str] = []
    for r in rates:
        if not isinstance(r, str):
            import pickle

            try:
                from pyspark import cloudpickle

                cloudpickle.dumps(r)
            except (pickle.PicklingError, TypeError, AttributeError) as e:
                raise InputError(f"rates: the provider {getattr(r, 'name', type(r).__name__)!r} cannot be sent to the executors "
                                 f"({(str(e).splitlines() or [''])[0]}); pass providers by name "
                                 "(\"ecb\", \"table:PATH\", \"live\"): their data files are shipped") from None
            items.append(("object", r))
            continue
        r = r.strip()
        files = rate_files([r])
        if files:
            kind, path = files[0]
            _add_file(sc, path)
            items.append((kind, os.path.basename(path), max_age) if kind == "ecb" else (kind, os.path.basename(path)))
            specs.append(r)
        elif r == "live":
            items.append(("spec", r))
        else:
            from .conversion.rates import get_provider

            get_provider(r, config)  # an unknown provider name: the one-line error, on the driver
    stamp = rates_stamp(specs) if specs else _object_stamp(items)
    return tuple(items), stamp


def _object_stamp(items: list[tuple]) -> RatesStamp:
    for it in items:
        if it[0] == "object":
            h = getattr(it[1], "history", None)
            last = getattr(h, "last", None) if h is not None else None
            return RatesStamp(getattr(it[1], "name", type(it[1]).__name__), last)
    return RatesStamp("live rates (no data file)", None)


_added: set[tuple[int, str]] = set()


def _add_file(sc, path: str) -> None:
    key = (id(sc), path)
    if key in _added:
        return
    try:
        sc.addFile(path)
    except Exception as e:  # the same name already added from another path
        if "already" not in str(e).lower():
            raise
    _added.add(key)


_lock = threading.Lock()
_providers: dict[Shipment, Any] = {}  # per Python worker: built once, reused by every task


def worker_provider(shipment: Shipment):
    """The provider chain of ``shipment``, built once per Python worker process."""
    p = _providers.get(shipment)
    if p is not None:
        return p
    with _lock:
        p = _providers.get(shipment)
        if p is None:
            from .conversion.rates import get_provider, resolve
            from .conversion.rates.ecb import ECBProvider

            chain = []
            for item in shipment:
                if item[0] == "ecb":
                    chain.append(ECBProvider(path=SparkFiles.get(item[1]), max_age_days=item[2]))
                elif item[0] == "table":
                    chain.append(get_provider("table:" + SparkFiles.get(item[1])))
                elif item[0] == "spec":
                    chain.append(get_provider(item[1]))
                else:
                    chain.append(item[1])
            p = _providers[shipment] = resolve(chain)
    return p


# -- the check ------------------------------------------------------------------------------


def _input(df: DataFrame, text: str, date: str | None, lang: str | None, id: str | None, error: str | None = None) -> DataFrame:
    """The columns the workers read, by the caller's names: id and text (required), date and
    lang (optional: absent or null → no date / the default language), and ``error``: a column
    whose non-null value says why a record could not be read (it becomes the error row)."""
    cols = set(df.columns)
    if text not in cols:
        raise InputError(f"no text column {text!r} (columns: {', '.join(df.columns)})")
    if id is not None and id not in cols:
        raise InputError(f"no id column {id!r} (columns: {', '.join(df.columns)}); pass id=None to number the rows")
    types = {f.name: f.dataType for f in df.schema.fields}
    id_col = F.col(id).cast("string") if id is not None else F.monotonically_increasing_id().cast("string")
    if date is not None and date in cols:
        t = types[date]
        # a date or timestamp column becomes its ISO day; a string column is parsed by the worker,
        # so an unparseable one becomes an error row naming the value
        date_col = F.to_date(F.col(date)).cast("string") if isinstance(t, (T.TimestampType, T.DateType)) else F.col(date).cast("string")
    else:
        date_col = F.lit(None).cast("string")
    lang_col = F.col(lang).cast("string") if lang is not None and lang in cols else F.lit(None).cast("string")
    text_col = F.col(text) if isinstance(types[text], T.StringType) else F.col(text).cast("string")
    error_col = F.col(error).cast("string") if error is not None and error in cols else F.lit(None).cast("string")
    return df.select(id_col.alias("id"), text_col.alias("text"), date_col.alias("date"), lang_col.alias("lang"),
                     error_col.alias("error"))


def _checker(shipment: Shipment, stamp: RatesStamp, default_lang: str, options: dict):
    """The function each worker runs over its Arrow batches of articles."""

    def check_batches(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        schema = arrow_schema()
        try:
            provider = worker_provider(shipment)
            failure = None
        except Exception as e:  # a data file that will not load: every article says why
            provider, failure = None, f"rates unavailable on this executor: {(str(e).splitlines() or [''])[0]}"
        for batch in batches:
            cols = {name: batch.column(name).to_pylist() for name in ("id", "text", "date", "lang", "error")}
            rows: list[dict] = []
            for i in range(batch.num_rows):
                if failure or cols["error"][i]:
                    rows.append(error_row(cols["id"][i], cols["lang"][i] or default_lang, safe_day(cols["date"][i]),
                                          failure or cols["error"][i], stamp))
                    continue
                rows.extend(check_record(cols["id"][i], cols["text"][i], cols["date"][i], cols["lang"][i], stamp=stamp,
                                         default_lang=default_lang, rates=provider, **options))
            yield pa.RecordBatch.from_pylist(rows, schema=schema)

    return check_batches


def check_dataframe(df: DataFrame, text: str = "text", date: str | None = "date", lang: str | None = "lang",
                    id: str | None = "id", *, tolerance: Any = None, rates: Any = None, currency_hints: Any = None,
                    default_lang: str = "en", config: Any = None, error: str | None = None) -> DataFrame:
    """One row per finding of every article of ``df`` (columns: :data:`numcheck.archive.COLUMNS`).

    ``text``, ``date``, ``lang``, ``id``: the column names (``date``/``lang`` may be absent:
    no date — the latest rates — and ``default_lang``; ``id=None`` numbers the rows).
    ``tolerance``, ``rates``, ``currency_hints``: as in :func:`numcheck.check` — ``rates`` by
    name (``"ecb"``, ``"table:house.csv"``, a list: a chain), whose data files are shipped to
    the executors, or a provider object, which is pickled. An article that cannot be checked
    (no text, a bad date, an unknown language) is one row with verdict ``error``; so is a
    record whose ``error`` column (when given) is not null, with that text as the reason.
    Lazy, like any DataFrame: the check runs when the result is written or collected.
    """
    spark = df.sparkSession
    if tolerance is not None:
        from .pipeline import _tolerance

        _tolerance(tolerance)  # a bad tolerance fails here, once, not as an error row per article
    shipment, stamp = ship_rates(spark, rates, config)
    options = {"tolerance": tolerance, "currency_hints": currency_hints}
    return _input(df, text, date, lang, id, error).mapInArrow(_checker(shipment, stamp, default_lang, options), spark_ddl())


def session(master: str | None = None, app_name: str = "numcheck audit", conf: dict[str, str] | None = None,
            quiet: bool = True) -> SparkSession:
    """A SparkSession: on ``master`` when given, else on what the usual Spark configuration
    says (spark-submit's ``--master``, spark-defaults.conf), which is ``local[*]`` when nothing
    does. On a local master the workers run this Python (the one numcheck is installed in)."""
    local = master.startswith("local") if master else "PYSPARK_GATEWAY_PORT" not in os.environ
    if local and not os.environ.get("PYSPARK_PYTHON"):
        os.environ["PYSPARK_PYTHON"] = sys.executable
    b = SparkSession.builder.appName(app_name)
    if master:
        b = b.master(master)
    for k, v in (conf or {}).items():
        b = b.config(k, v)
    s = b.getOrCreate()
    if quiet:
        s.sparkContext.setLogLevel("ERROR")
    return s


def schema() -> "T.StructType":
    """The findings table's Spark schema."""
    return T._parse_datatype_string(spark_ddl())


__all__ = ["check_dataframe", "session", "ship_rates", "schema", "COLUMNS", "NAMES"]
