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


def test_the_key_follows_the_inputs_content_not_their_folder(tmp_path, monkeypatch):
    """Two checkouts (or virtual environments) holding the same packs share one compiled form."""
    monkeypatch.setenv("CORPUSLINT_CACHE_DIR", str(tmp_path / "cache"))
    one, two = tmp_path / "a" / "typ" / "x.txt", tmp_path / "b" / "typ" / "x.txt"
    for p in (one, two):
        p.parent.mkdir(parents=True)
        p.write_text("同样的内容", encoding="utf-8")
    builds = []
    compiled_mod._MEMO.clear()
    assert compiled("t-shared", [one], lambda: builds.append(1) or "one") == "one"
    compiled_mod._MEMO.clear()
    assert compiled("t-shared", [two], lambda: builds.append(1) or "two") == "one"
    assert builds == [1]
    assert compiled_mod.input_key("t", [one]) == compiled_mod.input_key("t", [two])
    # The file's role (its folder and name) is part of the key; so is every byte of it.
    other = tmp_path / "b" / "typ" / "y.txt"
    other.write_text("同样的内容", encoding="utf-8")
    assert compiled_mod.input_key("t", [other]) != compiled_mod.input_key("t", [one])
    two.write_text("同样的内宿", encoding="utf-8")
    assert compiled_mod.input_key("t", [two]) != compiled_mod.input_key("t", [one])
    assert compiled_mod.input_key("t", [tmp_path / "none.txt"]) != compiled_mod.input_key("t", [one])
