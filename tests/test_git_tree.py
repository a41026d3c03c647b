"""The corpus index under git: git's listing stands for the stat walk (``corpus.tree``)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess

import pytest
from conftest import seed_text

from corpuslint import Linter
from corpuslint.core.config import Config, load_config
from corpuslint.corpus.tree import Admission, git_tree, walk

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

P003 = [p.strip() for p in seed_text("003").split("\n") if len(p.strip()) > 60][:8]


def _git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


def _blob(root, text):
    """A blob of ``text`` (a paragraph and its newline) written into the repository's store."""
    proc = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=root, check=True, capture_output=True,
                          input=f"{text}\n".encode("utf-8"))
    return proc.stdout.decode("ascii").strip()


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _signed_files(root):
    db = sqlite3.connect(root / ".corpuslint_cache" / "dup-index.sqlite")
    try:
        return sorted(os.path.basename(p) for (p,) in db.execute("SELECT DISTINCT path FROM docs"))
    finally:
        db.close()


def test_changes_seen_through_git_listing(tmp_path):
    shared = P003[3]
    _write(tmp_path, "a.txt", f"{P003[0]}\n\n{shared}\n")
    _write(tmp_path, "b.txt", f"{P003[1]}\n")
    target = _write(tmp_path, "z.txt", f"{P003[5]}\n\n{shared}\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "a.txt", "b.txt", "z.txt")
    _git(tmp_path, "commit", "-qm", "corpus")

    def check():
        return Linter(Config(root=tmp_path), select=["DUP"], cache=True).lint_paths([target]).findings

    found = check()  # a.txt is found through the index, built from git's listing
    assert [(f.code, f.location.line, os.path.basename(f.related[0].location.path)) for f in found] == \
        [("DUP003", 3, "a.txt")]
    assert _signed_files(tmp_path) == ["a.txt", "b.txt", "z.txt"]
    # A staged change: the shared paragraph goes away.
    _write(tmp_path, "a.txt", f"{P003[0]}\n")
    _git(tmp_path, "add", "a.txt")
    assert check() == []
    # An untracked file counts, as in the walk; staging it changes nothing.
    _write(tmp_path, "new/c.txt", f"{shared}\n")
    assert [os.path.basename(f.related[0].location.path) for f in check()] == ["c.txt"]
    _git(tmp_path, "add", "new/c.txt")
    assert [os.path.basename(f.related[0].location.path) for f in check()] == ["c.txt"]
    # Removed from git and from disk: gone from the index.
    _git(tmp_path, "rm", "-qf", "new/c.txt")
    assert check() == []
    assert _signed_files(tmp_path) == ["a.txt", "b.txt", "z.txt"]
    # Untracked again then deleted: gone too.
    _write(tmp_path, "d.txt", f"{shared}\n")
    assert len(check()) == 1
    os.remove(tmp_path / "d.txt")
    assert check() == []


def test_index_follows_staged_content(tmp_path):
    shared = P003[3]
    _write(tmp_path, "a.txt", f"{P003[0]}\n")
    target = _write(tmp_path, "z.txt", f"{P003[5]}\n\n{shared}\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")

    def check():
        return Linter(Config(root=tmp_path), select=["DUP"], cache=True).lint_paths([target]).findings

    assert check() == []
    # Changed in the work tree only: the index keeps what is staged (what a commit compares with),
    # and an index built afresh reads the staged blob, not the work tree.
    _write(tmp_path, "a.txt", f"{P003[0]}\n\n{shared}\n")
    assert check() == []
    shutil.rmtree(tmp_path / ".corpuslint_cache")
    assert check() == []
    # Deleted from the work tree but still staged: indexed from the blob too.
    os.remove(tmp_path / "a.txt")
    _write(tmp_path, "b.txt", f"{P003[1]}\n")
    _git(tmp_path, "add", "b.txt")
    _git(tmp_path, "update-index", "--add", "--cacheinfo",
         f"100644,{_blob(tmp_path, f'{shared}')},gone.txt")
    shutil.rmtree(tmp_path / ".corpuslint_cache")
    assert [os.path.basename(f.related[0].location.path) for f in check()] == ["gone.txt"]
    _write(tmp_path, "a.txt", f"{P003[0]}\n\n{shared}\n")
    _git(tmp_path, "rm", "-q", "--cached", "gone.txt")
    _git(tmp_path, "add", "a.txt")
    assert len(check()) == 1
    # A file of the run is indexed as it is on disk, staged or not; once out of the run it is
    # looked at again and indexed as staged (until git's blob agrees with the work tree).
    _write(tmp_path, "a.txt", f"{P003[0]}\n")
    assert Linter(Config(root=tmp_path), select=["DUP"], cache=True).lint_paths(
        [target, tmp_path / "a.txt"]).findings == []
    assert len(check()) == 1
    _git(tmp_path, "add", "a.txt")
    assert check() == []


def test_git_listing_covers_what_the_walk_finds(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.corpuslint]\nexclude = ["drafts"]\n', encoding="utf-8")
    for name in ("a.txt", "sub/b.md", "sub/deep/c.jsonl", "drafts/x.txt", "sub/drafts/y.txt", "code.py",
                 "ignored/i.txt", "kept/untracked.txt", "node_modules/m.txt"):
        _write(tmp_path, name, "正文。\n")
    _write(tmp_path, ".gitignore", "ignored/\n")
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "a.txt", "sub", "drafts", "code.py", ".gitignore", "link.txt")
    config = load_config(tmp_path / "pyproject.toml")
    tree = git_tree(tmp_path, config)
    assert tree is not None
    by_git = {f.key for f in tree.staged(tree.entries, Admission(config))} | {k for k, _ in tree.stat_files}
    by_walk = {k for k, _ in walk(tmp_path, config)}
    rel = sorted(os.path.relpath(k, tmp_path) for k in by_walk)
    assert rel == ["a.txt", "ignored/i.txt", "kept/untracked.txt", "link.txt", "sub/b.md", "sub/deep/c.jsonl"]
    assert by_git == by_walk


def test_outside_a_work_tree_there_is_no_listing(tmp_path):
    _write(tmp_path, "a.txt", "正文。\n")
    assert git_tree(tmp_path, Config(root=tmp_path)) is None


def test_a_listing_of_an_earlier_index_state_is_not_trusted(tmp_path):
    """The stored listing names the index's generation: one put back from an earlier run (a run
    killed between writing the index and the listing) would say a.txt is as indexed then."""
    shared = P003[3]
    _write(tmp_path, "a.txt", f"{P003[0]}\n")
    target = _write(tmp_path, "z.txt", f"{P003[5]}\n\n{shared}\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    listing = tmp_path / ".corpuslint_cache" / "dup-index.listing"

    def check():
        return Linter(Config(root=tmp_path), select=["DUP"], cache=True).lint_paths([target]).findings

    assert check() == []
    first = listing.read_bytes()
    _write(tmp_path, "a.txt", f"{P003[0]}\n\n{shared}\n")
    _git(tmp_path, "add", "a.txt")
    assert len(check()) == 1
    listing.write_bytes(first)  # git now lists a.txt's new blob; the old listing its old one
    _write(tmp_path, "a.txt", f"{P003[0]}\n")
    _git(tmp_path, "add", "a.txt")
    assert check() == []
    listing.unlink()  # no listing at all: every stored hash is compared
    _write(tmp_path, "a.txt", f"{P003[0]}\n\n{shared}\n")
    _git(tmp_path, "add", "a.txt")
    assert len(check()) == 1
    assert listing.is_file()
    db = sqlite3.connect(root_index := tmp_path / ".corpuslint_cache" / "dup-index.sqlite")
    try:  # the listing is no longer a blob of the index's meta table
        assert db.execute("SELECT count(*) FROM meta WHERE key LIKE 'git_%'").fetchone() == (0,)
        assert int(db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0]) >= 4
    finally:
        db.close()
    assert root_index.with_suffix(".listing") == listing


def test_incremental_index_under_git_equals_one_built_afresh(tmp_path):
    """After each change (a staged edit, a file removed with git, an untracked file, one
    staged later; a tracked link), the index brought up to date from the stored listing finds
    what an index built from nothing finds. Both follow what is staged: an edit left unstaged
    is not seen by either."""
    import random

    rng = random.Random(17)
    paras = P003[:6]
    root = tmp_path / "repo"
    root.mkdir()
    target = _write(root, "z.txt", f"{P003[6]}\n\n{paras[0]}\n\n{paras[1]}\n")
    for i in range(4):
        _write(root, f"d/{i}.txt", f"{paras[i]}\n")
    _git(root, "init", "-q")
    os.symlink(root / "d" / "0.txt", root / "link.txt")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "corpus")

    def found(fresh: bool):
        if fresh:
            shutil.rmtree(root / ".corpuslint_cache", ignore_errors=True)
        got = Linter(Config(root=root), select=["DUP"], cache=True).lint_paths([target]).findings
        return sorted((f.code, f.location.line, os.path.relpath(r.location.path, root))
                      for f in got for r in f.related)

    assert found(False) == found(False)
    kinds = set()
    for step in range(12):
        name = f"d/{rng.randrange(6)}.txt"
        kind = rng.choice(["write-stage", "delete", "stage-all", "untracked", "unstaged"])
        path = root / name
        kinds.add(kind)
        if kind == "unstaged" and path.exists():
            _write(root, name, "\n\n".join(rng.sample(paras, rng.randint(1, 2))) + "\n")
        elif kind in ("write-stage", "untracked"):
            text = "\n\n".join(rng.sample(paras, rng.randint(1, 2))) + "\n"
            _write(root, name if kind != "untracked" else f"u/{step}.txt", text)
            if kind == "write-stage":
                _git(root, "add", name)
        elif kind == "delete" and path.exists():
            _git(root, "rm", "-qf", name)
        else:
            _git(root, "add", "-A")
        incremental = found(False)
        backup = tmp_path / "kept-cache"
        shutil.rmtree(backup, ignore_errors=True)
        shutil.copytree(root / ".corpuslint_cache", backup)
        assert incremental == found(True), (step, kind, name)
        shutil.rmtree(root / ".corpuslint_cache")
        shutil.copytree(backup, root / ".corpuslint_cache")  # go on from the incremental index
    assert "unstaged" in kinds
