"""Issue 16: one bad file never aborts a run, --fix never loses an edit or a symlink, no input
hangs it. One regression test (at least) per defect of the issue, each failing on the code
before the fix."""

from __future__ import annotations

import gc
import json
import os
import stat
import time
from pathlib import Path

import pytest

from corpuslint import api, cli
from corpuslint.cache import ChangedOnDisk, atomic_write_bytes, remove_stale_temporaries
from corpuslint.core.config import Config, ConfigError, config_from_mapping, discover_config
from corpuslint.core.document import Document
from corpuslint.core.jsonline import MAX_DEPTH, JsonLineError, field_span, parse_json_line
from corpuslint.core.packs import PackError, PackStore
from corpuslint.core.rule import RuleContext
from corpuslint.engine import Engine
from corpuslint.fix import fix_documents, write_documents
from corpuslint.load import jsonl_documents, read_source
from corpuslint.rules.dup.repeated_paragraph import RepeatedParagraph

LINE = "余姚经济开发区是我省首批省级经济开发区之一，也是宁波市首批。"
ZWSP_LINE = "余姚\u200b经济开发区是我省首批省级经济开发区之一。\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A corpus root (a git work tree) as the working folder."""
    root = tmp_path / "corpus"
    (root / ".git").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


# 1. A JSONL line nested ~1000 deep aborted every run (RecursionError), even through the index.
def test_deeply_nested_jsonl_is_one_finding_and_does_not_abort_the_run(repo, capsys):
    (repo / "a.txt").write_text(ZWSP_LINE, encoding="utf-8")
    deep = '{"text": "x", "a": ' + "[" * 1000 + "]" * 1000 + "}\n"
    (repo / "deep.jsonl").write_text(deep, encoding="utf-8")
    code, out, err = run(capsys, "check", "a.txt")  # the index walks deep.jsonl too
    assert "internal error" not in err and code == 1 and "ENC005" in out
    code, out, err = run(capsys, "check", "deep.jsonl")
    assert code == 1 and "internal error" not in err
    assert f"line 1 is nested more than {MAX_DEPTH} levels deep" in out


def test_parse_json_line_refuses_depth_with_a_clear_error():
    with pytest.raises(JsonLineError, match="nested more than"):
        parse_json_line('{"a": ' + "{\"b\": " * 5000 + "1" + "}" * 5001)
    assert parse_json_line('{"a": [[["[not a bracket"]]], "text": "t"}')["text"] == "t"


# 2. A non-UTF-8 byte in a file name aborted the run with the default cache.
def test_non_utf8_file_name_with_the_cache(repo, capsys):
    name = os.fsdecode(b"\xff\xfe.txt")
    (repo / name).write_bytes(ZWSP_LINE.encode())
    (repo / "other.txt").write_bytes((LINE + "\n").encode())
    for _ in range(2):  # cold, then warm (read back from the cache)
        code, out, err = run(capsys, "check", ".")
        assert code == 1 and "internal error" not in err
        assert "ENC005" in out and "\\udcff" in out
    assert any((repo / ".corpuslint_cache" / "results").rglob("*.json"))
    code, out, err = run(capsys, "check", "other.txt")  # the index holds the odd name
    assert code == 0 and "internal error" not in err


# 3. Lost update: a file edited while --fix was linting was overwritten with the fixed old text.
def test_text_file_edited_during_fix_is_not_overwritten(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ZWSP_LINE, encoding="utf-8")
    engine = Engine(Config(root=tmp_path))
    linted = engine.lint_paths([str(path)], keep_documents=True).documents
    outcome = fix_documents(engine.lint_documents, linted)
    path.write_text("用户刚刚的修改\n", encoding="utf-8")  # the concurrent edit
    result = write_documents(linted, outcome.documents)
    assert result.written == [] and "changed on disk" in result.errors[0]
    assert path.read_text(encoding="utf-8") == "用户刚刚的修改\n"


def test_atomic_write_checks_the_target_just_before_the_rename(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    with pytest.raises(ChangedOnDisk):
        atomic_write_bytes(path, b"new", unchanged=lambda: False)
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_jsonl_edited_during_fix_is_not_overwritten(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": 1, "text": ZWSP_LINE}, ensure_ascii=False) + "\n", encoding="utf-8")
    engine = Engine(Config(root=tmp_path))
    linted = engine.lint_paths([str(path)], keep_documents=True).documents
    outcome = fix_documents(engine.lint_documents, linted)
    edited = json.dumps({"id": 1, "text": "别人改过了"}, ensure_ascii=False) + "\n"
    path.write_text(edited, encoding="utf-8")
    result = write_documents(linted, outcome.documents)
    assert result.failed == 1 and path.read_text(encoding="utf-8") == edited


# 4. --fix replaced a symlink to a file outside the root by a regular file; reading through it
#    put outside text into findings.
def test_fix_never_writes_through_a_symlink(repo, tmp_path, capsys):
    outside = tmp_path / "outside.txt"
    outside.write_text(ZWSP_LINE, encoding="utf-8")
    (repo / "inside.txt").write_text(ZWSP_LINE, encoding="utf-8")
    os.symlink(repo / "inside.txt", repo / "link_in.txt")
    os.symlink(outside, repo / "link_out.txt")
    code, out, err = run(capsys, "check", "--fix", "link_in.txt", "link_out.txt")
    assert code == 2 and "link_in.txt: is a symbolic link; not written" in err
    assert (repo / "link_in.txt").is_symlink() and (repo / "link_out.txt").is_symlink()
    assert outside.read_text(encoding="utf-8") == ZWSP_LINE
    assert (repo / "inside.txt").read_text(encoding="utf-8") == ZWSP_LINE
    assert "is a symbolic link to a file outside the corpus root" in out
    assert "余姚" not in out  # no outside text in the findings


# 5. --fix re-serialised the whole JSONL record.
def test_jsonl_fix_changes_only_the_text_value_bytes(tmp_path):
    head = '{"id":1, "x": 1e999,"y":1E5 , "z": 3.14159265358979323846264338327950288, "text": "dup", '
    tail = ' "k": [1, {"a": null}]}\r\n'
    path = tmp_path / "r.jsonl"
    raw = (head + '"text": "' + ZWSP_LINE.replace("\n", "\\n") + '",' + tail
           + '{"id": 2, "text": "好"}\n').encode()
    path.write_bytes(raw)
    engine = Engine(Config(root=tmp_path, select=("ENC005",)))
    linted = engine.lint_paths([str(path)], keep_documents=True).documents
    outcome = fix_documents(engine.lint_documents, linted)
    assert write_documents(linted, outcome.documents).written == [str(path)]
    fixed_value = json.dumps(ZWSP_LINE.replace("\u200b", ""), ensure_ascii=False)
    expected = head + '"text": ' + fixed_value + "," + tail + '{"id": 2, "text": "好"}\n'
    assert path.read_bytes() == expected.encode()


def test_field_span_picks_the_last_duplicate_key_as_json_loads_does():
    line = '{"text": "a", "n": 1E5, "text": "b"}'
    start, end = field_span(line, "text")
    assert line[start:end] == '"b"' and json.loads(line)["text"] == "b"


# 6. DUP001's block scan restarted at every copy: quadratic on identical lines.
def test_repeated_paragraph_scan_is_linear_on_identical_lines():
    from corpuslint.core.packs import PackStore as Packs

    rule = RepeatedParagraph(RuleContext({}, Packs()))

    def seconds(n: int) -> float:
        best = float("inf")
        for _ in range(3):  # CPU time, the best of three: the rest is the machine's load
            doc = Document("第一行的内容在这里。\n" * n)
            gc.collect()
            gc.disable()  # a collection of the whole suite's garbage inside one timing is no scan cost
            try:
                t = time.process_time()
                assert len(list(rule.check(doc))) == n - 1
                best = min(best, time.process_time() - t)
            finally:
                gc.enable()
        return best

    seconds(200)  # warm up
    assert seconds(8000) / seconds(2000) < 10  # linear: ~4; quadratic (before): ~16 and more


# 7. A symlink loop was an internal error (RuntimeError from Path.resolve).
def test_symlink_loop_is_a_per_file_error(repo, capsys):
    os.symlink("loop_b.txt", repo / "loop_a.txt")
    os.symlink("loop_a.txt", repo / "loop_b.txt")
    (repo / "a.txt").write_text(ZWSP_LINE, encoding="utf-8")
    for args in (["loop_a.txt", "a.txt"], ["."]):
        code, out, err = run(capsys, "check", *args)
        assert code == 2 and "internal error" not in err
        assert "loop_a.txt: symbolic link loop" in err and "ENC005" in out


def test_fifo_is_a_per_file_error_not_a_hang(repo, capsys):
    os.mkfifo(repo / "pipe.txt")
    (repo / "a.txt").write_text(ZWSP_LINE, encoding="utf-8")
    code, out, err = run(capsys, "check", ".")
    assert code == 2 and "pipe.txt: is not a regular file" in err and "ENC005" in out


# 8. With no config and no repository the root was the working folder ($HOME: every file below
#    it indexed into a world-readable cache).
def test_root_is_the_named_paths_folder_never_home(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    proj = home / "proj"
    proj.mkdir(parents=True)
    (proj / "a.txt").write_text(ZWSP_LINE, encoding="utf-8")
    (home / "private.txt").write_text(LINE + "\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home)
    assert discover_config(["proj/a.txt"]).root == proj
    assert discover_config(["proj/a.txt", "private.txt"]).root is None  # their folder is $HOME
    code, out, err = run(capsys, "check", "proj/a.txt")
    assert code == 1
    assert not (home / ".corpuslint_cache").exists()
    cache = proj / ".corpuslint_cache"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    # private from the first run on, the signature index (which stores the text) included
    assert stat.S_IMODE((cache / "dup-index.sqlite").stat().st_mode) == 0o600
    run(capsys, "check", "proj/a.txt")
    assert all(stat.S_IMODE(p.stat().st_mode) & 0o077 == 0 for p in cache.iterdir() if p.is_file())


def test_root_is_the_repository_root(tmp_path):
    for marker in (".git", ".hg", ".svn"):
        root = tmp_path / marker.strip(".")
        (root / marker).mkdir(parents=True)
        (root / "sub").mkdir()
        assert discover_config([str(root / "sub")]).root == root


# 9. lint_text/fix_text raised UnicodeEncodeError on a lone surrogate.
def test_lone_surrogate_in_the_library_api():
    text = "余姚\ud800经济\u200b开发区"
    findings = api.lint_text(text)
    assert [f.code for f in findings] == ["ENC002"] and "lone surrogate (U+D800 at 2)" in findings[0].message
    assert api.fix_text(text) == (text, [])


# 10. After a failed write the summary said "All checks passed" and counted the failure twice.
def test_failed_write_is_reported_and_exits_non_zero(repo, capsys, monkeypatch):
    (repo / "a.txt").write_text(ZWSP_LINE, encoding="utf-8")
    (repo / "b.txt").write_text("宁波\u200b市首批\n", encoding="utf-8")

    def full_disk(path, data, unchanged=None):
        if Path(path).name == "a.txt":
            raise OSError(28, "No space left on device")
        Path(path).write_bytes(data)

    monkeypatch.setattr("corpuslint.fix.atomic_write_bytes", full_disk)
    code, out, err = run(capsys, "check", "--fix", "a.txt", "b.txt")
    assert code == 2 and "a.txt: cannot write: No space left on device" in err
    assert "Fixed 1 finding. Could not write 1 file" in out and "All checks passed" not in out
    assert "Found 1 finding in 2 files." in out
    assert (repo / "a.txt").read_text(encoding="utf-8") == ZWSP_LINE


# 11. A user rule pack's regex could backtrack catastrophically, without a time limit.
def test_runaway_pattern_in_a_user_pack_is_a_config_error(tmp_path):
    (tmp_path / "chr").mkdir()
    (tmp_path / "chr" / "contact.toml").write_text('contacts = ["微信", "(a|aa)+$"]\n', encoding="utf-8")
    with pytest.raises(PackError, match=r"contact\.toml: pattern '\(a\|aa\)\+\$' takes more than"):
        PackStore([tmp_path]).toml("chr/contact.toml")
    (tmp_path / "chr" / "contact.toml").write_text('contacts = ["微信", "(?:\\\\d+)+元"]\n', encoding="utf-8")
    assert "微信" in PackStore([tmp_path]).toml("chr/contact.toml")["contacts"]


# 12. Config values were not range-checked; a bad version-pattern and rule-packs = ["/"] were
#     internal errors.
@pytest.mark.parametrize("rules", [
    {"DUP002": {"threshold": -5}}, {"DUP002": {"threshold": float("nan")}}, {"DUP004": {"threshold": 2.0}},
    {"DUP001": {"min-chars": -1}}, {"VER001": {"template-share": 1.5}},
])
def test_option_ranges(rules):
    with pytest.raises(ConfigError, match="must be"):
        config_from_mapping({"rules": rules})


def test_in_range_options_and_other_options_are_accepted():
    config_from_mapping({"rules": {"DUP002": {"threshold": 0.0}, "DUP001": {"min-chars": 0},
                                   "TYP003": {"min-gain": -3.0}}})


def test_bad_version_pattern_and_root_pack_folder(tmp_path):
    with pytest.raises(ConfigError, match="version-pattern .* is not a valid regular expression"):
        config_from_mapping({"version-pattern": "(["})
    with pytest.raises(ConfigError, match="rule-packs folder / is /"):
        config_from_mapping({"rule-packs": ["/"]}, root=tmp_path)
    with pytest.raises(ConfigError, match="is the home folder"):
        config_from_mapping({"rule-packs": [str(Path.home())]}, root=tmp_path)


# Smaller ones.
def test_stale_temporary_of_a_killed_fix_is_removed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    stale, fresh = tmp_path / ".a.txt.k1lled00.tmp", tmp_path / ".a.txt.running0.tmp"
    stale.write_text("half", encoding="utf-8")
    fresh.write_text("live", encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    assert remove_stale_temporaries(path) == 1
    assert not stale.exists() and fresh.exists()


def test_control_characters_in_file_names_are_escaped(repo, capsys):
    (repo / "\x1b[31mred.txt").write_text(ZWSP_LINE, encoding="utf-8")
    code, out, err = run(capsys, "check", ".")
    assert code == 1 and "\x1b" not in out and "\\x1b[31mred.txt:1:3: ENC005" in out


def test_jsonl_mixing_utf8_and_gbk_records(tmp_path):
    utf8 = json.dumps({"id": "u", "text": "余姚经济开发区"}, ensure_ascii=False).encode("utf-8")
    gbk = json.dumps({"id": "g", "text": "宁波市首批"}, ensure_ascii=False).encode("gbk")
    docs = list(jsonl_documents(utf8 + b"\n" + gbk + b"\n" + utf8.replace(b'"u"', b'"v"') + b"\n",
                                "m.jsonl", Config()))
    assert [(d.record, d.text, d.encoding) for d in docs] == [
        ("u", "余姚经济开发区", "utf-8"), ("g", "宁波市首批", "gb18030"), ("v", "余姚经济开发区", "utf-8")]
    assert [d.meta.get("jsonl_first", False) for d in docs] == [False, True, False]  # ENC001 on the GBK one


def test_jsonl_line_numbers_are_file_lines(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": 1, "text": "a\u2028b"}\n\n{"id": 2, "text": "c"}\n', encoding="utf-8")
    docs = read_source(str(path), Config(root=tmp_path))
    assert [(d.record, d.meta["jsonl_line"]) for d in docs] == [("1", 1), ("2", 3)]
