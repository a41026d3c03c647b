"""Tables for TYP001's verb-object reduplication guard (VV + O: 改改口, 润润嗓子, 享享清福), compiled
from jieba's part-of-speech tags.

A one-character verb reduplicates before its object to soften or try it. The doubling is
ordinary when the verb and the object make a word (改口, 享清福) or the object is a noun of its
own (嗓子). It is a slip when the character after is a complement or a bound half of a word
(退退出, 表表示, 保保障, 配配套): those words are tagged as verbs or adjectives, or their second
character is no free noun.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from ...core.compiled import compiled
from ...core.packs import PackStore
from ...text.lexicon import base_tagged_words, lexicon_key

# The thresholds and tags live in ``[verb_object]`` of typ/doubling.toml: min_verb_freq (a verb
# common enough to reduplicate in ordinary prose: 改 9 286, 润 1 690, 享 840), min_noun_char_freq
# (a free noun character, 口 20 778, not a bound half of a word: 障 269 of 保障),
# min_noun_word_freq (a two-character noun after the doubled verb: 嗓子 772), vo_word_tags (a
# verb-object word, not a verb-complement, adjective or adverb compound: 改口 vn, 散步 n, 享清福
# l; not 退出 v, 配套 a), noun_char_tags, coverb_tags (a coverb is a verb too: 用 p).
_DEFAULTS = {"min_verb_freq": 500, "min_noun_char_freq": 2_000, "min_noun_word_freq": 100,
             "vo_word_tags": ["n", "vn", "l", "nz", "i"], "noun_char_tags": ["n", "nr", "ns", "q"],
             "coverb_tags": ["p"]}


class VerbObjectTables(NamedTuple):
    verbs: frozenset[str]  # one-character verbs
    vo_words: frozenset[str]  # verb + object words: 改口, 散步, 享清福
    nouns: frozenset[str]  # two-character nouns: 嗓子, 门票
    coverbs: frozenset[str] = frozenset()  # one-character coverbs (用, 拿): verbs in origin


def _build(o: dict) -> VerbObjectTables:
    rows = base_tagged_words()
    freq = {w: f for w, f, _ in rows}
    tag = {w: t for w, _, t in rows}
    min_verb = o["min_verb_freq"]
    vo_tags, noun_tags, coverb_tags = (frozenset(o[k]) for k in ("vo_word_tags", "noun_char_tags", "coverb_tags"))
    verbs = frozenset(w for w, f, t in rows if len(w) == 1 and t == "v" and f >= min_verb)
    coverbs = frozenset(w for w, f, t in rows if len(w) == 1 and t in coverb_tags and f >= min_verb)
    noun_chars = frozenset(w for w, f, t in rows
                           if len(w) == 1 and t in noun_tags and f >= o["min_noun_char_freq"])
    vo = []
    for w, _, t in rows:
        if w[0] not in verbs or t not in vo_tags:
            continue
        if (len(w) == 2 and w[1] in noun_chars) or (len(w) == 3 and freq.get(w[1:], 0) > 0
                                                    and tag.get(w[1:]) not in ("v", "d", "c")):
            vo.append(w)
    nouns = frozenset(w for w, f, t in rows if len(w) == 2 and t == "n" and f >= o["min_noun_word_freq"])
    return VerbObjectTables(verbs, frozenset(vo), nouns, coverbs)


def verb_object_tables(packs: PackStore) -> VerbObjectTables:
    """The tables, compiled once and cached on disk with the lexicon's key and the settings."""
    o = dict(_DEFAULTS, **packs.toml("typ/doubling.toml").get("verb_object", {}))
    key = json.dumps(o, sort_keys=True, ensure_ascii=False)
    return compiled("typ-verb-object", [], lambda: _build(o), extra=f"2|{lexicon_key(packs)}|{key}")


def reduplicated_before_object(run: str, i: int, tables: VerbObjectTables, freqs: dict[str, int],
                                right: str | None) -> bool:
    """Whether the doubling at run[i:i+2] is a verb reduplicated before its object: the verb and
    what follows make a verb-object word (改|改口, 享|享清福), or a noun follows that is more
    common than any word the second copy starts (``right``: 润润|嗓子, jieba's 润嗓 has a count
    of 3)."""
    c = run[i]
    if c not in tables.verbs:
        return False
    if run[i + 1:i + 3] in tables.vo_words or run[i + 1:i + 4] in tables.vo_words:
        return True
    noun = run[i + 2:i + 4]
    return noun in tables.nouns and (right is None or freqs.get(right, 0) < freqs.get(noun, 0))
