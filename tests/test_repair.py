"""Mojibake repaired at ingest: the patterns UTF-8 text takes when read as Windows-1252 or
Latin-1 somewhere on its way, made here the way they arise (encode, decode wrongly, save)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from readerui.analysis import load_document
from readerui.ingest.repair import looks_broken, repair_mojibake
from readerui.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

# Real text with the characters mojibake garbles most: quotes, dashes, accents, no-break spaces,
# Cyrillic, CJK, emoji.
WRITTEN = [
    "The minister called it a “historic” step — and said “we’re ready”.",
    "Café owners in München and São Paulo reviewed the naïve plan in Señor Peña’s office.",
    "Сергей Лавров встретился с Ван И в Пекине.",
    "Prices rose 5\u00a0% to €1,200 per tonne, the ministry said…",
    "北京 officials said the talks were “constructive” 👍.",
]


def garble(text: str, codec: str) -> str:
    """``text`` as a program shows it after reading its UTF-8 bytes as ``codec``. Windows-1252
    as browsers and Windows decode it: its five undefined bytes become the C1 controls."""
    if codec != "cp1252":
        return text.encode("utf-8").decode(codec)
    return "".join(bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)
                   for byte in text.encode("utf-8"))


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
@pytest.mark.parametrize("written", WRITTEN)
def test_each_pattern_is_repaired(written: str, codec: str) -> None:
    broken = garble(written, codec)
    assert broken != written and looks_broken(broken)
    repair = repair_mojibake(broken)
    assert repair.text == written
    assert repair.note is not None and "mojibake repaired in 1 line" in repair.note
    assert "UTF-8 read as" in repair.note


def test_double_mojibake_and_a_mixed_document() -> None:
    twice = garble(garble("Café", "cp1252"), "cp1252")  # "CafÃƒÂ©": garbled twice over
    assert repair_mojibake(twice).text == "Café"
    clean_line = "Сергей Лавров said “yes”."  # real non-Latin text beside a garbled line
    mixed = "\n".join([clean_line, garble("The café’s owner agreed.", "cp1252"), clean_line])
    repair = repair_mojibake(mixed)
    assert repair.text.split("\n") == [clean_line, "The café’s owner agreed.", clean_line]
    assert repair.note is not None and repair.note.startswith("mojibake repaired in 1 line ")


@pytest.mark.parametrize("text", [*WRITTEN, "Ångström, Øresund, Ærø: Æblegrød.",
                                  "¿Qué pasó? ¡Nada! «Très bien», dit-il.", "Zürich – 3½ hours",
                                  "Ã is a letter; Â too.", "Spoke in Portuguese: não… então."])
def test_correct_text_is_left_as_it_is(text: str) -> None:
    repair = repair_mojibake(text)
    assert repair.text == text and repair.note is None


def test_the_repair_is_in_the_document_metadata_and_the_json(tmp_path: Path) -> None:
    article = ("Café Owners Protest New Rules\n\n"
               "Café owners in München said on Monday the “new rules” were unfair. "
               "The city’s mayor said the rules would stay.\n")
    broken = tmp_path / "broken.txt"
    broken.write_text(garble(article, "cp1252"), encoding="utf-8")  # saved as UTF-8 after all
    fine = tmp_path / "fine.txt"
    fine.write_text(article, encoding="utf-8")
    for lines in (False, True):
        doc = load_document(broken, Settings(), lines=lines)
        assert doc.meta.repaired is not None and "Windows-1252" in doc.meta.repaired
        assert load_document(fine, Settings(), lines=lines).meta.repaired is None
        assert [s.text for s in doc.sentences] == [
            s.text for s in load_document(fine, Settings(), lines=lines).sentences]
    done = subprocess.run([sys.executable, "-m", "readerui", "align", "--json", str(broken),
                           str(fine)], capture_output=True, text=True, timeout=120, check=True)
    obj = json.loads(done.stdout)
    assert obj["a"]["repaired"].startswith("mojibake repaired in 2 lines")
    assert obj["b"]["repaired"] is None
    assert obj["a"]["title"] == "Café Owners Protest New Rules"


def test_clean_text_does_not_import_ftfy() -> None:
    code = ("import sys, json\n"
            "from readerui.analysis import load_document\n"
            "from readerui.samples import sample_paths\n"
            "for path in sample_paths(): load_document(path)\n"
            "print(json.dumps('ftfy' in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert json.loads(done.stdout) is False
