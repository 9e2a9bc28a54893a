"""Engine benchmark: one evaluation, and re-evaluating many stored answer sets on a new pack version.

Targets (issue: foundation): one evaluation of the EU AI Act pack < 1 ms; re-evaluating 100,000
stored answer sets against a new pack version < 30 s on a 2-core machine, reporting per answer set
what changed. Run: `make bench` or `.venv/bin/python bench/engine_bench.py [--sets 100000]`.

Answer sets are realistic: variants of the golden scenarios in tests/scenarios (another context, a
few answers changed), completed so that exactly the questions the questionnaire shows are answered.
The "new pack version" is a copy of the built-in packs with real edits: one obligation's date moved,
one rule narrowed, one question added.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from tillid.assessment.answers import AnswerSet
from tillid.assessment.engine import Engine
from tillid.assessment.reevaluate import reevaluate_parallel
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.context import CONTEXT_DIMENSIONS, Context
from tillid.knowledge.loading import builtin_pack_folders, load_packs
from tillid.knowledge.model import Question

AS_OF = dt.date(2026, 11, 21)


def random_answer(question: Question, rng: random.Random) -> Any:
    if question.kind == "yes_no":
        return rng.random() < 0.5
    if question.kind == "single":
        return rng.choice(question.options).id
    if question.kind == "multi":
        picks = [o.id for o in question.options if rng.random() < 0.25]
        return picks or [rng.choice(question.options).id]
    if question.kind == "number":
        low = question.minimum if question.minimum is not None else 0
        high = question.maximum if question.maximum is not None else 1_000_000
        return float(rng.randint(int(low), int(high)))
    if question.kind == "date":
        return (dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))).isoformat()
    return "Beskrivelse af systemet."


def random_context(rng: random.Random) -> Context:
    return Context(**{k: rng.choice(v) for k, v in CONTEXT_DIMENSIONS.items()})


def complete(
    engine: Engine, context: Context, answers: dict[str, Any], rng: random.Random
) -> dict[str, Any]:
    """Answer every question the questionnaire shows, drop answers to questions it hides."""
    for _ in range(10):
        shown = engine.visible_questions(context, answers, AS_OF)
        kept = {q: answers[q] for q in shown if q in answers}
        for question_id in shown:
            if question_id not in kept:
                kept[question_id] = random_answer(engine.kb.question[question_id], rng)
        if kept == answers:
            break
        answers = kept
    return answers


def random_answer_set(engine: Engine, rng: random.Random, seeds: list[AnswerSet]) -> AnswerSet:
    """A variant of a realistic case: another context, a few answers changed, then completed."""
    context = random_context(rng)
    answers: dict[str, Any] = {}
    if seeds:
        seed = rng.choice(seeds)
        answers = dict(seed.answers)
        for question_id in rng.sample(sorted(answers), k=min(len(answers), rng.randint(0, 3))):
            answers[question_id] = random_answer(engine.kb.question[question_id], rng)
    answers = complete(engine, context, answers, rng)
    # Leave about one in ten sets unfinished, as real stored drafts are.
    if rng.random() < 0.1 and answers:
        answers = dict(list(answers.items())[: rng.randint(1, len(answers))])
    return AnswerSet(context=context, answers=answers)


def scenario_seeds() -> list[AnswerSet]:
    folder = Path(__file__).parent.parent / "tests" / "scenarios"
    seeds = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.pop("expect", None)
        seeds.append(AnswerSet.model_validate(data))
    return seeds


def time_single_evaluations(engine: Engine, sets: list[AnswerSet], with_trace: bool) -> list[float]:
    timings = []
    for answer_set in sets:
        start = time.perf_counter()
        engine.evaluate(answer_set.context, answer_set.answers, AS_OF, with_trace=with_trace)
        timings.append(time.perf_counter() - start)
    return timings


def make_new_version(source_folders: list[Path], target: Path) -> list[Path]:
    """Copy the packs and make the kinds of edits a real new version brings."""
    folders = []
    for folder in source_folders:
        destination = target / folder.name
        shutil.copytree(folder, destination)
        folders.append(destination)
    first = folders[0]
    for path in sorted(first.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        changed = False
        for obligation in data.get("obligations", [])[:1]:
            for entry in obligation["applies_from"]:
                entry["date"] = entry["date"] + dt.timedelta(days=30)
            changed = True
        for rule in data.get("rules", [])[1:2]:
            rule["when"] = {"all": [rule["when"], {"context": "country", "in": ["DK", "SE"]}]}
            changed = True
        if changed:
            path.write_text(
                yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    return folders


def peak_rss_mb() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(usage, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=100_000, help="answer sets to re-evaluate")
    parser.add_argument("--unique", type=int, default=10_000, help="distinct answer sets generated")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--packs", type=Path, nargs="*", help="pack folders (default: built-in)")
    args = parser.parse_args()

    # The targets are for the EU AI Act pack; --packs measures any other set.
    folders = args.packs or [Path(str(f)) for f in builtin_pack_folders() if f.name == "eu-ai-act"]
    kb = KnowledgeBase.build(load_packs(folders))
    engine = Engine(kb)
    rng = random.Random(20261121)
    started = time.perf_counter()
    seeds = scenario_seeds() if args.packs is None else []
    unique = [random_answer_set(engine, rng, seeds) for _ in range(min(args.unique, args.sets))]
    generated = time.perf_counter() - started
    answered = statistics.mean(len(s.answers) for s in unique)
    print(
        f"packs: {', '.join(f'{p.meta.id} {p.meta.version}' for p in kb.packs)}; "
        f"{len(kb.questions)} questions, {len(kb.rule)} rules, {len(kb.obligation)} obligations"
    )
    print(
        f"generated {len(unique):,} distinct answer sets in {generated:.1f} s "
        f"(mean {answered:.1f} answers each)"
    )

    sample = unique[:2000]
    time_single_evaluations(engine, sample[:200], True)  # warm up
    with_trace = time_single_evaluations(engine, sample, True)
    without = time_single_evaluations(engine, sample, False)
    print()
    print(f"{'one evaluation':40} {'median':>10} {'p95':>10} {'max':>10} {'target':>10}")
    for label, timings in (
        ("full result with traces", with_trace),
        ("values only (re-evaluation)", without),
    ):
        ordered = sorted(timings)
        p95 = ordered[int(len(ordered) * 0.95)]
        print(
            f"{label:40} {statistics.median(ordered) * 1e3:9.3f}ms {p95 * 1e3:9.3f}ms "
            f"{ordered[-1] * 1e3:9.3f}ms {'< 1 ms':>10}"
        )

    stored = [(f"set-{n}", unique[n % len(unique)]) for n in range(args.sets)]
    with tempfile.TemporaryDirectory() as tmp:
        new_folders = make_new_version(folders, Path(tmp))
        started = time.perf_counter()
        changed = 0
        kinds: dict[str, int] = {}
        for item in reevaluate_parallel(folders, new_folders, stored, AS_OF, args.processes):
            if item.changes:
                changed += 1
            for change in item.changes:
                kinds[change.kind] = kinds.get(change.kind, 0) + 1
        elapsed = time.perf_counter() - started
    print()
    print(
        f"{'re-evaluation on a new pack version':40} {'sets':>10} {'seconds':>10} {'per set':>10} {'target':>10}"
    )
    print(
        f"{f'{args.processes} processes':40} {args.sets:>10,} {elapsed:>10.1f} "
        f"{elapsed / args.sets * 1e3:8.3f}ms {'< 30 s':>10}"
    )
    print(f"answer sets with changes: {changed:,}; changes by kind: {kinds}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    if not changed:
        sys.exit("the new version changed nothing: the benchmark edits did not take effect")


if __name__ == "__main__":
    main()
