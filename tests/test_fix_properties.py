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
