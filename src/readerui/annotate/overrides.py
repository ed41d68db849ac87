"""The reader's corrections to the speakers: merge two, rename one, mark one "not a speaker".

A correction is a :class:`SpeakerEdit`; :func:`apply_speaker_edits` replays a list of them, in
order, over the engine's :class:`~readerui.model.Annotations` and returns new annotations (the
input is never changed, so undo is dropping the last edit and replaying). Edits that name a
speaker the annotations do not have (the engine changed, the pair was re-analysed) are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from readerui.model import Annotations, Speaker

EditOp = Literal["merge", "rename", "drop"]
OPS: tuple[EditOp, ...] = ("merge", "rename", "drop")
MAX_NAME = 120  # a longer name is no speaker name (and would swamp the sidebar)
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class SpeakerEdit:
    """One correction. ``merge``: ``name`` becomes part of ``target``; ``rename``: ``name`` is
    called ``target`` (a merge when ``target`` already speaks); ``drop``: ``name`` is no speaker,
    its sentences are the narrator's."""

    op: EditOp
    name: str
    target: str = ""

    def describe(self) -> str:
        """A short sentence for the reader ("Renamed X to Y")."""
        if self.op == "merge":
            return f"Merged {self.name} into {self.target}"
        if self.op == "rename":
            return f"Renamed {self.name} to {self.target}"
        return f"{self.name} marked not a speaker"

    def to_json(self) -> dict[str, str]:
        """The edit as a JSON object."""
        out = {"op": self.op, "name": self.name}
        if self.target:
            out["target"] = self.target
        return out


def clean_name(text: str) -> str:
    """A name as typed or read from a file: control characters gone, spaces collapsed."""
    return " ".join(_CONTROL_RE.sub(" ", text).split())[:MAX_NAME]


def edit_from_json(item: Any) -> SpeakerEdit | None:
    """An edit from untrusted JSON, or None when it is not a well-formed edit."""
    if not isinstance(item, dict) or item.get("op") not in OPS:
        return None
    name, target = item.get("name"), item.get("target", "")
    if not isinstance(name, str) or not isinstance(target, str):
        return None
    name, target = clean_name(name), clean_name(target)
    op: EditOp = item["op"]
    if not name or (op != "drop" and (not target or target == name)):
        return None
    return SpeakerEdit(op, name, target if op != "drop" else "")


def edits_from_json(items: Any) -> tuple[SpeakerEdit, ...]:
    """Every well-formed edit of a JSON list (others are left out)."""
    if not isinstance(items, list):
        return ()
    return tuple(e for e in map(edit_from_json, items) if e is not None)


def apply_speaker_edits(notes: Annotations, edits: Iterable[SpeakerEdit]) -> Annotations:
    """``notes`` with every edit applied in order (edits naming no current speaker skipped)."""
    for edit in edits:
        notes = apply_speaker_edit(notes, edit)
    return notes


def apply_speaker_edit(notes: Annotations, edit: SpeakerEdit) -> Annotations:
    """``notes`` with one edit applied; unchanged when ``edit.name`` is not a speaker."""
    by_name = {s.name: s for s in notes.speakers}
    source = by_name.get(edit.name)
    if source is None:
        return notes
    if edit.op == "drop":
        speakers = tuple(s for s in notes.speakers if s.name != edit.name)
        return _with(notes, speakers, {edit.name: None})
    if edit.target == edit.name:
        return notes
    into = by_name.get(edit.target)
    if into is None:  # a rename to a new name: the old name stays an alias
        if edit.op == "merge":
            return notes  # merging into a speaker that is not there: nothing to join
        renamed = replace(source, name=edit.target,
                          aliases=_aliases(edit.target, (source.name, *source.aliases)),
                          joint=False)
        speakers = tuple(renamed if s.name == edit.name else s for s in notes.speakers)
        return _with(notes, speakers, {edit.name: edit.target})
    joined = Speaker(into.name, _aliases(into.name, (*into.aliases, source.name, *source.aliases)),
                     tuple(sorted({*into.a, *source.a})), tuple(sorted({*into.b, *source.b})),
                     joint=into.joint and source.joint)
    speakers = tuple(joined if s.name == into.name else s for s in notes.speakers
                     if s.name != source.name)
    return _with(notes, speakers, {edit.name: into.name})


def _aliases(name: str, forms: Sequence[str]) -> tuple[str, ...]:
    """Distinct forms other than the name itself, in order."""
    seen: list[str] = []
    for form in forms:
        if form and form != name and form not in seen:
            seen.append(form)
    return tuple(seen)


def _with(notes: Annotations, speakers: tuple[Speaker, ...],
          renamed: dict[str, str | None]) -> Annotations:
    """``notes`` with new speakers and every sentence's speaker mapped through ``renamed``."""
    def per_sentence(names: tuple[str | None, ...]) -> tuple[str | None, ...]:
        return tuple(renamed.get(n, n) if n is not None else None for n in names)

    def cues(names: tuple[str | None, ...], cue: tuple[str | None, ...]
             ) -> tuple[str | None, ...]:
        if not cue:
            return cue
        return tuple(c if n is not None else None for n, c in zip(names, cue, strict=True))

    speaker_a, speaker_b = per_sentence(notes.speaker_a), per_sentence(notes.speaker_b)
    ordered = tuple(sorted(speakers, key=lambda s: (-(len(s.a) + len(s.b)), s.name)))
    return replace(notes, speakers=ordered, speaker_a=speaker_a, speaker_b=speaker_b,
                   cue_a=cues(speaker_a, notes.cue_a), cue_b=cues(speaker_b, notes.cue_b))
