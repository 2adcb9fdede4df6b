"""The command line's concept-map commands: ``kg score MAP`` and ``kg overlay MAP… -o FILE [--picture PNG]``.

A map file names the dataset it was built on by title; ``--dataset`` points at that dataset
(the bundled one by default), and a map built on another is refused rather than scored wrongly.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.dataset.bundled import DEFAULT_DATASET
from graph.errors import ExportError
from graph.export.csv_export import csv_text
from graph.network.explorer import Explorer
from graph.teaching.concept_map import StudentMap, read_map
from graph.teaching.map_overlay import (
    LINK_COLUMNS,
    STUDENT_COLUMNS,
    class_overlay,
    overlay_link_rows,
    overlay_student_rows,
)
from graph.teaching.map_scoring import VERDICT_WORDS, MapScore, score_map
from graph.teaching.writing import write_text


def score(args: argparse.Namespace) -> int:
    """Print a map's score: every link's verdict with the map's evidence, then precision and recall."""
    explorer = Explorer.from_path(args.dataset)
    student_map = _checked(read_map(args.map), explorer, args.map)
    result = score_map(explorer, student_map, str(args.map))
    labels = {node: data["label"] for node, data in explorer.graph.nodes(data=True)}
    for item in result.verdicts:
        source, relation, target = item.link
        link = f"{labels[source]} {explorer.dataset.relation(relation).label} {labels[target]}"
        print(f"{VERDICT_WORDS[item.verdict]}: {link}\n  {item.feedback}")
    print(_summary(student_map, result))
    return 0


def overlay(args: argparse.Namespace) -> int:
    """Write a class overlay: OUTPUT (every link, how many drew it) and OUTPUT's .students.csv."""
    explorer = Explorer.from_path(args.dataset)
    maps = [(path, _checked(read_map(path), explorer, path)) for path in args.maps]
    result = class_overlay([(_student_name(path, mapped), mapped, score_map(explorer, mapped, str(path)))
                            for path, mapped in maps])
    labels = {node: data["label"] for node, data in explorer.graph.nodes(data=True)}
    phrases = {relation.id: relation.label for relation in explorer.dataset.relations}
    students = Path(args.output).with_suffix(".students.csv")
    write_text(csv_text(overlay_link_rows(result, labels, phrases), LINK_COLUMNS), args.output)
    write_text(csv_text(overlay_student_rows(result), STUDENT_COLUMNS), students)
    print(f"Wrote {args.output} ({len(result.links)} links, {len(result.misconceptions)} misconceptions) "
          f"and {students} ({len(maps)} students).")
    if args.picture:
        from graph.export.overlay_picture import write_overlay_picture  # matplotlib, only for a picture

        write_overlay_picture(explorer.view(maps[0][1].spec), result, phrases, args.picture)
        print(f"Wrote {args.picture} (the overlay drawn over the maps' view).")
    return 0


def add_map_commands(commands: argparse._SubParsersAction) -> None:
    """Register ``score`` and ``overlay``."""
    scorer = commands.add_parser("score", help="score a student's concept map against the graph")
    scorer.add_argument("map", type=Path, help="a map saved from the app (JSON)")
    scorer.set_defaults(command=score)
    layer = commands.add_parser("overlay", help="lay a class's concept maps over one another (CSV)")
    layer.add_argument("maps", type=Path, nargs="+", help="maps saved from the app (JSON)")
    layer.add_argument("-o", "--output", required=True, help="the links CSV; students go to NAME.students.csv")
    layer.add_argument("--picture", help="also draw the overlay over the first map's view (.png, .pdf or .svg)")
    layer.set_defaults(command=overlay)
    for parser in (scorer, layer):
        parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET,
                            help="the dataset the maps were built on (default: the bundled dataset)")


def _checked(student_map: StudentMap, explorer: Explorer, path: Path) -> StudentMap:
    if student_map.dataset and student_map.dataset != explorer.dataset.meta.title:
        raise ExportError(f"{path} was built on '{student_map.dataset}', not '{explorer.dataset.meta.title}': "
                          "give that dataset with --dataset.")
    return student_map


def _student_name(path: Path, student_map: StudentMap) -> str:
    return student_map.student or path.stem


def _summary(student_map: StudentMap, result: MapScore) -> str:
    who = f" by {student_map.student}" if student_map.student else ""
    return (f"Map{who} ({student_map.level}): {result.drawn} links drawn, {result.right} right; "
            f"precision {result.precision:.0%} ({result.right} of {result.drawn}), "
            f"recall {result.recall:.0%} ({result.right} of {result.to_find}).")
