"""Command line: argument parsing and wiring only.

    corpuslint check [PATHS...]   lint (default: .)
    corpuslint rules              list every rule
    corpuslint rule CODE          print a rule's documentation

Exit codes: 0 nothing left to report, 1 findings, 2 usage, config or internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from .core.version import __version__
from .core.config import Config, ConfigError, check_selectors, discover_config
from .core.findings import Applicability
from .core.packs import PackError
from .core.registry import RegistryError, discover
from .core.rule import OptionError, family_of
from .engine import Engine, LintResult
from .late_findings import of_code, record_paths
from .load import SourceError, check_jsonl_field, is_jsonl, record_lines
from .report import FORMATS, Report, formatter, writer
from .report.text import Printable, printable, statistics
from .terminate import sigterm_as_exit
from .report.text import write as text_writer
from .report.text import write_concise as concise_writer
from .suppress import BaselineError, apply_baseline, read_baseline, write_baseline

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpuslint",
        description="A document-quality and dedup linter for Chinese text corpora.",
    )
    parser.add_argument("--version", action="version", version=f"corpuslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint files, folders, JSONL corpora or stdin (-)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--select", type=_codes, help="rule codes or prefixes to enable (replaces config)")
    check.add_argument("--extend-select", type=_codes, help="rule codes or prefixes to enable in addition")
    check.add_argument("--ignore", type=_codes, help="rule codes or prefixes to disable")
    check.add_argument("--output-format", choices=(*FORMATS, "parquet"), default=None,
                       help="text (default), concise, json, jsonl, sarif, github or html; parquet: ray shards only")
    check.add_argument("--fix", action="store_true", help="apply safe fixes")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff: apply unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    check.add_argument("--statistics", action="store_true", help="print counts per rule instead of findings")
    check.add_argument("--no-cache", action="store_true", help="do not read or write .corpuslint_cache/")
    check.add_argument("--config", help="config file (pyproject.toml or corpuslint.toml)")
    check.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: 1)")
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    check.add_argument("--baseline", help="report only findings not recorded in this baseline file")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings as a baseline")
    check.add_argument("--jsonl-field", help="JSONL field holding the text (default: text)")
    check.add_argument("--jsonl-id", help="JSONL field holding the record id (default: id)")
    check.add_argument("--jsonl-group", help="JSONL field naming the article a record is a version of")
    check.add_argument("--stdin-filename", help="path to report for text read from stdin")
    check.add_argument("--output-file", "-o", help="write the report to this file instead of stdout "
                       "(--engine ray: a folder, or a path ending in /, gets JSONL or Parquet shards)")
    check.add_argument("--engine", choices=("local", "ray"), default="local",
                       help="local (default) or ray: a Ray cluster (pip install 'corpuslint[ray]')")
    check.add_argument("--ray-address", help="with --engine ray: the cluster (default: RAY_ADDRESS, else a local one)")
    check.add_argument("--max-results", type=int, metavar="N",
                       help="report at most N findings, the most severe first (sarif: 25000 by default, "
                            "GitHub's limit); the exit code still counts them all")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", choices=("text", "json", "markdown"), default="text")
    rule = sub.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    with sigterm_as_exit():
        return _run(parser, args)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "rule":
            return cmd_rule(args)
        parser.print_help()
        return EXIT_ERROR
    except (ConfigError, OptionError, PackError, RegistryError, BaselineError, SourceError, UsageError) as exc:
        _err(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # never a bare traceback for the user; CORPUSLINT_DEBUG=1 shows it
        if os.environ.get("CORPUSLINT_DEBUG"):
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (set CORPUSLINT_DEBUG=1 for a traceback)")
        return EXIT_ERROR


def _err(message: str) -> None:
    print(f"corpuslint: error: {printable(message)}", file=sys.stderr)


# C0 and C1 control characters but tab and newline: an ESC in a file name must not drive the
# terminal (colours, cursor moves, a title change) when the name is printed.
def _tolerant_streams() -> None:
    """A file name that is not UTF-8 reaches us with lone surrogates (``surrogateescape``);
    printed as an escape instead of raising UnicodeEncodeError (JSON output stays valid: the
    escape is JSON's own ``\\udcXX``)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def resolve_config(args: argparse.Namespace, registry: Mapping[str, Any] | None = None) -> Config:
    config = discover_config(args.paths, args.config)
    # the config file's own selectors, named by file and key
    check_selectors(config, list(registry if registry is not None else discover()))
    ignore = config.ignore + tuple(args.ignore or ())
    return config.with_overrides(
        select=tuple(args.select) if args.select is not None else None,
        extend_select=config.extend_select + tuple(args.extend_select or ()),
        ignore=ignore,
        jsonl_field=args.jsonl_field,
        jsonl_id=args.jsonl_id,
        jsonl_group=args.jsonl_group,
    )


def _progress() -> Callable[[str, int, int, int], None] | None:
    """Progress over every phase on stderr ("reading" files with MB/s, then the corpus rules),
    shown only on a terminal and only once a run passes a second; silent otherwise."""
    if not sys.stderr.isatty():
        return None
    started = time.monotonic()
    state: dict[str, Any] = {}
    labels = {"reading": "reading and checking files", "corpus": "corpus rules (duplicates, versions, templates)"}

    def update(phase: str, done: int, total: int, nbytes: int = 0) -> None:
        if "bar" not in state:
            if time.monotonic() - started < 1.0 or (phase == "reading" and done >= total):
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                           console=Console(stderr=True), transient=True)
            bar.start()
            state["bar"], state["tasks"], state["t0"] = bar, {}, {}
        bar = state["bar"]
        tasks = state["tasks"]
        if phase not in tasks:
            tasks[phase] = bar.add_task(labels.get(phase, phase), total=total, rate="")
            state["t0"][phase] = time.monotonic()
        elapsed = max(1e-6, time.monotonic() - state["t0"][phase])
        rate = f"{nbytes / 1e6 / elapsed:.1f} MB/s" if nbytes else ""
        bar.update(tasks[phase], completed=done, total=total, rate=rate)
        if phase == "corpus" and done >= total:
            bar.stop()

    return update


def cmd_check(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    if args.max_results is not None and args.max_results < 0:
        raise UsageError("--max-results must be 0 or more")
    registry = discover()  # once: every call reads the installed distributions' entry points
    config = resolve_config(args, registry)
    # No root (the named paths' folder was $HOME or /): no cache, which would copy text there.
    use_cache = not args.no_cache and "-" not in args.paths and config.root is not None
    try:
        engine = Engine(config, use_cache=use_cache, jobs=args.jobs or 1, registry=registry)
    except OptionError as exc:
        raise ConfigError(f"{config.source or 'options'}: {exc}") from exc
    fmt = args.output_format or os.environ.get("CORPUSLINT_OUTPUT_FORMAT") or "text"
    if args.engine == "ray":
        ray_result = _check_on_ray(args, config, fmt)
        if isinstance(ray_result, int):
            return ray_result
        result = ray_result
    else:
        stdin = sys.stdin.buffer.read() if "-" in args.paths else None
        keep = bool(args.fix or args.diff) or fmt == "html"
        progress = _progress()
        result = engine.lint_paths(args.paths, stdin=stdin, progress=progress, keep_documents=keep)
    if args.stdin_filename:
        _rename_stdin(result, args.stdin_filename)
    for path in sorted({f.path for f in of_code(result.findings, "ENC002") if f.path and is_jsonl(f.path)}):
        check_jsonl_field(path, config)  # every record lacking the field is a usage error
    for error in result.errors:
        _err(error)

    fixed = failed = 0
    if args.fix or args.diff:
        from .fix import fix_documents, unified_diff, write_documents  # only a fixing run needs them

        outcome = fix_documents(engine.lint_documents, result.documents, unsafe=args.unsafe_fixes)
        if args.diff:
            diffs = [unified_diff(o, n) for o, n in zip(result.documents, outcome.documents)
                     if o.text != n.text or o.encoding != n.encoding]
            sys.stdout.write("".join(diffs))
            if not args.quiet:
                print(f"Would fix {outcome.count} finding{'s' if outcome.count != 1 else ''}.", file=sys.stderr)
            if result.errors:
                return EXIT_ERROR
            return EXIT_FINDINGS if diffs and not args.exit_zero else EXIT_OK
        if "-" in args.paths:
            return _fix_stdin(args, engine, result, outcome)
        writes = write_documents(result.documents, outcome.documents)
        for e in writes.errors:
            _err(e)
        failed = writes.failed
        # What is on disk now: the fixed text of the files written, the old one of the others.
        done = set(writes.written)
        on_disk = [n if o.path in done else o for o, n in zip(result.documents, outcome.documents)]
        fixed = sum(len(outcome.applied.get(o.id, [])) for o in result.documents if o.path in done)
        if fixed:
            result = replace(engine.lint_documents(on_disk), errors=result.errors)

    findings = result.findings
    if args.baseline:
        findings = apply_baseline(findings, read_baseline(Path(args.baseline)), config.relpath)
    if args.write_baseline:
        n = write_baseline(Path(args.write_baseline), findings, config.relpath)
        if not args.quiet:
            print(f"Wrote {n} finding{'s' if n != 1 else ''} to baseline {args.write_baseline}.", file=sys.stderr)
        return EXIT_ERROR if result.errors else EXIT_OK

    if fmt not in FORMATS:
        raise UsageError(f"unknown output format {fmt!r}")
    report = Report(findings=findings, files=result.files, rules=engine.rules.registry,
                    version=__version__, root=str(config.root) if config.root else None, fixed=fixed,
                    failed=failed, documents=result.documents if fmt == "html" else (),
                    packs=engine.rules.packs, version_pairs=result.version_pairs,
                    pair_differences=result.pair_differences,
                    record_lines=_record_lines(findings, result.record_lines, config)
                    if fmt in ("json", "jsonl", "sarif", "github") else {},
                    max_results=args.max_results)
    stream = None if args.statistics else writer(fmt)
    if stream is None and fmt in ("text", "concise") and not args.statistics:
        write_text = text_writer if fmt == "text" else concise_writer
        stream = lambda r, fh: write_text(r, Printable(fh), summary=not args.quiet)  # noqa: E731
    if stream is not None:
        if args.output_file:
            with open(args.output_file, "w", encoding="utf-8", errors="backslashreplace") as fh:
                stream(report, fh)
        else:
            stream(report, sys.stdout)
    else:
        if args.statistics:
            out = statistics(report)
        else:
            out = formatter(fmt)(report)
            if args.quiet and fmt in ("text", "concise"):
                out = "".join(line + "\n" for line in out.splitlines()[:-1])
            if fmt not in ("json", "jsonl", "sarif"):  # JSON escapes control characters itself
                out = printable(out)
        if args.output_file:
            Path(args.output_file).write_text(out, encoding="utf-8", errors="backslashreplace")
        else:
            sys.stdout.write(out)
    if result.errors or failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings and not args.exit_zero else EXIT_OK


def _fix_stdin(args: argparse.Namespace, engine: Engine, result: LintResult, outcome: Any) -> int:
    """``check - --fix``: the fixed text on stdout, what remains on stderr (ruff's contract);
    exit 1 when findings remain."""
    for o, n in zip(result.documents, outcome.documents):
        if o.path == "-":
            sys.stdout.write(n.text)
    remaining = engine.lint_documents(outcome.documents).findings if outcome.count else result.findings
    if args.stdin_filename:
        remaining = [_renamed(f, args.stdin_filename) for f in remaining]
    if not args.quiet or remaining:
        report = Report(findings=remaining, files=1, rules=engine.rules.registry, version=__version__,
                        fixed=outcome.count)
        out = formatter("concise")(report)
        sys.stderr.write(out if not args.quiet else "".join(l + "\n" for l in out.splitlines()[:-1]))
    if result.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if remaining and not args.exit_zero else EXIT_OK

def _check_on_ray(args: argparse.Namespace, config: Config, fmt: str) -> LintResult | int:
    """--engine ray: the findings on the driver, or written as shards (then the exit code)."""
    if args.fix or args.diff:
        raise UsageError("--fix and --diff run on the local engine only: drop --engine ray to fix")
    if fmt == "html":
        raise UsageError("--output-format html needs the documents: the local engine only")
    if "-" in args.paths:
        raise UsageError("--engine ray reads files, not stdin (-)")
    try:
        from .ray import lint_paths as lint_on_ray, write_paths_findings
    except ImportError as exc:
        raise UsageError(str(exc)) from exc
    out = args.output_file
    if out and (out.endswith(("/", os.sep)) or os.path.isdir(out)):
        count, result = write_paths_findings(args.paths, out, args.output_format or "jsonl",
                                             config=config, address=args.ray_address)
        for error in result.errors:
            _err(error)
        if not args.quiet:
            print(f"Wrote {count} finding{'s' if count != 1 else ''} ({result.files} files) to {out}", file=sys.stderr)
        if result.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if count and not args.exit_zero else EXIT_OK
    if args.output_format == "parquet":
        raise UsageError("--output-format parquet writes shards: give --engine ray -o DIR/")
    return lint_on_ray(args.paths, config=config, address=args.ray_address)


def _record_lines(findings: Sequence[Any], known: Mapping[tuple[str | None, str], int], config: Config
                  ) -> dict[tuple[str | None, str], int]:
    """(path, record) -> file line for the records the findings (or their related locations)
    are in: json, sarif and github output locate a record's finding in the file. The run's
    records are known from pass 1; a JSONL file outside the run (a related location found
    through the index) is read for its lines."""
    out = dict(known)
    seen = {p for p, _ in known}
    paths = {p for p in record_paths(findings) if p not in seen and is_jsonl(p)}
    for p in sorted(paths):
        out.update(((p, rec), line) for rec, line in record_lines(p, config).items())
    return out


def _renamed(f: Any, name: str) -> Any:
    return replace(f, location=replace(f.location, path=name)) if f.location.path == "-" else f


def _rename_stdin(result: LintResult, name: str) -> None:
    result.findings = [_renamed(f, name) for f in result.findings]


def cmd_rules(args: argparse.Namespace) -> int:
    registry = discover()
    if args.output_format == "json":
        import json

        rows = [_rule_row(cls) for cls in registry.values()]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.output_format == "markdown":
        print(rules_markdown(registry), end="")
        return EXIT_OK
    print(f"{'code':<8} {'name':<34} {'family':<6} {'default':<8} {'fix':<7} summary")
    for cls in registry.values():
        r = _rule_row(cls)
        print(f"{r['code']:<8} {r['name']:<34} {r['family']:<6} {'on' if r['default'] else 'off':<8} "
              f"{r['fix'] or '-':<7} {r['summary']}")
    return EXIT_OK


def rules_markdown(registry) -> str:  # type: ignore[no-untyped-def]
    """The rule table of README.md (a test keeps the two in step)."""
    lines = ["| code | name | default | fix | what it finds |", "|---|---|---|---|---|"]
    for cls in registry.values():
        r = _rule_row(cls)
        lines.append(f"| {r['code']} | `{r['name']}` | {'on' if r['default'] else 'off'} | "
                     f"{r['fix'] or '—'} | {r['summary']} |")
    return "\n".join(lines) + "\n"


def _rule_row(cls) -> dict:  # type: ignore[no-untyped-def]
    return {
        "code": cls.code, "name": cls.name, "family": family_of(cls.code),
        "default": cls.default_enabled, "severity": cls.severity.value,
        "fix": cls.fix.value if isinstance(cls.fix, Applicability) else None,
        "summary": cls.summary, "options": dict(cls.options),
    }


def cmd_rule(args: argparse.Namespace) -> int:
    registry = discover()
    code = args.code.upper()
    cls = registry.get(code) or next((c for c in registry.values() if c.name == args.code), None)
    if cls is None:
        raise UsageError(f"no rule {args.code!r}; `corpuslint rules` lists them")
    r = _rule_row(cls)
    print(f"# {cls.code} {cls.name}\n")
    print(f"{cls.summary}\n")
    print(f"Family: {r['family']} · default: {'on' if r['default'] else 'off'} · severity: {r['severity']}"
          f" · fix: {r['fix'] or 'none'}\n")
    print(cls.documentation().strip())
    if cls.options:
        print("\n## Option defaults")
        for k, v in cls.options.items():
            print(f"- `{k.replace('_', '-')}` = {v!r}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
