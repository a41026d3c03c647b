"""The page model's text flow (page.flow) and its one line-deletion edit (page.delete_lines)."""

from __future__ import annotations

from corpuslint.core import Document
from corpuslint.page import delete_lines, flow, page


def _apply(text: str, start: int, end: int) -> str:
    return text[:start] + text[end:]


def test_flow_is_computed_once_and_kept_on_the_page() -> None:
    doc = Document("目前，根据企业规模、数量、分布等，将两个工业社\n\n区划分为十个网格，配备社管员。\n")
    first = flow(doc)
    assert flow(doc) is first
    assert page(doc).extra["page.flow"] is first
    assert [(b.first, b.second) for b in first.breaks] == [(0, 1)]


def test_deleting_the_last_paragraph_keeps_the_final_line_break() -> None:
    text = "第一段。\n\n第二段。\n"
    doc = Document(text)
    e = delete_lines(doc, 3, 3, blank_lines=True)
    assert _apply(text, e.start, e.end) == "第一段。\n"
    e = delete_lines(doc, 1, 1, blank_lines=True)
    assert _apply(text, e.start, e.end) == "第二段。\n"


def test_deleting_a_middle_line_takes_its_blank_lines() -> None:
    text = "甲。\n\n乙。\n\n丙。"
    doc = Document(text)
    e = delete_lines(doc, 3, 3, blank_lines=True)
    assert _apply(text, e.start, e.end) == "甲。\n\n丙。"
    e = delete_lines(doc, 3, 3)
    assert _apply(text, e.start, e.end) == "甲。\n\n\n丙。"
