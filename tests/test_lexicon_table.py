"""The lexicon's frequencies as a memory-mapped table (text/lexicon_table.py) answer as the dict."""

from __future__ import annotations

import pickle
import random

from corpuslint.core import compiled as compiled_mod
from corpuslint.core.packs import PackStore
from corpuslint.text import lexicon as lexicon_mod
from corpuslint.text import lexicon_table
from corpuslint.text.lexicon_table import MappedFreqs, compiled_table, table_bytes

WORDS = {"经济": 48718, "开发区": 2917, "余姚": 6, "零": 0, "a": 1, "\udcff": 3, "𠀀字": 9, "长" * 16: 2,
         "不": 1 << 40}


def test_table_answers_as_the_dict():
    m = MappedFreqs(table_bytes(WORDS))
    for w, f in WORDS.items():
        assert m.get(w) == f and m[w] == f and w in m
    for w in ("", "经", "经济开发区", "长" * 15, "b", "\udcfe", None, 3, b"a"):
        assert m.get(w) is None and m.get(w, -1) == -1 and w not in m  # type: ignore[arg-type]
    assert len(m) == len(WORDS)
    assert dict(m.items()) == WORDS and list(m) == list(WORDS)  # in the dict's order
    assert pickle.loads(pickle.dumps(m)) == WORDS


def test_many_words_and_collisions():
    rng = random.Random(5)
    chars = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年"
    words = {"".join(rng.choice(chars) for _ in range(rng.randint(1, 5))): rng.randrange(10**6) for _ in range(5000)}
    m = MappedFreqs(table_bytes(words))
    probes = list(words) + ["".join(rng.choice(chars) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    for w in probes:
        assert m.get(w) == words.get(w)


def test_a_table_that_cannot_hold_the_words_is_not_made():
    assert table_bytes({"两\n行": 1}) is None
    assert table_bytes({"大": 1 << 70}) is None


class _Owner:
    pass


def test_many_look_ups_hand_the_dict_to_the_lexicon(monkeypatch):
    monkeypatch.setattr(lexicon_table, "MATERIALIZE_AFTER", 10)
    owner = _Owner()
    m = MappedFreqs(table_bytes(WORDS), owner)
    owner.__dict__["freqs"] = m
    for _ in range(10):
        assert m.get("经济") == 48718
    assert owner.freqs is m  # not yet
    assert m.get("余姚") == 6
    assert type(owner.freqs) is dict and owner.freqs == WORDS
    assert m["开发区"] == 2917 and "零" in m  # a reference held elsewhere still answers


def test_compiled_once_and_a_damaged_file_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUSLINT_CACHE_DIR", str(tmp_path))
    pack = tmp_path / "words.txt"
    pack.write_text("x", encoding="utf-8")
    builds = []

    def freqs():
        builds.append(1)
        return WORDS

    assert dict(compiled_table("t", [pack], freqs).items()) == WORDS
    assert dict(compiled_table("t", [pack], freqs).items()) == WORDS
    assert len(builds) == 1
    (path,) = tmp_path.glob("t-*.table")
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF  # a flipped byte in the blob: the checksum fails
    path.write_bytes(bytes(data))
    assert MappedFreqs.open(path) is None
    assert dict(compiled_table("t", [pack], freqs).items()) == WORDS and len(builds) == 2
    path.write_bytes(path.read_bytes()[:-10])  # truncated
    assert dict(compiled_table("t", [pack], freqs).items()) == WORDS and len(builds) == 3
    monkeypatch.setenv("CORPUSLINT_CACHE_DIR", "off")
    assert compiled_table("t", [pack], freqs) is None


def test_the_loaded_lexicon_equals_the_built_one(tmp_path, monkeypatch):
    built = lexicon_mod._build(lexicon_mod._pack_files(PackStore(())))
    for cache in (str(tmp_path), "off"):
        monkeypatch.setenv("CORPUSLINT_CACHE_DIR", cache)
        for _ in range(2):  # built and stored, then read back
            compiled_mod._MEMO.clear()
            monkeypatch.setattr(lexicon_mod, "_CACHE", {})
            lex = lexicon_mod.load_lexicon(PackStore(()))
            assert lex.total == built.total
            freqs = lex.__dict__["freqs"]
            assert isinstance(freqs, MappedFreqs) == (cache != "off")
            assert ("predicates" in vars(lex)) == (cache == "off")  # the tags are read when asked for
            assert {k: getattr(lex, k) for k in vars(built) if k != "freqs"} == \
                {k: v for k, v in vars(built).items() if k != "freqs"}
            sample = random.Random(2).sample(list(built.freqs), 2000)
            assert [lex.freq(w) for w in sample] == [built.freqs[w] for w in sample]
            assert lex.segment("余姚经济开发区是我省首批省级经济开发区之一") == \
                built.segment("余姚经济开发区是我省首批省级经济开发区之一")
            assert dict(freqs.items()) == built.freqs
