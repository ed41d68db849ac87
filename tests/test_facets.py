"""Facets: speakers, topics and places as one type with one ordering, shown by the exports."""

from __future__ import annotations

from readerui.exports.markdown import to_markdown
from readerui.facets import FacetValue, facets, ordered
from readerui.lifecycle import Reading
from readerui.samples import sample_paths


def test_every_facet_in_one_ordering_and_places_in_the_export() -> None:
    analysis = Reading(sample_paths()).analyse()
    found = {f.name: f for f in facets(analysis)}
    assert list(found)[:3] == ["speakers", "topics", "places"]
    for facet in found.values():
        counts = [len(v.a) + len(v.b) for v in facet.values]
        assert counts == sorted(counts, reverse=True)
    places = found["places"].values
    assert places, "the sample pair names countries"
    for value in places:  # each listed sentence really names the place
        for side, ids in (("a", value.a), ("b", value.b)):
            for i in ids:
                assert value.name in analysis.document(side).sentences[i].text
    speakers = {v.name for v in found["speakers"].values}
    assert speakers == {s.name for s in analysis.annotations.speakers}
    md = to_markdown(analysis)
    assert "## Places" in md and f"| {places[0].name} |" in md


def test_ordering_breaks_ties_by_name() -> None:
    values = [FacetValue("b", (1,), ()), FacetValue("A", (1,), ()), FacetValue("c", (1, 2), ())]
    assert [v.name for v in ordered(values)] == ["c", "A", "b"]


def test_places_are_whole_capitalised_names_of_countries_regions_and_cities() -> None:
    from readerui.annotate.places import _mentions

    found = [name for _, name in _mentions(
        "Talks in The Hague and Kuala Lumpur drew envoys from South Korea's capital, "
        "New York and Kenya; the Russia-Ukraine war, the U.S.-India deal, kenya in lowercase, "
        "the Shanghai Cooperation Organisation and Kenya Airways (names of other things).")]
    assert found == ["The Hague", "Kuala Lumpur", "South Korea", "New York", "Kenya", "India"]


def test_a_new_facet_is_one_function_and_one_registration(monkeypatch) -> None:
    """What issue 15 asks: a facet reaches the exports, the reader's filter and the saved state
    by its registration alone (the sidebar and the palette: tests/tui/test_places.py)."""
    import csv
    import io
    import json

    from readerui import facets as registry
    from readerui.exports import render
    from readerui.store import PairState
    from readerui.tui.reading import Filter, matching

    def initials(analysis):  # a toy facet: the first letter of each sentence
        found: dict[str, dict[str, list[int]]] = {}
        for side in ("a", "b"):
            for s in analysis.document(side).sentences:
                found.setdefault(s.text[:1], {"a": [], "b": []})[side].append(s.id)
        return [FacetValue(k, tuple(v["a"]), tuple(v["b"])) for k, v in found.items()]

    analysis = Reading(sample_paths()).analyse()
    monkeypatch.setattr(registry, "_LAST", [])
    monkeypatch.setitem(registry._REGISTRY, "initials", ("initial", initials))
    assert [k.name for k in registry.kinds()][-1] == "initials"
    first = analysis.a.sentences[0].text[:1]
    assert "## Initials" in render(analysis, "md")
    rows = list(csv.DictReader(io.StringIO(render(analysis, "sentences-csv"))))
    assert rows[0]["initials"] == first
    record = json.loads(render(analysis, "jsonl").splitlines()[0])
    assert record["initials"] == [first]
    chosen = Filter().toggled("initial", first)
    kept = matching(analysis, "a", chosen)
    assert kept and all(analysis.a.sentences[i].text.startswith(first) for i in kept)
    assert PairState("a", 0, chosen.as_dict()).chosen("initials") == (first,)
