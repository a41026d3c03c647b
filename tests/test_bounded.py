"""core.bounded: the bounded cache the fold and shingle-set caches share."""

from __future__ import annotations

import pytest

from corpuslint.core.bounded import BoundedCache


def test_get_put_and_miss() -> None:
    c: BoundedCache[str, int] = BoundedCache(10)
    assert c.get("a") is None and "a" not in c
    c.put("a", 1)
    assert c.get("a") == 1 and "a" in c and len(c) == 1


def test_never_holds_more_than_max_items() -> None:
    c: BoundedCache[int, int] = BoundedCache(6)
    for i in range(100):
        c.put(i, i * i)
        assert len(c) <= 6
    # the newest items are kept, the oldest gone
    assert c.get(99) == 99 * 99 and c.get(0) is None


def test_an_item_in_use_survives_turn_overs() -> None:
    c: BoundedCache[str, int] = BoundedCache(4)
    c.put("hot", 0)
    for i in range(50):
        c.put(f"cold{i}", i)
        assert c.get("hot") == 0  # asked for every turn: copied forward, never dropped
    assert c.get("cold0") is None


def test_an_item_not_asked_for_during_two_turns_is_dropped() -> None:
    c: BoundedCache[str, int] = BoundedCache(4)  # two items per generation
    c.put("x", 1)
    c.put("a", 2)  # generation full: x, a
    c.put("b", 3)  # turn over: old = {x, a}, new = {b}
    assert "x" in c
    c.put("c", 4)
    c.put("d", 5)  # turn over: old = {b, c}; x and a dropped
    assert "x" not in c and "a" not in c and c.get("b") == 3


def test_putting_a_held_key_replaces_it_without_a_turn_over() -> None:
    c: BoundedCache[str, int] = BoundedCache(4)
    c.put("a", 1)
    c.put("b", 2)
    c.put("b", 3)
    assert c.get("a") == 1 and c.get("b") == 3 and len(c) == 2


def test_clear_and_invalid_size() -> None:
    c: BoundedCache[str, int] = BoundedCache(4)
    c.put("a", 1)
    c.clear()
    assert c.get("a") is None and len(c) == 0
    with pytest.raises(ValueError):
        BoundedCache(1)


def test_fold_and_shingle_caches_are_bounded_caches() -> None:
    from corpuslint.corpus import normalize, signatures

    assert isinstance(normalize._FOLDED_TEXTS, BoundedCache)
    assert isinstance(signatures._SHARED_SETS, BoundedCache)
    assert normalize.fold_many(["今天，天氣很好。", "今天，天氣很好。"]) == ["今天天气很好"] * 2
    assert normalize._FOLDED_TEXTS.get("今天，天氣很好。") == "今天天气很好"
    t = signatures.DocText(["今天天气很好", "今天天气很好"], signatures.SignatureParams())
    t.preload([0, 1])
    assert signatures._SHARED_SETS.get((5, "今天天气很好")) is t.shingles(0)
    assert len(t.shingles(0)) == 2
