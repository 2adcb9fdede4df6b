"""Synthetic datasets in the project's own YAML format, at any size, for the scale benchmark.

``write_dataset(folder, size)`` writes a scale-free graph (about three edges per node, a few hubs)
that uses every kind, shape, evidence level, reference kind, verification state and verdict, with
aliases, attributes, thresholds, notes, recommendations and claims, so loading exercises the whole
format. Small datasets are one file; a dataset that would pass the 5 MB file limit becomes a folder
of files. The text is written directly (not through a YAML dumper) so 20,000 nodes take a second.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from graph.dataset.schema import REFERENCE_KINDS, SHAPES
from graph.dataset.vocabulary import VERDICT_LIST, VERIFICATION_STATES

EDGES_PER_NODE = 3
SINGLE_FILE_LIMIT = 4 * 1024 * 1024
CHUNK_NODES = 5000
CLAIM_EVERY = 50
SEED = 7
KINDS = ("cause", "mechanism", "condition", "feature", "complication", "mimic", "test", "treatment", "lifestyle")
COLOURS = ("#E69F00", "#CC79A7", "#0072B2", "#56B4E9", "#D55E00", "#999999", "#F0E442", "#009E73", "#000000")
RELATIONS = ("causes", "leads_to", "worsens", "treats", "associated_with", "diagnoses", "mimics", "reduces")
EVIDENCE = ("guideline", "consensus", "trial", "observational", "mechanistic", "expert", "claim-only")
GRADES = {"guideline": "high", "consensus": "moderate", "trial": "moderate", "observational": "low",
          "mechanistic": "very-low", "expert": "not-graded"}  # the default scale, in rank order
WORDS = ("iron", "dopamine", "sleep", "leg", "night", "urge", "brain", "kidney", "nerve", "pregnancy",
         "ferritin", "movement", "rest", "sensation", "therapy", "dose", "vein", "muscle", "signal", "rhythm")


def dataset_name(size: int) -> str:
    return f"synthetic-{size}"


def write_dataset(folder: Path, size: int, seed: int = SEED) -> Path:
    """Write the dataset of ``size`` nodes under ``folder``; return its path (a file or a folder)."""
    parts = dataset_parts(size, seed)
    whole = "".join(parts.values())
    if len(whole.encode()) <= SINGLE_FILE_LIMIT:
        path = folder / f"{dataset_name(size)}.yaml"
        path.write_text(whole, encoding="utf-8")
        return path
    path = folder / dataset_name(size)
    path.mkdir(parents=True, exist_ok=True)
    for name, text in parts.items():
        (path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return path


def dataset_parts(size: int, seed: int = SEED) -> dict[str, str]:
    """File name → YAML text: vocabulary, references, then nodes and edges in chunks, then claims."""
    rng = random.Random(seed)
    edges = scale_free_edges(size, rng)
    parts = {"00-vocabulary": _vocabulary(size), "01-references": _references()}
    for start in range(0, size, CHUNK_NODES):
        stop = min(size, start + CHUNK_NODES)
        parts[f"10-nodes-{start:06d}"] = "nodes:\n" + "".join(_node(i, rng) for i in range(start, stop))
        chunk = [(n, edge) for n, edge in enumerate(edges) if start <= edge[0] < stop]
        parts[f"20-edges-{start:06d}"] = "edges:\n" + "".join(_edge(n, edge, rng) for n, edge in chunk)
    parts["30-claims"] = "claims:\n" + "".join(_claim(i, size, rng) for i in range(max(1, size // CLAIM_EVERY)))
    return parts


def scale_free_edges(size: int, rng: random.Random) -> list[tuple[int, int]]:
    """About ``EDGES_PER_NODE`` edges per node by preferential attachment (a few hubs, many leaves)."""
    ends: list[int] = list(range(min(size, EDGES_PER_NODE + 1)))
    edges: list[tuple[int, int]] = []
    for node in range(1, size):
        targets = {rng.choice(ends) for _ in range(EDGES_PER_NODE)} - {node}
        for target in sorted(targets):
            edges.append((node, target) if rng.random() < 0.5 else (target, node))
            ends += [node, target]
    return edges


def _vocabulary(size: int) -> str:
    lines = ["meta:", f"  title: Synthetic graph of {size:,} nodes",
             "  description: Generated for the scale benchmark; every kind and evidence level is used.",
             "  licence: CC0-1.0", "  authors: [bench.synthetic]", "kinds:"]
    for tier, kind in enumerate(KINDS):
        lines += [f"  - id: {kind}", f"    label: {kind.title()}", f'    colour: "{COLOURS[tier]}"',
                  f"    shape: {SHAPES[tier % len(SHAPES)]}", f"    tier: {tier % 6}",
                  f"    description: Synthetic {kind} nodes."]
    lines.append("relations:")
    lines += [f"  - {{id: {r}, label: {r.replace('_', ' ')}, inverse: is {r.replace('_', ' ')} by}}"
              for r in RELATIONS]
    lines.append("evidence:")
    for rank, level in enumerate(reversed(EVIDENCE)):
        extra = ["    claim_only: true"] if level == "claim-only" else [f"    certainty: {GRADES[level]}"]
        lines += [f"  - id: {level}", f"    rank: {rank}", f"    label: {level.title()}", *extra]
    return "\n".join(lines) + "\n"


def _references() -> str:
    lines = ["references:"]
    for i, kind in enumerate(REFERENCE_KINDS):
        lines += [f"  - id: ref-{kind}", f"    citation: Author A, Author B. A synthetic {kind} source. 20{i:02d}.",
                  f"    kind: {kind}", f"    verification: {VERIFICATION_STATES[i % len(VERIFICATION_STATES)]}",
                  f"    year: {2000 + i}"]
    return "\n".join(lines) + "\n"


def _node(i: int, rng: random.Random) -> str:
    kind = KINDS[i % len(KINDS)]
    label = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))).capitalize()
    lines = [f"  - id: n{i}", f"    label: {_text(f'{label} {i}')}", f"    kind: {kind}",
             f"    summary: {_text(f'A synthetic {kind} about {label.lower()}; number {i}.')}",
             f"    references: [{_refs(rng)}]"]
    if i % 3 == 0:
        lines.append(f"    aliases: [{_text(f'alias {i}')}, N{i}]")
    if i % 5 == 0:
        lines += ["    attributes:", f"      share: {rng.random():.3f}", f"      note: {_text('synthetic fact')}"]
    if i % 17 == 0:
        lines += ["    thresholds:", '      - operator: "between"', "        value: 10", "        upper: 75",
                  "        unit: ng/mL", "        meaning: In the synthetic range.", "        references: [ref-trial]"]
    return "\n".join(lines) + "\n"


def _edge(number: int, edge: tuple[int, int], rng: random.Random) -> str:
    source, target = edge
    lines = [f"  - id: e{number}", f"    source: n{source}", f"    target: n{target}",
             f"    relation: {RELATIONS[number % len(RELATIONS)]}",
             f"    evidence: {EVIDENCE[number % len(EVIDENCE)]}", f"    references: [{_refs(rng)}]"]
    if number % 4 == 0:
        lines.append(f"    note: {_text(f'Synthetic note on link {number}.')}")
    if number % 29 == 0:
        lines += ["    recommendation: {direction: for, strength: conditional, population: adults}"]
    if number % 13 == 0:
        lines.append("    verification: secondary")
    return "\n".join(lines) + "\n"


def _claim(i: int, size: int, rng: random.Random) -> str:
    verdict = VERDICT_LIST[i % len(VERDICT_LIST)].id
    about = ", ".join(f"n{rng.randrange(size)}" for _ in range(2))
    return (f"  - id: claim{i}\n    statement: {_text(f'Synthetic claim number {i} made by a source.')}\n"
            f"    source: ref-web-page\n    verdict: {verdict}\n    note: Checked against the synthetic sources.\n"
            f"    references: [ref-review]\n    about_nodes: [{about}]\n")


def _refs(rng: random.Random) -> str:
    return ", ".join(f"ref-{kind}" for kind in rng.sample(REFERENCE_KINDS, rng.randint(1, 2)))


def _text(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)
