"""config.toml: locations, round-trip, one warning line per bad key, damaged files moved aside."""

from __future__ import annotations

import dataclasses
import os
import sys
import tomllib
from pathlib import Path

import pytest

from readerui import store
from readerui.align import AlignSettings
from readerui.settings import Settings
from readerui.store import atomic
from readerui.store.config import config_from_mapping, parse_size


def config_file() -> Path:
    path = store.locations().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def asides(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".corrupt-*"))


def test_locations_follow_the_env_vars(isolated_store: Path) -> None:
    where = store.locations()
    assert where.config_dir == isolated_store / "config"
    assert where.data_dir == isolated_store / "data"
    assert where.cache_dir == isolated_store / "cache"
    assert where.state_dir == isolated_store / "state"
    assert where.config_file == isolated_store / "config" / "config.toml"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_locations_default_to_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in store.ENV_VARS.values():
        monkeypatch.delenv(var)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    where = store.locations()
    assert where.config_dir == tmp_path / "xdg-config" / "readerui"
    assert where.cache_dir == tmp_path / "xdg-cache" / "readerui"


def test_no_file_means_defaults_and_no_warnings() -> None:
    config = store.load_config()
    assert config.settings == Settings()
    assert config.warnings == ()
    assert not store.locations().config_file.exists()  # reading never creates files


def test_round_trip_of_every_setting(tmp_path: Path) -> None:
    lexicon = store.locations().config_dir / "my-topics.toml"
    lexicon.parent.mkdir(parents=True, exist_ok=True)
    lexicon.write_text('[topics]\nenergy = ["oil", "gas"]\n')
    fields = dataclasses.fields(AlignSettings)
    changed = {f.name: (getattr(AlignSettings(), f.name) + 1 if f.type == "int"
                        else round(getattr(AlignSettings(), f.name) / 2, 4)) for f in fields}
    text = ('theme = "nord"\nlang = "de"\nmax_size = "3M"\nlexicon = "my-topics.toml"\n'
            "[align]\n" + "".join(f"{k} = {v}\n" for k, v in changed.items())
            + '[keymap]\nquit = "ctrl+q"\nnext_unmatched = "u"\n')
    config_file().write_text(text)
    config = store.load_config()
    assert config.warnings == ()
    assert config.theme == "nord"
    assert config.settings.lang == "de"
    assert config.settings.max_size == 3 * 1024 * 1024
    assert config.settings.lexicon_path == str(lexicon)
    assert dataclasses.asdict(config.settings.align) == changed
    assert dict(config.keymap) == {"quit": "ctrl+q", "next_unmatched": "u"}
    # `config show` output parses back to the same values.
    shown = tomllib.loads(store.config_to_toml(config))
    assert shown["align"] == changed and shown["theme"] == "nord" and shown["max_size"] == "3M"
    config_file().write_text(store.config_to_toml(config))
    assert store.load_config().settings == config.settings


@pytest.mark.parametrize(("text", "key", "words"), [
    ("colour = 'red'\n", "'colour'", "is not a setting"),
    ("[align]\nlink_treshold = 0.4\n", "'align.link_treshold'", "did you mean 'link_threshold'"),
    ("[align]\nlink_threshold = 'high'\n", "'align.link_threshold'", "must be a number"),
    ("[align]\ngroup_window = 2.5\n", "'align.group_window'", "must be a whole number"),
    ("[align]\nlink_threshold = true\n", "'align.link_threshold'", "must be a number"),
    ("theme = 3\n", "'theme'", "must be a theme name"),
    ("max_size = -4\n", "'max_size'", "positive size"),
    ("max_size = 'lots'\n", "'max_size'", "positive size"),
    ("lang = 7\n", "'lang'", "language code"),
    ("lexicon = 'nowhere.toml'\n", "'lexicon'", "not a file"),
    ("lexicon = ''\n", "'lexicon'", "must be a file path, not \"\"; no topic lexicon"),
    ("align = 3\n", "'align'", "must be a table"),
    ("[keymap]\nquit = 5\n", "'keymap.quit'", "must be a key"),
])
def test_a_bad_key_gives_one_line_naming_it_and_its_default_is_used(
        text: str, key: str, words: str) -> None:
    config_file().write_text('theme = "nord"\n' + text if "theme" not in text else text)
    config = store.load_config()
    assert len(config.warnings) == 1, config.warnings
    line = config.warnings[0]
    assert "\n" not in line and key in line and words in line
    assert line.startswith("readerui: warning: config.toml:")
    assert config.settings.align == AlignSettings()
    assert config.settings.max_size == Settings().max_size
    assert config.settings.lexicon_path is None
    assert asides(config_file()) == []  # a parseable file stays where it is


def test_good_keys_survive_next_to_bad_ones() -> None:
    config_file().write_text("[align]\nlink_threshold = 'x'\nstrong_threshold = 0.9\n")
    config = store.load_config()
    assert config.settings.align.strong_threshold == 0.9
    assert config.settings.align.link_threshold == AlignSettings().link_threshold


def test_default_lexicon_is_topics_toml_when_it_exists() -> None:
    assert store.load_config().settings.lexicon_path is None
    config_file().parent.joinpath("topics.toml").write_text("[topics]\n")
    assert store.load_config().settings.lexicon_path == str(store.locations().lexicon_file)


def test_align_section_is_generated_from_the_dataclass(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new AlignSettings field is configurable and documented without edits to the store."""

    @dataclasses.dataclass(frozen=True)
    class Wider(AlignSettings):
        brand_new_knob: float = dataclasses.field(default=0.25, metadata={
            "help": "A knob added later.", "min": 0.0, "max": 1.0})

    monkeypatch.setattr("readerui.store.config.AlignSettings", Wider)
    store.config.align_help.cache_clear()
    try:
        text = store.default_config_text()
        assert "# A knob added later.\n# brand_new_knob = 0.25" in text
        for item in dataclasses.fields(AlignSettings):
            assert f"# {item.name} = " in text
        lines: list[str] = []
        config = config_from_mapping({"align": {"brand_new_knob": 0.5}}, Path("c.toml"),
                                     lines.append)
        assert lines == [] and config.settings.align.brand_new_knob == 0.5  # type: ignore[attr-defined]
        config_from_mapping({"align": {"brand_new_knob": 3}}, Path("c.toml"), lines.append)
        assert len(lines) == 1 and "'align.brand_new_knob'" in lines[0] and "between" in lines[0]
    finally:
        store.config.align_help.cache_clear()


def test_the_default_file_is_valid_and_all_commented_out() -> None:
    text = store.default_config_text()
    assert tomllib.loads(text) == {"align": {}, "keymap": {}}
    path = config_file()
    assert store.ensure_config_file(path) is True
    assert store.ensure_config_file(path) is False  # never overwrites
    assert store.check_config(path) == []


def test_parse_size() -> None:
    assert parse_size("20M") == 20 * 1024 * 1024
    assert parse_size("500k") == 500 * 1024
    assert parse_size(1234) == 1234
    for bad in ("0", "-1k", "many", True):
        with pytest.raises(ValueError):
            parse_size(bad)  # type: ignore[arg-type]


# --- damaged config files: moved aside, bytes kept, one warning, defaults ---------------------

def assert_moved_aside(path: Path, original: bytes | None, config: store.Config) -> None:
    moved = asides(path)
    assert len(moved) == 1, moved
    assert not path.exists()
    if original is not None:
        assert moved[0].read_bytes() == original
    assert len(config.warnings) == 1
    line = config.warnings[0]
    assert "\n" not in line and str(path) in line and moved[0].name in line
    assert "using defaults" in line
    assert config.settings == Settings()


@pytest.mark.parametrize(("original", "problem"), [
    (b'theme = "nord"\n[align]\nlink_threshold = 0.', "not valid TOML"),  # truncated
    (b'theme = "\xff\xfe"\n', "not UTF-8"),
])
def test_an_unparseable_config_is_moved_aside(original: bytes, problem: str) -> None:
    path = config_file()
    path.write_bytes(original)
    config = store.load_config()
    assert_moved_aside(path, original, config)
    assert problem in config.warnings[0]


def test_a_folder_where_the_config_should_be_is_moved_aside() -> None:
    path = config_file()
    path.mkdir()
    (path / "inside.txt").write_text("kept")
    config = store.load_config()
    assert_moved_aside(path, None, config)
    assert (asides(path)[0] / "inside.txt").read_text() == "kept"
    assert "is a folder" in config.warnings[0]


def make_unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No read permission (root ignores modes, so then reading that file is made to fail)."""
    path.chmod(0)
    if os.geteuid() == 0:
        real = os.open

        def refuse(name: object, *args: object, **kwargs: object) -> int:
            if Path(str(name)) == path:
                raise PermissionError(13, "Permission denied", str(name))
            return real(name, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr("readerui.safefile.os.open", refuse)


def test_an_unreadable_config_is_moved_aside() -> None:
    path = config_file()
    original = b'theme = "nord"\n'
    path.write_bytes(original)
    with pytest.MonkeyPatch.context() as patch:
        make_unreadable(path, patch)
        config = store.load_config()
    moved = asides(path)
    moved[0].chmod(0o600)
    assert_moved_aside(path, original, config)
    assert "Permission denied" in config.warnings[0]


def test_a_stuck_damaged_file_is_left_in_place_with_a_warning(
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = config_file()
    path.write_text("theme = ")

    def no_rename(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", no_rename)
    config = store.load_config()
    assert path.read_text() == "theme = "
    assert len(config.warnings) == 1 and "could not move it aside" in config.warnings[0]
    assert config.settings == Settings()


def test_keymap_problems_name_unknown_binding_ids() -> None:
    problems = store.keymap_problems({"quit": "ctrl+q", "next_one_sidd": "u", "zzz": "z"},
                                     ["quit", "next_one_sided", "search"])
    assert len(problems) == 2
    assert "'keymap.next_one_sidd'" in problems[0]
    assert "did you mean 'next_one_sided'" in problems[0]
    assert "'keymap.zzz'" in problems[1]


def test_align_values_out_of_range_fall_back_to_their_defaults(tmp_path: Path) -> None:
    """Thresholds are scores/shares in [0, 1] and counts are never negative."""
    path = tmp_path / "config.toml"
    path.write_text("[align]\nlink_threshold = 7\nstrong_threshold = -1\ngap_size = -2\n"
                    "max_group_size = 3\n", encoding="utf-8")
    config = store.load_config(path)
    defaults = AlignSettings()
    assert config.settings.align.link_threshold == defaults.link_threshold
    assert config.settings.align.strong_threshold == defaults.strong_threshold
    assert config.settings.align.gap_size == defaults.gap_size
    assert config.settings.align.max_group_size == 3
    assert sum("align." in line for line in config.warnings) == 3
