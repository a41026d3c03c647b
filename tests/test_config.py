from pathlib import Path

import pytest

from corpuslint.core.config import Config, ConfigError, config_from_mapping, discover_config


def test_default_selection_and_longest_prefix_wins():
    cfg = Config(select=("CHR",), ignore=("CHR00",), extend_select=("CHR001",))
    assert cfg.is_enabled("CHR001", True)  # CHR001 (6) beats CHR00 (5)
    assert not cfg.is_enabled("CHR002", True)  # CHR00 (5) beats CHR (3)
    assert cfg.is_enabled("CHR010", True)
    assert not cfg.is_enabled("ENC001", True)  # not selected


def test_equal_length_ignore_wins_and_defaults():
    cfg = Config(ignore=("ENC003",), extend_select=("ENC003",))
    assert not cfg.is_enabled("ENC003", True)
    assert Config().is_enabled("ENC001", True)
    assert not Config().is_enabled("VER005", False)


def test_opt_in_rules_need_a_precise_selector():
    assert not Config(select=("VER",)).is_enabled("VER005", False)
    assert Config(select=("VER005",)).is_enabled("VER005", False)
    assert Config(extend_select=("VER005",)).is_enabled("VER005", False)
    assert Config(select=("ALL",)).is_enabled("VER005", False)


def test_per_file_ignores(tmp_path: Path):
    cfg = config_from_mapping({"per-file-ignores": {"web/**/*.txt": ["CHR"], "*.md": ["NRM001"]}}, root=tmp_path)
    assert cfg.ignored_for_path(str(tmp_path / "web" / "a" / "b.txt")) == ("CHR",)
    assert cfg.ignored_for_path(str(tmp_path / "docs" / "x.md")) == ("NRM001",)
    assert cfg.ignored_for_path(str(tmp_path / "ocr" / "b.txt")) == ()


@pytest.mark.parametrize("data,needle", [
    ({"selectt": ["ENC"]}, "unknown setting"),
    ({"select": "ENC,,"}, "not a rule code"),
    ({"select": [1]}, "list of strings"),
    ({"rules": {"ENC003": 5}}, "per-rule options"),
    ({"rule-packs": ["nope"]}, "does not exist"),
    ({"version-groups": ["a.txt"]}, "version-groups"),
])
def test_bad_config_is_a_clear_error(data, needle, tmp_path):
    with pytest.raises(ConfigError, match=needle):
        config_from_mapping(data, root=tmp_path)


def test_discovery_walks_up_and_reads_pyproject_section(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.corpuslint]\nignore = ["ENC003"]\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "x.txt").write_text("文本\n", encoding="utf-8")
    cfg = discover_config([str(sub / "x.txt")])
    assert cfg.ignore == ("ENC003",)
    assert cfg.root == tmp_path


def test_corpuslint_toml_beats_pyproject_without_section(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text('select = ["ENC"]\n', encoding="utf-8")
    assert discover_config([str(tmp_path)]).select == ("ENC",)
