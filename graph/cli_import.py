"""The command line's import: ``kg import SPREADSHEET… -o dataset.yaml``."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.dataset.loading import load_bytes
from graph.errors import ValidationError
from graph.files import write_bytes
from graph.importing import dataset_yaml, import_kumu, read_sheets


def import_command(args: argparse.Namespace) -> int:
    """Read Kumu-style sheets, write the dataset's YAML, and check it loads."""
    sheets = [sheet for path in args.files for sheet in read_sheets(str(path), _read(path))]
    record = import_kumu(sheets, args.title)
    text = dataset_yaml(record, f"Imported from {', '.join(Path(p).name for p in args.files)} by kg import.")
    dataset = load_bytes(text.encode("utf-8"), str(args.output))
    write_bytes(Path(args.output), text.encode("utf-8"))
    graded = sum(edge["evidence"] != "not-yet-graded" for edge in record["edges"])
    print(f"Wrote {args.output}: {len(dataset.nodes)} nodes, {len(dataset.edges)} links ({graded} with an evidence "
          f"level), {len(dataset.kinds)} kinds, {len(dataset.relations)} relations.")
    return 0


def add_import_command(commands: argparse._SubParsersAction) -> None:
    """Register ``import``."""
    parser = commands.add_parser("import", help="turn a Kumu-style spreadsheet (XLSX or CSV) into a dataset")
    parser.add_argument("files", type=Path, nargs="+",
                        help="an .xlsx with Elements and Connections sheets, or elements.csv and connections.csv")
    parser.add_argument("-o", "--output", required=True, type=Path, help="the dataset file to write (.yaml)")
    parser.add_argument("--title", help="the dataset's title (default: from the file name)")
    parser.set_defaults(command=import_command)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError.single(str(path), f"cannot be read: {exc.strerror}.") from None
