"""--output-format html: one self-contained file, rendered in a real browser (headless Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import seed_path

from corpuslint.cli import main


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html") / "report.html"
    code = main(["check", "--no-cache", "--output-format", "html", "-o", str(out),
                 str(seed_path("000")), str(seed_path("001"))])
    assert code == 1
    return out


def test_self_contained(report_file):
    page = report_file.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # nothing loaded from elsewhere: no external script, stylesheet, font or image
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert "<h2 id=\"summary\">" in page and "<h2 id=\"duplicates\">" in page


def test_seed_pair_side_by_side(report_file):
    page = report_file.read_text(encoding="utf-8")
    (pair,) = re.findall(r'<details class="pair".*?</details>', page, re.S)
    assert "000_72fc13170244c7e3.txt" in pair and "001_dbd0e7e6b31084d3.txt" in pair
    marks = set(re.findall(r'<mark class="k-(\w+)" title="\w+">([^<]*)</mark>', pair))
    assert {("name", "丞达精机"), ("name", "丞达精密"), ("typo", "辐射射"), ("typo", "溅射靶"),
            ("name", "零配件"), ("name", "零部件")} <= marks
    # 2021年 / 去年 and 规上 / 规模以上 are neutral: never highlighted
    assert not any(t in ("去年", "规上", "规模以上", "2021年") for _, t in marks)
    # identical paragraphs are folded, findings link to their row and back
    assert "paragraphs alike" in pair
    row = re.search(r'<li id="f(\d+)">[^<]*<b>VER002</b>.*?<a href="#(pair0-r\d+)">', page)
    assert row and f'id="{row.group(2)}"' in pair and f'href="#f{row.group(1)}"' in pair


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (.ci/run installs Debian's chromium)")
def test_renders_in_headless_chromium(report_file, tmp_path):
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*flags, "--dump-dom", report_file.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    # the browser parsed it: the pair's table with both texts and the labelled differences
    assert "<table class=\"pair\">" in dom
    assert re.search(r'<mark class="k-name" title="name">丞达精密</mark>', dom)
    assert re.search(r'<mark class="k-typo" title="typo">辐射射</mark>', dom)
    shot = tmp_path / "shot.png"
    subprocess.run([*flags, f"--screenshot={shot}", "--window-size=1200,900", report_file.as_uri()],
                   capture_output=True, timeout=120)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000  # a page was drawn, not a blank


def test_usable_on_ten_thousand_findings():
    # 10 000 findings over 200 documents and one long version pair: every section collapsed
    # but the pair, alike paragraphs folded, so the page stays small
    from corpuslint.core.document import Document
    from corpuslint.core.findings import Finding, Location, Severity, related
    from corpuslint.core.packs import PackStore
    from corpuslint.report import Report
    from corpuslint.report.html import render

    para = "余姚经济开发区紧盯重点项目，全力扩大投资，新落户项目总投资约为15亿元。"
    a = Document("\n\n".join(f"{k}{para}" for k in range(2000)) + "\n", path="long_a.txt")
    b = Document(a.text.replace("7余姚", "7余桃"), path="long_b.txt")
    docs = [a, b] + [Document(f"第{k}篇。{para}\n", path=f"d{k:03d}.txt") for k in range(198)]
    findings = []
    for n in range(10_000):
        d = docs[n % len(docs)]
        loc = Location.in_line(d.path, None, 0, 2, 1, 1)
        rel = [related(a, 0, 2, "the other version")] if d is b else []
        findings.append(Finding(code="VER002", name="inconsistent-name", severity=Severity.WARNING,
                                message=f"finding {n}", location=loc, related=tuple(rel)))
    page = render(Report(findings=findings, files=len(docs), documents=docs, packs=PackStore()))
    assert len(page.encode()) < 4_000_000
    (pair,) = re.findall(r'<details class="pair".*?</details>', page, re.S)
    assert len(pair.encode()) < 300_000  # 2 000 paragraphs a side, but only the changed rows
    assert pair.count("<tr id=") <= 400 and "paragraphs alike" in pair
    assert page.count('<details class="doc">') == 200


def test_version_pair_without_findings_is_shown(tmp_path):
    """Two printings whose only difference is neutral (规上 / 规模以上) are versions with no
    finding: the report still shows them side by side."""
    body = ["今年前三季度，全市规上工业增加值同比增长百分之八，增速比上半年加快零点五个百分点。",
            "其中，高技术制造业增加值增长百分之十二，占规上工业增加值的比重达到百分之十八。",
            "全市固定资产投资保持平稳增长，工业投资和技改投资分别增长百分之九和百分之十一。",
            "社会消费品零售总额稳步回升，网上零售额增长较快，居民消费价格温和上涨。"]
    (tmp_path / "a.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(body).replace("规上", "规模以上") + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    code = main(["check", "--no-cache", "--select", "VER", "--output-format", "html", "-o", str(out),
                 str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    page = out.read_text(encoding="utf-8")
    assert code == 0 and "0 findings" in page
    (pair,) = re.findall(r'<details class="pair".*?</details>', page, re.S)
    assert "a.txt" in pair and "b.txt" in pair


def test_report_reuses_the_runs_classification(tmp_path, monkeypatch):
    # the rules classified the seed pair once; the report shows that result, not a second one
    from corpuslint.corpus import differences

    calls = []
    real = differences.DifferenceClassifier.classify
    monkeypatch.setattr(differences.DifferenceClassifier, "classify",
                        lambda self, *a, **k: calls.append(1) or real(self, *a, **k))
    out = tmp_path / "report.html"
    assert main(["check", "--no-cache", "--output-format", "html", "-o", str(out),
                 str(seed_path("000")), str(seed_path("001"))]) == 1
    assert len(calls) == 1
    assert '<mark class="k-name" title="name">丞达精密</mark>' in out.read_text(encoding="utf-8")
