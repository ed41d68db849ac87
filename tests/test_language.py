"""Language detection: per account, on short text, used for stemming without --lang; headlines
of pre-split input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from readerui.analysis import analyse, language_warning, load_document
from readerui.ingest.segment import from_lines, reads_as_headline
from readerui.language import detect_language, supported
from readerui.settings import Settings
from readerui.tokens import supported_languages

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPHS = {
    "en": "The council approved the budget on Monday after a long debate about the libraries.",
    "de": "Der Stadtrat hat am Montag nach langer Debatte den Haushalt für die Bibliotheken "
          "beschlossen.",
    "fr": "Le conseil municipal a approuvé lundi le budget des bibliothèques après un long débat.",
    "es": "El consejo aprobó el lunes el presupuesto de las bibliotecas tras un largo debate.",
    "it": "Il consiglio ha approvato lunedì il bilancio delle biblioteche dopo un lungo dibattito.",
    "nl": "De gemeenteraad heeft maandag na een lang debat de begroting voor de bibliotheken "
          "goedgekeurd.",
    "pt": "O conselho aprovou na segunda-feira o orçamento das bibliotecas depois de um longo "
          "debate.",
    "sv": "Kommunfullmäktige godkände på måndagen budgeten för biblioteken efter en lång debatt.",
    "ru": "Городской совет в понедельник утвердил бюджет библиотек после долгих дебатов.",
    "el": "Το δημοτικό συμβούλιο ενέκρινε τη Δευτέρα τον προϋπολογισμό των βιβλιοθηκών.",
}


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_a_short_paragraph_is_recognised(lang: str) -> None:
    assert detect_language(PARAGRAPHS[lang]) == lang


def test_detected_languages_all_have_a_stemmer() -> None:
    assert set(supported()) <= set(supported_languages())
    assert detect_language("") == "en" and detect_language("1234 5678") == "en"


def _gold_as_lines(name: str, tmp_path: Path) -> tuple[Path, Path, dict]:
    gold = json.loads((ROOT / "benchmarks" / "gold" / name).read_text(encoding="utf-8"))
    paths = []
    for side in ("a", "b"):
        path = tmp_path / f"{side}.txt"
        path.write_text("\n\n".join(entry["text"] for entry in gold[side]) + "\n",
                        encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1], gold


@pytest.mark.parametrize("name", ["bahnstreik_de.json", "telephones_fr.json"])
def test_pre_split_pairs_are_stemmed_in_their_language_without_lang(
        name: str, tmp_path: Path) -> None:
    path_a, path_b, gold = _gold_as_lines(name, tmp_path)
    result = subprocess.run([sys.executable, "-m", "readerui", "align", "--lines", "--json",
                             "--no-cache", str(path_a), str(path_b)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    assert obj["a"]["lang"] == obj["b"]["lang"] == gold["lang"]
    detected = {(i, j) for link in obj["links"] for i in link["a"] for j in link["b"]}
    given = analyse(load_document(path_a, Settings(lang=gold["lang"]), lines=True),
                    load_document(path_b, Settings(lang=gold["lang"]), lines=True),
                    Settings(lang=gold["lang"]))
    assert detected == {(i, j) for link in given.alignment.links for i in link.a for j in link.b}
    english = analyse(load_document(path_a, Settings(lang="en"), lines=True),
                      load_document(path_b, Settings(lang="en"), lines=True), Settings(lang="en"))
    assert english.a.meta.lang == "en"  # --lang still wins over detection


def test_accounts_in_two_languages_give_a_warning(tmp_path: Path) -> None:
    path_a, path_b = tmp_path / "a.txt", tmp_path / "b.txt"
    path_a.write_text(PARAGRAPHS["en"] + "\n" + PARAGRAPHS["en"] + "\n")
    path_b.write_text(PARAGRAPHS["de"] + "\n" + PARAGRAPHS["de"] + "\n")
    settings = Settings()
    analysis = analyse(load_document(path_a, settings, lines=True),
                       load_document(path_b, settings, lines=True), settings)
    assert (analysis.a.meta.lang, analysis.b.meta.lang) == ("en", "de")
    assert "A: en, B: de" in (language_warning(analysis) or "")
    result = subprocess.run([sys.executable, "-m", "readerui", "align", "--lines", "--no-cache",
                             str(path_a), str(path_b)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "different languages" in line]
    assert len(warnings) == 1


def test_a_headline_in_pre_split_input_is_a_title() -> None:
    doc = from_lines("Farm Co-ops Get Relief From the U.S.D.A.\n\nThe agency said on "
                     "Thursday that it would defer the loans.\nIt applies to all.\n")
    assert [s.role for s in doc.sentences] == ["title", "body", "body"]
    assert doc.meta.title == doc.sentences[0].text
    # a first line that is a sentence of running text, or shares its paragraph, stays body
    assert from_lines("The agency said so on Thursday.\n\nMore.\n").sentences[0].role == "body"
    assert from_lines("Tolls vetoed\nThe mayor vetoed them.\n").sentences[0].role == "body"
    assert from_lines("Tolls vetoed\n").sentences[0].role == "body"  # nothing after it
    assert reads_as_headline("Mayor vetoes bridge tolls")
    assert reads_as_headline("Will the tolls stay?")
    assert not reads_as_headline("The mayor said:")
    assert not reads_as_headline(" ".join(["word"] * 40))


def test_exclusive_flag_gives_one_link_per_sentence(tmp_path: Path) -> None:
    path_a, path_b, _ = _gold_as_lines("summit_en.json", tmp_path)
    result = subprocess.run([sys.executable, "-m", "readerui", "align", "--lines", "--json",
                             "--exclusive", "--no-cache", str(path_a), str(path_b)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    for side in ("a", "b"):
        ids = [i for link in obj["links"] for i in link[side]]
        assert len(ids) == len(set(ids))
        assert all(0 <= i < len(obj[side]["sentences"]) for i in ids)
    starts = [link["a"][0] for link in obj["links"]]
    assert starts == sorted(starts)
