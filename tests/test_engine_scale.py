"""The two-pass engine: documents are not kept, band-key LSH equals datasketch's, output streams."""

from __future__ import annotations

import gc
import io
import weakref

import numpy as np
import pytest

from conftest import SEEDS
from corpuslint import Linter
from corpuslint.core import Document
from corpuslint.corpus.lsh import banding, candidate_pairs
from corpuslint.corpus.signatures import band_keys
from corpuslint.corpus.spool import Spool
from corpuslint.report import Report, json_output, jsonl


def test_banding_is_datasketchs():
    from datasketch import MinHashLSH

    for t in (0.4, 0.6, 0.7):
        lsh = MinHashLSH(threshold=t, num_perm=128)
        assert banding(t, 128) == (lsh.b, lsh.r)


def test_candidate_pairs_equal_datasketch_buckets():
    from datasketch import LeanMinHash, MinHashLSH

    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32, size=(40, 128), dtype=np.uint64).astype(np.uint32)
    rows = np.concatenate([base, base[:20] ^ (rng.random((20, 128)) < 0.3) * np.uint32(7)])
    b, r = banding(0.4, 128)
    ours = {tuple(p) for p in candidate_pairs(band_keys(rows, b, r)).tolist()}
    lsh = MinHashLSH(threshold=0.4, num_perm=128)
    for i, row in enumerate(rows):
        lsh.insert(i, LeanMinHash(seed=1, hashvalues=row, scheme="affine32"))
    theirs = {(min(i, j), max(i, j)) for i, row in enumerate(rows)
              for j in lsh.query(LeanMinHash(seed=1, hashvalues=row, scheme="affine32")) if j != i}
    assert ours == theirs and len(ours) >= 20


def test_streamed_documents_are_not_kept():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    refs = []

    def docs():
        for i, t in enumerate(texts * 4):
            d = Document(t, path=f"d{i:02d}.txt")
            refs.append(weakref.ref(d))
            yield d

    out = list(Linter().engine.stream(docs()))
    del out
    gc.collect()
    alive = [r for r in refs if r() is not None]
    assert len(refs) == 20 and len(alive) <= 2


def test_spool_round_trip(tmp_path):
    spool = Spool()
    d = Document("甲\n乙\u200b\n", path="a.txt", record="7", meta={"jsonl_line": 3})
    back = spool.get(spool.put(d))
    assert (back.text, back.path, back.record, dict(back.meta)) == (d.text, "a.txt", "7", {"jsonl_line": 3})
    folder = spool.folder
    spool.close()
    assert not folder.exists()


def test_json_outputs_stream_byte_for_byte():
    found = Linter().lint_paths([SEEDS]).findings
    for n in (0, 1, len(found)):
        rep = Report(findings=found[:n], files=5, version="0.1.0")
        for mod in (json_output, jsonl):
            buf = io.StringIO()
            mod.write(rep, buf)
            assert buf.getvalue() == mod.render(rep)


def test_jobs_give_identical_findings():
    one = Linter(jobs=1).lint_paths([SEEDS]).findings
    two = Linter(jobs=2).lint_paths([SEEDS]).findings
    assert one == two and len(one) > 50


def test_fold_equals_nfkc_first_on_mixed_code_points():
    """``fold`` skips NFKC where it cannot change the result (punctuation stripped first,
    full-width ASCII mapped); it must equal the plain NFKC-first form on any text."""
    import random
    import unicodedata

    from corpuslint.corpus.normalize import _DROP, _PUNCT, fold, to_simplified

    def reference(text: str) -> str:
        text = unicodedata.normalize("NFKC", _PUNCT.sub("", text))
        return _DROP.sub("", to_simplified(text).lower())

    rng = random.Random(5)
    pool = [c for c in range(0x20, 0x30000) if not 0xD800 <= c < 0xE000]
    texts = ["１９９８年１２月", "Ｃｏｒｐｕｓ\u0301ｌｉｎｔ", "㈠第一條", "ｅ\u0301", "漢字 ＡＢ１２"]
    for _ in range(3000):
        texts.append("".join(chr(rng.choice(pool)) if rng.random() < 0.4 else chr(rng.randrange(0xFF01, 0xFF5F))
                             for _ in range(rng.randint(1, 10))))
    assert [fold(t) for t in texts] == [reference(t) for t in texts]
    # fold_many converts a document's paragraphs in one OpenCC call: the same folds
    from corpuslint.corpus.normalize import fold_many

    texts += ["臺灣的電腦軟體", "後來", "頭髮", "乾隆", "一隻", "ΑΣ", "İ", "", "\u3000 \n x"]
    rng.shuffle(texts)
    for i in range(0, len(texts), 37):
        chunk = texts[i:i + 37]
        assert fold_many(chunk) == [fold(t) for t in chunk]


def test_spool_keeps_folded_paragraphs_exactly(tmp_path):
    from corpuslint.corpus.spool import Spool

    spool = Spool()
    cases = [[], [""], ["", ""], ["abc", "", "漢字"], ["\udc80x"]]
    refs = [spool.put_folded(c) for c in cases]
    assert [spool.get_folded(r) for r in refs] == cases
    spool.close()


def test_stale_spools_of_killed_runs_are_swept(tmp_path):
    """A killed run leaves its spool: the next run removes it once it is old and none of its
    processes lives; a live run's spool and a young one stay."""
    import os
    import subprocess
    import sys

    from corpuslint.corpus.spool import PREFIX, STALE_SECONDS, sweep_stale

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    old = os.path.getmtime(tmp_path) - STALE_SECONDS - 60
    made = {}
    for name, pid, age in (("killed", dead, old), ("live", str(os.getpid()), old), ("young", dead, None)):
        d = tmp_path / f"{PREFIX}{name}"
        d.mkdir()
        (d / f"{pid}.spool").write_bytes(b"x")
        if age is not None:
            os.utime(d, (age, age))
        made[name] = d
    sweep_stale(str(tmp_path))
    assert not made["killed"].exists()
    assert made["live"].exists() and made["young"].exists()


def test_sigterm_removes_the_spool(tmp_path):
    """SIGTERM ends a run like an exception: its spool in the temporary folder is removed."""
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    para = "这是一段用来测试的新闻正文，内容足够长，可以被签名并写入临时文件夹中的缓存。"
    for i in range(400):
        (corpus / f"{i:04d}.txt").write_text("\n\n".join(f"{para}{i}{k}" for k in range(30)) + "\n",
                                             encoding="utf-8")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    proc = subprocess.Popen([sys.executable, "-m", "corpuslint", "check", str(corpus), "--no-cache", "-q"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and not any(tmp.glob("corpuslint-spool-*/*.spool")) and proc.poll() is None:
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("the run ended before it could be interrupted")
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    assert list(tmp.glob("corpuslint-spool-*")) == []
