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
