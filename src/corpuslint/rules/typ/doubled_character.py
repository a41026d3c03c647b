"""## What it finds
A Chinese character printed twice in a row where the language does not double it — the
trace of OCR reading one character twice or of a scraping/editing slip: `3月份份成立`,
`编制沪甬甬五年行动计划`, `并且治疗效效果比较有限` (even though `效` and `效果` are words: the
ordinary reading leaves the stray copy standing alone).

Legitimate doubling is left alone: words that are themselves a doubling (`常常`, `人人`,
`谢谢`, `匆匆`, `悄悄`; not jieba's one-off token counts such as `配配`), pet and given names
(`童童`, `王莉莉`), reduplicated verbs, adjectives, kinship words and classifiers (`说说`,
`个个`, `一条条`), AABB and ABB forms (`高高兴兴`, `绿油油`), a verb and the noun made from it
(`扣扣子`), a noun and a place word (`石窟窟前`), a name ending in a productive suffix
(`农村厅厅长`; not before a verb: `表表示`, `保保障` are scored; at the end of a phrase only a
place suffix: `张家港港`, but `项目目`, `技术术` are slips). A doubled word of the lexicon explains the doubling only when it is common or no
word ends with the first copy (`召开开`, `现场场` are slips although jieba lists `开开`, `场场`).
A document in traditional script is read through its simplified form, character by character
(`中國國際` is `中国|国际`, no slip). Longer runs (`哈哈哈`) are not reported, nor doublings in a transliterated foreign name
(`图伊莱帕·塞莱莱`: a run next to the interpunct `·`). Also left alone (tuned on the clean news):
a classifier doubled at the start of a clause (`只只肥壮`, "every one"); a doubled word the best
reading of the context takes (`能|源源|注入`); a verb reduplicated before its object
(`度度假`, `散散步`: `typ/separable_verbs.txt`); a name that ends with the character a word
after it starts with, a few characters before a word that ends an organisation or place name
(`爱美健|健康食品公司`, `北京|京港城市广场`: `org_words` of `typ/doubling.toml`); parallel
clauses with the same shape (`种粮粮难收，种树树不长`; `天天讲，月月讲`: another doubling as far
from its clause's start or end, at most three characters); a one-character verb or coverb
(jieba's v, p) doubled at the end of its clause (`偶尔用用，`, a tentative verb); a word, then a
surname and a title (`责任|任老师`: `titles_after` of `typ/name_context.toml`); a doubling inside
short quotation marks (`“充充电”`, meant as written; not title brackets); a one-character verb reduplicated before
an object, found from jieba's part-of-speech tags: the verb and a free noun after it make a
verb-object word (`改改口`, `享享清福`; not `退退出`, `保保障`, `配配套`: a complement, a bound
half, an adjective), or a noun follows that is commoner than any word the second copy starts
(`润润嗓子`; thresholds and tags in `[verb_object]` of `typ/doubling.toml`); and literary doublings (`芳草萋萋`, `蓊郁郁`, `杨柳依依`: `typ/literary_doublings.txt`,
jieba's AA adjectives and state words, the doubled ends of its ABB words and idioms, a short
curated list; one seen only inside a longer word is not trusted after a word ending with its
character, `踏实|实`, nor for a function character).

A function word or one of the commonest verbs (single-character words with a lexicon count of
50 000 or more: `的`, `了`, `和`, `在`, `很`, `会`, `过`) doubled with neither copy joining a
neighbour into a word is always reported (`幸运的的少数人`, `合影和和故事`): edited Chinese
never doubles them. Pronouns (`问他他怎么`: object, then subject) and classical `之` are
excepted.

Everything else is scored: how much more probable (maximum-probability segmentation over the
lexicon, ±5 characters) the context reads with one copy removed. A stray copy stands alone and
costs a whole one-character word (`效`, `份`: 7-11 nats); where two words meet at the character
(`中国国家`, `人民民主`, `目的的`) both copies belong to words and removing one gains little.
The bar depends on the shape of the doubling (see Options), tuned on 559k characters of clean
edited news.

Data (extend or override in a user pack): `typ/reduplication.txt` (characters that double
ordinarily), `typ/literary_doublings.txt`,
`typ/doubling.toml` (classifiers, localisers, noun and place suffixes, pronouns),
`typ/surnames.txt`, `typ/free_chars.txt`, `typ/name_chars.txt`.

## Why it matters
A doubled character makes a non-word that search, tokenisers and readers stumble over; in OCR'd
newspapers it is one of the commonest errors, and it is invisible to spell-checkers that look
at words one by one.

## Example
`自今年3月份份成立运行以来` → `自今年3月份成立运行以来`.

## Fix
Delete one copy. **Unsafe**: the doubling is sometimes what is left of a longer garbling
(`超超纯` was `超高纯`), so the fix needs a look.

## Options
- `min_gain` (float, default 7.0): the bar (natural log) when one copy joins a neighbour into a
  word and the other does not (`月份份`, `沪甬甬`).
- `min_gain_two_words` (float, default 9.0): the bar when both copies belong to words
  (`效效果`: 效|效果 — but also `中国国家`, and grammatical doubling across a word boundary:
  `剑羚|羚角`, `暖流|流进` gain 8.3-8.7).
- `min_gain_free` (float, default 7.0): the bar for a free-standing character before a word
  that starts with it (`退退出`, `卖卖出`, `先先后`). A function word there costs little (对|对方,
  被|被告人, 在|在线: 4-6 nats) and stays below it; a content character standing alone costs more.
- `min_gain_free_after` (float, default 8.0): the bar for a free-standing character after a word
  that ends with it (`特征征`, `采访访`, `开发发的`); function words there (`目的的`, `所有有`,
  `不得了了`, `来自|自媒体`) cost less.
- `min_gain_name` (float, default 7.0): the bar for a character common at the end of given
  names after a word that ends with it (`方法法`, `股权权`, `曾经经`, `法国国`); where the best
  reading leaves the first copy outside that word (`党员林林`: 党员|林林, not 党|员林|林) it is a
  name, never reported. At 8.0 those four were missed with no fewer findings on clean news.
- `min_gain_isolated` (float, default 13.5): the bar when neither copy joins a word (a name,
  a pun such as `柿柿如意`, a verb doubled colloquially).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix
from ...core.compiled import compiled
from ...core.packs import PackStore
from ...text.lexicon import lexicon_key, load_lexicon
from ...text import CHARS
from ...corpus.normalize import convert, simplified_aligned
from ._common import DOUBLED_CJK, in_cjk_run, is_traditional
from ._doubling_guards import clause_final_verb, numeral_digits, parallel_clauses, surname_before_title
from ._guards import in_short_quotation, next_to_name_dot, org_word_within
from ._verb_object import reduplicated_before_object, verb_object_tables

# Benchmarks set this to a list to receive (doubling, gain, verdict) for every candidate.
TRACE: list | None = None
_CTX = 5  # characters of context on each side scored by the segmentation gain

# jieba lists hundreds of doublings with a token count (配配 3, 来来 3, 心心 3): only a doubling
# seen at least this often is a word in its own right (常常 5147, 事事 295).
_MIN_AA_FREQ = 10
# After a word that ends with the first copy (召开|开, 资源|源, 现场|场) the doubling competes with
# that word: only a common doubled word (常常 5147, 渐渐) still explains it (开开 113, 场场 48 do not).
_MIN_AA_FREQ_AFTER_WORD = 500
# Single-character words at least this frequent in the lexicon are function words and the commonest
# verbs (了 是 在 和 的 也 就 到 对 要 从 于 很 更 会 过): doubled with neither copy joining a
# neighbour into a word (的的, 了了, 和和, 很很) they are a slip in edited text. Pronouns and
# classical 之 are left out (``not_function`` of typ/doubling.toml).
_FUNCTION_FREQ = 50_000


_SUFFIX_MIN_WORDS = 50  # 厅 ends 82 words of the lexicon, 超 28
_SUFFIX_CACHE: dict[int, tuple[frozenset[str], dict[str, int]]] = {}


def _productive_suffixes(lex) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """Characters that end many lexicon words (厅, 局, 市, 县): in a name they may be followed by a
    word starting with the same character (教育厅|厅长, 余姚市|市长)."""
    counts: dict[str, int] = {}
    for w, f in lex.freqs.items():
        if len(w) >= 2 and f >= 5:
            counts[w[-1]] = counts.get(w[-1], 0) + 1
    return frozenset(c for c, k in counts.items() if k >= _SUFFIX_MIN_WORDS)


def _lexicon_classes(lex, packs: PackStore) -> tuple[frozenset[str], dict[str, int]]:  # type: ignore[no-untyped-def]
    """The productive suffixes and the single-character words with their counts: two passes over
    the whole lexicon, compiled once and cached on disk with the lexicon's key."""
    key = id(lex)
    got = _SUFFIX_CACHE.get(key)
    if got is None:
        got = _SUFFIX_CACHE[key] = compiled(
            "typ-doubling", [],
            lambda: (_productive_suffixes(lex), {w: f for w, f in lex.freqs.items() if len(w) == 1}),
            extra=f"1|{lexicon_key(packs)}")
    return got


class DoubledCharacter(DocumentRule):
    code = "TYP001"
    name = "doubled-character"
    summary = "A character doubled where Chinese does not reduplicate it (OCR/edit slip)"
    fix = Applicability.UNSAFE
    options = {"min_gain": 7.0, "min_gain_two_words": 9.0, "min_gain_free": 7.0,
               "min_gain_isolated": 13.5, "min_gain_name": 7.0, "min_gain_free_after": 8.0}

    def setup(self) -> None:
        packs = self.ctx.packs
        self.lex = load_lexicon(packs)
        self.allowed = packs.chars("typ/reduplication.txt")
        self.surnames = packs.chars("typ/surnames.txt")
        self.free = packs.chars("typ/free_chars.txt")
        self.suffixes, singles = _lexicon_classes(self.lex, packs)
        self.name_chars = packs.chars("typ/name_chars.txt")
        # Closed classes of characters (classifiers, localisers, suffixes…): typ/doubling.toml.
        cls = {k: frozenset(v) for k, v in packs.toml("typ/doubling.toml").items() if isinstance(v, str)}
        self.classifier_before = cls["classifier_before"]
        self.after_aa = cls["after_aa"]
        self.noun_suffix = cls["noun_suffix"]
        self.locative = cls["locative"]
        self.place_suffix = cls["place_suffix"]
        self.title_end = cls["title_end"]
        self.clause_classifier = cls["clause_classifier"]
        self.org_words = frozenset(packs.toml("typ/doubling.toml").get("org_words", ()))
        self.org_len = max(map(len, self.org_words), default=0)
        self.separable = frozenset(packs.lines("typ/separable_verbs.txt"))
        self.verb_object = verb_object_tables(packs)
        self.clause_verbs = self.verb_object.verbs | self.verb_object.coverbs
        self.titles_after = frozenset(packs.toml("typ/name_context.toml").get("titles_after", ()))
        self.title_len = max(map(len, self.titles_after), default=0)
        # AA -> True when it is a word of its own (郁郁, 萋萋), False when only part of one (实实 of 厚实实)
        self.literary = {row[0]: row[1] == "word" for row in packs.table("typ/literary_doublings.txt", 2)}
        self.function = frozenset(w for w, f in singles.items()
                                  if f >= _FUNCTION_FREQ
                                  and w not in self.allowed and w not in cls["not_function"])

    def check(self, doc: Document) -> Iterable[Finding]:
        text = original = doc.text
        if is_traditional(text):
            # The lexicon is simplified: read the text through its simplified form, position by
            # position (中國|國際 is 中国|国际), and report only what doubles in the original too.
            text = _simplified(original)
        for base, run in _runs_with_doubling(text):
            n = len(run)
            if next_to_name_dot(text, base, base + n):
                continue  # a transliterated foreign name (图伊莱帕·塞莱莱): syllables double freely
            for i in range(n - 1):
                c = run[i]
                if run[i + 1] != c:
                    continue
                if (i > 0 and run[i - 1] == c) or (i + 2 < n and run[i + 2] == c):
                    continue  # a run of three or more: laughter, emphasis, not OCR
                if i == 0 and base > 0 and text[base - 1].isdigit():
                    continue  # a unit after a number, then a word: 296窟|窟顶, 5楼|楼道
                if i == 0 and c in self.clause_classifier:
                    continue  # a classifier doubled at the start of a clause: 只只肥壮 "every one"
                if numeral_digits(text, base + i):
                    continue  # digits of a number: 二〇〇〇年, 四．七七亿, 三六七七 of a phone number
                why = self._suspicious(run, i, text[base + n:base + n + 1])
                if why is None:
                    continue
                start = base + i
                if original[start] != original[start + 1]:
                    continue  # two traditional characters that simplify alike (乾乾 is no 幹乾)
                if in_short_quotation(text, start):
                    continue  # a quoted expression, meant as written: 来“充充电”
                if (i > 0 and _parallel(text, start)) or parallel_clauses(text, start):
                    continue  # parallel clauses: 种粮粮难收，种树树不长, 天天讲，月月讲 (a figure of speech)
                msg = (f"doubled character '{c}{c}': {why}; likely '{c}' "
                       f"('{run[max(0, i - 2):i + 1]}{run[i + 2:i + 4]}')")
                yield self.finding(doc, start, start + 2, msg,
                                   fix=Fix.unsafe(f"delete the second '{c}'", Edit.delete(start + 1, start + 2)))

    def _suspicious(self, run: str, i: int, after: str = "") -> str | None:
        """None when the doubling at run[i:i+2] is legitimate, else the reason it is not
        (``after``: the character after the run, "" at the end of the text)."""
        c = run[i]
        lex = self.lex
        n = len(run)
        if c in self.allowed:
            return None
        literary = self.literary.get(c + c)
        if literary or (literary is False and c not in self.function and self._word_ends(run, i) is None):
            # A literary doubling: 芳草萋萋, 蓊郁郁, 杨柳依依. One seen only inside longer words is
            # not trusted after a word ending with its character (踏实|实) nor for a function
            # character (了了 of 不甚了了: 得到了|了解 is grammatical, 了了 alone a slip).
            return None
        # Any lexicon word covering both copies: 常常, 绿油油, 沸沸扬扬, 哈哈镜.
        lo, hi = max(0, i + 2 - lex.max_len), i
        aa_min = _MIN_AA_FREQ_AFTER_WORD if self._word_ends(run, i) else _MIN_AA_FREQ
        for s in range(lo, hi + 1):
            for e in range(i + 2, min(n, s + lex.max_len) + 1):
                f = lex.freqs.get(run[s:e])
                if f and (e - s > 2 or f >= aa_min):
                    return None
                if f and f >= _MIN_AA_FREQ and self._reads_aa(run, i):
                    return None  # the best reading takes the doubled word: 能|源源|注入
        # AABB: 高高兴兴 (we are AA) or 干干净净 (we are BB).
        if (i + 3 < n and run[i + 2] == run[i + 3]) or (i >= 2 and run[i - 2] == run[i - 1]):
            return None
        left = self._word_ends(run, i)
        if c in self.free and i + 2 < n and run[i + 2] in self.after_aa and left is None:
            return None  # AA的 / AA地 / VV看 / VV着: 贵贵的, 试试看 (but 开发|发的 is scored)
        if i > 0 and run[i - 1] in self.classifier_before:
            return None  # 一条条, 一次次
        right = self._word_starts(run, i + 1)
        if run[i + 1:i + 3] in self.separable or run[i + 1:i + 4] in self.separable:
            return None  # a verb reduplicated before its object: 散散步, 度度假 (度假)
        if reduplicated_before_object(run, i, self.verb_object, lex.freqs, right):
            return None  # the same, found from the lexicon's tags: 改改口, 享享清福, 润润嗓子
        if (left or right) and self._before_org(run, i):
            return None  # a name, then a word with the same character: 爱美健|健康食品公司
        if i + 2 == n and left is None and clause_final_verb(after, c, self.clause_verbs):
            return None  # a tentative verb closing its clause: 偶尔用用，, 出去走走。
        if left and surname_before_title(run, i, self.surnames, self.titles_after, self.title_len):
            return None  # a word, then a surname and a title: 班主任|任老师
        if c in self.function and left is None and right is None:
            return (f"'{c}' is a function word that Chinese does not double, and neither copy "
                    f"joins a neighbour into a word")
        if i > 0 and run[i - 1] in self.surnames and not right and left is None:
            return None  # 王莉莉: a doubled given name after a surname
        verb_after_suffix = (c in self.suffixes and right is not None and right in lex.predicates
                             and right[-1] not in self.title_end)
        if c in self.suffixes and ((right and not verb_after_suffix)
                                   or (left and i + 2 == n and c in self.place_suffix)):
            # A name ending in a productive suffix, then a noun or the same noun: 农村厅|厅长,
            # 张家港|港 (the port of Zhangjiagang). A verb or adverb after it is no title or
            # compound of the name: 表表示, 发发现, 保保障 are scored (at the two-word bar: jieba's
            # tags are noisy, 包打 is a verb).
            return None
        if right and len(right) == 2 and right[1] in self.noun_suffix:
            return None  # a verb, then the noun made from it: 扣|扣子, 画|画儿, 锄|锄头
        if left and i + 2 < n and run[i + 2] in self.locative:
            return None  # a noun, then the same noun with a place word: 石窟|窟前, 大楼|楼下
        # How far the stray copy lowers the probability of the context decides; the bar depends
        # on how a legitimate reading could look (tuned on clean news, bench/typ_eval.py).
        if (left and right) or verb_after_suffix:
            bar = self.opts["min_gain_two_words"]  # 中国|国家, 人民|民主, 上海|海关; 表|表示
        elif c in self.free and (left or right):
            # 目的|的, 所有|有, 在|在线: a free character stands alone next to a word.
            bar = self.opts["min_gain_free"] if right else self.opts["min_gain_free_after"]
        elif c in self.name_chars and not right:
            if not left or not self._ends_word(run, i):
                # A pet or given name (童童), also after a word that only seems to take the first
                # copy: 中共党员林林 reads 党员|林林 (员林 is a place, but not here).
                return None
            bar = self.opts["min_gain_name"]  # 方法法, 股权权, 正式式: a slip
        elif left or right:
            bar = self.opts["min_gain"]  # 月份|份, 沪甬|甬
        else:
            bar = self.opts["min_gain_isolated"]  # neither copy joins a word: a name, a pun (柿柿如意)
        gain = self._gain(run, i)
        if TRACE is not None:
            TRACE.append((run[max(0, i - 4):i + 6], gain, bar))
        if gain < bar:
            return None
        if left and right:
            return (f"'{left}' and '{right}' are words, but the text reads far more naturally "
                    f"with one '{c}'")
        if left:
            return f"'{left}' is a word, '{c}{c}' is not and no word starts with the second '{c}'"
        if right:
            return f"'{right}' is a word, '{c}{c}' is not and no word ends with the first '{c}'"
        return f"'{c}{c}' is not a word and neither copy joins a neighbour into one"

    def _gain(self, run: str, i: int) -> float:
        """How much more probable (log, unigram segmentation over the lexicon) the context reads
        with one copy of the doubled character at run[i:i+2] removed. A stray copy stands alone as
        a one-character word and costs its full price (份, 保, 开: 7-10 nats); two words meeting
        at the character (中国|国家) cost about as much with the copy as without it."""
        lo, hi = max(0, i - _CTX), min(len(run), i + 2 + _CTX)
        window = run[lo:hi]
        k = i - lo
        before, _, tables = self.lex.segmentation_tables(window)
        after, _ = self.lex.resegmentation(window[:k + 1] + window[k + 2:], tables, k + 1)
        return after - before

    def _reads_aa(self, run: str, i: int) -> bool:
        """Whether the best reading of the context takes run[i:i+2] as one word (能|源源|注入;
        not 召开|开, where the doubled word 开开 is the weaker reading)."""
        lo = max(0, i - _CTX)
        _, spans = self.lex.best_segmentation(run[lo:i + 2 + _CTX])
        return (i - lo, i - lo + 2) in spans

    def _before_org(self, run: str, i: int) -> bool:
        """Whether an organisation or place word (公司, 广场) follows the doubling at run[i:i+2]
        within 7 characters, with no function character between."""
        return org_word_within(run, i + 2, i + 9, self.function, self.org_words, self.org_len)

    def _ends_word(self, run: str, i: int) -> bool:
        """Whether the best reading of the text up to run[i] ends with a word of 2+ characters
        (方法|法: yes; 党员|林|林: no)."""
        _, spans = self.lex.best_segmentation(run[max(0, i - _CTX - 1):i + 1])
        a, b = spans[-1]
        return b - a >= 2

    def _word_ends(self, run: str, i: int) -> str | None:
        """The longest lexicon word (2+ characters) ending with run[i]."""
        for s in range(max(0, i + 1 - self.lex.max_len), i):
            w = run[s:i + 1]
            if w in self.lex.freqs:
                return w
        return None

    def _word_starts(self, run: str, i: int) -> str | None:
        """The longest lexicon word (2+ characters) starting with run[i]."""
        for e in range(min(len(run), i + self.lex.max_len), i + 1, -1):
            w = run[i:e]
            if w in self.lex.freqs:
                return w
        return None


# Where a sentence (or a semicolon's clause) ends, from the one punctuation pack.
_SENTENCE_END = CHARS.sentence_final_strong | CHARS.semicolon | frozenset("\n")


def _parallel(text: str, p: int) -> bool:
    """Whether the sentence around the doubling at text[p:p+2] holds a second doubling after the
    same character (种粮粮难收，种树树不长): a parallel construction, written on purpose."""
    x = text[p - 1]
    lo = p
    while lo > 0 and p - lo < 40 and text[lo - 1] not in _SENTENCE_END:
        lo -= 1
    hi = p + 2
    while hi < len(text) and hi - p < 40 and text[hi] not in _SENTENCE_END:
        hi += 1
    for q in range(max(lo, 1), hi - 1):
        if q != p and text[q - 1] == x and text[q] == text[q + 1] != x and text[q] != text[p]:
            return True
    return False


def _simplified(text: str) -> str:
    """The text in simplified characters, every character in its place: OpenCC's Taiwan
    conversion, which reads the particle 著 as 着 by its phrase (擺放著|著名 is 摆放着|著名), or
    ``simplified_aligned`` where that changes the length."""
    simple = convert(text, "tw2s")
    return simple if len(simple) == len(text) else simplified_aligned(text)


def _runs_with_doubling(text: str) -> Iterator[tuple[int, str]]:
    """The CJK runs (as ``cjk_runs``) that hold two equal characters in a row, in text order:
    found from the doublings themselves, most runs of edited text have none."""
    end = -1
    n = len(text)
    for m in DOUBLED_CJK.finditer(text):
        if m.start() < end:
            continue  # in the run already given
        start, end = m.start(), m.end()
        while start > 0 and in_cjk_run(text[start - 1]):
            start -= 1
        while end < n and in_cjk_run(text[end]):
            end += 1
        yield start, text[start:end]
