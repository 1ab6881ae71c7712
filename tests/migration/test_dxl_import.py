"""Taking over the Notes catalogue from a DXL export (Domino XML)."""

from pathlib import Path
from plone import api
from stadtdo.sozialnetz.migration.datensatz import DateiFehler
from stadtdo.sozialnetz.migration.dxl_reader import dxl_datensaetze
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
import base64
import pytest


BEISPIEL = Path(__file__).parents[2] / "docs" / "notes-export-beispiel.dxl"
ALT = "7D3F1A2B9C4E5F60C1257A2B003F4E21"  # approved Antrag with attachments
NEU = "0F4E8D2C6B1A3957C1258C71004B2E10"  # its re-application
ABGELEHNT = "5B20AA02E1F34C58C1258697003C1D55"


def antrag(unid, *, konto="Konto", items=""):
    return f"""<document form='Antrag'>
<noteinfo noteid='1' unid='{unid}'>
<created><datetime>20200201T100000,00+01</datetime></created></noteinfo>
<item name='Fachbereich'><text>FB 10</text></item>
<item name='Plattform'><text>Instagram</text></item>
<item name='Art'><text>Profil</text></item>
<item name='Konto'><text>{konto}</text></item>
<item name='Status'><text>Genehmigt</text></item>
<item name='Genehmigt'><datetime>20200301</datetime></item>
{items}
</document>
"""


def datei(tmp_path, *dokumente, xmlns=" xmlns='http://www.lotus.com/dxl'"):
    pfad = tmp_path / "export.dxl"
    pfad.write_text(
        f"<?xml version='1.0' encoding='utf-8'?>\n<database{xmlns}>\n"
        + "".join(dokumente)
        + "</database>\n",
        encoding="utf-8",
    )
    return pfad


def datei_item(name, daten):
    return (
        f"<item name='$FILE'><object><file hosttype='msdos' name='{name}'>"
        f"<filedata>{daten}</filedata></file></object></item>"
    )


def _personen(antrag):
    return [obj for obj in antrag.objectValues() if obj.portal_type == "Person"]


@pytest.fixture
def beispiel(import_dxl):
    return import_dxl(BEISPIEL)


def test_sample_is_taken_over_completely(beispiel):
    assert [m.notes_id for m in beispiel.neu] == [ALT, NEU, ABGELEHNT]
    assert beispiel.abgelehnt == [] and beispiel.hinweise == []


@pytest.mark.parametrize(
    "unid,state", [(ALT, "genehmigt"), (NEU, "beteiligung"), (ABGELEHNT, "abgelehnt")]
)
def test_recorded_state(beispiel, by_notes_id, unid, state):
    assert api.content.get_state(by_notes_id(unid)) == state


def test_fields_and_votes(beispiel, by_notes_id):
    antrag = by_notes_id(ALT)
    assert (antrag.plattform, antrag.auftrittsart) == ("facebook", "seite")
    assert antrag.kontoname == "Stadt Dortmund Bürgerdienste"
    assert antrag.notes_antragsteller == "Petra Schulz"
    assert antrag.created().Date() == "2019/03/14"
    assert aktuelles_votum(antrag, "poa")["votum"] == "ja"
    assert aktuelles_votum(by_notes_id(NEU), "poa")["votum"] == "rueckfrage"


def test_persons_from_separate_documents_before_and_after(beispiel, by_notes_id):
    personen = _personen(by_notes_id(ALT))
    assert sorted(p.Title() for p in personen) == ["Petra Schulz", "Tom Meier"]
    assert [p.email for p in _personen(by_notes_id(ABGELEHNT))] == [
        "anna.nowak@stadtdo.de"
    ]


def test_persons_from_a_text_list(beispiel, by_notes_id):
    personen = _personen(by_notes_id(NEU))
    assert sorted(p.Title() for p in personen) == ["Deniz Yilmaz", "Petra Schulz"]


def test_attachments_become_anlagen_with_name_and_type(beispiel, by_notes_id):
    anlagen = {
        a.file.filename: a
        for a in by_notes_id(ALT).objectValues()
        if a.portal_type == "Anlage"
    }
    assert set(anlagen) == {"Konzept.pdf", "Moderationsregeln.txt"}
    assert anlagen["Konzept.pdf"].file.contentType == "application/pdf"
    assert anlagen["Konzept.pdf"].file.data.startswith(b"%PDF-1.4")
    # not a file type an Anlage may have: served as a plain download
    assert (
        anlagen["Moderationsregeln.txt"].file.contentType == "application/octet-stream"
    )
    assert "werktäglich".encode("cp1252") in anlagen["Moderationsregeln.txt"].file.data


def test_rich_text_becomes_safe_html(beispiel, by_notes_id):
    html = by_notes_id(ALT).begruendung.raw
    assert "über <strong>Öffnungszeiten</strong> und <em>Termine</em>.<br>" in html
    assert "Fragen &lt;per Nachricht&gt; werden &amp; bleiben" in html
    assert '<a href="https://www.dortmund.de/social-media">' in html
    assert "<td><p>Zielgruppe</p></td>" in html
    assert "<p>[Anlage: Konzept.pdf]</p>" in html


def test_markup_in_the_file_never_passes_through(tmp_path):
    richtext = (
        "<item name='Begruendung'><richtext><par>&lt;script&gt;alert(1)&lt;/script&gt;"
        "<script>alert(2)</script><img src='x' onerror='alert(3)'/>"
        "<urllink href='javascript:alert(4)'>Hier</urllink></par></richtext></item>"
    )
    (satz,) = dxl_datensaetze(datei(tmp_path, antrag("U1", items=richtext)))
    assert satz.begruendung_html == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;alert(2)Hier</p>"
    )


def test_notes_history_is_the_verlauf_note(beispiel, by_notes_id):
    eintrag = by_notes_id(ALT).workflow_history["sozialnetz_antrag_workflow"][-1]
    assert eintrag["action"] == "aus_notes_uebernommen"
    assert f"Notes-ID {ALT}" in eintrag["comments"]
    assert (
        "Notes-Verlauf: angelegt 14.03.2019 10:15; überarbeitet 14.03.2019 10:15, "
        "20.03.2019 09:05, 02.05.2019 14:30; zuletzt geändert 02.05.2019 14:30; "
        "bearbeitet von Petra Schulz, Jana Vogt"
    ) in eintrag["comments"]


def test_reapplication_is_linked_to_its_predecessor(beispiel, by_notes_id):
    alt, neu = by_notes_id(ALT), by_notes_id(NEU)
    assert neu.vorgaenger == api.content.get_uuid(alt)
    assert neu.antragsart == "erneuter_antrag"
    assert erneut.nachkommen(alt) == [neu]


def test_pending_reapplication_from_notes_shows_aenderung_beantragt(
    beispiel, by_notes_id
):
    """The example's re-application is still under review in Notes: the
    approved predecessor stays in force and says so."""
    alt, neu = by_notes_id(ALT), by_notes_id(NEU)
    assert api.content.get_state(alt) == "genehmigt"
    assert api.content.get_state(neu) == "beteiligung"
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=alt.UID())
    assert brain.aenderung_beantragt == neu.antragsnummer


def test_predecessor_later_in_the_file_is_linked(import_dxl, by_notes_id, tmp_path):
    vorgaenger = "<item name='Vorgaenger'><text>U1</text></item>"
    pfad = datei(tmp_path, antrag("U2", items=vorgaenger), antrag("U1"))
    assert len(import_dxl(pfad).neu) == 2
    assert by_notes_id("U2").vorgaenger == api.content.get_uuid(by_notes_id("U1"))


def test_missing_predecessor_is_a_hint(import_dxl, by_notes_id, tmp_path):
    vorgaenger = "<item name='Vorgaenger'><text>FEHLT</text></item>"
    pfad = datei(tmp_path, antrag("U2", items=vorgaenger))
    probe = import_dxl(pfad, probelauf=True)
    echt = import_dxl(pfad)
    assert probe.hinweise == echt.hinweise
    (hinweis,) = echt.hinweise
    assert "Vorgänger mit Notes-ID FEHLT ist weder in der Datei" in hinweis.text
    assert len(echt.neu) == 1 and by_notes_id("U2").vorgaenger is None


def test_broken_document_is_refused_and_the_rest_taken_over(
    import_dxl, by_notes_id, tmp_path
):
    kaputt = antrag(
        "U2",
        konto="",
        items=datei_item("a.pdf", "kein base64!")
        + "<item name='Genehmigt'><datetime>2020-13-45</datetime></item>",
    )
    pfad = datei(tmp_path, antrag("U1"), kaputt, antrag("U3"))
    ergebnis = import_dxl(pfad)
    assert [m.notes_id for m in ergebnis.neu] == ["U1", "U3"]
    (meldung,) = ergebnis.abgelehnt
    assert meldung.quelle == "Dokument 2 (Zeile 14)"
    assert "„Konto“ fehlt" in meldung.text
    assert "Anlage 'a.pdf': Dateidaten nicht lesbar" in meldung.text
    assert "„Genehmigt“ ist kein Datum: '2020-13-45'" in meldung.text
    assert (
        len(
            api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="Antrag"
            )
        )
        == 2
    )


def test_line_break_in_a_single_line_field_is_refused(import_dxl, tmp_path):
    pfad = datei(tmp_path, antrag("U1", konto="Zeile 1&#13;&#10;Bcc: x@example.org"))
    (meldung,) = import_dxl(pfad, probelauf=True).abgelehnt
    assert "„Konto“ enthält einen Zeilenumbruch" in meldung.text


def test_unknown_platform_state_and_vote(import_dxl, tmp_path):
    items = "<item name='VotumFB11'><text>vielleicht</text></item>"
    dokument = antrag("U1", items=items).replace("Genehmigt</text>", "Fertig</text>")
    (meldung,) = import_dxl(datei(tmp_path, dokument), probelauf=True).abgelehnt
    assert "unbekannter Status 'Fertig'" in meldung.text
    assert "Votum nicht lesbar: FB 11='vielleicht'" in meldung.text


def test_person_without_its_antrag_is_refused(import_dxl, tmp_path):
    person = (
        "<document form='Person'><noteinfo unid='P1'/>"
        "<item name='$REF'><text>GIBTESNICHT</text></item>"
        "<item name='Name'><text>Berg</text></item>"
        "<item name='Vorname'><text>Lea</text></item></document>\n"
    )
    ergebnis = import_dxl(datei(tmp_path, antrag("U1"), person))
    assert len(ergebnis.neu) == 1
    (meldung,) = ergebnis.abgelehnt
    assert "Person „Berg, Lea“ gehört zu keinem Antrag dieser Datei" in meldung.text


def test_duplicate_documents_are_refused(import_dxl, tmp_path):
    ergebnis = import_dxl(datei(tmp_path, antrag("U1"), antrag("U1", konto="B")))
    assert len(ergebnis.neu) == 1
    (meldung,) = ergebnis.abgelehnt
    assert "Notes-ID U1 steht doppelt in der Datei (zuerst Dokument 1" in meldung.text


def test_second_run_creates_nothing(beispiel, import_dxl):
    again = import_dxl(BEISPIEL)
    assert again.neu == [] and again.abgelehnt == []
    assert len(again.vorhanden) == 3
    assert (
        len(
            api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="Antrag"
            )
        )
        == 3
    )
    assert (
        len(
            api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="Anlage"
            )
        )
        == 2
    )


def test_dry_run_creates_nothing(import_dxl):
    ergebnis = import_dxl(BEISPIEL, probelauf=True)
    assert len(ergebnis.neu) == 3
    assert "wird angelegt: Notes-ID " + ALT in ergebnis.zusammenfassung()
    assert (
        len(
            api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="Antrag"
            )
        )
        == 0
    )


def test_export_without_namespace_is_read(tmp_path):
    (satz,) = dxl_datensaetze(datei(tmp_path, antrag("U1"), xmlns=""))
    assert (satz.notes_id, satz.konto) == ("U1", "Konto")


def test_not_wellformed_xml_is_refused_with_line_and_column(import_dxl, tmp_path):
    pfad = datei(tmp_path, antrag("U1"), antrag("U2").replace("</item>", "", 1))
    with pytest.raises(DateiFehler) as error:
        import_dxl(pfad)
    assert str(error.value).startswith("Zeile ")
    assert "kein gültiges XML" in str(error.value)
    assert (
        len(
            api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="Antrag"
            )
        )
        == 0
    )


def test_attachment_data_is_decoded_across_lines(tmp_path):
    daten = base64.encodebytes(b"x" * 200).decode()  # 76 characters a line
    (satz,) = dxl_datensaetze(
        datei(tmp_path, antrag("U1", items=datei_item("a.bin", daten)))
    )
    assert satz.anlagen[0].daten == b"x" * 200


def test_antrag_view_shows_rich_text_anlagen_and_history(beispiel, by_notes_id):
    antrag = by_notes_id(ALT)
    assert "<strong>Öffnungszeiten</strong>" in antrag.begruendung.output
    with api.env.adopt_user(username="mitarbeiter"):
        html = antrag.restrictedTraverse("@@view")()
    assert "<strong>Öffnungszeiten</strong>" in html
    assert "Konzept.pdf" in html
    assert "Notes-Verlauf: angelegt 14.03.2019 10:15" in html


def test_later_run_links_a_predecessor_that_came_late(
    import_dxl, by_notes_id, tmp_path
):
    vorgaenger = "<item name='Vorgaenger'><text>U1</text></item>"
    import_dxl(datei(tmp_path, antrag("U2", items=vorgaenger)))
    assert by_notes_id("U2").vorgaenger is None
    ergebnis = import_dxl(datei(tmp_path, antrag("U2", items=vorgaenger), antrag("U1")))
    assert [m.notes_id for m in ergebnis.vorhanden] == ["U2"]
    assert by_notes_id("U2").vorgaenger == api.content.get_uuid(by_notes_id("U1"))
