"""core.replace_file: the cache's files are written whole or not at all."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

from corpuslint.core.replace_file import replace_file


def test_new_content_replaces_the_old(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "table.bin"
    replace_file(target, lambda fh: fh.write(b"one"), prefix=".tmp-", suffix=".bin")
    replace_file(target, lambda fh: fh.write(b"two"), prefix=".tmp-", suffix=".bin")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["table.bin"]


def test_a_failed_write_keeps_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "table.bin"
    target.write_bytes(b"old")

    def half(fh: BinaryIO) -> None:
        fh.write(b"ne")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        replace_file(target, half, prefix=".tmp-", suffix=".bin")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["table.bin"]
