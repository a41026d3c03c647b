"""The word lexicon with frequencies shared by TYP, VER and LAY.

Its base is jieba's dictionary (``jieba/dict.txt``, ~349k words with corpus frequencies, MIT
licence), shipped by the ``jieba`` package from PyPI — nothing is downloaded at run time. Rule
packs add words: ``rules/lexicon/*.txt`` (one ``word [frequency]`` per line) from the built-in
folder and from user folders, so a corpus can teach corpuslint its own names and terms.
"""

from __future__ import annotations

import importlib.util
import math
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from ..core.compiled import compiled, input_key
from ..core.packs import PackStore
from .lexicon_table import MappedFreqs, compiled_table

# Frequency given to words from packs that carry none: "known, moderately common".
DEFAULT_PACK_FREQ = 100


def _jieba_dict() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the jieba package (word lexicon) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


# The tables of one segmentation (best log-probability and back pointer per end position).
SegmentationTables = tuple[list[float], list[int]]


class Lexicon:
    """Word -> frequency, plus per-character frequencies and the longest word length."""

    def __init__(self, freqs: dict[str, int]) -> None:
        self.freqs = freqs
        self.total = sum(freqs.values()) or 1
        self.max_len = max((len(w) for w in freqs), default=1)
        char_freq: dict[str, int] = {}
        for w, f in freqs.items():
            for c in w:
                char_freq[c] = char_freq.get(c, 0) + f
        self.char_freqs = char_freq
        self._prefixes: frozenset[str] | None = None
        self._longest_ending: dict[str, int] | None = None
        # Words jieba tags as verbs, adjectives, adverbs or conjunctions (the base lexicon only;
        # pack words carry no part of speech). Tags are jieba's, noisy (站长 is tagged v).
        self.predicates: frozenset[str] = frozenset()
        # Words of 2+ characters jieba tags as places or organisations (ns, nt; its nz is noisy),
        # from the base lexicon only: VER tells a changed name from a changed word with them.
        self.proper: frozenset[str] = frozenset()

    def freq(self, word: str) -> int:
        return self.freqs.get(word, 0)

    def __contains__(self, word: str) -> bool:
        return word in self.freqs

    def is_word(self, word: str, min_freq: int = 1) -> bool:
        return self.freqs.get(word, 0) >= min_freq

    def log_prob(self, word: str) -> float:
        return math.log((self.freqs.get(word, 0) + 0.5) / self.total)

    @property
    def prefixes(self) -> frozenset[str]:
        """Every proper prefix (2+ characters) of a lexicon word: lets a scan stop as soon as no
        longer word can start here. Built on first use (~0.3 s, ~25 MB)."""
        got = self._prefixes
        if got is None:
            got = self._prefixes = frozenset(w[:k] for w in self.freqs for k in range(2, len(w)))
        return got

    @property
    def longest_ending(self) -> dict[str, int]:
        """Character -> the length of the longest lexicon word ending with it: bounds the words
        a segmentation tries at each position (most characters end no word longer than 4-6).
        Compiled with the lexicon (built on first use, ~0.1 s, in a lexicon compiled without it)."""
        got = self.__dict__.get("_longest_ending")  # absent from lexicons compiled before it
        if got is None:
            got = {}
            for w in self.freqs:
                c = w[-1]
                if len(w) > got.get(c, 0):
                    got[c] = len(w)
            self._longest_ending = got
        return got

    def words_in(self, text: str, min_len: int = 2) -> list[tuple[int, int, str]]:
        """Every lexicon word in ``text`` as (start, end, word), overlapping ones included."""
        out = []
        n = len(text)
        freqs = self.freqs
        prefixes = self.prefixes
        for i in range(n):
            for j in range(i + max(min_len, 2), min(n, i + self.max_len) + 1):
                w = text[i:j]
                if w in freqs:
                    out.append((i, j, w))
                if w not in prefixes:
                    break
            if min_len <= 1 and text[i] in freqs:
                out.append((i, i + 1, text[i]))
        if min_len <= 1:
            out.sort()
        return out

    def best_segmentation(self, text: str, extra: Mapping[str, int] | None = None
                          ) -> tuple[float, list[tuple[int, int]]]:
        """Maximum-probability unigram segmentation: (log-probability, word spans). ``extra``
        adds or overrides word frequencies (to ask "would this be read as one word?"); unknown
        characters stand alone at a low probability."""
        n = len(text)
        best = [0.0] + [-math.inf] * n
        back = [0] * (n + 1)
        self._fill(text, extra, best, back, 1)
        return best[n], _spans(back, n)

    def segmentation_tables(self, text: str) -> tuple[float, list[tuple[int, int]], SegmentationTables]:
        """``best_segmentation(text)`` and its tables, for ``resegmentation`` of the same text
        with one character changed."""
        n = len(text)
        best = [0.0] + [-math.inf] * n
        back = [0] * (n + 1)
        self._fill(text, None, best, back, 1)
        return best[n], _spans(back, n), (best, back)

    def resegmentation(self, text: str, tables: SegmentationTables, k: int
                       ) -> tuple[float, list[tuple[int, int]]]:
        """``best_segmentation(text)`` where ``tables`` come from a text equal to this one before
        offset ``k`` (a character changed or deleted there): the best readings of text[:j] for
        j <= k are the same, so only the positions after ``k`` are computed (same numbers, same
        ties)."""
        n = len(text)
        best = tables[0][:k + 1] + [-math.inf] * (n - k)
        back = tables[1][:k + 1] + [0] * (n - k)
        self._fill(text, None, best, back, k + 1)
        return best[n], _spans(back, n)

    def _fill(self, text: str, extra: Mapping[str, int] | None, best: list[float], back: list[int],
              j0: int) -> None:
        """The dynamic programme of best_segmentation from end position ``j0`` on: best[j] is the
        log-probability of the best reading of text[:j], back[j] where its last word starts."""
        n = len(text)
        total = self.total
        freqs = self.freqs
        unk = math.log(0.5 / total) - 5.0
        max_len = min(self.max_len, n)
        # Without extra words, no word ending at j is longer than the longest ending with text[j - 1].
        longest = self.longest_ending if not extra else None
        for j in range(j0, n + 1):
            reach = max_len if longest is None else min(max_len, longest.get(text[j - 1], 1))
            for i in range(max(0, j - reach), j):
                w = text[i:j]
                f = extra[w] if extra and w in extra else freqs.get(w)
                if not f:
                    if j - i > 1:
                        continue
                    score = best[i] + unk
                else:
                    score = best[i] + math.log(f / total)
                if score > best[j]:
                    best[j], back[j] = score, i

    def segment(self, text: str) -> list[str]:
        """The words of the best segmentation."""
        return [text[i:j] for i, j in self.best_segmentation(text)[1]]


def _spans(back: list[int], n: int) -> list[tuple[int, int]]:
    """The word spans of a segmentation, read back from its end."""
    spans = []
    j = n
    while j > 0:
        i = back[j]
        spans.append((i, j))
        j = i
    return spans[::-1]


@lru_cache(maxsize=1)
def _base() -> dict[str, int]:
    return _read_base()[0]


_PROPER_TAGS = {"ns", "nt"}  # jieba's tags of places and organisations


@lru_cache(maxsize=1)
def _read_base() -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    """jieba's words with their counts; the words of 2+ characters it tags as verbs,
    adjectives, adverbs or conjunctions (v*, a*, d*, c*: 表示, 发现, 及时, 进一步); and those it
    tags as places or organisations (ns, nt: 余姚, 国务院). One pass over dict.txt."""
    freqs: dict[str, int] = {}
    predicates = []
    proper = []
    with _jieba_dict().open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) >= 2:
                try:
                    freqs[parts[0]] = int(parts[1])
                except ValueError:
                    continue
                if len(parts) >= 3 and len(parts[0]) >= 2:
                    tag = parts[2].rstrip()
                    if tag[:1] in ("v", "a", "d", "c"):
                        predicates.append(parts[0])
                    elif tag in _PROPER_TAGS:
                        proper.append(parts[0])
    return freqs, frozenset(predicates), frozenset(proper)


def base_tagged_words() -> list[tuple[str, int, str]]:
    """Every entry of jieba's dictionary with a part-of-speech tag, as (word, count, tag): for
    tables compiled from the tags (read at build time only, ~0.4 s)."""
    out = []
    with _jieba_dict().open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) >= 3 and parts[1].isdigit():
                out.append((parts[0], int(parts[1]), parts[2].rstrip()))
    return out


_CACHE: dict[tuple[Path, ...], Lexicon] = {}


def _pack_files(packs: PackStore) -> list[Path]:
    return [path for d in packs.dirs if (d / "lexicon").is_dir() for path in sorted((d / "lexicon").glob("*.txt"))]


def _build(files: list[Path]) -> Lexicon:
    freqs = dict(_base())
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            word, _, rest = line.partition(" ")
            if word.startswith("-"):  # "-word" removes a bad entry of the base lexicon
                freqs.pop(word[1:], None)
                continue
            try:
                freqs[word] = max(freqs.get(word, 0), int(rest.split()[0]) if rest.strip() else DEFAULT_PACK_FREQ)
            except ValueError:
                freqs[word] = max(freqs.get(word, 0), DEFAULT_PACK_FREQ)
    lex = Lexicon(freqs)
    _, lex.predicates, lex.proper = _read_base()
    lex.longest_ending  # noqa: B018 - built here, so the compiled form carries it
    return lex


class _DeferredLexicon(Lexicon):
    """A lexicon read from its compiled form on first use. Rules take the lexicon when they are
    set up, but a pre-commit run on a small clean file may never look a word up, and reading
    349 000 words costs ~0.25 s. The first attribute it lacks loads the real lexicon's fields
    into it; from then on it is an ordinary ``Lexicon`` (no indirection on look-ups). Its
    frequencies are a memory-mapped table (``lexicon_table``) that becomes a dict once a run
    looks up many words."""

    def __init__(self, files: list[Path]) -> None:  # noqa: super().__init__ is the loaded one's
        self.__dict__["_files"] = files

    def __getattr__(self, name: str) -> object:
        fields = self.__dict__
        files = fields.pop("_files", None)
        if files is not None:
            fields.update(_compiled_fields(files))
            freqs = fields["freqs"]
            if isinstance(freqs, MappedFreqs):
                freqs.owner = self
            return getattr(self, name)
        if name in _TAGS and "_tags_of" in fields:  # the part-of-speech sets, read on first use
            fields.update(zip(_TAGS, _compiled_tags(fields.pop("_tags_of"))))
            return fields[name]
        raise AttributeError(name)


_TAGS = ("predicates", "proper")  # read apart: most runs never ask (~15 ms)


def _compiled_fields(files: list[Path]) -> dict[str, object]:
    """The fields of the lexicon of these pack files, from its compiled forms: the frequencies
    as a mapped table, the tag sets and the rest pickled apart; all pickled in one where no
    table can be kept."""
    inputs = [_jieba_dict(), *files]
    table = compiled_table("lexicon-freqs", inputs, lambda: _built(files).freqs)
    if table is None:
        return dict(vars(compiled("lexicon", inputs, lambda: _built(files), extra="longest_ending")))
    rest = compiled("lexicon-rest", inputs, lambda: _without(_built(files), ("freqs", *_TAGS)),
                    extra="longest_ending")
    return {**vars(rest), "freqs": table, "_tags_of": files}


def _compiled_tags(files: list[Path]) -> tuple[frozenset[str], frozenset[str]]:
    return compiled("lexicon-tags", [_jieba_dict(), *files], lambda: tuple(getattr(_built(files), t) for t in _TAGS))


@lru_cache(maxsize=2)
def _built_for(files: tuple[Path, ...]) -> Lexicon:
    return _build(list(files))


def _built(files: list[Path]) -> Lexicon:
    """The lexicon built from its sources (when a compiled form is missing), once per process."""
    return _built_for(tuple(files))


def _without(lex: Lexicon, names: tuple[str, ...]) -> Lexicon:
    out = Lexicon.__new__(Lexicon)
    out.__dict__.update((k, v) for k, v in vars(lex).items() if k not in names)
    return out


def load_lexicon(packs: PackStore) -> Lexicon:
    """The lexicon for a set of pack folders: built once per process (read when first used),
    and its compiled form cached on disk between runs (keyed on jieba's dictionary and the pack
    files)."""
    key = packs.dirs
    lex = _CACHE.get(key)
    if lex is None:
        lex = _CACHE[key] = _DeferredLexicon(_pack_files(packs))
    return lex


def lexicon_key(packs: PackStore) -> str:
    """A key naming the lexicon of these pack folders (jieba's dictionary and the pack files'
    contents): tables compiled from the lexicon are cached under it."""
    return input_key("lexicon", [_jieba_dict(), *_pack_files(packs)])
