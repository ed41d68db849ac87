"""The user's topic lexicon: a TOML file of topic name -> terms and regex patterns, plus exclusions.

Format (see ``readerui/data/topics.example.toml``)::

    exclude = ["cooperation"]          # terms that never make a topic

    [topics."European security"]
    terms = ["European security", "security architecture"]   # words, matched by stem
    patterns = ['\\bsecurity (?:architecture|structure)\\b']  # regexes, case-insensitive

Every problem is reported as one :class:`~readerui.errors.ConfigError` line naming the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from readerui.errors import ConfigError
from readerui.safefile import STORE_MAX_SIZE, FileProblem, check_nesting, read_regular

_TOP_KEYS = frozenset({"topics", "exclude"})
_TOPIC_KEYS = frozenset({"terms", "patterns"})


@dataclass(frozen=True, slots=True)
class LexiconTopic:
    """One user topic: its name, its terms and its compiled patterns."""

    name: str
    terms: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """User topics (in file order) and excluded terms."""

    topics: tuple[LexiconTopic, ...]
    exclude: tuple[str, ...]


def _strings(value: object, path: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{path}: {where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def parse_lexicon(data: dict[str, object], path: str) -> Lexicon:
    """Check a parsed lexicon and compile its patterns."""
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} (expected 'topics' or 'exclude')")
    exclude = _strings(data.get("exclude", []), path, "'exclude'")
    table = data.get("topics", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'topics' must be a table of [topics.\"name\"] entries")
    topics = []
    for name, entry in table.items():
        where = f"topic {name!r}"
        if not name.strip():
            raise ConfigError(f"{path}: a topic has an empty name")
        if not isinstance(entry, dict):
            raise ConfigError(f"{path}: {where} must be a table with 'terms' and/or 'patterns'")
        unknown = sorted(set(entry) - _TOPIC_KEYS)
        if unknown:
            raise ConfigError(f"{path}: {where}: unknown key {unknown[0]!r}")
        terms = _strings(entry.get("terms", []), path, f"{where}: 'terms'")
        sources = _strings(entry.get("patterns", []), path, f"{where}: 'patterns'")
        if not terms and not sources:
            raise ConfigError(f"{path}: {where} has neither 'terms' nor 'patterns'")
        patterns = []
        for source in sources:
            try:
                patterns.append(re.compile(source, re.IGNORECASE))
            except re.error as exc:
                raise ConfigError(f"{path}: {where}: bad pattern {source!r}: {exc}") from None
        topics.append(LexiconTopic(name.strip(), terms, tuple(patterns)))
    return Lexicon(tuple(topics), exclude)


def load_lexicon(path: str | Path) -> Lexicon:
    """Read and check a lexicon file; ConfigError (one line naming the file) when unusable."""
    import tomllib  # only with a lexicon: analysing without one does not pay for the parser

    shown = str(path)
    try:
        raw = read_regular(path, STORE_MAX_SIZE)
    except FileProblem as problem:
        what = ("not found" if problem.reason == "no such file" else problem.reason)
        raise ConfigError(f"{shown}: topic lexicon {what}") from None
    try:
        text = raw.decode("utf-8")
        check_nesting(text, "toml")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: topic lexicon is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: not valid TOML: {exc}") from None
    except (ValueError, RecursionError) as exc:
        raise ConfigError(f"{shown}: topic lexicon is not usable TOML ({exc})") from None
    return parse_lexicon(data, shown)
