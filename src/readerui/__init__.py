"""readerui: read two accounts of one event side by side, aligned sentence by sentence."""

__version__ = "0.1.0"
