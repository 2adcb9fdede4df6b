"""CPU and memory of each hostile input's refusal, against validating the bundled dataset in the same run.

``python -m bench.hostile`` runs ``python -m graph validate`` over the corpus of tests/test_hostile.py
(tests/data/broken/ and the inputs generated at test time), each in its own process measured with
``os.wait4``, and writes bench/hostile-results.md. CPU seconds on the shared 2-core machine grow
with its load, so each refusal is also given as a ratio to a baseline, the CLI validating
data/rls, measured again before each generated input and every ten committed files. The tests
hold every refusal to ``CPU_FACTOR`` times that baseline and ``MAX_RSS_MB``; this file records how
close the corpus comes.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.machine import describe_machine
from graph.files import write_bytes
from tests.test_hostile import BROKEN, CPU_FACTOR, EXPECTED, GENERATED, MAX_RSS_MB, RLS, Run, run_cli

OUT = Path(__file__).resolve().parent / "hostile-results.md"
COMMAND = "python -m bench.hostile"
REBASE_EVERY = 10


@dataclass(frozen=True)
class Measured:
    """One refusal and the baseline measured just before it."""

    run: Run
    baseline: float

    @property
    def ratio(self) -> float:
        return self.run.cpu / self.baseline


def inputs(folder: Path) -> Iterator[tuple[Path, bool]]:
    """Every corpus input as (path, generated?), the generated ones written into ``folder``."""
    for name in sorted(EXPECTED):
        yield BROKEN / name, False
    for name, make in sorted(GENERATED.items()):
        (folder / name).write_bytes(make()[0])
        yield folder / name, True


def measure(folder: Path) -> list[Measured]:
    """Each input's refusal with the baseline measured before it."""
    measured: list[Measured] = []
    baseline = 0.0
    for index, (path, generated) in enumerate(inputs(folder)):
        if generated or index % REBASE_EVERY == 0:
            baseline = run_cli(RLS, folder).cpu
        measured.append(Measured(run_cli(path, folder), baseline))
    return measured


def report(measured: list[Measured], machine: str) -> str:
    """The results page: the budgets, the worst figures, then every input, highest ratio first."""
    worst = max(measured, key=lambda m: m.ratio)
    biggest = max(measured, key=lambda m: m.run.rss_mb)
    refused = sum(m.run.code == 1 for m in measured)
    lines = [
        "# Hostile inputs: what each refusal costs", "", f"Command: `{COMMAND}`", "", machine, "",
        f"{refused} of {len(measured)} inputs refused with exit code 1. Budgets in tests/test_hostile.py: CPU under "
        f"{CPU_FACTOR}× the baseline (the CLI validating data/rls, measured in the same run), peak memory under "
        f"{MAX_RSS_MB} MB.", "",
        f"Highest ratio: {worst.run.name}, {worst.run.cpu:.2f} s of CPU, {worst.ratio:.1f}× its baseline of "
        f"{worst.baseline:.2f} s. Largest memory: {biggest.run.name}, {biggest.run.rss_mb:.0f} MB.", "",
        "| input | exit | CPU | baseline CPU | ratio | wall | peak memory |", "|---|---|---|---|---|---|---|",
    ]
    for m in sorted(measured, key=lambda m: -m.ratio):
        lines.append(f"| {m.run.name} | {m.run.code} | {m.run.cpu:.2f} s | {m.baseline:.2f} s | {m.ratio:.1f}× | "
                     f"{m.run.wall:.1f} s | {m.run.rss_mb:.0f} MB |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write the results (default {OUT.name})")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        measured = measure(Path(folder))
    text = report(measured, describe_machine())
    write_bytes(args.out, text.encode("utf-8"))
    print(text)


if __name__ == "__main__":
    main()
