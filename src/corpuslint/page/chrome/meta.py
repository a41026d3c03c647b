"""The meta chrome detector: what CHR rule `MetaLine` recognises as chrome lines on a page
(computed once per document with its defaults, see ``page.anchors``; the rule and its options are
documented in rules/chr/meta_line.py)."""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Document
from ..layout import Block, page
from ...text import CHARS, HAN_CLASS, STRONG_END, any_pattern, any_word, char_class
from ._base import Detector, Hit

_URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+\.(?:com|cn|net|org|gov)(?:\.cn)?\b/?", regex.I)
_NOISE = regex.compile(r"[\d\s\p{P}\p{S}]+")


# A span of clock times, and a clock time on its own (no day): schedules, not page timestamps.
_TIME_RANGE = regex.compile(r"(?<![\d.])\d{1,2}:\d{2}\s*[-－—–~～至到]+\s*\d{1,2}:\d{2}(?![\d.])")
_BARE_TIME = regex.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


# The closing of a letter, notice or announcement: the signer on one short line, the date under it
# ("特此通告。" / "吉林省人民政府" / "2022年1月27日"). The date is the document's own, written the
# way documents date themselves (年月日, no clock time), not a page timestamp.
_DOC_DATE = regex.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_SIGNER = regex.compile(f"^[{HAN_CLASS}（）()]{{2,30}}$")
_CLOSED = regex.compile(char_class(CHARS.sentence_final_strong - CHARS.question) + r"\s*[”」』）)]?\s*$")


def _signature_date(blocks: list[Block], i: int) -> bool:
    """Block ``i`` is the date under the signer that closes a document's text."""
    if i < 2 or not _DOC_DATE.match(blocks[i].text.strip()):
        return False
    signer, before = blocks[i - 1].text.strip(), blocks[i - 2].text.strip()
    return bool(_SIGNER.match(signer)) and bool(_CLOSED.search(before))

class MetaDetector(Detector):
    kind = "meta"
    defaults = {"max_length": 80, "max_leftover": 12}

    def setup(self) -> None:
        data = self.packs.toml("chr/meta.toml")
        strict = set(data["strict_labels"])
        labels = sorted(set(data["labels"]), key=len, reverse=True)
        loose = [regex.escape(x) for x in labels if x not in strict]
        tight = [regex.escape(x) for x in labels if x in strict]
        deco = data["decoration"]
        # label then separator (strict labels) or label then separator/space (loose labels)
        # and a whole word: a label glued to a Chinese character before it is another field
        # ("发行日期：" of an album, "出生日期：" of a person), the article's data, not page meta
        self.field = regex.compile(
            rf"(?<!\p{{Han}})(?:(?:{'|'.join(loose)})\s*(?:[:：|｜/]|\s)|(?:{'|'.join(tight)})\s*[:：|｜])")
        self.opener = regex.compile(rf"^{deco}(?P<l>{'|'.join(loose)})\s*(?:[:：|｜]|\s+\S|$)|^{deco}(?P<t>{'|'.join(tight)})\s*[:：|｜]")
        # labels that stand alone on a line inside an article only as page meta (a source, an
        # editor); "时间：…", "日期：…" alone inside the body are often the article's own (the
        # time and place of a meeting in a notice)
        self.body_labels = set(data["body_labels"])
        self.lines = any_pattern(data["line_patterns"])
        self.relative = any_pattern(data["relative_patterns"])
        self.dates = any_pattern(data["date_patterns"])
        counters = "|".join(regex.escape(w) for w in data["counter_words"])
        self.counter = regex.compile(rf"(?:{counters})\s*[:：(（]?\s*\d+|\d+\s*(?:{counters})", regex.I)
        self.label_words = any_word(labels)

    def is_meta(self, text: str, outside: bool, titles: tuple[str, ...] = (),
                edge: bool | None = None) -> bool:
        """``outside``: outside the article body; ``edge``: before the first or after the last
        sentence of prose (a bare date only counts there)."""
        t = text.strip()
        if not t or len(t) > self.opts["max_length"] or STRONG_END.search(t):
            return False
        if self.lines.search(t):
            return True
        if _TIME_RANGE.search(t):
            # "8:30－8:50 开幕式", "时 间：7:00－9:30": a schedule of the article, not a timestamp
            return False
        fields = len(self.field.findall(t))
        dates = self.dates.findall(t)
        counters = self.counter.findall(t)
        m = self.opener.match(t)
        opener = bool(m)
        if m and not outside and fields < 2 and not counters:
            opener = (m.group("l") or m.group("t")) in self.body_labels
        if not (opener or dates or counters or fields >= 2):
            return False
        rest = t
        if dates:
            # a reply header repeats the post title: "# re: 很高兴入住博客堂 2004-12-27 12:46 王勇"
            for title in titles:
                rest = rest.replace(title, " ")
        rest = self.counter.sub(" ", rest)
        rest = self.dates.sub(" ", rest)
        rest = _URL.sub(" ", rest)
        rest = self.label_words.sub(" ", rest)
        leftover = len(_NOISE.sub("", rest))
        if fields and dates and not fields >= 2 and not outside:
            # one field and a date inside the body: only a source/editor field makes it meta
            fields = 1 if set(self.label_words.findall(t)) & self.body_labels else 0
        if opener or fields >= 2 or (fields and dates):
            # "来源：新华网", "编辑 | 楼昕": the values are names, so allow a little more
            return leftover <= self.opts["max_leftover"] + 8 * max(fields, 1)
        if counters:
            return leftover <= self.opts["max_leftover"]
        # only dates: a dateline on its own outside the article body, or a date with a relative
        # time ("8个月前 (09-26)") anywhere; a clock time alone ("7:30 见面会") is a programme item
        if all(_BARE_TIME.fullmatch(d.strip()) for d in dates) and not self.relative.search(t):
            return False
        return ((outside if edge is None else edge) or bool(self.relative.search(t))) and leftover <= self.opts["max_leftover"]

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.packs)
        heads = [0, lay.body_start, lay.title_repeat or 0]
        titles = tuple({lay.blocks[k].text for k in heads
                        if k < len(lay.blocks) and 4 <= lay.blocks[k].length <= 40})
        for i, b in enumerate(lay.blocks):
            if b.prose and b.length > 40:
                continue
            if _signature_date(lay.blocks, i):
                continue
            if self.is_meta(b.text, lay.outside_body(i), titles, lay.outside_prose(i)):
                yield from self.report(doc, [b], f"page meta line (source/author/date): `{b.text[:40]}`",
                                  safe=False, fix_message="delete the meta line")
