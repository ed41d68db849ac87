"""The Textual reader: presents an Analysis; imports from the core, never the other way."""
