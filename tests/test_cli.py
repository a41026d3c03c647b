"""The command line through a subprocess: exit codes, formats, fixing, baselines, errors."""

import json
import shutil
from pathlib import Path

from conftest import SEEDS, seed_path

CLEAN = "余姚经济开发区是我省首批省级经济开发区之一。\n\n2010年至2019年，开发区在全省综合考评中实现十连冠。\n"


def write(p: Path, text: str) -> Path:
    p.write_text(text, encoding="utf-8")
    return p


def test_exit_codes(cli, tmp_path):
    write(tmp_path / "clean.txt", CLEAN)
    assert cli("check", "--no-cache", str(tmp_path / "clean.txt")).returncode == 0
    write(tmp_path / "bad.txt", "正文\u200b。\n")
    r = cli("check", "--no-cache", str(tmp_path / "bad.txt"))
    assert r.returncode == 1 and "ENC005" in r.stdout
    assert cli("check", "--no-cache", "--exit-zero", str(tmp_path / "bad.txt")).returncode == 0
    r = cli("check", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and "missing.txt" in r.stderr and "Traceback" not in r.stderr
    r = cli("check", "--select", "???", str(tmp_path))
    assert r.returncode == 2 and "matches no rule" in r.stderr


def test_text_output_is_path_line_col_code(cli, tmp_path):
    write(tmp_path / "a.txt", "第一行\n正文\u200b。\n")
    r = cli("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert r.stdout.splitlines()[0] == "a.txt:2:3: ENC005 [*] invisible character ZERO WIDTH SPACE (U+200B) in text"
    assert "Found 1 finding in 1 file." in r.stdout


def test_json_contract(cli, tmp_path):
    write(tmp_path / "a.txt", "第一行\n正文\u200b。\n")
    r = cli("check", "--no-cache", "--output-format", "json", "a.txt", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert set(data) == {"version", "findings", "summary"}
    f = data["findings"][0]
    assert list(f) == ["code", "name", "severity", "message", "path", "record", "line", "column",
                       "end_line", "end_column", "record_line", "record_column", "start", "end",
                       "related", "fix"]
    assert (f["record_line"], f["record_column"]) == (None, None)  # not a JSONL record
    assert (f["code"], f["name"], f["line"], f["column"], f["end_line"], f["end_column"], f["start"], f["end"]) == (
        "ENC005", "invisible-character", 2, 3, 2, 4, 6, 7)
    assert f["fix"] == {"applicability": "safe", "message": "delete ZERO WIDTH SPACE",
                        "edits": [{"start": 6, "end": 7, "content": ""}]}
    assert data["summary"] == {"files": 1, "findings": 1, "by_code": {"ENC005": 1}}


def test_jsonl_and_github_formats(cli, tmp_path):
    write(tmp_path / "a.txt", "正文\u200b。\n\x07\n")
    r = cli("check", "--no-cache", "--output-format", "jsonl", "a.txt", cwd=tmp_path)
    rows = [json.loads(l) for l in r.stdout.splitlines()]
    assert [x["code"] for x in rows] == ["ENC005", "ENC004"]
    r = cli("check", "--no-cache", "--output-format", "github", "a.txt", cwd=tmp_path)
    lines = r.stdout.splitlines()
    assert lines[0].startswith("::warning file=a.txt,line=1,col=3,endLine=1,endColumn=4,title=ENC005 invisible-character::")


def test_sarif_is_2_1_0_with_rules_and_code_point_columns(cli, tmp_path):
    write(tmp_path / "a.txt", "正文\u200b。\n")
    r = cli("check", "--no-cache", "--output-format", "sarif", "a.txt", cwd=tmp_path)
    sarif = json.loads(r.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "ENC005" in ids and ids == sorted(ids)
    res = run["results"][0]
    assert res["ruleId"] == "ENC005" and ids[res["ruleIndex"]] == "ENC005"
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 3, 4)
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"


def test_fix_diff_and_idempotence(cli, tmp_path):
    p = write(tmp_path / "a.txt", "甲\r\n\u00a0\r\n乙\u200b丙\r\n")
    r = cli("check", "--no-cache", "--diff", "a.txt", cwd=tmp_path)
    assert r.returncode == 1 and "-乙\u200b丙" in r.stdout
    assert p.read_bytes() == "甲\r\n\u00a0\r\n乙\u200b丙\r\n".encode()  # --diff writes nothing
    r = cli("check", "--no-cache", "--fix", "a.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stdout
    assert p.read_bytes() == "甲\r\n\r\n乙丙\r\n".encode()  # CRLF kept
    r = cli("check", "--no-cache", "--fix", "a.txt", cwd=tmp_path)
    assert r.returncode == 0 and p.read_bytes() == "甲\r\n\r\n乙丙\r\n".encode()


def test_fix_keeps_legacy_encoding_unless_unsafe_transcode(cli, tmp_path):
    text = "余姚经济开发区\u3000\n\u00a0\n正文。\n"
    p = tmp_path / "g.txt"
    p.write_bytes(text.encode("gb18030"))
    cli("check", "--no-cache", "--fix", "g.txt", cwd=tmp_path)
    assert p.read_bytes() == "余姚经济开发区\u3000\n\n正文。\n".encode("gb18030")
    cli("check", "--no-cache", "--fix", "--unsafe-fixes", "g.txt", cwd=tmp_path)
    assert p.read_bytes() == "余姚经济开发区\u3000\n\n正文。\n".encode("utf-8")


def test_undecodable_file_is_reported_and_never_written(cli, tmp_path):
    p = tmp_path / "bin.txt"
    blob = bytes(range(256)) * 10
    p.write_bytes(blob)
    r = cli("check", "--no-cache", "--fix", "--unsafe-fixes", "bin.txt", cwd=tmp_path)
    assert r.returncode == 1 and "ENC002" in r.stdout and "Traceback" not in r.stderr
    assert p.read_bytes() == blob


def test_stdin(cli):
    r = cli("check", "-", "--stdin-filename", "in.txt", stdin="正文\u200b。\n".encode())
    assert r.returncode == 1 and r.stdout.startswith("in.txt:1:3: ENC005")
    r = cli("check", "-", "--fix", stdin="正文\u200b。\n".encode())
    assert r.stdout == "正文。\n"


def test_jsonl_records_carry_ids(cli, tmp_path):
    rows = [{"id": "r1", "text": "干净的文本。"}, {"id": "r2", "text": "坏\u200b文本。"}, {"id": "r3"}]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    r = cli("check", "--no-cache", "--output-format", "json", "c.jsonl", cwd=tmp_path)
    found = [(f["record"], f["code"]) for f in json.loads(r.stdout)["findings"]]
    assert found == [("r2", "ENC005"), ("r3", "ENC002")]
    cli("check", "--no-cache", "--fix", "c.jsonl", cwd=tmp_path)
    fixed = [json.loads(l) for l in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert fixed == [{"id": "r1", "text": "干净的文本。"}, {"id": "r2", "text": "坏文本。"}, {"id": "r3"}]


def test_jsonl_custom_fields(cli, tmp_path):
    (tmp_path / "c.jsonl").write_text(json.dumps({"doc": "k9", "content": "坏\u200b文本。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = cli("check", "--no-cache", "--jsonl-field", "content", "--jsonl-id", "doc", "c.jsonl", cwd=tmp_path)
    assert r.stdout.startswith("c.jsonl#k9:1:2: ENC005")


def test_baseline_hides_old_findings_only(cli, tmp_path):
    p = write(tmp_path / "a.txt", "旧\u200b问题。\n")
    r = cli("check", "--no-cache", "--write-baseline", "base.json", "a.txt", cwd=tmp_path)
    assert r.returncode == 0
    assert cli("check", "--no-cache", "--baseline", "base.json", "a.txt", cwd=tmp_path).returncode == 0
    write(p, "新增一行。\n旧\u200b问题。\n新\u200b问题。\n")  # old finding moved, new one added
    r = cli("check", "--no-cache", "--baseline", "base.json", "--output-format", "concise", "a.txt", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout.splitlines()[0].startswith("a.txt:3:2: ENC005")
    assert len(r.stdout.splitlines()) == 2


def test_config_file_select_ignore_and_cli_override(cli, tmp_path):
    write(tmp_path / "a.txt", "正文\u200b。\n\x07\n")
    write(tmp_path / "corpuslint.toml", 'ignore = ["ENC005"]\n')
    r = cli("check", "--no-cache", "--output-format", "concise", ".", cwd=tmp_path)
    assert "ENC005" not in r.stdout and "ENC004" in r.stdout
    r = cli("check", "--no-cache", "--output-format", "concise", "--select", "ENC005", ".", cwd=tmp_path)
    assert "ENC004" not in r.stdout  # --select replaces, config ignore still applies
    write(tmp_path / "corpuslint.toml", "select = [\n")
    r = cli("check", ".", cwd=tmp_path)
    assert r.returncode == 2 and "corpuslint.toml" in r.stderr and "invalid TOML" in r.stderr
    write(tmp_path / "corpuslint.toml", "[rules.ENC003]\nbogus = 1\n")
    r = cli("check", ".", cwd=tmp_path)
    assert r.returncode == 2 and "unknown option" in r.stderr


def test_exclude_and_per_file_ignores(cli, tmp_path):
    (tmp_path / "raw").mkdir()
    write(tmp_path / "raw" / "x.txt", "坏\u200b。\n")
    write(tmp_path / "y.md", "坏\u200b。\n")
    write(tmp_path / "z.txt", "坏\u200b。\n")
    write(tmp_path / "corpuslint.toml", 'exclude = ["raw"]\n[per-file-ignores]\n"*.md" = ["ENC"]\n')
    r = cli("check", "--no-cache", "--output-format", "concise", ".", cwd=tmp_path)
    assert [l.split(":")[0] for l in r.stdout.splitlines()[:-1]] == ["z.txt"]


def test_inline_suppression(cli, tmp_path):
    text = ("<!-- corpuslint: disable ENC005 -->\n坏\u200b。\n<!-- corpuslint: enable -->\n再\u200b坏。\n")
    write(tmp_path / "a.md", text)
    r = cli("check", "--no-cache", "--output-format", "concise", "a.md", cwd=tmp_path)
    assert [l.split(":")[1] for l in r.stdout.splitlines()[:-1]] == ["4"]
    write(tmp_path / "b.md", "<!-- corpuslint: disable-file ENC -->\n坏\u200b。\n")
    assert cli("check", "--no-cache", "b.md", cwd=tmp_path).returncode == 0


def test_statistics_and_rules_commands(cli, tmp_path):
    write(tmp_path / "a.txt", "坏\u200b。\n再\u200b坏。\n")
    r = cli("check", "--no-cache", "--statistics", "a.txt", cwd=tmp_path)
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["2", "ENC005", "[*]", "invisible-character"]
    assert lines[1].split() == ["2", "total", "in", "1", "file"]
    assert lines[2].startswith("[*] every finding of the rule has a safe fix")
    r = cli("rules")
    assert r.returncode == 0 and "ENC003" in r.stdout and "invisible-whitespace-line" in r.stdout
    data = json.loads(cli("rules", "--output-format", "json").stdout)
    assert all({"code", "name", "family", "default", "fix", "summary"} <= set(x) for x in data)
    r = cli("rule", "ENC003")
    assert "## What it finds" in r.stdout and "## Fix" in r.stdout
    assert cli("rule", "XYZ999").returncode == 2


def test_cache_gives_same_findings(cli, tmp_path):
    shutil.copy(seed_path("000"), tmp_path / "a.txt")
    first = cli("check", "--output-format", "json", "a.txt", cwd=tmp_path)
    assert (tmp_path / ".corpuslint_cache").is_dir()
    second = cli("check", "--output-format", "json", "a.txt", cwd=tmp_path)
    assert json.loads(first.stdout) == json.loads(second.stdout)
    assert json.loads(first.stdout)["summary"]["findings"] > 0


def test_jobs_give_identical_output(cli):
    one = cli("check", "--no-cache", "--output-format", "json", str(SEEDS), "-j", "1")
    two = cli("check", "--no-cache", "--output-format", "json", str(SEEDS), "-j", "2")
    assert one.stdout == two.stdout and one.returncode == two.returncode == 1


def test_cache_folder_is_git_ignored_when_only_the_signature_index_is_written(cli, tmp_path):
    """JSONL records are not cached one by one, so a JSONL-only run writes nothing but the DUP
    signature index into the cache folder: the folder must still ignore itself in git."""
    (tmp_path / ".git").mkdir()
    records = ["余姚经济开发区坚持项目为王,全力扩大有效投资,今年新引进亿元以上项目二十个。",
               "慈溪滨海经济开发区探索工业社区治理新路径,实行网格化管理,服务企业两千余家。"]
    (tmp_path / "a.jsonl").write_text(
        "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(records)),
        encoding="utf-8")
    cli("check", "a.jsonl", cwd=tmp_path)
    cache = tmp_path / ".corpuslint_cache"
    assert (cache / "dup-index.sqlite").is_file()
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_config_and_usage_errors_exit_2_naming_the_file_and_key(cli_inproc, tmp_path):
    write(tmp_path / "a.txt", "正文\u200b。\n")
    # a pyproject.toml holding corpuslint settings that is not valid TOML: an error, not skipped
    write(tmp_path / "pyproject.toml", '[tool.corpuslint]\nignore = ["ENC005"\n')
    r = cli_inproc("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "pyproject.toml: invalid TOML" in r.stderr and "Traceback" not in r.stderr
    write(tmp_path / "pyproject.toml", '[tool.corpuslint.per-file-ignores]\n"*.md" = ["XYZ"]\n')
    r = cli_inproc("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "pyproject.toml: per-file-ignores.*.md: 'XYZ' matches no rule" in r.stderr
    write(tmp_path / "pyproject.toml", '[tool.corpuslint.per-file-ignores]\n"*.md" = ["not a code"]\n')
    r = cli_inproc("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "is not a rule code or prefix" in r.stderr
    write(tmp_path / "pyproject.toml", '[tool.corpuslint.rules.ENC003]\nmin_count = 1\n')
    r = cli_inproc("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "pyproject.toml: [rules.ENC003]: unknown option 'min-count'" in r.stderr
    assert "_" not in r.stderr.split("known:")[1]  # option names in kebab-case, as the docs spell them
    write(tmp_path / "pyproject.toml", '[tool.corpuslint.rules.ENC999]\nthreshold = 1\n')
    r = cli_inproc("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "pyproject.toml: [rules.ENC999]: no such rule" in r.stderr


def test_missing_jsonl_field_is_a_usage_error(cli_inproc, tmp_path):
    (tmp_path / "c.jsonl").write_text('{"id": 1, "content": "正文。"}\n{"id": 2, "content": "正文。"}\n',
                                      encoding="utf-8")
    r = cli_inproc("check", "--no-cache", "c.jsonl", cwd=tmp_path)
    assert r.returncode == 2 and "c.jsonl: none of its 2 records has the text field 'text'" in r.stderr
    assert "'content'" in r.stderr and r.stdout == ""
    assert cli_inproc("check", "--no-cache", "--jsonl-field", "content", "c.jsonl", cwd=tmp_path).returncode == 0
    # one record lacking the field among others that have it is a defect of that record
    (tmp_path / "d.jsonl").write_text('{"id": 1, "text": "正文。"}\n{"id": 2}\n', encoding="utf-8")
    r = cli_inproc("check", "--no-cache", "d.jsonl", cwd=tmp_path)
    assert r.returncode == 1 and "ENC002" in r.stdout


def test_stdin_fix_reports_what_remains(cli_inproc):
    r = cli_inproc("check", "-", "--fix", stdin="正文\u200b。\n".encode())
    assert r.returncode == 0 and r.stdout == "正文。\n" and "Fixed 1 finding." in r.stderr
    # a doubled-character guess is an unsafe fix: it stays, is reported, and the exit is 1
    text = "正文\u200b。\n今年3月份份，开发区新引进项目二十个。\n"
    r = cli_inproc("check", "-", "--fix", "--stdin-filename", "in.txt", stdin=text.encode())
    assert r.returncode == 1 and r.stdout == "正文。\n今年3月份份，开发区新引进项目二十个。\n"
    assert r.stderr.startswith("in.txt:2:5: TYP001") and "Fixed 1 finding. Found 1 finding" in r.stderr


def test_baseline_file_gets_the_usual_mode(cli_inproc, tmp_path):
    import os
    import stat

    write(tmp_path / "a.txt", "旧\u200b问题。\n")
    cli_inproc("check", "--no-cache", "--write-baseline", "base.json", "a.txt", cwd=tmp_path)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((tmp_path / "base.json").stat().st_mode) == 0o666 & ~mask


def test_snippet_is_under_its_own_headline_not_under_a_related_line(cli_inproc, tmp_path):
    para = "余姚经济开发区是我省首批省级经济开发区之一，今年新引进亿元以上项目二十个。"
    write(tmp_path / "a.txt", f"{para}\n\n第二段写别的内容，足够长以免被当作重复。\n\n{para}\n")
    lines = cli_inproc("check", "--no-cache", "--select", "DUP001", "a.txt", cwd=tmp_path).stdout.splitlines()
    assert lines[0].startswith("a.txt:5:1: DUP001")
    assert lines[1].startswith("    | 余姚经济开发区") and lines[2].startswith("    | ^")
    assert lines[3].startswith("    ↳ a.txt:1:1:")
