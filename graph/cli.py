"""The explorer's command line, ``kg`` (or ``python -m graph``).

Commands: validate, stats, export, quiz, worksheet, score, overlay, import, schema and app.

A thin shell over the library: it parses arguments, calls the library and prints. Library
errors become ``Error: …`` on stderr and exit code 1; nothing else is caught.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

import networkx as nx

from graph.cli_decks import DECK_FORMATS, NARRATION, export_tour
from graph.cli_import import add_import_command
from graph.cli_maps import add_map_commands
from graph.dataset.bundled import DEFAULT_DATASET
from graph.dataset.formatdoc import write_format_doc
from graph.dataset.lint import lint_dataset
from graph.dataset.loading import load_dataset
from graph.dataset.model import Dataset
from graph.dataset.schema import json_schema
from graph.errors import ExportError, GraphDataError, ValidationError, ViewSpecError
from graph.export import FORMATS, PAGES, REFERENCES, export_notes, guess_format, plan_files, write_files
from graph.export.options import BLANKS, ExportOptions
from graph.files import write_bytes
from graph.network.build import CLAIMS_LAYER
from graph.network.explorer import Explorer
from graph.teaching import BANK_FORMATS, count_by_kind, guess_bank_format, make_quiz, write_bank
from graph.viewspec import VIEW_OPTIONS, ViewOption, ViewSpec, encode_value


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = _parse(argv)
    try:
        return args.command(args)
    except ValidationError as exc:
        print(f"Error: the dataset has {len(exc.problems)} problem(s):\n{exc}", file=sys.stderr)
    except GraphDataError as exc:
        print(f"Error: {exc}", file=sys.stderr)
    except BrokenPipeError:  # the reader stopped early (| head): not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 1


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """The arguments; options the parser does not know are Streamlit's, and only ``app`` takes them."""
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command is not app:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    args.options = unknown
    return args


def shown_path(path: str | Path) -> str:
    """``path`` relative to the working folder when it lies inside it, as a person would type it."""
    resolved = Path(path).resolve()
    return str(resolved.relative_to(Path.cwd())) if resolved.is_relative_to(Path.cwd()) else str(path)


def validate(args: argparse.Namespace) -> int:
    """Check a dataset; print a summary, or every problem as FILE:LINE: message."""
    dataset = load_dataset(args.path)
    warnings = lint_dataset(dataset, shown_path(args.path))
    for warning in warnings:
        print(f"{'Error' if args.strict else 'Warning'}: {warning}", file=sys.stderr)
    print(f"{shown_path(args.path)}: valid.")
    print(summary(dataset))
    return 1 if args.strict and warnings else 0


def summary(dataset: Dataset) -> str:
    """Counts by kind, relation and evidence level, one section per line group."""
    sections = [
        (f"{len(dataset.nodes)} nodes", Counter(node.kind for node in dataset.nodes)),
        (f"{len(dataset.edges)} edges", Counter(edge.relation for edge in dataset.edges)),
        ("evidence", Counter(edge.evidence for edge in dataset.edges)),
    ]
    lines = [f"{dataset.meta.title}: {len(dataset.references)} references, {len(dataset.claims)} claims"]
    for heading, counts in sections:
        lines.append(f"{heading}: " + ", ".join(f"{key} {count}" for key, count in counts.most_common()))
    return "\n".join(lines)


def stats(args: argparse.Namespace) -> int:
    """Print counts, isolated nodes, components and the best-connected nodes."""
    explorer = Explorer.from_path(args.path)
    full = explorer.graph
    graph = full.subgraph(n for n, data in full.nodes(data=True) if data.get("layer") != CLAIMS_LAYER)
    degrees = sorted(graph.degree, key=lambda item: (-item[1], item[0]))
    components = list(_components(graph))
    print(summary(explorer.dataset))
    print(f"isolated nodes: {', '.join(n for n, d in degrees if d == 0) or 'none'}")
    print(f"connected components: {len(components)} (sizes {', '.join(map(str, components))})")
    print("highest degree: " + ", ".join(f"{graph.nodes[n]['label']} ({d})" for n, d in degrees[: args.top]))
    return 0


def _components(graph: nx.MultiDiGraph) -> list[int]:
    return sorted((len(c) for c in nx.weakly_connected_components(graph)), reverse=True)


def export(args: argparse.Namespace) -> int:
    """Write the requested view in the requested format, with the companions the format declares."""
    if args.tour:
        return export_tour(args)
    fmt = args.format or guess_format(args.output)
    spec = view_spec(args)
    _require_both_path_ends(spec)
    view = Explorer.from_path(args.path).view(spec, title=args.title)
    planned = plan_files(fmt, args.output, **_export_options(args))
    for item in planned:
        for note in export_notes(view, item.fmt, item.options):
            print(f"Note: {note}", file=sys.stderr)
    written = write_files(view, planned, force=args.force)
    print(f"Wrote {' and '.join(map(str, written))} ({fmt}: {view.graph.number_of_nodes()} nodes, "
          f"{view.graph.number_of_edges()} edges).")
    return 0


def _export_options(args: argparse.Namespace) -> dict[str, object]:
    """The options given on the command line (the format refuses those it does not use)."""
    given = {"scale": args.scale, "page": args.page, "references": args.references, "pass_score": args.pass_score}
    return {name: value for name, value in given.items() if value is not None}


def view_spec(args: argparse.Namespace) -> ViewSpec:
    """The ViewSpec the view options describe: read as the app reads the same names in its URL."""
    given = {option.name: str(getattr(args, option.attribute)) for option in VIEW_OPTIONS
             if getattr(args, option.attribute) is not None}
    return ViewSpec.from_query(given, source="the command line")


def _require_both_path_ends(spec: ViewSpec) -> None:
    """Refuse half a path, which would otherwise export the view without any path."""
    missing = spec.missing_path_end
    if missing:
        given, needed = ("--from", "--to") if missing == "path_to" else ("--to", "--from")
        raise ViewSpecError(f"{given} is given without {needed}: a path needs both ends. "
                            f"Add {needed} NODE_ID, or leave out {given}.")


def schema(args: argparse.Namespace) -> int:
    """Print or write the dataset JSON Schema; regenerate the format page's tables with --docs."""
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.docs:
        print(f"{'Updated' if write_format_doc(args.docs) else 'Already current:'} {args.docs}")
    if args.output:
        write_bytes(Path(args.output), text.encode("utf-8"))
    elif not args.docs:
        sys.stdout.write(text)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=_program_name(), description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    _add(commands, "validate", validate, "check a dataset and summarise it").add_argument(
        "--strict", action="store_true", help="treat quality warnings as errors")
    _add(commands, "stats", stats, "counts, components and highest-degree nodes").add_argument(
        "--top", type=int, default=10, help="how many highest-degree nodes to list")
    _export_arguments(_add(commands, "export", export, "export a view of a dataset"))
    _quiz_arguments(_add(commands, "quiz", quiz, "write a seeded question bank (Moodle GIFT or XML, Markdown, JSON)"))
    _worksheet_arguments(_add(commands, "worksheet", worksheet,
                              "write a printable concept-map worksheet (PDF) with labels blanked, and its key"))
    schema_parser = commands.add_parser("schema", help="print the dataset JSON Schema")
    schema_parser.add_argument("-o", "--output", help="write to this file")
    schema_parser.add_argument("--docs", metavar="FILE", help="regenerate the reference tables in this page")
    schema_parser.set_defaults(command=schema)
    add_map_commands(commands)
    add_import_command(commands)
    _app_arguments(commands.add_parser(
        "app", help="serve the explorer in the browser (Streamlit)",
        epilog="Other options go to Streamlit, e.g. --server.port=8600; they override the project's settings."))
    return parser


def app(args: argparse.Namespace) -> int:
    """Serve the app (with ``KG_DATASETS`` set to PATH when one is given) until it is stopped."""
    from ui.launch import run_app  # the app's shell, imported only for this command

    if args.path is not None:
        os.environ["KG_DATASETS"] = str(args.path.resolve())
    return run_app(args.options)


def _app_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", type=Path, help="a dataset file or folder (default: the bundled ones)")
    parser.set_defaults(command=app)


def _program_name() -> str:
    """``kg`` when run as the console script, ``python -m graph`` otherwise."""
    return "python -m graph" if Path(sys.argv[0]).name == "__main__.py" else Path(sys.argv[0]).name


def _add(commands: argparse._SubParsersAction, name: str, handler: object, help_text: str) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DATASET,
                        help="a dataset file or folder (default: the bundled dataset)")
    parser.set_defaults(command=handler)
    return parser


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=sorted({*FORMATS, *DECK_FORMATS}), help="default: from the output's suffix")
    parser.add_argument("-o", "--output", required=True, help="the file to write")
    _view_arguments(parser)
    parser.add_argument("--title", help="title shown on the export")
    parser.add_argument("--scale", type=float, help="image scale for png/svg/pdf/md (1-4)")
    parser.add_argument("--page", choices=PAGES, help="picture size: poster (A0, texts 24 pt or more; the "
                        "default), slide (1920x1080 at scale 1), a4 (printable) or handout (a 16 cm text column)")
    parser.add_argument("--references", choices=REFERENCES,
                        help="pictures: references in a caption (default), on a separate page or file, or none")
    parser.add_argument("--pass-score", type=int, metavar="PERCENT",
                        help="scorm: the quiz's share of right answers that passes, 0-100 (default 80)")
    parser.add_argument("--tour", help="a tour id: write the tour as a slide deck (pptx or pdf) or a SCORM package")
    parser.add_argument("--narration", choices=NARRATION, default="notes",
                        help="a deck's step captions: in the speaker notes (default), or also on the slides")
    parser.add_argument("--force", action="store_true",
                        help="replace companion files (the handout's picture) that already exist")


def _view_arguments(parser: argparse.ArgumentParser, defaults: dict[str, str] | None = None) -> None:
    """A flag for every view option, named as in the app's URL and in tour steps (``--from``),
    written as there (``--kinds a,b``, ``--claims on``); ``defaults`` differ from the app's."""
    for option in VIEW_OPTIONS:
        default = (defaults or {}).get(option.name)
        value = getattr(ViewSpec(), option.attribute)
        shown = default or ("" if value is None else encode_value(value))
        parser.add_argument(f"--{option.name}", dest=option.attribute, default=default,
                            type=int if option.type == "integer" else str, metavar=_METAVARS.get(option.type),
                            choices=_cli_choices(option),
                            help=option.description + (f" Default: {shown}." if shown else ""))


_METAVARS = {"id": "ID", "integer": "N", "ids": "ID,ID", "choices": "VERDICT,VERDICT"}


def _cli_choices(option: ViewOption) -> tuple[str, ...] | None:
    if option.type == "boolean":
        return ("on", "off")
    return option.choices if option.type == "choice" else None


def quiz(args: argparse.Namespace) -> int:
    """Write questions about a view (the whole dataset, claims included, by default) as a question bank."""
    fmt = args.format or guess_bank_format(args.output)
    spec = view_spec(args)
    bank = make_quiz(Explorer.from_path(args.path), spec, seed=args.seed, count=args.count)
    if not bank.questions:
        raise ExportError("the view yields no questions: widen it (no focus, a larger --depth, --claims on).")
    write_bank(bank, fmt, args.output)
    kinds = ", ".join(f"{kind} {n}" for kind, n in count_by_kind(bank.questions).items() if n)
    print(f"Wrote {args.output} ({fmt}: {len(bank.questions)} questions, seed {args.seed}: {kinds}).")
    return 0


def _quiz_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=sorted(BANK_FORMATS),
                        help="default: from the suffix (.md, .xml, .json), else gift")
    parser.add_argument("-o", "--output", required=True, help="the file to write")
    parser.add_argument("--seed", type=int, default=0, help="the same seed gives the same questions (default 0)")
    parser.add_argument("--count", type=_positive, default=20, help="at most this many questions (default 20)")
    _view_arguments(parser, defaults={"claims": "on"})


def worksheet(args: argparse.Namespace) -> int:
    """Write a view as a PDF worksheet with its node or link labels blanked and numbered, then the key."""
    spec = view_spec(args)
    _require_both_path_ends(spec)
    view = Explorer.from_path(args.path).view(spec)
    from graph.export.worksheet import write_worksheet  # matplotlib, imported only for a worksheet

    write_worksheet(view, args.output, args.blank, ExportOptions(page=args.page, references="none"))
    count = view.graph.number_of_nodes() if args.blank == "nodes" else view.graph.number_of_edges()
    print(f"Wrote {shown_path(args.output)} (worksheet: {count} {args.blank} blanked and numbered, "
          "then the answer key).")
    return 0


def _worksheet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, help="the PDF to write")
    parser.add_argument("--blank", choices=BLANKS, default="nodes", help="the labels to blank (default: nodes)")
    parser.add_argument("--page", choices=PAGES, default="a4", help="the print preset (default: a4)")
    _view_arguments(parser)


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number
