"""The same corpus through the local engine and through the Ray engine on this machine.

Builds (once) a corpus of real Chinese news text with ``bench/scale.py``'s ``build_corpus``
(``ordinary``: 3 % reprints; ``boilerplate``: shared paragraphs and footers), then runs, each as
one process under ``/usr/bin/time -v`` (wall, peak RSS of the driver process) while its whole
process tree's CPU (user + sys, Ray's workers included) is sampled from /proc:

* ``corpuslint check DIR --no-cache --output-format jsonl -o FILE`` (local, ``-j 1``);
* the same with ``--engine ray`` (a local Ray cluster started by the run: ``ray.init()``), and
  ``--engine ray -o DIR/`` (JSONL shards written by the workers);

and checks that the local and the Ray findings are the same lines in the same order. Ray's
workers' memory is not in the driver's peak RSS. Run by hand::

    python bench/ray_scale.py --mb 200 --extra --ignore TYP
    python bench/ray_scale.py --mb 5 --kind boilerplate
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import build_corpus, corpus_mb, time_v

TICK = os.sysconf("SC_CLK_TCK")


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            out.setdefault(ppid, []).append(int(d))
    return out


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1.0
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


class TreeCPU(threading.Thread):
    """CPU seconds of a process and every descendant, sampled twice a second (Ray's workers
    are children of its raylet, which the driver kills at shutdown without reaping them, so
    ``time -v`` misses them); a process that lives less than a tick between samples is missed."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.seen, self.done = root, {}, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            kids, todo = _children(), [self.root]
            while todo:
                pid = todo.pop()
                cpu = _cpu(pid)
                if cpu >= 0:
                    self.seen[pid] = max(cpu, self.seen.get(pid, 0.0))
                todo += kids.get(pid, [])
            self.done.wait(0.5)

    @property
    def total(self) -> float:
        return sum(self.seen.values())


def timed_tree(cmd: list[str]) -> dict[str, float]:
    """Wall s, CPU s (the whole tree: ``tree_cpu``; what ``time`` counted: ``cpu``) and the
    driver's peak RSS MB of one run of ``cmd``."""
    proc = subprocess.Popen(["/usr/bin/time", "-v", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    poller = TreeCPU(proc.pid)
    poller.start()
    _, err = proc.communicate()
    poller.done.set()
    poller.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return {**time_v(err), "tree_cpu": poller.total}


def command(path: Path, out: str, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "corpuslint", "check", str(path), "--no-cache", "--output-format", "jsonl",
            "-o", out, "--exit-zero", "-q", *extra]


def _canonical(line: str) -> str:
    return json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--kind", default="ordinary", choices=("ordinary", "boilerplate"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/corpuslint-scale"))
    ap.add_argument("--no-shards", action="store_true", help="skip the -o DIR/ run")
    ap.add_argument("--extra", nargs=argparse.REMAINDER, default=[], help="more corpuslint options (last)")
    ap.add_argument("--json", type=Path, help="append the figures to this JSONL file")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = build_corpus(args.kind, args.mb, args.work)
    mb = corpus_mb(corpus)
    out_local, out_ray, shards = args.work / "local.jsonl", args.work / "ray.jsonl", args.work / "ray-shards"
    shutil.rmtree(shards, ignore_errors=True)
    runs = {
        "local": command(corpus, str(out_local), args.extra),
        "ray": command(corpus, str(out_ray), ["--engine", "ray", *args.extra]),
        "ray-shards": command(corpus, f"{shards}/", ["--engine", "ray", *args.extra]),
    }
    if args.no_shards:
        del runs["ray-shards"]
    figures = {}
    for name, cmd in runs.items():
        figures[name] = timed_tree(cmd)
        f = figures[name]
        print(f"{name:<11} {mb:6.1f} MB  wall {f['wall']:7.1f} s  CPU {f['tree_cpu']:7.1f} s "
              f"(reaped: {f['cpu']:.1f} s)  "
              f"driver peak RSS {f['rss']:6.0f} MB  ({mb / f['wall']:.2f} MB/s)", flush=True)
    local_lines = out_local.read_text(encoding="utf-8").splitlines()
    same = local_lines == out_ray.read_text(encoding="utf-8").splitlines()
    shard_rows = local_lines if args.no_shards else [line for p in shards.glob("*.jsonl") for line in p.read_text(encoding="utf-8").splitlines()]
    same_shards = sorted(map(_canonical, shard_rows)) == sorted(map(_canonical, local_lines))
    print(f"findings: {len(local_lines)}; Ray's identical and in the same order: {same}; "
          f"shards hold the same findings: {same_shards} ({os.cpu_count()} CPUs)")
    if args.json:
        with args.json.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"kind": args.kind, "mb": round(mb, 1), "extra": args.extra, "cpus": os.cpu_count(),
                                 "findings": len(local_lines), "same": same, "same_shards": same_shards,
                                 **{f"{k}_{m}": v for k, f in figures.items() for m, v in f.items()}}) + "\n")


if __name__ == "__main__":
    main()
