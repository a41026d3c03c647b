"""The Ray Data engine gives the local engine's findings, in the same order, on a local 2-CPU
Ray cluster (one per session): ``check --engine ray`` on the seeds plus a generated corpus whose
near-duplicates and shared lines cross shards (text-file folders and a JSONL file), and
``lint_dataset`` on a Dataset of records, written as JSONL and Parquet shards."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

ray = pytest.importorskip("ray")  # the optional extra: pip install "corpuslint[ray]"
pq = pytest.importorskip("pyarrow.parquet")  # ray[data] brings pyarrow

import corpuslint.ray as on_ray
from corpuslint import Linter
from corpuslint.cli import main
from corpuslint.core.config import discover_config
from corpuslint.load import record_document
from corpuslint.report.json_output import finding_dict

FOOTER = "本网站所有内容版权归本频道所有，未经授权禁止转载。联系电话：010-65363535"


@pytest.fixture(scope="session")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=150 * 1024 * 1024,
             logging_level="warning", log_to_driver=False)
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


def _paragraphs() -> list[str]:
    out = []
    for p in sorted(SEEDS.glob("*.txt")):
        out += [t.strip() for t in p.read_text(encoding="utf-8").splitlines() if len(t.strip()) >= 20]
    return out


def _reprint(text: str, rng: random.Random) -> str:
    """A near-duplicate: a figure changed, or a few characters dropped."""
    if rng.random() < 0.5 and re.search(r"\d", text):
        return re.sub(r"\d+", lambda m: str(int(m.group()) + 1), text, count=1)
    chars = list(text)
    for _ in range(max(1, len(chars) // 300)):
        del chars[rng.randrange(len(chars))]
    return "".join(chars)


def make_corpus(root: Path, docs: int = 48, seed: int = 13) -> Path:
    """The seeds, then ``docs`` generated documents in three shards: two folders of text files
    and a JSONL file; every fifth document reprints one of another shard, and most end with the
    same footer line."""
    rng = random.Random(seed)
    paras = _paragraphs()
    shutil.copytree(SEEDS, root / "seeds")
    texts: list[str] = []
    for i in range(docs):
        if i >= 6 and i % 5 == 0:
            texts.append(_reprint(texts[rng.randrange(i - 6, i - 3)], rng))
            continue
        body = rng.sample(paras, rng.randint(4, 9))
        if rng.random() < 0.7:
            body.append(FOOTER)
        texts.append("\n\n".join(body) + "\n")
    records = []
    for i, text in enumerate(texts):
        shard = i % 3
        if shard == 2:
            records.append({"id": f"doc{i:03d}", "text": text})
        else:
            folder = root / f"shard{shard}"
            folder.mkdir(exist_ok=True)
            (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    (root / "shard2.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                       encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("ray-corpus"))


@pytest.fixture(scope="module")
def local(corpus):
    """The local engine's findings on the corpus (default rules), as the JSON contract's rows."""
    return [finding_dict(f) for f in Linter(discover_config([str(corpus)])).lint_paths([corpus]).findings]


def test_cli_engine_ray_gives_the_local_engines_findings(cluster, corpus, local, tmp_path):
    reports = {}
    for engine in ("local", "ray"):
        out = tmp_path / f"{engine}.json"
        assert main(["check", str(corpus), "--no-cache", "--engine", engine, "--ray-address", cluster,
                     "--output-format", "json", "-o", str(out)]) == 1
        reports[engine] = json.loads(out.read_text(encoding="utf-8"))
    assert reports["ray"] == reports["local"]
    assert len(reports["ray"]["findings"]) == len(local)
    assert reports["ray"]["summary"]["files"] == len(list(corpus.rglob("*.txt"))) + 1
    # the corpus rules ran across shards: a near-duplicate in another shard, the shared footer
    cross = [f for f in local if f["code"] == "DUP004"
             and any(r["path"].split("/")[-2:-1] != f["path"].split("/")[-2:-1] for r in f["related"])]
    assert cross
    assert {"DUP004", "CHR008"} <= {f["code"] for f in local}


def test_dataset_of_records_and_shards(cluster, corpus, tmp_path):
    records = [json.loads(line) for line in (corpus / "shard2.jsonl").read_text(encoding="utf-8").splitlines()]
    records.insert(3, {"text": records[0]["text"]})  # no id: named by its position, line4
    linter = Linter(ignore=["TYP"])  # TYP's tables take most of an actor's start-up
    docs = [record_document(r, path=None, line_no=n, config=linter.config) for n, r in enumerate(records, 1)]
    local = [finding_dict(f) for f in linter.lint_documents(docs).findings]
    ds = on_ray.lint_dataset(ray.data.from_items(records), config={}, ignore=["TYP"]).materialize()
    rows = ds.take_all()
    assert rows == local and any(r["record"] == "line4" and r["code"] == "DUP004" for r in rows)
    out = tmp_path / "findings"
    assert on_ray.write_findings(ds, str(out), "jsonl") == len(local)
    written = [json.loads(line) for p in sorted(out.glob("*.jsonl")) for line in p.read_text("utf-8").splitlines()]
    assert sorted(written, key=json.dumps) == sorted(local, key=json.dumps)
    assert on_ray.write_findings(ds, str(tmp_path / "parquet"), "parquet") == len(local)
    table = pq.read_table(tmp_path / "parquet")
    assert sorted(table.to_pylist(), key=json.dumps) == sorted(local, key=json.dumps)


def test_cli_refuses_fix_on_ray(corpus, capsys):
    assert main(["check", str(corpus / "seeds"), "--engine", "ray", "--fix"]) == 2
    assert "--fix and --diff run on the local engine only" in capsys.readouterr().err
