"""Fairness audit benchmark: tillid vs a bare DuckDB GROUP BY vs fairlearn vs aequitas.

    python bench/audit_bench.py                      # 1M rows, a couple of minutes
    python bench/audit_bench.py --rows 10000000      # the headline figure
    python bench/audit_bench.py --rows 100000000 --peers tillid,duckdb

Synthetic decisions (label, prediction, score, sex x2, race x5, age_group x3) are written once as
Parquet under bench/out/. Every peer runs in its own subprocess, so its peak RSS is its own, and
does the same job: accuracy, selection rate, FPR and FNR for each protected attribute separately
and for the three jointly. tillid also does the pairs and tests every disparity; "tillid full" adds
scores (AUC, Brier, calibration) and the data-quality checks. Times exclude interpreter start and
imports and a warm-up run on 20,000 rows (lazy imports, first-use set-up); fairlearn and aequitas
times include reading the Parquet file into pandas, which they need. Peak RSS is the child's own.

aequitas 1.1 pins pandas < 3, so it cannot share the project's environment: it runs in its own
venv, found at bench/out/aequitas-venv or given with --aequitas-python (skipped when absent):
    python3.11 -m venv bench/out/aequitas-venv && bench/out/aequitas-venv/bin/pip install aequitas
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
ATTRIBUTES = ["sex", "race", "age_group"]
PEERS = ["tillid", "tillid-full", "duckdb", "fairlearn", "aequitas"]
TITLES = {
    "tillid": "tillid audit (fairness)",
    "tillid-full": "tillid audit (full)",
    "duckdb": "bare DuckDB GROUP BY",
    "fairlearn": "fairlearn MetricFrame",
    "aequitas": "aequitas get_crosstabs",
}


# --- data ------------------------------------------------------------------------------------


def generate(rows: int, path: Path, seed: int = 42) -> None:
    """Write `rows` synthetic decisions in chunks, so 100M rows need no more than one chunk."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    chunk = 2_000_000
    temporary = path.with_suffix(".tmp")
    writer = None
    written = 0
    while written < rows:
        n = min(chunk, rows - written)
        sex = rng.choice(np.array(["F", "M"]), n)
        race = rng.choice(np.array(["A", "B", "C", "D", "E"]), n, p=[0.45, 0.25, 0.15, 0.1, 0.05])
        age = rng.choice(np.array(["<25", "25-45", ">45"]), n, p=[0.2, 0.5, 0.3])
        base = 0.25 + 0.1 * (sex == "M") + 0.05 * (race == "B")
        label = (rng.random(n) < base).astype("int8")
        score = np.clip(0.35 * label + 0.65 * rng.random(n) + 0.03 * (race == "C"), 0, 1)
        prediction = (score >= 0.5).astype("int8")
        table = pa.table(
            {
                "label": label,
                "prediction": prediction,
                "score": score,
                "sex": sex,
                "race": race,
                "age_group": age,
            }
        )
        if writer is None:
            writer = pq.ParquetWriter(temporary, table.schema)
        writer.write_table(table)
        written += n
    assert writer is not None
    writer.close()
    temporary.rename(path)


# --- peers (each runs in a child process) -------------------------------------------------------


def run_tillid(path: Path, full: bool) -> dict[str, float]:
    from tillid.audit import AuditSpec, run_audit

    spec = AuditSpec(
        target="label",
        prediction="prediction",
        protected=ATTRIBUTES,
        score="score" if full else None,
        checks=["quality", "performance", "fairness"] if full else ["performance", "fairness"],
    )
    result = run_audit(path, spec)
    return {g.group["race"] or "": g.fpr.value or 0.0 for g in result.grouping("race").groups}


def run_duckdb(path: Path) -> dict[str, float]:
    import duckdb

    connection = duckdb.connect()
    cells = connection.execute(
        """
        SELECT sex, race, age_group, count(*) AS n,
               count(*) FILTER (label = 1 AND prediction = 1) AS tp,
               count(*) FILTER (label = 0 AND prediction = 1) AS fp,
               count(*) FILTER (label = 0 AND prediction = 0) AS tn,
               count(*) FILTER (label = 1 AND prediction = 0) AS fn
        FROM read_parquet(?) GROUP BY ALL
        """,
        [str(path)],
    ).fetchall()
    false_positives: dict[str, list[int]] = {}
    for _sex, race, _age, _n, _tp, fp, tn, _fn in cells:
        sums = false_positives.setdefault(race, [0, 0])
        sums[0] += fp
        sums[1] += fp + tn
    return {race: fp / negatives for race, (fp, negatives) in false_positives.items()}


def run_fairlearn(path: Path) -> dict[str, float]:
    import pandas as pd
    from fairlearn.metrics import (
        MetricFrame,
        false_negative_rate,
        false_positive_rate,
        selection_rate,
    )
    from sklearn.metrics import accuracy_score

    frame = pd.read_parquet(path, columns=["label", "prediction", *ATTRIBUTES])
    metrics = {
        "accuracy": accuracy_score,
        "selection_rate": selection_rate,
        "fpr": false_positive_rate,
        "fnr": false_negative_rate,
    }
    frames = {}
    for features in [[a] for a in ATTRIBUTES] + [ATTRIBUTES]:
        frames[tuple(features)] = MetricFrame(
            metrics=metrics,
            y_true=frame["label"],
            y_pred=frame["prediction"],
            sensitive_features=frame[features],
        )
    by_race = frames[("race",)].by_group["fpr"]
    return {str(race): float(value) for race, value in by_race.items()}


def run_aequitas(path: Path) -> dict[str, float]:
    import pandas as pd
    from aequitas.group import Group

    frame = pd.read_parquet(path, columns=["label", "prediction", *ATTRIBUTES])
    frame = frame.rename(columns={"prediction": "score", "label": "label_value"})
    frame["sex_race_age"] = frame["sex"] + "|" + frame["race"] + "|" + frame["age_group"]
    crosstabs, _ = Group().get_crosstabs(frame, attr_cols=[*ATTRIBUTES, "sex_race_age"])
    race = crosstabs[crosstabs["attribute_name"] == "race"]
    return {str(row.attribute_value): float(row.fpr) for row in race.itertuples()}


def run_peer(peer: str, path: Path) -> dict[str, float]:
    if peer in ("tillid", "tillid-full"):
        return run_tillid(path, full=peer == "tillid-full")
    runner: dict[str, Any] = {
        "duckdb": run_duckdb,
        "fairlearn": run_fairlearn,
        "aequitas": run_aequitas,
    }
    found: dict[str, float] = runner[peer](path)
    return found


def child(peer: str, path: Path, repeat: int) -> None:
    """Run one peer, then print its time, peak RSS and the FPR per race (to check agreement)."""
    # Warm up on a small file first: lazy imports and first-use set-up are one-time costs, left
    # out for every peer alike.
    run_peer(peer, OUT / "warmup.parquet")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fpr_by_race = run_peer(peer, path)
        times.append(time.perf_counter() - start)
    seconds = min(times)
    print(json.dumps({"seconds": seconds, "peak_mb": peak_rss_mb(), "fpr_by_race": fpr_by_race}))


def peak_rss_mb() -> float:
    """This process's own peak RSS. Not ru_maxrss: Linux carries the parent's peak into a child
    across fork and exec, so a child of a big parent would report the parent's memory."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- driver ------------------------------------------------------------------------------------


def measure(peer: str, path: Path, python: str, repeat: int) -> dict[str, Any] | None:
    command = [python, str(Path(__file__).resolve()), "--child", peer, "--data", str(path)]
    command += ["--repeat", str(repeat)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"  {peer}: failed\n{done.stderr.strip()[-2000:]}", file=sys.stderr)
        return None
    measured: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def report(rows: int, results: dict[str, dict[str, Any]]) -> None:
    print(f"\nFairness audit of {rows:,} rows, 3 protected attributes (separately and jointly)\n")
    base = results.get("tillid")
    header = f"{'peer':<26}{'time (s)':>10}{'peak RSS (MB)':>15}{'time vs tillid':>16}"
    print(header + f"{'RSS vs tillid':>15}{'max |ΔFPR| race':>17}")
    print("-" * (len(header) + 32))
    for peer in PEERS:
        found = results.get(peer)
        if found is None:
            continue
        ratio_t = ratio_m = difference = "–"
        if base is not None:
            ratio_t = f"{found['seconds'] / base['seconds']:.1f}×"
            ratio_m = f"{found['peak_mb'] / base['peak_mb']:.1f}×"
            shared = set(found["fpr_by_race"]) & set(base["fpr_by_race"])
            if shared:
                worst = max(abs(found["fpr_by_race"][r] - base["fpr_by_race"][r]) for r in shared)
                difference = f"{worst:.1e}"
        print(
            f"{TITLES[peer]:<26}{found['seconds']:>10.2f}{found['peak_mb']:>15.0f}"
            f"{ratio_t:>16}{ratio_m:>15}{difference:>17}"
        )
    print("\n(time vs tillid > 1 means the peer is slower than tillid's fairness audit)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--peers", default=",".join(PEERS), help="comma-separated subset")
    parser.add_argument("--aequitas-python", default=str(OUT / "aequitas-venv" / "bin" / "python"))
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per fast peer; the best time counts"
    )
    parser.add_argument("--child", choices=PEERS, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(options.child, options.data, options.repeat)
        return

    OUT.mkdir(exist_ok=True)
    path = OUT / f"decisions_{options.rows}.parquet"
    if not path.exists():
        print(f"Generating {options.rows:,} rows into {path} ...", flush=True)
        generate(options.rows, path)
    if not (OUT / "warmup.parquet").exists():
        generate(20_000, OUT / "warmup.parquet", seed=1)
    results: dict[str, dict[str, Any]] = {}
    for peer in [p.strip() for p in options.peers.split(",") if p.strip()]:
        python = sys.executable
        if peer == "aequitas":
            python = options.aequitas_python
            if not Path(python).exists():
                print("  aequitas: skipped (no venv; see the module docstring)", file=sys.stderr)
                continue
        print(f"Running {TITLES[peer]} ...", flush=True)
        # Peers that take minutes run once; the fast ones are timed best of --repeat.
        repeat = 1 if peer in ("fairlearn", "aequitas") else options.repeat
        measured = measure(peer, path, python, repeat)
        if measured is not None:
            results[peer] = measured
    report(options.rows, results)


if __name__ == "__main__":
    main()
