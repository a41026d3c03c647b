"""## What it finds
Photo captions and credits left among the paragraphs of an article: credit lines (`谷志锋 摄`,
`陈章升/摄`, `余姚市委宣传部供图`, `(本文配图均由余姚经济开发区提供)`, `图为…`), the caption text on
the line just above a credit (where it sits tighter to the credit than paragraphs to each other:
in text written one paragraph a line the line above a credit is the article's own — a headline
`瑞雪降京城（图片）`, a date, the last sentence), a short line lying between the two halves of a broken sentence, and
short lines that the layout set apart from the text by extra blank space with no text following
them (a picture's caption at the end of an article, or between the title and the first
paragraph).

A short line without final punctuation that introduces the text after it is a heading, not a
caption, and is not reported; neither are bylines.

## Why it matters
Captions describe pictures that are no longer there. Inside the text they interrupt sentences
and paragraphs, and a language model learns them as prose.

## Example
A line `领克汽车余姚工厂。余姚市委宣传部供图` between two paragraphs of a news article; a
caption between the two halves of a sentence on an OCR'd newspaper page; a short line
`浙大机器人研究院` set apart at the end of an article (the label of a photo).

## Fix
Delete the caption line. **Unsafe**: a caption carries information (who took the photo, what it
shows) that some corpora keep; a caption between the halves of a sentence is moved rather than
deleted by the safe fix of `LAY001`.
"""

from __future__ import annotations

from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Finding, Fix
from ...page import delete_lines, flow


class CaptionInText(DocumentRule):
    code = "LAY002"
    name = "caption-in-text"
    summary = "Photo caption or credit among the paragraphs of the text"
    fix = Applicability.UNSAFE

    def check(self, doc: Document) -> Iterable[Finding]:
        lay = flow(doc, self.ctx.packs)
        for k, reason in sorted(lay.captions.items()):
            p = lay.paras[k]
            # the line and the blank lines after it (before it, at the end of the text)
            fix = Fix.unsafe("delete the caption line", delete_lines(doc, p.line, p.line, blank_lines=True))
            yield self.finding(doc, p.start, p.end, f"caption among the text, {reason}: "
                               f"{p.text[:30]}", fix=fix)
