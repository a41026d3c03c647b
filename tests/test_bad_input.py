"""Bad input never gives a traceback and is never lost."""

import os

import pytest

from conftest import seed_path

CASES = {
    "random.txt": lambda: os.urandom(4096),
    "gbk.txt": lambda: seed_path("002").read_text(encoding="utf-8").encode("gb18030"),
    "big5.txt": lambda: "餘姚經濟開發區是我省首批省級經濟開發區之一。\n".encode("big5") * 20,
    "utf16.txt": lambda: seed_path("004").read_text(encoding="utf-8").encode("utf-16"),
    "empty.txt": lambda: b"",
    "nul.txt": lambda: b"\x00\x00abc\x00\n" + "正文".encode(),
    "crlf.txt": lambda: seed_path("003").read_bytes().replace(b"\n", b"\r\n"),
    "bom.txt": lambda: b"\xef\xbb\xbf" + "正文。\n".encode(),
    "badbom.txt": lambda: b"\xff\xfe\x00",
    "broken.jsonl": lambda: b'{"id": 1, "text": "ok"}\n{oops\n[1,2]\n{"id": 2, "text": 5}\n\xff\xfe\n',
    "lone-surrogate.jsonl": lambda: b'{"id": "s", "text": "\\ud800 x"}\n',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_traceback(cli, tmp_path, name):
    data = CASES[name]()
    (tmp_path / name).write_bytes(data)
    r = cli("check", "--no-cache", "--fix", "--unsafe-fixes", name, cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    if name in ("random.txt", "badbom.txt"):
        assert "ENC002" in r.stdout
        assert (tmp_path / name).read_bytes() == data  # never rewritten


def test_twenty_megabyte_single_line(cli, tmp_path):
    line = ("余姚经济开发区是我省首批省级经济开发区之一" * 50 + "。") * 1000  # ~1M characters, 3 MB
    data = (line * 7).encode()  # ~21 MB, one line
    (tmp_path / "big.txt").write_bytes(data)
    r = cli("check", "--no-cache", "big.txt", cwd=tmp_path)
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr


def test_unreadable_path_is_a_clear_error(cli, tmp_path):
    r = cli("check", str(tmp_path / "nope" / "x.txt"))
    assert r.returncode == 2 and "no such file or directory" in r.stderr
