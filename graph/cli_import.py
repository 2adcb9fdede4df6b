"""The command line's import: ``kg import FILE… -o dataset.yaml``."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.dataset.loading import load_bytes
from graph.errors import ValidationError
from graph.files import read_regular_file, write_bytes
from graph.importing import IMPORT_SUFFIXES, dataset_yaml, import_sources
from graph.importing.xmlsafe import MAX_XML_BYTES


def import_command(args: argparse.Namespace) -> int:
    """Read the files (the reader is picked by suffix), write the dataset's YAML, check it loads,
    and list what the files could not carry."""
    imported = import_sources([(str(path), _read(path)) for path in args.files], args.title)
    names = ", ".join(Path(p).name for p in args.files)
    text = dataset_yaml(imported.record, f"Imported from {names} by kg import.", imported.lost)
    dataset = load_bytes(text.encode("utf-8"), str(args.output))
    write_bytes(Path(args.output), text.encode("utf-8"))
    graded = sum(edge["evidence"] != "not-yet-graded" for edge in imported.record["edges"])
    print(f"Wrote {args.output}: {len(dataset.nodes)} nodes, {len(dataset.edges)} links ({graded} with an evidence "
          f"level), {_claims(len(dataset.claims))}, {len(dataset.kinds)} kinds, {len(dataset.relations)} relations.")
    if imported.lost:
        print(f"Not in {names}, so written as placeholders or left out (fill them in by hand):")
        print("\n".join(f"  - {item}" for item in imported.lost))
    return 0


def add_import_command(commands: argparse._SubParsersAction) -> None:
    """Register ``import``."""
    parser = commands.add_parser("import", help="turn a spreadsheet, graph file or concept map into a dataset")
    parser.add_argument("files", type=Path, nargs="+",
                        help="an .xlsx with Elements and Connections sheets, or elements.csv and connections.csv; "
                             f"or one {', '.join(IMPORT_SUFFIXES[2:])} file (this project's exports, also after "
                             "Gephi or yEd saved them; CmapTools concept maps)")
    parser.add_argument("-o", "--output", required=True, type=Path, help="the dataset file to write (.yaml)")
    parser.add_argument("--title", help="the dataset's title (default: from the file)")
    parser.set_defaults(command=import_command)


def _read(path: Path) -> bytes:
    """A regular file's bytes, read one byte past the size limit so that the reader can say it is too big."""
    try:
        return read_regular_file(path, MAX_XML_BYTES + 1)
    except OSError as exc:
        raise ValidationError.single(str(path), f"cannot be read: {exc.strerror}.") from None


def _claims(count: int) -> str:
    return f"{count} claim" if count == 1 else f"{count} claims"
