"""The library API: lint_text, fix_text, lint_paths, Linter.lint_records."""

from conftest import SEEDS

import corpuslint
from corpuslint import Linter, fix_text, lint_paths, lint_text


def test_lint_text_and_fix_text():
    found = lint_text("坏\u200b文本。\n", select=["ENC"])
    assert [(f.code, f.location.line, f.location.column) for f in found] == [("ENC005", 1, 2)]
    new, applied = fix_text("坏\u200b文本。\n", select=["ENC"])
    assert new == "坏文本。\n" and [a.message for a in applied] == ["delete ZERO WIDTH SPACE"]


def test_unsafe_fixes_need_opt_in():
    text = "开\u200d发区\n"
    assert fix_text(text, select=["ENC005"])[0] == text
    assert fix_text(text, select=["ENC005"], unsafe=True)[0] == "开发区\n"


def test_lint_paths_reads_a_folder():
    result = lint_paths([SEEDS], select=["ENC003"])
    assert {f.path.rsplit("/", 1)[-1][:3] for f in result.findings} == {"000"}
    assert result.files == 5 and result.documents == [] and result.errors == []
    assert len(Linter(select=["ENC003"]).lint_paths([SEEDS], keep_documents=True).documents) == 5


def test_lint_records_streams_with_ids():
    records = ({"id": f"r{i}", "text": "好文本。" if i % 2 else "坏\u200b文本。"} for i in range(4))
    out = list(Linter(select=["ENC"]).lint_records(records))
    assert [(rid, [f.code for f in fs]) for rid, fs in out] == [
        ("r0", ["ENC005"]), ("r1", []), ("r2", ["ENC005"]), ("r3", [])]
    assert out[0][1][0].record == "r0"


def test_lint_records_custom_field_and_bad_record():
    out = list(Linter(select=["ENC"]).lint_records([{"key": 7, "body": "坏\u200b"}, {"key": 8}],
                                                    text_field="body", id_field="key"))
    assert [(rid, [f.code for f in fs]) for rid, fs in out] == [("7", ["ENC005"]), ("8", ["ENC002"])]


def test_options_are_validated():
    import pytest

    from corpuslint.core import OptionError

    with pytest.raises(OptionError):
        Linter(options={"ENC003": {"nope": 1}})


def test_public_names():
    for name in ("Linter", "lint_text", "lint_paths", "fix_text", "Finding", "Fix", "Edit", "Document"):
        assert hasattr(corpuslint, name)
