"""Errors the user can act on: each carries one line that the CLI and TUI show as it is."""


class ReaderError(Exception):
    """Base of every error readerui reports to the user as one line (never a traceback)."""


class InputError(ReaderError):
    """An input file cannot be used: missing, a directory, binary, empty, too large, undecodable."""


class ConfigError(ReaderError):
    """A configuration value is wrong; the message names the key."""
