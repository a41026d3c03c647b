"""What the chrome detectors share: a detector (its rule packs and options, its hits on a page),
hits as runs of whole lines, and covering a line with words of a lexicon (menus and interface
words are lines made only of such words)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Iterator, Mapping

import regex

from ...core import Document, PackStore
from ..layout import Block, Page, page
from ...text import any_pattern

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


@dataclass(frozen=True)
class Hit:
    """Lines a CHR detector recognises as chrome: one run of reportable lines, the message and
    the deletion it offers."""

    blocks: tuple[Block, ...]
    message: str
    safe: bool
    fix_message: str

    @property
    def indices(self) -> range:
        return range(self.blocks[0].para.index, self.blocks[-1].para.index + 1)


class Detector:
    """What one kind of chrome detector recognises on a page (``detect``: its hits), with the rule
    packs and options it was built with. The CHR rules report a detector's hits; CHR010 reads the
    hits of every detector with its defaults as its anchors (``page.anchors``)."""

    kind: ClassVar[str] = ""
    defaults: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, packs: PackStore, opts: Mapping[str, Any] | None = None) -> None:
        self.packs = packs
        self.opts: dict[str, Any] = dict(self.defaults if opts is None else opts)
        self.setup()

    def setup(self) -> None:
        """Load the detector's data from the rule packs."""

    def detect(self, doc: Document) -> Iterator[Hit]:
        raise NotImplementedError

    def report(self, doc: Document, blocks: list[Block], message: str, *, safe: bool,
               fix_message: str | None = None, symbols: bool = False,
               items: frozenset[int] = frozenset()) -> Iterator[Hit]:
        """One hit per run of reportable lines of ``blocks`` (a run is cut at lines too
        short to judge, which stay in the text). With ``symbols``, a short line of symbols only
        (a bullet `•` or a bar `|` that was its own element) is reportable: it holds no word.
        The blocks whose index is in ``items`` (items of a long run of menu or calendar cells)
        are reportable however short."""
        run: list[Block] = []
        pg = page(doc, self.packs)
        for b in [*blocks, None]:
            # a row of a table or infobox inside the article body is content: it ends the run
            if b is not None and not pg.in_table(b.para.index) and (
                    b.length >= MIN_CHARS or (symbols and not _WORD.search(b.text)) or b.para.index in items):
                run.append(b)
                continue
            if run:
                first, last = run[0], run[-1]
                what = fix_message or ("delete the line" if first is last else
                                       f"delete lines {first.para.line}-{last.para.line}")
                # a flattened table (a metadata table, an infobox) is never deleted without a look
                yield Hit(tuple(run), message, safe and not any(x.kind == "table" for x in run), what)
                run = []



def tokens(text: str) -> list[str]:
    return [t for t in SEPARATORS.split(text) if t]


def word_lengths(words: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """First character -> the lengths of the words starting with it, longest first."""
    by_first: dict[str, set[int]] = {}
    for w in words:
        by_first.setdefault(w[0], set()).add(len(w))
    return {c: tuple(sorted(sizes, reverse=True)) for c, sizes in by_first.items()}


def cover(token: str, words: frozenset[str], lengths: dict[str, tuple[int, ...]]) -> list[str] | None:
    """Split ``token`` into words of ``words`` (longest match first), or None if it cannot be.
    Only the lengths of words starting with the character at hand are tried (``lengths``, from
    ``word_lengths``): most positions of a line of text start no word at all."""
    out: list[str] = []
    i, n = 0, len(token)
    while i < n:
        for size in lengths.get(token[i], ()):
            if size <= n - i:
                piece = token[i:i + size]
                if piece in words:
                    out.append(piece)
                    i += size
                    break
        else:
            return None
    return out


class Lexicon:
    """A set of words (with their lengths by first character, for ``cover``) plus token shapes
    (regexes such as ``第\\d+版``) that count as words."""

    def __init__(self, words: list[str], patterns: list[str] = ()) -> None:  # type: ignore[assignment]
        self.words = frozenset(w for w in (x.strip() for x in words) if w)
        self.lengths = word_lengths(self.words)
        self.shapes = any_pattern(patterns) if patterns else None

    def __contains__(self, word: str) -> bool:
        return word in self.words or bool(self.shapes and self.shapes.fullmatch(word))

    def split(self, text: str) -> list[str] | None:
        """The words of ``text`` when every token of it is made of lexicon words."""
        out: list[str] = []
        # (tokens taken one by one: a line of text fails at its first token, most of it unsplit)
        for tok in SEPARATORS.splititer(text):
            if not tok:
                continue
            if tok in self.words or (self.shapes and self.shapes.fullmatch(tok)):
                out.append(tok)
                continue
            words = cover(tok, self.words, self.lengths)
            if words is None:
                return None
            out.extend(words)
        return out
