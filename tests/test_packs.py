"""Rule packs: built-in data in rules/, extended or replaced by user folders."""

import pytest

from corpuslint import Linter
from corpuslint.core.config import config_from_mapping
from corpuslint.core.packs import PackError, PackStore, builtin_rules_dir
from corpuslint.core.registry import RegistryError, _load


def test_builtin_folder_is_found():
    assert (builtin_rules_dir() / "enc" / "characters.toml").is_file()


def test_user_pack_extends_a_toml_list(tmp_path):
    (tmp_path / "enc").mkdir()
    (tmp_path / "enc" / "characters.toml").write_text(
        'invisible_inline = [{ char = "\\u2063", name = "INVISIBLE SEPARATOR", fix = "safe" }]\n', encoding="utf-8")
    text = "余姚\u2063经济\u200b开发区\n"
    base = Linter(select=["ENC005"]).lint_text(text)
    cfg = config_from_mapping({"select": ["ENC005"], "rule-packs": [str(tmp_path)]}, root=tmp_path)
    extended = Linter(cfg).lint_text(text)
    assert len(base) == 1 and len(extended) == 2


def test_user_pack_can_replace(tmp_path):
    (tmp_path / "enc").mkdir()
    (tmp_path / "enc" / "characters.toml").write_text(
        'replace = true\ninvisible_blank = []\ninvisible_inline = [{ char = "\\u2063", name = "SEP" }]\n', encoding="utf-8")
    cfg = config_from_mapping({"select": ["ENC005"], "rule-packs": [str(tmp_path)]}, root=tmp_path)
    found = Linter(cfg).lint_text("余姚\u2063经济\u200b开发区\n")
    assert [f.message for f in found] == ["invisible character SEP (U+2063) in text"]


def test_text_pack_lines_and_replace(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text("# replace\n# comment\nb\n", encoding="utf-8")
    store = PackStore([tmp_path])
    assert store.lines("x/a.txt") == ["b"]
    with pytest.raises(PackError):
        store.lines("x/missing.txt")


def test_bad_pack_is_a_clear_error(tmp_path):
    (tmp_path / "enc").mkdir()
    (tmp_path / "enc" / "characters.toml").write_text("invisible_inline = [\n", encoding="utf-8")
    cfg = config_from_mapping({"rule-packs": [str(tmp_path)]}, root=tmp_path)
    with pytest.raises(PackError, match="invalid TOML"):
        Linter(cfg)


def test_registry_rejects_bad_plugins():
    class NotARule:
        pass

    with pytest.raises(RegistryError):
        _load([NotARule], "plugin")
