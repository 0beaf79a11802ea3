"""Command line: a thin layer over the library. ``main(argv) -> exit code``."""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
import time
from pathlib import Path

from pipeline import __version__
from pipeline.config import find_config
from pipeline.errors import PipelineError

log = logging.getLogger("pipeline")


def _progress_bar(enabled: bool):
    """A rich progress bar per language on a terminal; nothing otherwise."""
    if not enabled:
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True)
    tasks: dict[str, tuple[TaskID, float]] = {}

    def update(lang: str, done: int, total: int) -> None:
        if lang not in tasks:
            tasks[lang] = (bar.add_task(f"en→{lang}", total=total), time.monotonic())
        task, started = tasks[lang]
        rate = done / max(time.monotonic() - started, 1e-6)
        bar.update(task, completed=done, description=f"en→{lang} {rate:.1f} seg/s")

    return bar, update


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.checks import review_order, risk
    from pipeline.run import RunOptions, run

    config = find_config()
    options = RunOptions.from_config(
        config,
        out=args.out,
        glossary=args.glossary,
        targets=args.to,
        xliff12=args.xliff12,
        force=args.force,
        device=args.device,
        precision="reproducible" if args.reproducible else None,
        no_cache=args.no_cache,
        cluster=args.cluster,
    )
    bar, update = _progress_bar(sys.stderr.isatty() and not args.quiet)
    if bar:
        with bar:
            report = run(args.articles or config.articles, options, root=config.root, progress=update)
    else:
        report = run(args.articles or config.articles, options, root=config.root)
    cached = f", translation cache {report.cache_hits} hit(s), {report.cache_misses} translated" if options.cache else ""
    print(f"documents {len(report.documents)}, segments {report.segments}, {report.seconds:.1f} s{cached}")
    for lang in options.targets:
        correct, total = report.term_accuracy[lang]
        accuracy = f"{correct}/{total} ({100 * correct / total:.0f}%)" if total else "no terms"
        qa = ", ".join(f"{code} {n}" for code, n in sorted(report.findings[lang].items())) or "none"
        print(f"  {lang}: model {report.signature.packages[lang]}; glossary terms {accuracy}; checks: {qa}")
        for doc in report.documents:
            first = [s.id for s in review_order(doc, lang) if risk(s.target(lang))][:5]
            if first:
                print(f"    review first: {', '.join(first)}")
    root = Path.cwd()
    print(f"files written ({len(report.files)}):")
    for path in report.files:
        print(f"  {path.relative_to(root) if path.is_relative_to(root) else path}")
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from pipeline import models

    if args.action == "list":
        for package in models.list_packages():
            print(f"{package.from_code}→{package.to_code}  {package.label()}  {package.path}")
        return 0
    if args.online:
        installed = models.install_online(args.online)
    elif args.path:
        installed = models.install_path(Path(args.path))
    else:
        raise PipelineError("models install needs PATH or --online PAIR")
    for name in installed:
        print(f"installed {name}")
    return 0


def cmd_glossary(args: argparse.Namespace) -> int:
    from pipeline.formats import tbx, write_atomic
    from pipeline.glossary import load_glossary, overlaps

    config = find_config()
    if args.action == "suggest":
        from pipeline.suggest import suggest, to_tsv
        from pipeline.workspace import expand_inputs, load_documents

        glossary = load_glossary(Path(args.glossary).resolve() if args.glossary else config.path(config.glossary))
        docs = load_documents(expand_inputs(args.paths or config.articles, config.root), glossary, config.root)
        rows = to_tsv(suggest(docs), with_transliteration=args.transliterate)
        if args.out:
            out = Path(args.out)
            if out.exists():
                raise PipelineError(f"{out}: exists; suggestions never replace a file (a linguist may be filling it in)")
            write_atomic(out, rows.encode("utf-8"))
            print(f"wrote {rows.count(chr(10)) - 1} suggestion(s) to {out}")
        else:
            print(rows, end="")
        return 0
    if len(args.paths) > 1:
        raise PipelineError(f"glossary {args.action} takes one glossary file")
    path = Path(args.paths[0]).resolve() if args.paths else config.path(config.glossary)
    glossary = load_glossary(path)
    if args.action == "check":
        notes = overlaps(glossary)
        summary = f"; {len(notes)} note(s) on overlapping terms (-v lists them)" if notes and not args.verbose else ""
        print(f"{path}: {len(glossary.terms)} terms, version {glossary.version}: ok{summary}")
        for note in notes if args.verbose else []:
            print(f"{path}: note: {note}")
    else:
        out = Path(args.out) if args.out else config.path(config.out) / "glossary.tbx"
        tbx.write(out, glossary)
        print(f"wrote {out}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pipeline.importer import read_checked, store
    from pipeline.memory import Memory
    from pipeline.workspace import RunRecord, find_run_record

    config = find_config()
    paths = [Path(p).resolve() for p in args.files]
    out = Path(args.out).resolve() if args.out else None
    # Files from one output folder are checked against the articles and glossary that produced it.
    groups: dict[RunRecord | None, list[Path]] = {}
    for path in paths:
        groups.setdefault(find_run_record(path, out), []).append(path)
    # Every file is checked before any is stored: one bad file imports nothing.
    checked = []
    for record, files in groups.items():
        origin = record or RunRecord.from_config(config)
        docs, glossary = origin.documents()
        checked.append((read_checked(files, docs, list(origin.targets)), glossary.version))
    with Memory(config.path(config.memory)) as memory:
        results = [result for parsed, version in checked for result in store(parsed, memory, version)]
    for result in results:
        print(f"{result.path}: {result.lang}: {result.reviewed} reviewed translation(s) imported, {result.skipped} left for review")
        if result.unconfirmed:
            print(
                f"pipeline: warning: {result.path}: {len(result.unconfirmed)} edited translation(s) still marked for review "
                f"(first {result.unconfirmed[0]}) not imported; mark them reviewed (PO: drop the fuzzy flag; XLIFF: "
                "state reviewed or final; TSV: state reviewed) and import again. Until then `pipeline run` keeps them "
                "as drafts.",
                file=sys.stderr,
            )
        if result.source_copies:
            print(
                f"pipeline: warning: {result.path}: {len(result.source_copies)} translation(s) marked reviewed are the English "
                f"source ({', '.join(result.source_copies)}); not imported (a CAT tool copies the source into untranslated entries)",
                file=sys.stderr,
            )
        if result.unchanged:
            print(
                f"pipeline: note: {result.path}: {len(result.unchanged)} machine translation(s) approved unchanged "
                f"(first {', '.join(result.unchanged[:3])}); if that was not meant, set them back to needs review",
                file=sys.stderr,
            )
    return 0


def cmd_memory(args: argparse.Namespace) -> int:
    from pipeline.formats import tmx, write_atomic
    from pipeline.memory import Memory

    config = find_config()
    if args.action == "import":
        if not args.files:
            raise PipelineError("pipeline memory import: name one or more TMX files")
        # Every file is read before anything is stored: a bad one imports nothing.
        parsed = [(Path(f), tmx.read_units(Path(f))) for f in args.files]
        with Memory(config.path(config.memory)) as memory:
            for path, units in parsed:
                memory.import_units(units, path.name)
                print(f"{path}: {len(units)} human translation(s) imported")
    elif args.action == "export":
        if len(args.files) != 1:
            raise PipelineError("pipeline memory export: name one TMX file to write")
        with Memory(config.path(config.memory)) as memory:
            units = memory.export_units()
        write_atomic(Path(args.files[0]), tmx.memory_dumps(units))
        print(f"{args.files[0]}: {len(units)} human translation(s)")
    else:
        with Memory(config.path(config.memory)) as memory:
            counts = memory.stats()
        print(", ".join(f"{lang}: {n}" for lang, n in counts.items()) or "the memory is empty")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from pipeline.editor import ReviewApp, serve

    config = find_config()
    app = ReviewApp(Path(args.out).resolve() if args.out else config.path(config.out), config)

    def ready(address: str) -> None:
        print(address, flush=True)
        if args.host not in ("127.0.0.1", "localhost", "::1"):
            print(
                f"pipeline review: warning: listening on {args.host}, not only this machine; the token is the only guard", file=sys.stderr
            )
        print("pipeline review: Ctrl-C stops it", file=sys.stderr, flush=True)

    try:
        serve(app, args.host, args.port, ready=ready)
    except KeyboardInterrupt:
        print("pipeline review: stopped", file=sys.stderr)
    except OSError as exc:
        raise PipelineError(f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pipeline.export import export_omegat
    from pipeline.languages import parse_targets

    config = find_config()
    out = Path(args.out).resolve() if args.out else config.path(config.out)
    langs = parse_targets(args.to) if args.to else list(config.targets)
    for project in export_omegat(out, Path(args.dir).resolve(), langs):
        print(f"{project}: OmegaT project; translated files come back with `pipeline import {project / 'target'}/*.po`")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from pipeline.review import check_files

    config = find_config()
    worst = 0
    for line, severity in check_files([Path(p) for p in args.files], config):
        print(line)
        worst = max(worst, severity)
    threshold = {"error": 2, "warning": 1, "never": 99}[args.fail_on]
    return 1 if worst >= threshold else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pipeline", description="Offline translation of news articles into ko, uk, ru with a fixed glossary."
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="translate articles and write review files")
    p.add_argument("articles", nargs="*", help="files, directories or globs (default: from pipeline.toml)")
    p.add_argument("--to", help="target languages, e.g. ko,uk,ru")
    p.add_argument("--out", help="output directory (default: locales/)")
    p.add_argument("--glossary", help="glossary TSV")
    p.add_argument("--force", action="store_true", help="set unreadable review files aside and replace hand-edited non-review outputs")
    p.add_argument("--xliff12", action="store_true", help="also write XLIFF 1.2 for older tools")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), help="where CTranslate2 runs (default: pipeline.toml, else auto)")
    p.add_argument(
        "--reproducible",
        action="store_true",
        help="float32 decoding: the same text on any x86-64 CPU, about 3x slower (default: pipeline.toml's precision)",
    )
    p.add_argument("--no-cache", action="store_true", help="translate every segment, neither reading nor writing the cache")
    p.add_argument("--cluster", metavar="ADDRESS", help="translate on a Dask cluster, e.g. tcp://scheduler:8786 (the cluster extra)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("models", help="list or install Argos packages")
    p.add_argument("action", choices=("list", "install"))
    p.add_argument("path", nargs="?", help=".argosmodel file or a directory of them")
    p.add_argument("--online", metavar="PAIR", help="download from the Argos index, e.g. en_ko")
    p.set_defaults(func=cmd_models)

    p = sub.add_parser("glossary", help="validate or export the glossary; suggest rows for names it lacks")
    p.add_argument("action", choices=("check", "export", "suggest"))
    p.add_argument("paths", nargs="*", help="check/export: the glossary (default: pipeline.toml's); suggest: articles")
    p.add_argument("--tbx", action="store_true", help="export as TBX (the only export format)")
    p.add_argument("--glossary", help="suggest: the glossary to compare with")
    p.add_argument(
        "--transliterate", action="store_true", help="suggest: pre-fill the target columns with machine spellings of the names to check"
    )
    p.add_argument("--out")
    p.set_defaults(func=cmd_glossary)

    p = sub.add_parser("import", help="import reviewed PO/XLIFF/TSV files into the translation memory")
    p.add_argument("files", nargs="+")
    p.add_argument("--out", help="the output folder the files came from (default: found beside each file)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("review", help="a local web editor over the review files (approve, drafts, comments)")
    p.add_argument("--out", help="the output folder of `pipeline run` (default: pipeline.toml's)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    p.add_argument("--port", type=int, default=0, help="port (default 0: a free one)")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("memory", help="the translation memory: import or export TMX, stats")
    p.add_argument("action", choices=("import", "export", "stats"))
    p.add_argument("files", nargs="*", help="import: TMX files (1.1-1.4b); export: the TMX to write")
    p.set_defaults(func=cmd_memory)

    p = sub.add_parser("export", help="pack the review files as one ready CAT-tool project per language")
    p.add_argument("tool", choices=("omegat",))
    p.add_argument("dir", help="folder for the projects (DIR/<lang>)")
    p.add_argument("--to", help="languages (default: pipeline.toml's targets)")
    p.add_argument("--out", help="the output folder of `pipeline run` (default: pipeline.toml's)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("check", help="re-run the quality checks on PO/XLIFF/TSV files")
    p.add_argument("files", nargs="+")
    p.add_argument("--fail-on", choices=("error", "warning", "never"), default="never")
    p.set_defaults(func=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        code = args.func(args)
        sys.stdout.flush()  # inside the handlers below, so a closed pipe is reported like the rest
        return code
    except PipelineError as exc:
        print(f"pipeline: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        # The environment, not the input: a full disk, a read-only home, a path that is a file.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"pipeline: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        print(f"pipeline: error: translation memory or cache: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("pipeline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `pipeline run | head`: the reader left. Python would report the pipe again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
