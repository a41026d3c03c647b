"""Property tests: fixing is idempotent and changes nothing outside its edits."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslint import Linter
from corpuslint.core import Edit, Fix
from corpuslint.fix import apply_fixes

LINTER = Linter()  # all default rules
PIECES = st.sampled_from([
    "余姚经济开发区", "是我省首批", "省级经济开发区之一。", "\n", "\n\n", "\u00a0", "\u3000", "\u200b",
    "\x00", "，", ",", "2021年", "3月份份", "部份", "蕞强", "  ", "当前位置:首页 > 财经 >", "相关阅读",
    "abc", "(本文配图均由余姚经济开发区提供)", "\r\n", "谷志锋 摄", "發展",
])
TEXTS = st.lists(PIECES, max_size=25).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_fix_is_idempotent(text):
    once, _ = LINTER.fix_text(text, unsafe=True)
    twice, applied = LINTER.fix_text(once, unsafe=True)
    assert twice == once and applied == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.data())
def test_apply_fixes_leaves_text_outside_edits_unchanged(text, data):
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=5))
    fixes = [Fix.safe(f"f{i}", Edit(min(a, b), max(a, b), "X" * (i % 3))) for i, (a, b) in enumerate(spans)]
    new, chosen = apply_fixes(text, fixes)
    edits = sorted((e for f in chosen for e in f.edits), key=lambda e: (e.start, e.end))
    # Rebuild the text from the unchanged pieces and the chosen edits: it must equal the output.
    pos, parts = 0, []
    for e in edits:
        assert e.start >= pos  # chosen edits never overlap
        parts += [text[pos:e.start], e.content]
        pos = e.end
    parts.append(text[pos:])
    assert new == "".join(parts)


# -- issue 16: lint/fix never raise, fixes touch only their spans, JSONL fixes only the text ----
import json  # noqa: E402

from corpuslint.core import Config  # noqa: E402
from corpuslint.core.jsonline import field_span  # noqa: E402
from corpuslint.engine import Engine  # noqa: E402
from corpuslint.fix import applicable, fix_documents, write_documents  # noqa: E402

MIXED = st.lists(st.one_of(
    PIECES,
    st.text(st.characters(whitelist_categories=("Lo", "Nd", "Lu", "Ll", "Po", "Ps", "Pe", "Zs", "Cc", "Cf")),
            max_size=6),
    st.sampled_from(["。", "！", "？", "：", "“", "”", "《", "》", "——", "……", "\t", " ", "\n"]),
), max_size=20).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED)
def test_lint_never_raises_and_fixes_stay_inside_the_text(text):
    findings = LINTER.lint_text(text)
    for f in findings:
        assert 0 <= f.location.start <= f.location.end <= len(text)
    fixes = [f.fix for f in findings if applicable(f.fix, True)]
    new, chosen = apply_fixes(text, fixes)
    pos, parts = 0, []
    for e in sorted((e for fx in chosen for e in fx.edits), key=lambda e: (e.start, e.end)):
        assert pos <= e.start <= e.end <= len(text)
        parts += [text[pos:e.start], e.content]  # everything between edits is the old text
        pos = e.end
    parts.append(text[pos:])
    assert new == "".join(parts)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED)
def test_fix_text_is_idempotent_on_mixed_text(text):
    once, _ = LINTER.fix_text(text, unsafe=True)
    assert LINTER.fix_text(once, unsafe=True) == (once, [])


# Raw JSON tokens a re-serialisation would change (exponents, long decimals, big integers).
RAW_VALUES = st.sampled_from([
    "1e999", "1E5", "-0.0", "3.141592653589793238462643383279", "12345678901234567890", "true", "null",
    '"\\u4f59\\u59da"', '[1, {"a": [2.50]}]', '{"k" : "v"}', '"a\\/b"',
])


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(TEXTS, st.lists(RAW_VALUES, max_size=3), st.booleans()), min_size=1, max_size=3))
def test_jsonl_fix_changes_only_the_text_field(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("jsonl")
    path = folder / "r.jsonl"
    lines = []
    for n, (text, extras, dup_key) in enumerate(records):
        fields = [f'"id": {n}'] + [f'"f{i}":{v}' for i, v in enumerate(extras)]
        if dup_key:
            fields.append('"text": "shadowed"')  # json.loads reads the last "text"
        fields.append('"text" : ' + json.dumps(text, ensure_ascii=False))
        lines.append("{" + ", ".join(fields) + "}")
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(raw)
    engine = Engine(Config(root=folder))
    docs = engine.lint_paths([str(path)], keep_documents=True).documents
    outcome = fix_documents(engine.lint_documents, docs, unsafe=True)
    write_documents(docs, outcome.documents)
    after = path.read_bytes().decode("utf-8").split("\n")
    for before_line, after_line in zip(raw.decode("utf-8").split("\n"), after):
        if not before_line:
            assert after_line == ""
            continue
        s0, e0 = field_span(before_line, "text")
        s1, e1 = field_span(after_line, "text")
        assert before_line[:s0] == after_line[:s1] and before_line[e0:] == after_line[e1:]
    assert len(after) == len(raw.decode("utf-8").split("\n"))
    fixed = {d.record: d.text for d in outcome.documents}
    for line in after:
        if line:
            record = json.loads(line)
            assert record["text"] == fixed[str(record["id"])]
