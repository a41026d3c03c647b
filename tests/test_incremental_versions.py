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
