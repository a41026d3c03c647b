"""The on-disk cache of compiled rule data (core/compiled.py)."""

from __future__ import annotations

from corpuslint.core import compiled as compiled_mod
from corpuslint.core.compiled import KEEP_PER_NAME, compiled


def test_built_once_rebuilt_when_an_input_changes_old_forms_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUSLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack.txt"
    builds = []

    def build():
        builds.append(1)
        return {"text": pack.read_text(encoding="utf-8")}

    def load():
        compiled_mod._MEMO.clear()  # a new process: only the disk cache is left
        return compiled("t-table", [pack], build)

    for i in range(KEEP_PER_NAME + 3):
        pack.write_text(f"version {i}", encoding="utf-8")
        assert load() == {"text": f"version {i}"}
        assert load() == {"text": f"version {i}"}  # from disk, not built again
    assert len(builds) == KEEP_PER_NAME + 3
    kept = sorted(p.name for p in (tmp_path / "cache").glob("t-table-*.pickle"))
    assert len(kept) == KEEP_PER_NAME
    # Another table's forms are not counted with these.
    compiled("t", [], lambda: 1)
    assert len(list((tmp_path / "cache").glob("t-table-*.pickle"))) == KEEP_PER_NAME
    assert len(list((tmp_path / "cache").glob("t-????????????????????????????????.pickle"))) == 1
