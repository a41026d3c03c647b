"""Version pairs aligned in other processes before the rules ask for them (``-j N``).

The character alignment of every version pair (``align.alignment_of``) is most of the corpus
phase's serial time on a corpus of reprints (50 MB of news with 3 % reprints: ~390 pairs, ~4 of
~15 CPU-s). Pairs are independent, so with a ``ForkMap`` (the engine's forked workers, which
inherit the corpus as it is when they start) each worker builds the streams and aligns a share
of the pairs, and sends back plain data: the streams' text, offsets and breaks, the
alignment's blocks and edits and the figures of both versions (``doc_figures``, the next
largest part), never documents. They are cached here exactly as ``alignment_of``,
``stream_of`` and ``doc_figures`` would cache them, so the rules find them computed and every
finding is the same as with one process.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

from .align import PAIRS_KEY, STREAM_KEY, Alignment, Edit, Stream, align_streams, stream_of
from .differences import FIGURES_KEY, classifier_for
from .model import Corpus
from .versions import VersionPair

# fork_map(task, n): task(i) for i in range(n), run in forked processes, results in order
ForkMap = Callable[[Callable[[int], Any], int], Iterable[Any]]
MIN_PAIRS = 16  # fewer pairs are aligned where they are asked for: a fork is not worth it

_Plain = tuple[str, Any, Any]  # a stream without its document: text, offsets, breaks


def align_elsewhere(corpus: Corpus, pairs: Sequence[VersionPair], fork_map: ForkMap) -> int:
    """Align the pairs not aligned yet in forked workers and cache the results; the number of
    pairs aligned so."""
    todo = [p for p in pairs if id(p.b) not in corpus.features(p.a).extra.get(PAIRS_KEY, {})]
    if len(todo) < MIN_PAIRS:
        return 0

    # Built before the fork, so that the workers inherit it (the rules build it anyway).
    model = classifier_for(corpus.packs)

    def task(i: int) -> tuple[_Plain, _Plain, tuple, tuple, list, list]:
        p = todo[i]
        al = align_streams(stream_of(corpus, p.a), stream_of(corpus, p.b))
        return (_plain(al.a), _plain(al.b), al.blocks, tuple((e.a_lo, e.a_hi, e.b_lo, e.b_hi, e.inner)
                                                             for e in al.edits),
                model.doc_figures(corpus, p.a), model.doc_figures(corpus, p.b))

    for p, (sa, sb, blocks, edits, figs_a, figs_b) in zip(todo, fork_map(task, len(todo))):
        al = Alignment(_stream(corpus, p.a, sa), _stream(corpus, p.b, sb), blocks,
                       tuple(Edit(*e) for e in edits))
        corpus.features(p.a).extra.setdefault(PAIRS_KEY, {})[id(p.b)] = al
        corpus.features(p.a).extra.setdefault(FIGURES_KEY, figs_a)
        corpus.features(p.b).extra.setdefault(FIGURES_KEY, figs_b)
    return len(todo)


def _plain(s: Stream) -> _Plain:
    return s.text, s.offsets, s.breaks


def _stream(corpus: Corpus, doc: Any, plain: _Plain) -> Stream:
    """The document's cached stream, or the one a worker built, cached as ``stream_of`` does."""
    extra = corpus.features(doc).extra
    s = extra.get(STREAM_KEY)
    if s is None:
        s = extra[STREAM_KEY] = Stream(doc, *plain)
    return s
