"""The CSV export in the encodings and dialects a Notes client writes."""

from pathlib import Path
from plone import api
from stadtdo.sozialnetz.migration.cli import main
from stadtdo.sozialnetz.migration.csv_reader import csv_datensaetze
from stadtdo.sozialnetz.migration.csv_reader import dekodieren
from stadtdo.sozialnetz.migration.datensatz import DateiFehler
import pytest


BEISPIEL = Path(__file__).parents[2] / "docs" / "notes-export-beispiel.csv"
TEXT = BEISPIEL.read_text(encoding="utf-8")
CRLF = TEXT.replace("\n", "\r\n")


def _mit_kommas(text):
    """The sample with commas: values that contain one are quoted."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=",", lineterminator="\n")
    writer.writerows(csv.reader(io.StringIO(text), delimiter=";"))
    return out.getvalue()


DATEIEN = {
    "utf-8 LF": (TEXT.encode("utf-8"), None),
    "utf-8 CRLF": (CRLF.encode("utf-8"), None),
    "utf-8 mit BOM CRLF": (CRLF.encode("utf-8-sig"), None),
    "windows-1252 CRLF (erkannt)": (CRLF.encode("cp1252"), None),
    "windows-1252 CRLF (--encoding)": (CRLF.encode("cp1252"), "cp1252"),
    "utf-16 mit BOM CRLF": (CRLF.encode("utf-16"), None),
    "utf-16-be mit BOM": (b"\xfe\xff" + TEXT.encode("utf-16-be"), None),
    "Trennzeichen ,": (_mit_kommas(TEXT).encode("utf-8"), None),
    "Trennzeichen , windows-1252 CRLF": (_mit_kommas(CRLF).encode("cp1252"), None),
}


@pytest.mark.parametrize("name", DATEIEN)
def test_sample_in_each_encoding_is_read_alike(name):
    inhalt, encoding = DATEIEN[name]
    saetze = list(csv_datensaetze(dekodieren(inhalt, encoding)))
    assert [s.quelle for s in saetze] == [f"Zeile {n}" for n in range(2, 8)]
    assert saetze[0].konto == "Stadt Dortmund Bürgerdienste"
    assert saetze[0].personen[1].email == "tom.meier@stadtdo.de"
    assert all(s.maengel == [] for s in saetze)


def test_windows_1252_crlf_file_is_taken_over(import_csv, by_notes_id, tmp_path):
    datei = tmp_path / "export.csv"
    datei.write_bytes(CRLF.encode("cp1252"))
    ergebnis = import_csv(datei.read_bytes())
    assert len(ergebnis.neu) == 6 and ergebnis.abgelehnt == []
    antrag = by_notes_id("4A1F0C2E")
    assert antrag.kontoname == "Stadt Dortmund Bürgerdienste"
    assert antrag.fachbereich == "FB 10 – Bürgerdienste"
    assert (
        len(
            api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="Antrag"
            )
        )
        == 6
    )


def test_undecodable_byte_is_named_with_line_and_column():
    # 0x81 is undefined in Windows-1252, and alone not UTF-8
    inhalt = CRLF.encode("cp1252").replace(b"Meier", b"M\x81ier", 1)
    with pytest.raises(DateiFehler) as error:
        dekodieren(inhalt)
    meldung = str(error.value)
    zeile = CRLF.split("\r\n")[1]
    assert meldung.startswith(f"Zeile 2, Spalte {zeile.index('Meier') + 2}: ")
    assert "Byte 0x81 ist nicht lesbar (Kodierung UTF-8, Windows-1252)" in meldung
    assert "--encoding" in meldung


def test_wrong_encoding_given_is_named():
    with pytest.raises(DateiFehler) as error:
        dekodieren("Notes-ID\nÄ\n".encode("cp1252"), "utf-8")
    assert str(error.value).startswith("Zeile 2, Spalte 1: Byte 0xC4")
    assert "(Kodierung UTF-8)" in str(error.value)


def test_unknown_encoding_is_refused():
    with pytest.raises(DateiFehler, match="Unbekannte Kodierung 'latin-9x'"):
        dekodieren(b"x", "latin-9x")


def test_missing_columns_are_named():
    with pytest.raises(DateiFehler, match="Zeile 1: Spalten fehlen: Plattform, Art"):
        list(csv_datensaetze("Notes-ID;Fachbereich;Konto\nX;FB 10;K\n"))


def test_console_script_refuses_undecodable_file_without_traceback(tmp_path, capsys):
    datei = tmp_path / "export.csv"
    datei.write_bytes(b"Notes-ID;Fachbereich\n\x81\n")
    assert main([str(datei), "--probelauf"]) == 2
    err = capsys.readouterr().err
    assert "Zeile 2, Spalte 1: Byte 0x81 ist nicht lesbar" in err
    assert "Traceback" not in err
