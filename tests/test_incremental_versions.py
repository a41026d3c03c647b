"""Pre-commit's case: one file is checked, its other version is elsewhere in the corpus root.
The persisted index finds the other version, which is read as context so VER and TYP004 compare
the two; findings land only on the file that was checked."""

import shutil

from conftest import seed_path


def test_checking_one_version_compares_it_with_the_other(cli, tmp_path):
    (tmp_path / ".git").mkdir()  # the corpus root
    shutil.copy(seed_path("000"), tmp_path / "web.txt")
    shutil.copy(seed_path("001"), tmp_path / "paper.txt")
    args = ["check", "--select", "VER,TYP004", "--output-format", "concise"]
    later = cli(*args, "paper.txt", cwd=tmp_path)
    lines = later.stdout.splitlines()[:-1]
    assert all(l.startswith("paper.txt:") for l in lines)
    assert any("VER002" in l and "丞达精密" in l and "web.txt:51" in l for l in lines)
    assert any("TYP004" in l and "超超纯" in l for l in lines)
    earlier = cli(*args, "web.txt", cwd=tmp_path)
    lines = earlier.stdout.splitlines()[:-1]
    assert all(l.startswith("web.txt:") for l in lines)
    assert any("VER002" in l and "丞达精机" in l and "paper.txt:25" in l for l in lines)
    assert not any("TYP004" in l for l in lines)  # the typo is in the other file
    alone = cli(*args, "--no-cache", "web.txt", cwd=tmp_path)
    assert alone.returncode == 0  # without the index there is nothing to compare with


def test_versions_and_dup_share_one_duplicate_computation(tmp_path, monkeypatch):
    """With the index bringing in the other version, the version groups read the pairs DUP004
    reports: duplicate detection runs once per run, not once for DUP and again for VER."""
    from corpuslint import Linter
    from corpuslint.core.config import Config
    from corpuslint.corpus import analyses, similarity

    (tmp_path / ".git").mkdir()
    shutil.copy(seed_path("000"), tmp_path / "web.txt")
    shutil.copy(seed_path("001"), tmp_path / "paper.txt")
    calls = []
    real = similarity.find_duplicates

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(len(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(similarity, "find_duplicates", counted)
    monkeypatch.setattr(analyses, "find_duplicates", counted)
    linter = Linter(Config(root=tmp_path), select=["VER", "DUP004"], cache=True)
    found = linter.lint_paths([tmp_path / "paper.txt"]).findings
    assert calls == [2]  # paper.txt and, from the index, web.txt
    assert {f.code for f in found} >= {"DUP004", "VER002"}
