"""Where the CPU of a ``-j N`` run goes, per phase and per process, and the wall time it predicts
on idle cores.

On a machine shared with other work, wall time says little; CPU seconds do. This runs the
engine as ``corpuslint check DIR --no-cache`` does (default rules, findings formatted as JSONL
and dropped) and records:

* the main process's CPU (``time.process_time``) in each phase: start-up (rule set), pass 1
  (reading at ``-j 1``; taking the workers' results at ``-j N``), each corpus rule of pass 2,
  and the rest (merging, formatting);
* each worker's CPU (its own ``time.process_time`` after its last task, written by a wrapper
  of ``engine._work``) and the children's total (``RUSAGE_CHILDREN``).

The idle-core prediction is the start-up ``+ max over workers of their CPU`` (pass 1, while the
main process takes results) ``+ the main process's pass-2 and later CPU`` (serial) ``+ the CPU
of pass 2's forked workers / N`` (the version pairs aligned elsewhere, ``corpus.prealign``:
the children's CPU beyond pass 1's workers'; the main process waits for them).
Corpora: ``bench/scale.py`` (``build_corpus``). Run by hand::

    python bench/jobs_phases.py /work/bench-data/scale/ordinary-50mb -j 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import corpuslint.engine as engine_mod
from corpuslint import cli
from corpuslint.engine import Engine

_LOG = os.path.join(tempfile.gettempdir(), f"jobs-phases-{os.getpid()}.jsonl")
_real_work = engine_mod._work


def _timed_work(paths: list[str]):  # type: ignore[no-untyped-def]
    out = _real_work(paths)
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"pid": os.getpid(), "cpu": time.process_time()}) + "\n")
    return out


_timed_work.__module__, _timed_work.__qualname__ = "corpuslint.engine", "_work"
engine_mod._work = _timed_work  # pickled by name: workers run the wrapper


def run(path: str, jobs: int, out: str) -> dict[str, object]:
    if os.path.exists(_LOG):
        os.remove(_LOG)
    t0 = time.process_time()
    marks: list[tuple[str, float]] = []
    codes: list[str] = []
    real_lint = Engine.lint_paths

    def progress(phase: str, done: int, total: int, nbytes: int) -> None:
        now = time.process_time()
        if phase == "reading":
            if marks[-1][0] == "pass 1":
                marks[-1] = ("pass 1", now)
            else:
                marks.append(("pass 1", now))
        elif done > 0:
            marks.append((codes[done - 1], now))

    def lint_paths(self: Engine, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        marks.append(("start-up", time.process_time()))
        codes.extend(r.code for r in self.rules.corpus_rules)
        kwargs["progress"] = progress
        result = real_lint(self, *args, **kwargs)  # type: ignore[arg-type]
        marks.append(("merge", time.process_time()))
        found.append(len(result.findings))
        return result

    found: list[int] = []
    Engine.lint_paths = lint_paths  # type: ignore[method-assign]
    try:
        cli.main(["check", path, "--no-cache", "--output-format", "jsonl", "-o", out, "--exit-zero", "-q",
                  "-j", str(jobs)])
    finally:
        Engine.lint_paths = real_lint  # type: ignore[method-assign]
    marks.append(("output", time.process_time()))
    phases: dict[str, float] = {}
    prev = t0
    for name, at in marks:
        phases[name] = round(at - prev, 2)
        prev = at
    workers: dict[int, float] = {}
    if os.path.exists(_LOG):
        for line in open(_LOG, encoding="utf-8"):
            row = json.loads(line)
            workers[row["pid"]] = max(workers.get(row["pid"], 0.0), row["cpu"])
        os.remove(_LOG)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    main_cpu = time.process_time() - t0
    serial_after = main_cpu - phases["start-up"] - phases.get("pass 1", 0.0)
    children = ch.ru_utime + ch.ru_stime
    # the forked workers of pass 2 (corpus.prealign) are the children's CPU beyond pass 1's; the
    # main process waits for them, their chunks are balanced: their wall is their CPU / jobs
    pass2_forked = max(0.0, children - sum(workers.values()))
    if jobs > 1:
        predicted = phases["start-up"] + max(max(workers.values(), default=0.0), phases.get("pass 1", 0.0)) \
            + serial_after + pass2_forked / jobs
    else:
        predicted = main_cpu
    return {"jobs": jobs, "phases": phases, "main_cpu": round(main_cpu, 2),
            "workers": sorted(round(v, 2) for v in workers.values()),
            "children_cpu": round(children, 2), "pass2_forked_cpu": round(pass2_forked, 2),
            "findings": found[0] if found else None, "predicted_wall": round(predicted, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-o", default=os.devnull, help="the JSONL findings")
    args = ap.parse_args()
    print(json.dumps(run(args.path, args.j, args.o)), flush=True)


if __name__ == "__main__":
    sys.exit(main())
