"""Average the weights of runs resumed from one checkpoint with different seeds.

    python -m tools.standin.average OUT CHECKPOINT CHECKPOINT [...]

Two cores can train two copies of the model at once, one thread each, where one
run cannot use the second core well. Runs that start from the same, well-trained
checkpoint stay in one basin of the loss, so the mean of their weights is itself
a good model, and the CPU time of both accumulates in one checkpoint; the package
stage measures it like any other and ships it only if it is better. ``OUT`` gets
the averaged float16 weights, the shared tokenizer and a ``training.json`` that
lists every run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import torch
from transformers import MarianMTModel

from tools.standin.train import load_record, save_checkpoint

_SUMMED = {"training_minutes": "minutes", "steps": "steps", "target_tokens_seen": "target_tokens"}


def merged_record(records: list[dict]) -> dict:
    """One record for the average: the common earlier runs, then each sibling's own run, figures summed."""
    earlier = records[0]["runs"][:-1]
    if any(r["runs"][:-1] != earlier for r in records) or len(records) < 2:
        raise SystemExit("average: the checkpoints must be two or more runs resumed from one checkpoint")
    own = [r["runs"][-1] for r in records]
    seeds = [run.get("seed", 1) for run in own]  # runs before --seed used 1
    if len(set(seeds)) < len(seeds):
        raise SystemExit(f"average: two checkpoints come from runs with one seed ({seeds}): saves of one run, or the same run twice")
    merged = dict(records[0], runs=[*earlier, *own], averaged_runs=len(own))
    for total, per_run in _SUMMED.items():
        merged[total] = records[0][total] + sum(run[per_run] for run in own[1:])
    merged["training_minutes"] = round(merged["training_minutes"], 1)
    points = {p["steps"]: p for r in records for p in r.get("evaluations", [])}
    merged["evaluations"] = [points[s] for s in sorted(points)]
    return merged


def average(checkpoints: list[Path], out: Path) -> dict:
    """Write the mean of ``checkpoints``' weights to ``out``; returns its record."""
    spm = {(c / "source.spm").read_bytes() for c in checkpoints}
    if len(spm) != 1:
        raise SystemExit("average: the checkpoints have different SentencePiece models")
    record = merged_record([load_record(c) for c in checkpoints])
    models = [MarianMTModel.from_pretrained(c).float() for c in checkpoints]
    states = [m.state_dict() for m in models]
    models[0].load_state_dict({key: torch.stack([s[key] for s in states]).mean(dim=0) for key in states[0]})
    save_checkpoint(models[0], checkpoints[0] / "source.spm", out, record)
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("checkpoints", type=Path, nargs="+")
    args = parser.parse_args(argv)
    record = average(args.checkpoints, args.out)
    print(
        f"{args.out}: {record['averaged_runs']} runs averaged; {record['training_minutes']} cumulative minutes, {record['steps']:,} steps"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
