"""Questions the sidebar and exports ask of annotations: counts per side, one-side-only items,
and finding a speaker by any of its names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from readerui.model import Annotations, Side, Speaker, Topic

Item = TypeVar("Item", Speaker, Topic)


def side_counts(item: Speaker | Topic) -> tuple[int, int]:
    """How many sentences of A and of B a speaker speaks or a topic is mentioned in."""
    return len(item.a), len(item.b)


def only_in(items: Iterable[Item], side: Side) -> tuple[Item, ...]:
    """The speakers or topics found in that account and not in the other."""
    if side == "a":
        return tuple(i for i in items if i.a and not i.b)
    return tuple(i for i in items if i.b and not i.a)


def in_both(items: Iterable[Item]) -> tuple[Item, ...]:
    """The speakers or topics found in both accounts."""
    return tuple(i for i in items if i.a and i.b)


def sentences_of(item: Speaker | Topic, side: Side) -> tuple[int, ...]:
    """Ids of the sentences of one side that a speaker speaks or a topic is mentioned in."""
    return item.a if side == "a" else item.b


def find_speaker(annotations: Annotations, name: str) -> Speaker | None:
    """The speaker known by ``name`` (canonical or alias, case aside), or None."""
    wanted = name.casefold()
    for speaker in annotations.speakers:
        if wanted == speaker.name.casefold() or wanted in (a.casefold() for a in speaker.aliases):
            return speaker
    return None


def find_topic(annotations: Annotations, name: str) -> Topic | None:
    """The topic named ``name`` or holding it as a term (case aside), or None."""
    wanted = name.casefold()
    for topic in annotations.topics:
        if wanted == topic.name.casefold() or wanted in (t.casefold() for t in topic.terms):
            return topic
    return None
