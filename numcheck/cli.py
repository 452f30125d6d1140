"""The ``numcheck`` command: check, extract, rates.

Exit status: 0 when nothing is inconsistent, 1 when something is, 2 on usage or input
errors (a missing or unreadable file, an invalid date, an unknown currency). Each error is
one line on stderr naming the file, line or value; the other files are still checked.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from .errors import InputError, NumcheckError, RateUnavailable, one_line

EXIT_OK, EXIT_INCONSISTENT, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage too)
        self.print_usage(sys.stderr)
        print(f"numcheck: error: {one_line(message)}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", default=None, help='language of the text: "en", "en-US", "sv" … (default: front matter, else en)')


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="numcheck", description="Catch wrong numbers in news copy.")
    from . import __version__

    parser.add_argument("--version", action="version", version=f"numcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="check the conversions stated in files (or - for stdin)")
    c.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    c.add_argument("--date", help="the article date, YYYY-MM-DD (default: front matter, else the latest rates)")
    _add_common(c)
    c.add_argument("--tolerance", help="relative tolerance for rate drift on top of rounding (default 0.03)")
    c.add_argument("--kinds", default=None, metavar="KINDS",
                   help="what to check, comma-separated: money, unit, change (percent changes, points, multiples), "
                        "share (default: config kinds, else all)")
    c.add_argument("--rates", default=None, help='rate providers in order, comma-separated (default "ecb")')
    c.add_argument("--format", choices=["text", "json", "sarif", "github"], default="text",
                   help="text (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)")
    c.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour the text report: auto (on a terminal, unless NO_COLOR is set), always, never")
    c.add_argument("--include", action="append", default=None, metavar="GLOB",
                   help="in directories, check only files matching GLOB (repeatable; default: .md .markdown .txt .html .htm .jsonl)")
    c.add_argument("--exclude", action="append", default=None, metavar="GLOB", help="skip files matching GLOB (repeatable)")
    c.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="check files in N parallel processes (default 1)")
    c.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE (counted as baseline)")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    c.add_argument("--severity", action="append", default=None, metavar="VERDICT=LEVEL",
                   help="how a verdict is reported: error (fails the run), warning, note or none; "
                        "e.g. ambiguous=error (repeatable or comma-separated; default inconsistent=error, "
                        "ambiguous=warning, unverifiable=warning, consistent=none)")
    c.add_argument("--progress", choices=["auto", "always", "never"], default="auto",
                   help="progress bar on stderr: auto (on a terminal, for more than a few files), always, never")

    e = sub.add_parser("extract", help="list every amount found in a file (or - for stdin)")
    e.add_argument("path", metavar="PATH")
    _add_common(e)
    e.add_argument("--format", choices=["text", "json"], default="json")

    # "rates BASE QUOTE", "rates info" and "rates update FILE" share one parser: a currency
    # code has three letters, so "info"/"update" cannot be mistaken for one.
    r = sub.add_parser(
        "rates",
        help="show the rate for BASE → QUOTE on a day; `rates info`, `rates update FILE`",
        usage="numcheck rates BASE QUOTE [--date D] [--provider P]\n       numcheck rates info\n       numcheck rates update FILE [--force]",
        description="rates BASE QUOTE: the rate, its day and provider. rates info: the ECB history in use "
        "(first and last day, origin). rates update FILE: install a newer ECB history (eurofxref-hist.zip or .csv).",
    )
    r.add_argument("base", metavar="BASE")
    r.add_argument("quote", metavar="QUOTE", nargs="?")
    r.add_argument("--date", help="the day, YYYY-MM-DD (default: the latest available)")
    r.add_argument("--provider", default=None, help='rate providers in order, comma-separated (default: config, else "ecb")')
    r.add_argument("--force", action="store_true", help="rates update: install even if older than the installed history")

    s = sub.add_parser("serve", help="HTTP API (LanguageTool-compatible) and a page where editors paste copy",
                       description="Serve the API and the page (needs the serve extra: pip install 'numcheck[serve]').")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; any other needs a token)")
    s.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    s.add_argument("--token-file", metavar="FILE", help="require this bearer token (first line of FILE; else NUMCHECK_TOKEN)")
    s.add_argument("--cors-origin", action="append", default=None, metavar="ORIGIN",
                   help="allow browser pages from ORIGIN to call the API (repeatable; default: CORS off)")
    s.add_argument("--max-body", type=int, default=2 * 1024 * 1024, metavar="BYTES", help="largest request body (default 2 MB)")
    s.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS", help="time limit of one check (default 10)")
    s.add_argument("--workers", type=int, default=2, metavar="N", help="checks run at once (default 2)")
    s.add_argument("--rates", default=None, help='rate providers enabled, in order (default: config, else "ecb")')
    s.add_argument("--lang", default=None, help="language when a request gives none (default: guessed per text)")
    s.add_argument("--tolerance", help="default relative tolerance (default 0.03)")
    s.add_argument("--regions", default="all", metavar="TAGS",
                   help='regional variants to load besides each language\'s main one: "all" CLDR knows (default, '
                        'in the background after start), "none", or tags such as en-GB,de-CH')

    from .audit import add_parser as add_audit  # archive audits (local or Spark): numcheck/audit.py

    add_audit(sub)
    return parser


def _stdin_text() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"-: invalid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def _providers(spec: str | None):
    if not spec:
        return None
    return [s.strip() for s in spec.split(",") if s.strip()]


def cmd_check(args: argparse.Namespace) -> int:
    from .batch import FileResult, RateSpec, check_document, plan, run_units
    from .checkrun import color_wanted, exit_status, parse_severity, progress_bar, render
    from .documents.readers import parse_document
    from .pipeline import _tolerance
    from .conversion.rates.ecb import parse_date

    day = parse_date(args.date)
    _apply_config(args)  # numcheck.toml / [tool.numcheck] fills the flags not given
    _tolerance(args.tolerance)  # validate once, before any file is read
    severity = parse_severity(args.severity)
    if args.jobs < 1:
        raise InputError(f"invalid --jobs {args.jobs}: expected 1 or more")
    known = None
    if args.baseline:
        from .baseline import load_baseline

        known = load_baseline(args.baseline)
    # the providers by name and settings, not the built object: each process builds its own once
    from .pipeline import parse_kinds

    options = dict(date=day, lang=args.lang, tolerance=args.tolerance, kinds=parse_kinds(args.kinds), rates=RateSpec(args.rate_specs, args.config),
                   default_lang=args.default_lang)
    results: list[FileResult] = []
    for p in args.paths:
        if p == "-":
            try:
                results.append(check_document(parse_document(_stdin_text(), "-"), **options))
            except InputError as e:
                results.append(FileResult("-", None, str(e)))
    files = [p for p in args.paths if p != "-"]
    if files:
        units = plan(files, args.include, args.exclude)
        with progress_bar(len(units), args.progress) as tick:
            results.extend(run_units(units, jobs=args.jobs, progress=tick, **options))
    if args.write_baseline:
        from .baseline import load_baseline, write_baseline

        n = write_baseline(results, args.write_baseline)
        print(one_line(f"numcheck: wrote {n} finding{'s' if n != 1 else ''} to {args.write_baseline}"), file=sys.stderr)
        known = load_baseline(args.write_baseline)
    if known is not None:
        from .baseline import apply_baseline

        results = apply_baseline(results, known)
    sys.stdout.write(render(results, args.format, severity=severity, color=color_wanted(args.color, sys.stdout)))
    sys.stdout.flush()
    for r in results:  # in JSON/SARIF they are in the document too; stderr is for humans
        if r.error:
            print(f"numcheck: error: {one_line(r.error)}", file=sys.stderr)
    return exit_status(results, severity)


def cmd_extract(args: argparse.Namespace) -> int:
    from .documents.readers import parse_document, read_document
    from .extraction import extract
    from .model import strict_json

    doc = parse_document(_stdin_text(), "-") if args.path == "-" else read_document(args.path)
    mentions = extract(doc.text, lang=args.lang or doc.lang or "en")
    if args.format == "json":
        print(strict_json([m.to_dict() for m in mentions], ensure_ascii=False, indent=2))
    else:
        for m in mentions:
            line, col = doc.position(m.start)  # the file's line:column (Markdown/HTML markup dropped)
            hedge = f" [{m.hedge_text}]" if m.hedge_text else ""
            unit = m.unit or "?"
            if m.ambiguous:
                unit += " (or " + ", ".join(m.candidates[1:]) + ")"
            value = f"{m.value:g}" + (f"–{m.value_max:g}" if m.value_max is not None else "")
            print(f"{one_line(doc.path)}:{line}:{col}: {m.kind}: {m.text!r} = {value} {unit}{hedge}")
    return EXIT_OK


def _config(args: argparse.Namespace):
    """The project configuration (nearest numcheck.toml / [tool.numcheck]); flags win."""
    from .config import load_config

    start = next((p for p in getattr(args, "paths", []) if p != "-"), None)
    return load_config(start)


def _apply_config(args: argparse.Namespace) -> None:
    """Fill the check command's absent flags from the configuration."""
    from .conversion.rates import resolve

    cfg = _config(args)
    if args.tolerance is None and cfg.tolerance is not None:
        args.tolerance = str(cfg.tolerance)
    args.default_lang = cfg.lang
    if args.kinds is None and cfg.kinds is not None:
        args.kinds = ",".join(sorted(cfg.kinds))
    args.rate_specs, args.config = tuple(_providers(args.rates) or cfg.rates), cfg  # for worker processes
    # a resolved provider carries the configured max rate age and live source settings
    args.rates = resolve(_providers(args.rates) or list(cfg.rates), cfg)


def cmd_rates_info(args: argparse.Namespace) -> int:
    from .conversion.rates.store import bundled_history, default_history, installed_history

    used, bundled, installed = default_history(), bundled_history(), installed_history()
    print(f"ECB reference rates: {used.first} to {used.last}")
    print(f"file: {used.path}")
    print(f"origin: {used.origin}")
    if installed is not None and installed.path != used.path:
        print(f"not used: the installed history ends on {installed.last}, before the bundled one ({bundled.last})")
    elif used.path != bundled.path:
        print(f"replaces: the bundled history ({bundled.first} to {bundled.last}, {bundled.origin})")
    return EXIT_OK


def cmd_rates_update(args: argparse.Namespace) -> int:
    from .conversion.rates.store import bundled_history, install_history

    new, previous = install_history(args.quote, force=args.force)
    print(f"installed ECB history {new.first} to {new.last} from {args.quote} in {new.path}")
    if previous is not None:
        print(f"replaced: the previously installed history ({previous.first} to {previous.last})")
    bundled = bundled_history()
    if new.last < bundled.last:
        print(f"note: it ends before the bundled history ({bundled.last}), which stays in use")
    return EXIT_OK


def cmd_rates(args: argparse.Namespace) -> int:
    from .language.formatting import rate_text
    from .conversion.rates import resolve
    from .conversion.rates.ecb import parse_date

    word = args.base.lower()
    if word == "info" and args.quote is None:
        return cmd_rates_info(args)
    if word == "update":
        if args.quote is None:
            raise InputError("rates update: give the ECB history file to install (eurofxref-hist.zip or .csv)")
        return cmd_rates_update(args)
    if args.quote is None:
        raise InputError("rates: expected BASE QUOTE (such as USD SEK), `info` or `update FILE`")
    day = parse_date(args.date)
    base, quote = args.base.upper(), args.quote.upper()
    for code in (base, quote):
        if len(code) != 3 or not code.isalpha():
            raise InputError(f"invalid currency code {code!r}: expected an ISO 4217 code such as USD")
    cfg = _config(args)
    provider = resolve(_providers(args.provider) or list(cfg.rates), cfg)
    from .model import ArticleYear

    try:
        if isinstance(day, ArticleYear):  # "--date 2012": the year's range, as checks use it
            from .pipeline import _year_conversion

            c = _year_conversion(base, quote, day.year, provider)
            print(f"1 {base} = {rate_text(c.factor)}–{rate_text(c.factor_max or c.factor)} {quote} over {day.year} "
                  f"— {c.rate.note if c.rate else ''}")
            return EXIT_OK
        r = provider.rate(base, quote, day)
    except RateUnavailable as e:
        print(f"numcheck: {base}/{quote}: unavailable: {e}", file=sys.stderr)
        return EXIT_ERROR
    note = f" — {r.note}" if r.note else ""
    print(f"1 {base} = {rate_text(r.value)} {quote} on {r.date} ({r.provider}){note}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .pipeline import _tolerance
    from .serve import check_binding, read_token, serve

    try:
        from .serve.app import Settings
        from .serve.engine import Engine
    except ImportError:
        raise InputError("numcheck serve needs the serve extra: pip install 'numcheck[serve]'") from None
    for name, value, low in (("--port", args.port, 0), ("--max-body", args.max_body, 1), ("--workers", args.workers, 1)):
        if value < low or (name == "--port" and value > 65535):
            raise InputError(f"invalid {name} {value}")
    if not args.timeout > 0:
        raise InputError(f"invalid --timeout {args.timeout:g}: expected seconds, more than 0")
    token = read_token(args.token_file)
    check_binding(args.host, token)
    cfg = _config(args)
    tolerance = args.tolerance if args.tolerance is not None else cfg.tolerance
    if tolerance is not None:
        _tolerance(tolerance)
    regions = args.regions.strip().lower()
    engine = Engine(rates=_providers(args.rates) or list(cfg.rates), config=cfg, tolerance=tolerance,
                    default_lang=args.lang, regions="all" if regions == "all" else
                    () if regions in ("", "none") else [t.strip() for t in args.regions.split(",") if t.strip()])
    settings = Settings(max_body=args.max_body, timeout=args.timeout, workers=args.workers, token=token,
                        cors_origins=tuple(args.cors_origin or ()))
    serve(args.host, args.port, engine=engine, settings=settings)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        from .audit import cmd_audit

        return {"check": cmd_check, "extract": cmd_extract, "rates": cmd_rates, "audit": cmd_audit,
                "serve": cmd_serve}[args.command](args)
    except NumcheckError as e:
        print(f"numcheck: error: {one_line(str(e))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `numcheck check … | head`
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
