"""The ``numcheck`` command: check, extract, rates.

Exit status: 0 when nothing is inconsistent, 1 when something is, 2 on usage or input
errors (a missing or unreadable file, an invalid date, an unknown currency). Each error is
one line on stderr naming the file, line or value; the other files are still checked.
"""

from __future__ import annotations

import argparse
import json
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
    c.add_argument("--date", help="the article date, YYYY-MM-DD (default: front matter, else config date, else the latest rates)")
    _add_common(c)
    c.add_argument("--tolerance", help="relative tolerance for rate drift on top of rounding (default 0.03)")
    c.add_argument("--kinds", default=None, metavar="KINDS",
                   help="what to check, comma-separated: money, unit, change (percent changes, points, multiples), "
                        "share (default: config kinds, else all)")
    c.add_argument("--rates", default=None, help='rate providers in order, comma-separated (default "ecb")')
    c.add_argument("--currency-hint", action="append", default=None, metavar="SYMBOL=CODE",
                   help="read an ambiguous symbol or word as this currency, e.g. '$=CAD' or 'kr=NOK|DKK' (repeatable)")
    c.add_argument("--format", choices=["text", "json", "sarif", "github"], default="text",
                   help="text (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)")
    c.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour the text report: auto (on a terminal, unless NO_COLOR is set), always, never")
    shown = c.add_mutually_exclusive_group()
    shown.add_argument("--show-all", "--verbose", "-v", dest="show", action="store_const", const="all", default=None,
                       help="text: list every claim (consistent and suppressed too) and a summary per file")
    shown.add_argument("--quiet", "-q", dest="show", action="store_const", const="quiet",
                       help="text: print the summary line only")
    shown.add_argument("--statistics", dest="show", action="store_const", const="statistics",
                       help="text: count the problems by verdict and kind instead of listing them")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run (2 still means unreadable input)")
    c.add_argument("--include", action="append", default=None, metavar="GLOB",
                   help="in directories, check only files matching GLOB (repeatable; default: .md .markdown .txt .html .htm .jsonl)")
    c.add_argument("--exclude", action="append", default=None, metavar="GLOB",
                   help="skip files matching GLOB; a folder name ('drafts', 'drafts/') skips the folder, as in .gitignore (repeatable)")
    c.add_argument("--stdin-filename", metavar="NAME", help="for - : read standard input as this file (its suffix picks the format) and report it under NAME")
    c.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="check files in N parallel processes (default 1)")
    c.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE (counted as baseline)")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    c.add_argument("--severity", action="append", default=None, metavar="VERDICT=LEVEL",
                   help="how a verdict is reported: error (fails the run), warning, note or none; "
                        "e.g. ambiguous=error (repeatable or comma-separated; default inconsistent=error, "
                        "ambiguous=warning, unverifiable=warning, consistent=none)")
    c.add_argument("--strict", action="store_true", default=None,
                   help="ambiguous and unverifiable fail the run too, and unused ignore comments are reported")
    c.add_argument("--report-unused-ignores", action="store_true",
                   help="list <!-- numcheck: ignore --> comments that silenced nothing (they fail the run)")
    c.add_argument("--fix", action="store_true", help="apply the suggested corrections of inconsistent findings in place")
    c.add_argument("--diff", action="store_true", help="print the corrections --fix would make as a unified diff; change nothing")
    c.add_argument("--messages", choices=["article", "en"], default=None,
                   help="messages in the article's language (default) or in English")
    c.add_argument("--progress", choices=["auto", "always", "never"], default="auto",
                   help="progress bar on stderr: auto (on a terminal, for more than a few files), always, never")

    sc = sub.add_parser("completion", help="print a shell completion script: bash, zsh or fish")
    sc.add_argument("shell", choices=["bash", "zsh", "fish"], metavar="SHELL", help="bash, zsh or fish")

    g = sub.add_parser("config", help="print the resolved configuration and where each value came from")
    g.add_argument("path", nargs="?", default=None, metavar="PATH", help="resolve for files under PATH (default: the current directory)")
    g.add_argument("--format", choices=["text", "json", "toml"], default="text")

    e = sub.add_parser("extract", help="list every amount found in files or directories (or - for stdin)")
    e.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    _add_common(e)
    e.add_argument("--format", choices=["text", "json"], default="json")
    e.add_argument("--include", action="append", default=None, metavar="GLOB", help="as for check")
    e.add_argument("--exclude", action="append", default=None, metavar="GLOB", help="as for check")
    e.add_argument("--stdin-filename", metavar="NAME", help="as for check")

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


#: check's flags that are configuration keys, and how the origin names them
_FLAG_NAMES = {"rates": "--rates", "tolerance": "--tolerance", "lang": "--lang", "currency_hints": "--currency-hint",
               "include": "--include", "exclude": "--exclude", "severity": "--severity", "baseline": "--baseline",
               "jobs": "--jobs", "date": "--date", "strict": "--strict", "messages": "--messages",
               "kinds": "--kinds"}


def resolved_config(args: argparse.Namespace):
    """The configuration for this run: file < NUMCHECK_* environment < flags."""
    from .config import resolve_config

    start = next((p for p in getattr(args, "paths", []) or [] if p != "-"), None)
    if start is None and getattr(args, "path", None):
        start = args.path
    flags = {k: getattr(args, k, None) for k in _FLAG_NAMES}
    flags["currency_hints"] = getattr(args, "currency_hint", None)
    if args.command != "check":
        flags = {k: v for k, v in flags.items() if k == "lang"}
    return resolve_config(start, flags, flag_names=_FLAG_NAMES)


def _check_lang(lang: str | None, where: str) -> None:
    """An unknown language is one error for the run, not one per file."""
    if lang and lang.strip().lower() != "auto":
        from .language import get_lexicon

        try:
            get_lexicon(lang)
        except InputError as e:
            raise InputError(f"{where}: {e}") from None


def cmd_check(args: argparse.Namespace) -> int:
    from .batch import FileResult, RateSpec, check_document, plan, run_units
    from .checkrun import color_wanted, exit_status, parse_severity, progress_bar, render
    from .documents.readers import parse_document
    from .pipeline import _tolerance
    from .conversion.rates import resolve
    from .conversion.rates.ecb import parse_date

    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"invalid --jobs {args.jobs}: expected 1 or more")
    if args.tolerance is not None:
        from .pipeline import _tolerance as _valid_tolerance

        _valid_tolerance(args.tolerance)
    cfg = resolved_config(args)
    _check_lang(args.lang, "--lang")  # the configured lang only applies where front matter says nothing
    tolerance = cfg.tolerance
    _tolerance(tolerance)
    strict = cfg.strict
    severity = parse_severity(({"ambiguous": "error", "unverifiable": "error"} if strict else {}) | cfg.severity_map)
    report_unused = args.report_unused_ignores or strict
    day = parse_date(args.date)  # a flag: overrides front matter
    default_day = parse_date(cfg.date) if cfg.date and cfg.origin("date") != "--date" else None
    known = None
    if cfg.baseline and not args.write_baseline:
        from .baseline import load_baseline

        known = load_baseline(cfg.baseline)
    resolve(list(cfg.rates), cfg)  # a bad provider or rate table: one error before any file is read
    # the providers by name and settings, not the built object: each process builds its own once
    options = dict(date=day, lang=args.lang, tolerance=tolerance, rates=RateSpec(cfg.rates, cfg),
                   default_lang=cfg.lang, default_date=default_day, currency_hints=cfg.hints, messages=cfg.messages,
                   kinds=cfg.kinds)
    if args.stdin_filename and "-" not in args.paths:
        raise InputError("--stdin-filename names standard input: give - as the PATH")
    results = _run_check(args, cfg, options, progress=args.progress)
    if args.fix or args.diff:
        from .outputs.fixes import apply_fixes

        changed = apply_fixes(results, write=args.fix, out=sys.stdout if args.diff else None)
        if args.fix:
            n = sum(changed.values())
            print(f"numcheck: fixed {n} finding{'s' if n != 1 else ''} in {len(changed)} file{'s' if len(changed) != 1 else ''}",
                  file=sys.stderr)
            if changed:  # report what is left, as it now stands
                results = _run_check(args, cfg, options, progress="never")
        else:
            return EXIT_INCONSISTENT if changed and not args.exit_zero else EXIT_OK
    if args.write_baseline:
        from .baseline import load_baseline, write_baseline

        n = write_baseline(results, args.write_baseline)
        print(one_line(f"numcheck: wrote {n} finding{'s' if n != 1 else ''} to {args.write_baseline}"), file=sys.stderr)
        known = load_baseline(args.write_baseline)
    if known is not None:
        from .baseline import apply_baseline

        results = apply_baseline(results, known)
    show = args.show or "problems"
    sys.stdout.write(render(results, args.format, severity=severity, color=color_wanted(args.color, sys.stdout),
                            show=show, unused_ignores=report_unused))
    sys.stdout.flush()
    for r in results:  # in JSON/SARIF they are in the document too; stderr is for humans
        if r.error:
            print(f"numcheck: error: {one_line(r.error)}", file=sys.stderr)
    status = exit_status(results, severity, unused_ignores=report_unused)
    if args.exit_zero and status == EXIT_INCONSISTENT:
        return EXIT_OK
    return status


def _run_check(args: argparse.Namespace, cfg, options: dict, progress: str):
    from .batch import FileResult, check_document, plan, run_units
    from .checkrun import progress_bar
    from .documents.readers import parse_document

    results: list = []
    for p in args.paths:
        if p == "-":
            name = args.stdin_filename or "-"
            try:
                if not hasattr(args, "_stdin"):
                    args._stdin = _stdin_text()
                results.append(check_document(parse_document(args._stdin, name), **options))
            except InputError as e:
                results.append(FileResult(name, None, str(e)))
    files = [p for p in args.paths if p != "-"]
    if files:
        units = plan(files, list(cfg.include) or None, list(cfg.exclude) or None)
        with progress_bar(len(units), progress) as tick:
            results.extend(run_units(units, jobs=cfg.jobs, progress=tick, **options))
    return results


def cmd_extract(args: argparse.Namespace) -> int:
    from .documents.readers import expand_paths, parse_document, read_document
    from .extraction import extract
    from .model import strict_json

    cfg = resolved_config(args)
    _check_lang(args.lang, "--lang")
    docs = []
    status = EXIT_OK
    for p in args.paths:
        if p == "-":
            docs.append(parse_document(_stdin_text(), args.stdin_filename or "-"))
            continue
        for path, err in expand_paths([p], args.include or list(cfg.include) or None, args.exclude or list(cfg.exclude) or None):
            try:
                if err is not None:
                    raise err
                docs.append(read_document(path))
            except InputError as e:
                print(f"numcheck: error: {one_line(str(e))}", file=sys.stderr)
                status = EXIT_ERROR
    out: list = []
    for doc in docs:
        mentions = extract(doc.text, lang=args.lang or doc.lang or cfg.lang)
        if args.format == "json":
            for m in mentions:
                d = m.to_dict()
                line, col = doc.position(m.start)
                end_line, end_col = doc.position(m.end - 1) if m.end > m.start else (line, col)
                d.update({"path": doc.path, "line": line, "column": col, "end_line": end_line, "end_column": end_col + 1})
                out.append(d)
            continue
        for m in mentions:
            line, col = doc.position(m.start)  # the file's line:column (Markdown/HTML markup dropped)
            hedge = f" [{m.hedge_text}]" if m.hedge_text else ""
            unit = m.unit or "?"
            if m.ambiguous:
                unit += " (or " + ", ".join(m.candidates[1:]) + ")"
            value = f"{m.value:g}" + (f"–{m.value_max:g}" if m.value_max is not None else "")
            print(f"{one_line(doc.path)}:{line}:{col}: {m.kind}: {m.text!r} = {value} {unit}{hedge}")
    if args.format == "json" and (docs or status == EXIT_OK):
        print(strict_json(out, ensure_ascii=False, indent=2))
    return status


def cmd_completion(args: argparse.Namespace) -> int:
    from .completion import script

    sys.stdout.write(script(build_parser(), args.shell))
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    from .config import describe_config, env_name

    cfg = resolved_config(args)
    rows = describe_config(cfg)
    if args.format == "json":
        print(json.dumps({"source": str(cfg.source) if cfg.source else None,
                          "settings": {k: {"value": v, "origin": o, "env": env_name(k)} for k, v, o in rows}},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.format == "toml":
        print("[tool.numcheck]")
    else:
        print(f"# configuration file: {cfg.source if cfg.source else 'none found (numcheck.toml or [tool.numcheck] in pyproject.toml)'}")
    width = max(len(k) for k, _, _ in rows)
    for k, v, o in rows:
        if v is None and args.format == "toml":
            continue
        value = _toml_value(v)
        print(f"{k.ljust(width)} = {value}  # {o}" if args.format == "text" else f"{k} = {value}")
    return EXIT_OK


def _toml_value(v) -> str:
    if v is None:
        return "(unset)"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(x)}" for k, x in v.items()) + "}"
    return json.dumps(str(v))


def _config(args: argparse.Namespace):
    """The project configuration (nearest numcheck.toml / [tool.numcheck], environment)."""
    from .config import load_config

    start = next((p for p in getattr(args, "paths", []) if p != "-"), None)
    return load_config(start)


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

        return {"check": cmd_check, "extract": cmd_extract, "rates": cmd_rates, "audit": cmd_audit, "config": cmd_config,
                "completion": cmd_completion, "serve": cmd_serve}[args.command](args)
    except NumcheckError as e:
        print(f"numcheck: error: {one_line(str(e))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `numcheck check … | head`
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
