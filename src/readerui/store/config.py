"""The user's ``config.toml``: read it leniently, explain every problem in one line naming the key.

The ``[align]`` section is generated from the fields of :class:`readerui.align.AlignSettings`, so a
new knob of the aligner is configurable (and documented in the default file) without edits here.
A field's help text is its ``metadata["help"]`` or else the comment written above (or beside) it
in the source; ``metadata`` may also carry ``min`` and ``max`` (bounds that are checked).
"""

from __future__ import annotations

import dataclasses
import difflib
import inspect
import math
import re
import textwrap
import tomllib
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import NoneType, UnionType
from typing import Any

import tomli_w

from readerui.align.settings import AlignSettings
from readerui.safefile import STORE_MAX_SIZE, FileProblem, check_nesting, read_regular
from readerui.settings import Settings
from readerui.store.atomic import PROG, atomic_write, move_aside, read_bytes_or_aside
from readerui.store.locations import Locations, locations
from readerui.tokens import supported_languages

DEFAULT_THEME = "textual-dark"
MAX_SIZE_LIMIT = 1024**4  # no text file is a terabyte; larger values overflow reads
_SIZE_UNITS = {"k": 1024, "m": 1024**2, "g": 1024**3}

# Top-level keys with their one-line help (the order of the default file).
TOP_LEVEL_HELP = {
    "theme": "Colour theme of the reader (a Textual theme name).",
    "lang": "Language of the accounts for stemming, ISO 639-1 (e.g. en, de, fr), or auto "
            "(detected per account, the default).",
    "max_size": 'Largest input file accepted: a number of bytes or a size such as "20M".',
    "max_sentences": "Most sentences an account may have; a longer text is refused at once "
                     "(a long book has about 25,000; the analysis of more takes many minutes).",
    "lexicon": "Topic lexicon (TOML); a relative path is taken from this folder. Default: "
               "topics.toml in this folder when it exists.",
}
SECTIONS = ("align", "keymap")


@dataclass(frozen=True)
class Config:
    """The configuration in effect: core settings plus what only the reader uses."""

    settings: Settings = field(default_factory=Settings)
    theme: str = DEFAULT_THEME
    keymap: Mapping[str, str] = field(default_factory=dict)  # binding id -> key(s), e.g. "n"
    warnings: tuple[str, ...] = ()  # one line each, naming the file and key
    path: Path | None = None  # the file read (None: defaults only)


def parse_size(value: str | int) -> int:
    """A size such as 20000000, "500k", "20M" or "1G" in bytes; ValueError when not positive."""
    if isinstance(value, bool):
        raise ValueError(f"not a size: {value!r}")
    if isinstance(value, int):
        size = value
    else:
        text = value.strip().lower().removesuffix("b")
        factor = _SIZE_UNITS.get(text[-1:], 1)
        number = text[:-1] if text[-1:] in _SIZE_UNITS else text
        try:
            size = int(float(number) * factor)
        except (ValueError, OverflowError):  # "abc", "inf"
            raise ValueError(f"not a size: {value!r}") from None
    if size <= 0:
        raise ValueError(f"size must be positive: {value!r}")
    if size > MAX_SIZE_LIMIT:
        raise ValueError(f"size is too large: {value!r} (at most 1024G)")
    return size


def _format_size(size: int) -> str | int:
    for unit, factor in sorted(_SIZE_UNITS.items(), key=lambda item: -item[1]):
        if size % factor == 0:
            return f"{size // factor}{unit.upper()}"
    return size


def _toml_value(value: Any) -> str:
    """One TOML value as text (for the commented default file)."""
    return tomli_w.dumps({"x": value}).partition("=")[2].strip()


_FIELD_RE = re.compile(r"^(\w+)\s*:[^#]*(?:#\s*(.*))?$")


@cache
def align_help() -> dict[str, str]:
    """One help text per AlignSettings field: metadata "help", else its source comment."""
    helps: dict[str, str] = {}
    try:
        source = inspect.getsource(AlignSettings)
    except (OSError, TypeError):
        source = ""
    pending: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            pending.append(stripped.lstrip("#").strip())
            continue
        match = _FIELD_RE.match(stripped)
        if match:
            comment = " ".join([*pending, match.group(2) or ""]).strip()
            if comment:
                helps[match.group(1)] = comment
        pending = []
    for item in dataclasses.fields(AlignSettings):
        if item.metadata.get("help"):
            helps[item.name] = str(item.metadata["help"])
    return helps


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(text, 96)]


def _align_types() -> dict[str, Any]:
    return typing.get_type_hints(AlignSettings)


def _accepts(kind: Any, value: Any) -> bool:
    """Does a TOML value fit the annotated type ``kind`` (int, float, bool, str, X | None)?"""
    if isinstance(kind, UnionType) or typing.get_origin(kind) is typing.Union:
        return any(_accepts(k, value) for k in typing.get_args(kind) if k is not NoneType)
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(kind, type):
        return isinstance(value, kind)
    return True


def _type_name(kind: Any) -> str:
    if isinstance(kind, UnionType) or typing.get_origin(kind) is typing.Union:
        return " or ".join(_type_name(k) for k in typing.get_args(kind) if k is not NoneType)
    return {float: "a number", int: "a whole number", bool: "true or false",
            str: "a string"}.get(kind, getattr(kind, "__name__", str(kind)))


class _Reader:
    """Collects values and warnings while walking one parsed config file."""

    def __init__(self, path: Path, report: Callable[[str], None]) -> None:
        self.path = path
        self.report = report

    def problem(self, key: str, message: str) -> None:
        self.report(f"{PROG}: warning: {self.path.name}: '{key}' {message}")

    def unknown(self, key: str, name: str, known: list[str]) -> None:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(known)}"
        self.problem(key, f"is not a setting ({hint}); ignored")

    def wrong_type(self, key: str, expected: str, value: Any, default: Any) -> None:
        self.problem(key, f"must be {expected}, not {_toml_value(value)}; "
                          f"using the default {_toml_value(default)}")


def _read_align(section: Any, reader: _Reader) -> AlignSettings:
    defaults = AlignSettings()
    if not isinstance(section, dict):
        reader.problem("align", "must be a table ([align]); using the defaults")
        return defaults
    types = _align_types()
    fields = {f.name: f for f in dataclasses.fields(AlignSettings)}
    chosen: dict[str, Any] = {}
    for key, value in section.items():
        name = f"align.{key}"
        if key not in fields:
            reader.unknown(name, key, list(fields))
            continue
        default = getattr(defaults, key)
        kind = types[key]
        if not _accepts(kind, value):
            reader.wrong_type(name, _type_name(kind), value, default)
            continue
        if isinstance(value, float) and not math.isfinite(value):
            reader.wrong_type(name, "a finite number", value, default)
            continue
        # Unless a field says otherwise: the aligner's floats are scores and shares in [0, 1],
        # its ints are counts.
        meta = fields[key].metadata
        low = meta.get("min", 0)
        high = meta.get("max", 1.0 if kind is float else None)
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = f"between {low} and {high}" if low is not None and high is not None else (
                f"at least {low}" if low is not None else f"at most {high}")
            reader.wrong_type(name, bounds, value, default)
            continue
        chosen[key] = float(value) if kind is float else value
    return dataclasses.replace(defaults, **chosen)


def _read_keymap(section: Any, reader: _Reader) -> dict[str, str]:
    if not isinstance(section, dict):
        reader.problem("keymap", "must be a table ([keymap]) of binding id = \"key\"; ignored")
        return {}
    keymap: dict[str, str] = {}
    for binding, keys in section.items():
        if isinstance(keys, str) and keys.strip():
            keymap[binding] = keys.strip()
        else:
            reader.problem(f"keymap.{binding}", f"must be a key such as \"n\" or \"ctrl+n\", not "
                                                f"{_toml_value(keys)}; ignored")
    return keymap


def _resolve_lexicon(value: str, where: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else where / path


def config_from_mapping(data: Mapping[str, Any], path: Path,
                        report: Callable[[str], None]) -> Config:
    """Build a Config from parsed TOML; every bad key is reported and its default kept."""
    reader = _Reader(path, report)
    defaults = Settings()
    theme, lang, max_size = DEFAULT_THEME, defaults.lang, defaults.max_size
    max_sentences = defaults.max_sentences
    lexicon: str | None = None
    align, keymap = defaults.align, {}
    for key, value in data.items():
        if key == "theme":
            if isinstance(value, str) and value.strip():
                theme = value.strip()
            else:
                reader.wrong_type(key, "a theme name", value, DEFAULT_THEME)
        elif key == "lang":
            if isinstance(value, str) and value.strip().isalpha():
                lang = value.strip().lower()
                known = supported_languages()
                if lang not in known and lang != "auto":
                    reader.problem(key, f"{_toml_value(value)} is not a language readerui knows "
                                        f"(known: {', '.join(known)}, or \"auto\"); words are "
                                        "compared unstemmed")
            else:
                reader.wrong_type(key, "a language code such as \"en\"", value, defaults.lang)
        elif key == "max_sentences":
            if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 1 << 40:
                max_sentences = value
            else:
                reader.wrong_type(key, "a positive whole number", value, defaults.max_sentences)
        elif key == "max_size":
            try:
                if not isinstance(value, str | int):
                    raise ValueError
                max_size = parse_size(value)
            except ValueError:
                reader.wrong_type(key, "a positive size such as \"20M\"", value,
                                  _format_size(defaults.max_size))
        elif key == "lexicon":
            if isinstance(value, str) and value.strip():
                candidate = _resolve_lexicon(value.strip(), path.parent)
                if candidate.is_file():
                    lexicon = str(candidate)
                else:
                    reader.problem(key, f"names {candidate}, which is not a file; "
                                        "no topic lexicon is used")
            else:
                reader.problem(key, f"must be a file path, not {_toml_value(value)}; "
                                    "no topic lexicon is used")
        elif key == "align":
            align = _read_align(value, reader)
        elif key == "keymap":
            keymap = _read_keymap(value, reader)
        else:
            reader.unknown(key, key, [*TOP_LEVEL_HELP, *SECTIONS])
    if lexicon is None and "lexicon" not in data:
        default_lexicon = path.parent / "topics.toml"
        if default_lexicon.is_file():
            lexicon = str(default_lexicon)
    settings = Settings(lang=lang, max_size=max_size, max_sentences=max_sentences,
                        lexicon_path=lexicon, align=align)
    return Config(settings=settings, theme=theme, keymap=keymap, path=path)


def parse_config(data: bytes, path: Path, report: Callable[[str], None]) -> Config | None:
    """Parse config bytes; None (after reporting) when they are not UTF-8 TOML."""
    try:
        text = data.decode("utf-8")
        check_nesting(text, "toml")
        parsed = tomllib.loads(text)
    except UnicodeDecodeError:
        report(f"{PROG}: warning: {path} is not UTF-8 text")
        return None
    except tomllib.TOMLDecodeError as exc:
        report(f"{PROG}: warning: {path} is not valid TOML ({exc})")
        return None
    except (ValueError, RecursionError) as exc:
        report(f"{PROG}: warning: {path} is not usable TOML ({exc})")
        return None
    return config_from_mapping(parsed, path, report)


def load_config(path: Path | None = None, where: Locations | None = None) -> Config:
    """The configuration in effect; problems become ``Config.warnings``, never exceptions.

    A config file that cannot be read or parsed is moved aside (``config.toml.corrupt-<time>``)
    and the defaults are used; a file that parses but has bad keys keeps its place and only the
    bad keys fall back to their defaults.
    """
    where = where or locations()
    path = path or where.config_file
    problems: list[str] = []
    data = read_bytes_or_aside(path, problems.append)
    config: Config | None = None
    if data is not None:
        parse_problems: list[str] = []
        config = parse_config(data, path, parse_problems.append)
        if config is None:
            # Unparseable: keep the user's bytes under another name, and run on defaults.
            detail = parse_problems[0].split(f"{path} ", 1)[-1]
            move_aside(path, detail, problems.append)
        else:
            problems.extend(parse_problems)
    if config is None:
        config = config_from_mapping({}, path, problems.append)
    return dataclasses.replace(config, warnings=tuple(problems))


def check_config(path: Path) -> list[str]:
    """Problems of a config file (for ``config edit``); never moves or changes the file."""
    problems: list[str] = []
    try:
        data = read_regular(path, STORE_MAX_SIZE)
    except FileProblem as problem:
        return [f"{PROG}: warning: {path} cannot be read ({problem.reason})"]
    parse_config(data, path, problems.append)
    return problems


def keymap_problems(keymap: Mapping[str, str], known_ids: Iterable[str]) -> list[str]:
    """One warning line per keymap entry whose binding id the reader does not have."""
    known = sorted(set(known_ids))
    problems = []
    for binding in keymap:
        if binding not in known:
            close = difflib.get_close_matches(binding, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "see the help screen for the ids"
            problems.append(f"{PROG}: warning: config.toml: 'keymap.{binding}' is not a key "
                            f"binding of the reader ({hint}); ignored")
    return problems


def config_to_toml(config: Config) -> str:
    """The values in effect as TOML (what ``readerui config show`` prints)."""
    settings = config.settings
    document: dict[str, Any] = {"theme": config.theme, "lang": settings.lang,
                                "max_size": _format_size(settings.max_size),
                                "max_sentences": settings.max_sentences}
    if settings.lexicon_path:
        document["lexicon"] = settings.lexicon_path
    document["align"] = {f.name: getattr(settings.align, f.name)
                         for f in dataclasses.fields(settings.align)}
    document["keymap"] = dict(config.keymap)
    return tomli_w.dumps(document)


def default_config_text() -> str:
    """A commented config.toml holding every setting at its default (all lines commented out)."""
    defaults = Settings()
    values: dict[str, Any] = {"theme": DEFAULT_THEME, "lang": defaults.lang,
                              "max_size": _format_size(defaults.max_size),
                              "max_sentences": defaults.max_sentences,
                              "lexicon": "topics.toml"}
    lines = [
        "# readerui configuration. Uncomment a line (remove the leading '# ') to change it;",
        "# `readerui config show` prints the values in effect, `readerui config edit` checks them.",
        "",
    ]
    for key, help_text in TOP_LEVEL_HELP.items():
        lines += [*_comment(help_text), f"# {key} = {_toml_value(values[key])}", ""]
    lines += ["[align]", "# Alignment knobs (scores and shares are in [0, 1]).", ""]
    helps, align_defaults = align_help(), AlignSettings()
    for item in dataclasses.fields(AlignSettings):
        lines += [*_comment(helps.get(item.name, "")),
                  f"# {item.name} = {_toml_value(getattr(align_defaults, item.name))}", ""]
    lines += ["[keymap]", "# Key bindings: binding id = key(s); the reader's help screen (?)",
              "# lists the ids. For example:", '# quit = "ctrl+q"', ""]
    return "\n".join(lines)


def ensure_config_file(path: Path) -> bool:
    """Create a commented default config file when none exists; True when it was created."""
    if path.exists() or path.is_symlink():
        return False
    atomic_write(path, default_config_text(), mode=0o644)
    return True
