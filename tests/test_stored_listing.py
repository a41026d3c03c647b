"""git's listing stored beside the index (``corpus.stored_listing``) and the tree's look-ups."""

from __future__ import annotations

import random

from corpuslint.corpus.stored_listing import (listing_changes, read_listing, with_entries,
                                              write_listing)
from corpuslint.corpus.tree import GitTree, with_blob


def _entry(path: str, blob: str = "a" * 40) -> bytes:
    return f"100644 {blob} 0\t{path}".encode()


def _listing(entries: list[bytes]) -> bytes:
    return b"".join(e + b"\0" for e in entries)


def test_changes_between_listings_are_the_set_differences():
    rng = random.Random(5)
    base = [_entry(f"corpus/{i:05d}.txt", f"{i:040x}") for i in range(300)]
    for _ in range(200):
        new = list(base)
        for _ in range(rng.randint(0, 4)):
            i = rng.randrange(len(new))
            kind = rng.randrange(3)
            if kind == 0:
                del new[i]
            elif kind == 1:
                new[i] = with_blob(new[i], b"f" * 40)
            else:
                new.insert(i, _entry(f"corpus/{i:05d}b.txt"))
        added, removed = listing_changes(_listing(base), _listing(new))
        assert (set(added), set(removed)) == (set(new) - set(base), set(base) - set(new))
    assert listing_changes(b"", _listing(base[:2])) == (sorted(base[:2]), [])
    assert listing_changes(_listing(base[:2]), b"") == ([], sorted(base[:2]))
    assert listing_changes(_listing(base), _listing(base)) == ([], [])


def test_a_change_of_one_byte_at_either_end_is_seen():
    a, b = _entry("x.txt"), _entry("y.txt")
    assert listing_changes(_listing([a, b]), _listing([with_blob(a, b"b" * 40), b])) == \
        ([with_blob(a, b"b" * 40)], [a])
    assert listing_changes(_listing([a, b]), _listing([a, _entry("y.txu")])) == ([_entry("y.txu")], [b])


def test_stored_listing_holds_only_for_its_generation_and_settings(tmp_path):
    path = tmp_path / "dup-index.listing"
    listing = _listing([_entry("a.txt"), _entry("b.txt")])
    write_listing(path, "root|txt", 7, listing, ["/r/u.txt", "/r/\udcff.txt"])
    got = read_listing(path, "root|txt", 7)
    assert got is not None and got.listing == listing
    assert got.untracked == {"/r/u.txt", "/r/\udcff.txt"}
    assert read_listing(path, "root|txt", 8) is None  # the index moved on: not trusted
    assert read_listing(path, "root|md", 7) is None  # other settings
    data = path.read_bytes()
    path.write_bytes(data[:-3])  # torn
    assert read_listing(path, "root|txt", 7) is None
    path.write_bytes(data[:-1] + b"X")  # same length, other bytes
    assert read_listing(path, "root|txt", 7) is None
    assert read_listing(tmp_path / "missing", "root|txt", 7) is None


def test_entries_replaced_in_place_keep_their_order():
    entries = [_entry(f"{i}.txt") for i in range(100)]
    listing = _listing(entries)
    few = {entries[3]: with_blob(entries[3], b"-" * 40), entries[0]: with_blob(entries[0], b"c" * 40)}
    want = _listing([few.get(e, e) for e in entries])
    assert with_entries(listing, few) == want
    many = {e: with_blob(e, b"d" * 40) for e in entries[::1]}
    assert with_entries(listing, many) == _listing([many[e] for e in entries])
    assert with_entries(listing, {}) is listing


def test_entry_of_finds_the_file_not_a_name_ending_like_it():
    entries = [_entry("dir/a\tb.txt"), _entry("b.txt", "b" * 40), _entry("sub/b.txt", "c" * 40)]
    tree = GitTree("/r", _listing(entries))
    assert tree.entry_of("/r/b.txt") == entries[1]
    assert tree.entry_of("/r/sub/b.txt") == entries[2]
    assert tree.entry_of("/r/dir/a\tb.txt") == entries[0]
    assert tree.entry_of("/r/c.txt") is None
    assert tree.entry_of("/elsewhere/b.txt") is None
    for _ in range(40):  # past the searches made one by one: the table answers the same
        assert tree.entry_of("/r/sub/b.txt") == entries[2]
    assert tree.entry_of("/r/c.txt") is None


def test_a_killed_run_s_temporary_is_removed_by_the_next_write(tmp_path):
    import os
    import time

    path = tmp_path / "dup-index.listing"
    stale, fresh = tmp_path / ".dup-index.listing.abc.tmp", tmp_path / ".dup-index.listing.def.tmp"
    for p in (stale, fresh):
        p.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    write_listing(path, "k", 1, _listing([_entry("a.txt")]), [])
    assert not stale.exists() and fresh.exists()  # a live run's temporary is left alone
    assert read_listing(path, "k", 1) is not None


def test_common_head_and_tail_whatever_the_chunk(monkeypatch):
    """The byte-wise head and tail the listings share, found chunk by chunk, against a plain loop."""
    from corpuslint.corpus import stored_listing

    def head(a: bytes, b: bytes) -> int:
        i = 0
        while i < min(len(a), len(b)) and a[i] == b[i]:
            i += 1
        return i

    def tail(a: bytes, b: bytes, room: int) -> int:
        i = 0
        while i < room and a[len(a) - 1 - i] == b[len(b) - 1 - i]:
            i += 1
        return i

    rng = random.Random(4)
    for _ in range(400):
        monkeypatch.setattr(stored_listing, "CHUNK", rng.choice([1, 2, 3, 7, 1 << 18]))
        a = bytes(rng.choice(b"ab") for _ in range(rng.randint(0, 40)))
        b = bytes(rng.choice(b"ab") for _ in range(rng.randint(0, 40)))
        h = stored_listing._common_head(a, b)
        assert h == head(a, b)
        room = min(len(a), len(b)) - h
        assert stored_listing._common_tail(a, b, len(a) - h, len(b) - h) == tail(a, b, room)


def test_all_regular_only_when_every_entry_is_a_regular_file_at_stage_0():
    from corpuslint.corpus.tree import _all_regular

    def entry(mode: bytes, stage: bytes = b"0", name: bytes = b"a.txt") -> bytes:
        return mode + b" " + b"f" * 40 + b" " + stage + b"\t" + name + b"\0"

    good = [entry(b"100644", name=b"x %d.txt" % i) for i in range(5)] + [entry(b"100755")]
    assert _all_regular(b"".join(good)) and _all_regular(b"")
    for bad in (entry(b"120000"), entry(b"160000"), entry(b"100644", b"2"), entry(b"100654"),
                entry(b"100745"), b"100644 abc 0\tx\0"):
        for at in (0, 3, len(good)):
            listing = good[:at] + [bad] + good[at:]
            assert not _all_regular(b"".join(listing)), (bad, at)
