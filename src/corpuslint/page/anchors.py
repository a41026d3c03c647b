"""The chrome anchors of a page: the hits of every chrome detector (``page.chrome``) with its
default options, computed once per document and kept on the page model. The CHR rules report
the hits of their detector from here (a rule run with options of its own computes them afresh);
CHR010 grows blocks of chrome from the anchored lines. No rule runs another rule: whether the
CHR rules are enabled in a run or not, the anchors are the same."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping

from ..core import Document, PackStore
from .chrome import DETECTORS, Detector, Hit, NavigationDetector, UiDetector
from .layout import page

_KEY = "page.chrome_hits"


@lru_cache(maxsize=32)
def _default(cls: type[Detector], dirs: tuple) -> Detector:  # type: ignore[type-arg]
    """A detector of kind ``cls`` with its defaults, one per set of rule-pack directories."""
    return cls(PackStore(dirs[1:]))


_LAST: dict[type, tuple[PackStore, Detector]] = {}  # per kind: (store, detector) of the last call


def _default_detector(cls: type[Detector], packs: PackStore) -> Detector:
    last = _LAST.get(cls)
    if last is not None and last[0] is packs:
        return last[1]  # (the rules of a run share one store: no tuple of paths to hash)
    det = _default(cls, tuple(packs.dirs))
    _LAST[cls] = (packs, det)
    return det


def chrome_hits(doc: Document, packs: PackStore, cls: type[Detector],
                opts: Mapping[str, Any] | None = None, own: Detector | None = None) -> list[Hit]:
    """The hits of detector kind ``cls`` on ``doc``: memoised on the page for its defaults; with
    other ``opts`` computed afresh (by ``own``, a detector built with them, when given)."""
    if opts is not None and dict(opts) != dict(cls.defaults):
        det = own if own is not None else cls(packs, opts)
        return list(det.detect(doc))
    cache = page(doc, packs).extra.setdefault(_KEY, {})
    assert isinstance(cache, dict)
    got = cache.get(cls.kind)
    if got is None:
        got = cache[cls.kind] = list(_default_detector(cls, packs).detect(doc))
    return got


def chrome_anchors(doc: Document, packs: PackStore) -> dict[int, str]:
    """Block index -> kind of the first detector that recognised the line (computed once)."""
    pg = page(doc, packs)
    got = pg.extra.get("page.chrome_anchors")
    if got is None:
        out: dict[int, str] = {}
        for cls in DETECTORS:
            for hit in chrome_hits(doc, packs, cls):
                for b in hit.blocks:
                    out.setdefault(b.para.index, cls.kind)
        got = pg.extra["page.chrome_anchors"] = out
    assert isinstance(got, dict)
    return got


def chrome_words(doc: Document, packs: PackStore) -> frozenset[int]:
    """Blocks outside the article body made only of menu or interface words (`首页`, `专题`,
    `社区相册`, `返回顶部`), however short: lines the navigation and interface lexicons
    recognise even where they are too short to report. Computed once per document."""
    pg = page(doc, packs)
    got = pg.extra.get("page.chrome_words")
    if got is None:
        nav = _default_detector(NavigationDetector, packs)
        ui = _default_detector(UiDetector, packs)
        assert isinstance(nav, NavigationDetector) and isinstance(ui, UiDetector)
        got = pg.extra["page.chrome_words"] = frozenset(
            i for i, b in enumerate(pg.blocks) if pg.outside_body(i) and not b.prose and b.length <= 40
            and (nav.nav.split(b.text) or ui.all.split(b.text)))
    assert isinstance(got, frozenset)
    return got
