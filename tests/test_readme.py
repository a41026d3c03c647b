"""README.md keeps its promises: one block per set-up section, CI runs the Tests block, and the
rule table is the registry's."""

import re

from conftest import ROOT

from corpuslint.cli import rules_markdown
from corpuslint.core.registry import discover

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    m = re.search(rf"^## {title}\n(.*?)(?=^## )", README, re.S | re.M)
    assert m, title
    return m.group(1)


def blocks(text: str) -> list[str]:
    return re.findall(r"```[a-z]*\n(.*?)```", text, re.S)


def test_quick_start_and_tests_have_one_block_each():
    assert len(blocks(section("Quick start"))) == 1
    assert len(blocks(section("Tests"))) == 1


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for line in blocks(section("Tests"))[0].strip().splitlines():
        assert line in ci.splitlines()


def test_rule_table_is_generated_from_the_registry():
    m = re.search(r"<!-- rules-table[^\n]*-->\n(.*?)<!-- end rules-table -->", README, re.S)
    assert m and m.group(1) == rules_markdown(discover())


def test_every_rule_is_documented():
    for code, cls in discover().items():
        doc = cls.documentation()
        for heading in ("## What it finds", "## Why it matters", "## Example", "## Fix"):
            assert heading in doc, f"{code} lacks {heading}"
        assert cls.summary and cls.name
