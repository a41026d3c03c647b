"""Reasons for TYP003 to stay silent about an odd character: the text around it says it is a
name, a title or deliberate wordplay rather than a misreading.

Each guard answers from the document text alone, in time bounded by a short look-around.
"""

from __future__ import annotations

from typing import NamedTuple

from ...core.packs import PackStore
from ...text.chars import CHARS
from ._common import in_cjk_run

# Quotation marks and title brackets: a short string inside them is a title, a brand, a
# slogan or a pun (`“默默无蚊”`, `《蕞美》`), which writers spell on purpose.
_TITLE_BRACKETS = "《〈"
_OPEN_CLOSE = {**dict(CHARS.quotes), **{o: c for o, c in CHARS.brackets if o in _TITLE_BRACKETS}, "\"": "\""}
_MAX_QUOTED = 16  # characters: longer quoted spans are speech, where typos are ordinary typos
_LOOK = _MAX_QUOTED + 1


_QUOTES = {**dict(CHARS.quotes), "\"": "\""}


def in_short_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` sits inside a quoted or title-bracketed span of at most 16 characters
    on one line."""
    return _in_short_span(text, pos, _OPEN_CLOSE)


def in_short_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` sits inside quotation marks (not title brackets) around at most 16
    characters on one line: a coined, colloquial or ironic expression (`“充充电”`), quoted
    because it is meant; a title in 《》 is copied text, where a doubled slip is a slip."""
    return _in_short_span(text, pos, _QUOTES)


def _in_short_span(text: str, pos: int, open_close: dict[str, str]) -> bool:
    lo = max(0, pos - _LOOK)
    for k in range(pos - 1, lo - 1, -1):
        ch = text[k]
        if ch == "\n":
            return False
        close = open_close.get(ch)
        if close is None:
            continue
        end = text.find(close, pos, min(len(text), k + _LOOK + 1))
        nl = text.find("\n", pos, end) if end >= 0 else -1
        return end >= 0 and nl < 0 and end - k - 1 <= _MAX_QUOTED
    return False


def latin_neighbour(text: str, start: int, end: int) -> bool:
    """Whether an ASCII letter touches the span (at most one space between): a product or
    brand name written half in Latin letters (`iPhone 蕞新款` is read as a name, not a slip)."""
    n = len(text)
    for k, step in ((start - 1, -1), (end, 1)):
        if 0 <= k < n and text[k] == " ":
            k += step
        if 0 <= k < n and text[k].isascii() and text[k].isalpha():
            return True
    return False


def next_to_name_dot(text: str, start: int, end: int) -> bool:
    """Whether the interpunct of a transliterated foreign name (`图伊莱帕·塞莱莱`) touches the
    span: its characters are syllables, not words."""
    return "·" in text[max(0, start - 1):end + 1]


_DIGITS = frozenset("0123456789０１２３４５６７８９")


def digit_neighbour(text: str, pos: int) -> bool:
    """Whether a digit (ASCII or full-width) touches the character at ``pos``: a date or a
    quantity (`８日的比赛`, `１．１万盾`), where the character is a unit, not part of a word."""
    return (pos > 0 and text[pos - 1] in _DIGITS) or (pos + 1 < len(text) and text[pos + 1] in _DIGITS)


_PAREN_OPEN, _PAREN_CLOSE = "（(", "）)"
_MAX_PAREN = 12  # characters: a byline or an abbreviation (`（闻艺摘）`, `（任保发摄）`)
_MAX_BYLINE = 24  # characters, when the parentheses end the line (`（陕西省农村社会经济调查队宗合）`)


def in_short_parentheses(text: str, pos: int) -> bool:
    """Whether ``pos`` sits inside parentheses on one line holding at most 12 characters, or
    at most 24 when they end the line: a byline, a credit or a note (`（山东省枣庄市李论）`),
    mostly names."""
    n = len(text)
    for k in range(pos - 1, max(0, pos - _MAX_BYLINE) - 1, -1):
        ch = text[k]
        if ch == "\n" or ch in _PAREN_CLOSE:
            return False
        if ch in _PAREN_OPEN:
            for m in range(pos + 1, min(n, k + _MAX_BYLINE + 2)):
                if text[m] in _PAREN_CLOSE:
                    ends_line = m + 1 >= n or text[m + 1] in "\r\n"
                    return m - k - 1 <= (_MAX_BYLINE if ends_line else _MAX_PAREN)
                if text[m] == "\n" or text[m] in _PAREN_OPEN:
                    return False
            return False
    return False


def parallel_repeat(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` recurs within three characters either side: a parallel
    construction (`优中取优`, `仿来仿去`, `掂一掂`, `谁超标谁自理`), written on purpose."""
    c = text[pos]
    return c in text[max(0, pos - 3):pos] or c in text[pos + 1:pos + 4]


def in_given_name(run: str, okb: bytes, base: int, i: int, s: int, surnames: frozenset[str]) -> bool:
    """Whether ``run[i]`` is most likely part of a person's given name: a surname one or two
    characters before it, bound into no word with the character before it (nor, two before,
    with the one after it), and a replacement word, starting at ``run[s]``, that leaves the
    surname out (谈世中, 何秉松, 包爱清: the "correction" would split a name; 祖困 -> 祖国 takes
    the surname into the word and stays a finding) or swaps a whole three-character name for
    another (谭元寿 -> 谭元春, 沈国舫 -> 沈国放: a name for a name). ``okb[base + k]``: the run's
    pair (k, k + 1) occurs inside some lexicon word."""
    for j in (i - 1, i - 2):
        if j < 0 or run[j] not in surnames or (j > 0 and okb[base + j - 1]):
            continue
        if s == j == i - 2:
            return True  # the whole name for another (the pair 谭元 is in 谭元春 itself)
        if s > j and (j == i - 1 or not okb[base + j]):
            return True
    return False


class NameContext(NamedTuple):
    """What marks a name around an odd string (``typ/name_context.toml``, ``typ/surnames.txt``)."""
    surnames: frozenset[str]  # surnames seldom words of their own
    place_units: frozenset[str]  # 省, 市, 县, 乡, 路, 街
    titles_before: frozenset[str]  # 记者, 主任, 教授
    titles_after: frozenset[str]  # 同志, 先生, 书记
    title_len: int  # the longest title
    org_words: frozenset[str]  # 公司, 集团, 广场: words that end an organisation's or a place's name
    org_len: int
    function: frozenset[str]  # the commonest one-character words (的, 和, 在): no part of a name
    all_surnames: frozenset[str] = frozenset()  # every surname of typ/surnames.txt (高, 黄 too)
    provinces: frozenset[str] = frozenset()  # one-character names of provinces (冀, 晋, 云, 新)
    provinces_only: frozenset[str] = frozenset()  # those seldom anything else (冀, 皖, 豫)
    list_marks: frozenset[str] = frozenset()  # the enumeration comma 、 (a list of names)
    pair_nouns: frozenset[str] = frozenset()  # 两国, 两省, 双方: after two names abbreviated
    passive_marks: frozenset[str] = frozenset()  # 为, 被, 受: the passive 为……所 + verb
    small_units: frozenset[str] = frozenset()  # 乡, 镇, 村, 路: units too small for the lexicon

    @classmethod
    def of(cls, packs: PackStore, surnames: frozenset[str], function: frozenset[str]) -> NameContext:
        """The context from the packs' ``typ/name_context.toml`` and ``typ/doubling.toml``."""
        ctx = {k: frozenset(v) for k, v in packs.toml("typ/name_context.toml").items() if k != "replace"}
        orgs = frozenset(packs.toml("typ/doubling.toml").get("org_words", ()))
        titles = ctx["titles_before"] | ctx["titles_after"]
        return cls(surnames, ctx["place_units"], ctx["titles_before"], ctx["titles_after"],
                   max(map(len, titles), default=0), orgs, max(map(len, orgs), default=0), function,
                   packs.chars("typ/surnames.txt"), ctx.get("provinces", frozenset()),
                   ctx.get("provinces_only", frozenset()), ctx.get("list_marks", frozenset()),
                   ctx.get("pair_nouns", frozenset()), ctx.get("passive_marks", frozenset()),
                   ctx.get("small_units", frozenset()))


def before_place_unit(text: str, okb: bytes, pos: int, stop: int, end: int, units: frozenset[str]) -> bool:
    """Whether an administrative or street unit (乡, 县, 路) follows the character at ``pos``
    directly or one character later, at or after ``stop`` (where the correction's word ends: 合湾
    -> 台湾 takes the unit into the word and stays a finding), ends no word with the character
    before it (来白|杭州 stays a finding) and starts no word with the character after it (汶阳|乡
    is a unit; 城市|市场, 道|路线 are not), within the CJK run ending at ``end``: a place name."""
    for k in (pos + 1, pos + 2):
        if k >= end or text[k] not in units:
            continue
        if k < stop or (k == pos + 2 and okb[pos + 1]):
            return False  # the word takes the unit (析州 -> 杭州市), or the unit ends a word (白|杭州)
        return k >= len(okb) or not okb[k]
    return False


def next_to_title(run: str, i: int, lo: int, hi: int, names: NameContext) -> bool:
    """Whether a title or role ends at most one character before ``run[i]`` (记者荣辉, 主任汶阳)
    or starts at most one character after it (荣辉同志, 冀晋书记), outside the correction's word
    ``run[lo:hi]``: a person's name."""
    m = names.title_len
    for q in (i, i - 1):
        if q <= lo:
            for t_len in range(2, m + 1):
                if q >= t_len and run[q - t_len:q] in names.titles_before:
                    return True
    for k in (i + 1, i + 2):
        if k >= hi:
            for t_len in range(1, m + 1):
                if run[k:k + t_len] in names.titles_after:
                    return True
    return False


_ORG_REACH = 6  # characters between the odd one and the organisation word, at most


def org_word_within(run: str, start: int, stop: int, function: frozenset[str],
                    org_words: frozenset[str], org_len: int) -> bool:
    """Whether a word ending an organisation's or a place's name (集团, 公司, 广场: ``org_words``
    of typ/doubling.toml) starts in ``run[start:stop]`` with no function character before it."""
    for k in range(start, min(len(run), stop)):
        if run[k] in function:
            return False
        for m in range(1, org_len + 1):
            if run[k:k + m] in org_words:
                return True
    return False


def before_org_word(run: str, i: int, hi: int, names: NameContext) -> bool:
    """Whether an organisation word starts after ``run[i]``, at or after the correction's word
    end ``hi`` and at most six characters later (泉永棉织集团: a name)."""
    return org_word_within(run, max(i + 1, hi), i + 2 + _ORG_REACH, names.function, names.org_words, names.org_len)


_NOTE = 6  # characters of a parenthesised note after a name in a list: 潘某某（女，满族）
_MAX_NAME = 3  # characters of a Chinese person's name written in full (surname + given name)
_MAX_ITEM = 4  # characters of the neighbouring item of a list of names


def _note_end(text: str, k: int) -> int:
    """The offset after a short parenthesised note starting at ``text[k]`` (``（女）``), else ``k``."""
    if k < len(text) and text[k] in _PAREN_OPEN:
        for m in range(k + 1, min(len(text), k + _NOTE + 2)):
            if text[m] in _PAREN_CLOSE:
                return m + 1
            if text[m] == "\n":
                break
    return k


def _note_start(text: str, k: int) -> int:
    """The offset of a short parenthesised note ending at ``text[k - 1]``, else ``k``."""
    if k > 0 and text[k - 1] in _PAREN_CLOSE:
        for m in range(k - 2, max(-1, k - _NOTE - 3), -1):
            if text[m] in _PAREN_OPEN:
                return m
            if text[m] == "\n":
                break
    return k


def _cjk_len(text: str, k: int, step: int) -> int:
    """How many CJK characters run from ``text[k]`` in the direction ``step`` (at most 5), up to
    the 等 that closes a list going forward (李某某等人)."""
    m = 0
    while 0 <= k < len(text) and m <= _MAX_ITEM and in_cjk_run(text[k]) \
            and not (step > 0 and m >= 2 and text[k] == "等"):
        k += step
        m += 1
    return m


def in_name_list(text: str, base: int, end: int, names: NameContext) -> bool:
    """Whether the CJK run ``text[base:end]`` is one item of a list of names: two or three
    characters starting with a surname, an enumeration comma (、) on at least one side (after a
    short note such as ``（女）``), and the item across that comma a name as well (two to four
    characters from a surname): `张某、黄某某、李某等` is a list of people, and names are no
    misreadings (`高科技、新材料` is no list of names)."""
    sur = names.all_surnames
    if not 2 <= end - base <= _MAX_NAME or text[base] not in sur:
        return False
    after = _note_end(text, end)
    if after + 1 < len(text) and text[after] in names.list_marks and text[after + 1] in sur \
            and 2 <= _cjk_len(text, after + 1, 1) <= _MAX_ITEM:
        return True
    if base > 0 and text[base - 1] in names.list_marks:
        k = _note_start(text, base - 1)
        m = _cjk_len(text, k - 1, -1)
        return 2 <= m <= _MAX_ITEM and text[k - m] in sur
    return False


def in_address(run: str, s: int, e: int, units: frozenset[str], small: frozenset[str]) -> bool:
    """Whether the correction's word ``run[s:e]`` sits between two administrative units, one
    ending right before it and a small one (镇, 乡, 村, 路: ``small_units``) starting right after
    it or one later (某某市|某阳|镇, 某县|某|乡): a chain of place names from the larger unit to
    the smaller, as addresses are written, and towns, villages and streets are far too many for
    the lexicon. A city or province after it (省沉阳市 -> 沈阳) stays a finding, as does a
    correction whose word ends in a unit itself (省析州市 -> 杭州)."""
    return (s > 0 and run[s - 1] in units and run[e - 1] not in units
            and any(k < len(run) and run[k] in small for k in (e, e + 1)))


def province_pair(run: str, i: int, names: NameContext) -> bool:
    """Whether the character is the one-character name of a province that is seldom anything
    else (冀, 皖, 豫) and a neighbour is the name of another (冀晋, 晋冀鲁豫, 京津冀): a region
    named by its provinces."""
    return run[i] in names.provinces_only and (
        (i > 0 and run[i - 1] in names.provinces) or (i + 1 < len(run) and run[i + 1] in names.provinces))


def before_pair_noun(run: str, i: int, e: int, names: NameContext) -> bool:
    """Whether a noun for two of a kind (两国, 两省, 双方: ``pair_nouns``) starts right after the
    character or one later, outside the correction's word (which ends at ``e``): the two names
    before it are abbreviated to a character each (中希两国, 冀晋两省), no misreading."""
    for k in (i + 1, i + 2):
        if k >= e and any(run[k:k + len(w)] == w for w in names.pair_nouns):
            return True
    return False


_PASSIVE_REACH = 12  # characters between the passive marker and 所


def passive_suo(run: str, i: int, names: NameContext) -> bool:
    """Whether the character follows 所 in a passive 为/被/受……所 + verb (为人所知, 受观念所囿)
    whose marker stands at most twelve characters before, in the same CJK run: the character
    is the verb of that construction, whatever word 所 makes with another character."""
    if i < 2 or run[i - 1] != "所":
        return False
    return any(ch in names.passive_marks for ch in run[max(0, i - 1 - _PASSIVE_REACH):i - 1])


def silenced(text: str, run: str, okb: bytes, base: int, i: int, s: int, e: int, names: NameContext) -> bool:
    """Whether any guard keeps TYP003 silent about the character ``i`` of the CJK run starting at
    ``base`` whose correction makes a word over ``[s, e)`` (run offsets): a title, brand, slogan,
    product or foreign name, a date or quantity, a byline, a parallel construction, a person's,
    a place's or an organisation's name, an item of a list of names, an address, a region named
    by its provinces, two names abbreviated before 两国, the verb of a passive 为……所."""
    start, end = base + i, base + len(run)
    return (in_short_quote(text, start) or latin_neighbour(text, base, end) or next_to_name_dot(text, base, end)
            or digit_neighbour(text, start) or in_short_parentheses(text, start)
            or parallel_repeat(text, start) or in_given_name(run, okb, base, i, s, names.surnames)
            or before_place_unit(text, okb, start, base + e, end, names.place_units)
            or next_to_title(run, i, s, e, names) or before_org_word(run, i, e, names)
            or in_name_list(text, base, end, names) or in_address(run, s, e, names.place_units, names.small_units)
            or province_pair(run, i, names) or before_pair_noun(run, i, e, names)
            or passive_suo(run, i, names))
