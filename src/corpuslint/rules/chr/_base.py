"""What the CHR rules share: reporting whole lines or blocks of lines, and covering a line with
words of a lexicon (menus and interface words are lines made only of such words)."""

from __future__ import annotations

from typing import Any, Iterable, Iterator

import regex

from ...core import Document, DocumentRule, Finding, Fix
from ._zones import Block, delete_lines, layout

# Separators between menu items, breadcrumb steps and interface words (private-use characters
# are icon-font glyphs: "返目录\ue5e5").
SEPARATORS = regex.compile(r"[\s|｜/\\·•・\-—–_,，、:：;；>»›<«‹\[\]【】()（）{}\"“”'‘’…*+=~^#◎●○■□★☆◆◇▲△►▶←→↑↓〓〖〗\p{Co}]+")


# Lines of one or two characters (`日`, `中国`, `教育`: calendar cells, menu items) cannot be told
# from a word of the article without the page's HTML, so a precise linter leaves such a stray
# word rather than risk deleting text (measured on bench/chrome_eval.py: reporting them caught
# 5 % more page lines but flagged 1.4 % more article lines).
# One exception (CHR010 only): a short line of symbols alone (`•`, `|`: a list bullet or a menu
# bar that was its own element) inside a block of chrome holds no word of any article (on the 50
# held-out pages of bench/chrome_eval.py: 165 more page lines caught; the 9 `content` lines among
# them are lone `·` that the automatic labels find in the gold text).
MIN_CHARS = 3
_WORD = regex.compile(r"\w")


class ChromeRule(DocumentRule):
    """A document rule that reports chrome lines and offers to delete them.

    Every block a rule reports is recorded on the document's layout (``Layout.flagged``) and a
    finished check is marked (``Layout.ran``), so CHR010 can grow blocks of chrome from the lines
    the other rules found without running them twice."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        inner = cls.__dict__.get("check")
        if inner is None:
            return

        def check(self: "ChromeRule", doc: Document, _inner=inner) -> Iterable[Finding]:  # type: ignore[no-untyped-def]
            lay = layout(doc)
            lay.flagged[self.code] = set()
            lay.ran.discard(self.code)
            yield from _inner(self, doc)
            lay.ran.add(self.code)

        check.__doc__ = inner.__doc__
        cls.check = check  # type: ignore[method-assign]

    def report(self, doc: Document, blocks: list[Block], message: str, *, safe: bool,
               fix_message: str | None = None, symbols: bool = False) -> Iterator[Finding]:
        """One finding per run of reportable lines of ``blocks`` (a run is cut at lines too
        short to judge, which stay in the text). With ``symbols``, a short line of symbols only
        (a bullet `•` or a bar `|` that was its own element) is reportable: it holds no word."""
        run: list[Block] = []
        for b in [*blocks, None]:
            if b is not None and (b.length >= MIN_CHARS or (symbols and not _WORD.search(b.text))):
                run.append(b)
                continue
            if run:
                layout(doc).flagged.setdefault(self.code, set()).update(x.para.index for x in run)
                first, last = run[0], run[-1]
                edit = delete_lines(doc, first.para.line, last.para.line)
                what = fix_message or ("delete the line" if first is last else
                                       f"delete lines {first.para.line}-{last.para.line}")
                fix = Fix.safe(what, edit) if safe else Fix.unsafe(what, edit)
                yield self.finding(doc, first.para.start, last.para.end, message, fix=fix)
                run = []


def tokens(text: str) -> list[str]:
    return [t for t in SEPARATORS.split(text) if t]


def cover(token: str, words: frozenset[str], longest: int) -> list[str] | None:
    """Split ``token`` into words of ``words`` (longest match first), or None if it cannot be."""
    out: list[str] = []
    i, n = 0, len(token)
    while i < n:
        for size in range(min(longest, n - i), 0, -1):
            piece = token[i:i + size]
            if piece in words:
                out.append(piece)
                i += size
                break
        else:
            return None
    return out


class Lexicon:
    """A set of words (with the longest length, for ``cover``) plus token shapes (regexes such as
    ``第\\d+版``) that count as words."""

    def __init__(self, words: list[str], patterns: list[str] = ()) -> None:  # type: ignore[assignment]
        self.words = frozenset(w for w in (x.strip() for x in words) if w)
        self.longest = max((len(w) for w in self.words), default=1)
        self.shapes = regex.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    def __contains__(self, word: str) -> bool:
        return word in self.words or bool(self.shapes and self.shapes.fullmatch(word))

    def split(self, text: str) -> list[str] | None:
        """The words of ``text`` when every token of it is made of lexicon words."""
        out: list[str] = []
        for tok in tokens(text):
            if tok in self.words or (self.shapes and self.shapes.fullmatch(tok)):
                out.append(tok)
                continue
            words = cover(tok, self.words, self.longest)
            if words is None:
                return None
            out.extend(words)
        return out
