"""What changed since the approved predecessor (Anlage 1 Nr. 3,
``verfahren.vergleich``): the bodies' „aktuelle Einschätzung“ starts from
the difference to what they approved."""

from datetime import date
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.vergleich import vergleich
import pytest


@pytest.fixture
def genehmigt(antrag_in):
    return antrag_in("genehmigt", mit_anlage=True)


def _erneut(antrag):
    with api.env.adopt_user(username="mitarbeiter"):
        return schritte.erneut_stellen(antrag)


def _personen(antrag):
    return [o for o in antrag.objectValues() if o.portal_type == "Person"]


def _felder(ergebnis):
    return {f.titel: (f.vorher, f.nachher) for f in ergebnis.felder}


def test_ohne_aenderung_keine_aenderungen(genehmigt):
    ergebnis = vergleich(_erneut(genehmigt))
    assert ergebnis.vorgaenger_nummer == genehmigt.antragsnummer
    assert ergebnis.keine_aenderungen
    assert ergebnis.als_dict()["keine_aenderungen"] is True


def test_neuantrag_hat_keinen_vergleich(genehmigt):
    assert vergleich(genehmigt) is None


def test_ohne_genehmigten_vorgaenger_kein_vergleich(antrag_in):
    zurueckgewiesen = antrag_in("zurueckgewiesen")
    assert vergleich(_erneut(zurueckgewiesen)) is None


def test_geaenderte_felder_mit_deutschen_titeln_lesbar(genehmigt):
    neu = _erneut(genehmigt)
    with api.env.adopt_user(username="mitarbeiter"):
        neu.kontoname = "@stadtdortmund_neu"
        neu.plattform = "facebook"
        neu.geplanter_start = date(2027, 3, 1)
        neu.pseudonym_moeglich = True
        neu.begruendung = RichTextValue(
            "<p>Neue <strong>Zielgruppe</strong></p>", "text/html", "text/x-html-safe"
        )
    felder = _felder(vergleich(neu, target_language="de"))
    assert felder == {
        "Soziales Netzwerk": ("Instagram", "Facebook"),
        "Name des Kontos": ("@stadtdortmund_buergerdienste", "@stadtdortmund_neu"),
        "Geplanter Start": ("(leer)", "01.03.2027"),
        "Plattform erlaubt pseudonyme Konten": ("Nein", "Ja"),
        "Begründung": ("(leer)", "Neue Zielgruppe"),
    }


def test_person_hinzugefuegt_und_entfernt(genehmigt, add_person):
    neu = _erneut(genehmigt)
    (erika,) = _personen(neu)
    with api.env.adopt_user(username="mitarbeiter"):
        api.content.delete(erika)
    add_person(
        neu,
        vorname="Hans",
        nachname="Meier",
        email="hans.meier@stadtdo.de",
        funktion="moderation",
    )
    ergebnis = vergleich(neu, target_language="de")
    assert [(e.name, e.angabe) for e in ergebnis.personen_hinzugefuegt] == [
        ("Hans Meier", "Moderator*in")
    ]
    assert [(e.name, e.angabe) for e in ergebnis.personen_entfernt] == [
        ("Erika Mustermann", "Redakteur*in")
    ]
    assert ergebnis.personen_geaendert == ()
    assert ergebnis.felder == ()


def test_person_geaendert_auch_mit_neuer_adresse(genehmigt):
    """The copy is matched by its key, not by its short name or e-mail: a
    corrected e-mail address is a change, not a new person."""
    neu = _erneut(genehmigt)
    (erika,) = _personen(neu)
    with api.env.adopt_user(username="mitarbeiter"):
        erika.email = "e.mustermann@stadtdo.de"
        erika.funktion = "administration"
        erika.taetigkeit_bis = date(2027, 12, 31)
    ergebnis = vergleich(neu, target_language="de")
    assert ergebnis.personen_hinzugefuegt == ()
    assert ergebnis.personen_entfernt == ()
    (person,) = ergebnis.personen_geaendert
    assert person.name == "Erika Mustermann"
    assert {f.titel: (f.vorher, f.nachher) for f in person.felder} == {
        "Dienstliche E-Mail-Adresse": (
            "erika.mustermann@stadtdo.de",
            "e.mustermann@stadtdo.de",
        ),
        "Funktion": ("Redakteur*in", "Administrator*in"),
        "Aufgabe wahrgenommen bis": ("(leer)", "31.12.2027"),
    }


def test_person_von_hand_neu_angelegt_ueber_adresse_erkannt(genehmigt, add_person):
    """A Person without a key (entered again by hand) is the same person if
    her official e-mail address is."""
    neu = _erneut(genehmigt)
    (erika,) = _personen(neu)
    with api.env.adopt_user(username="mitarbeiter"):
        api.content.delete(erika)
    add_person(neu, rechte_aufgaben="Nur noch Kommentare beantworten.")
    ergebnis = vergleich(neu, target_language="de")
    assert ergebnis.personen_hinzugefuegt == ergebnis.personen_entfernt == ()
    (person,) = ergebnis.personen_geaendert
    assert [f.titel for f in person.felder] == ["Konkrete Rechte und Aufgaben"]


def test_anlagen_hinzugefuegt_und_entfernt(genehmigt):
    neu = _erneut(genehmigt)
    (alte,) = [o for o in neu.objectValues() if o.portal_type == "Anlage"]
    with api.env.adopt_user(username="mitarbeiter"):
        api.content.delete(alte)
        createContentInContainer(
            neu,
            "Anlage",
            title="Redaktionsplan",
            file=NamedBlobFile(b"%PDF-1.4 Plan 2027", filename="plan.pdf"),
        )
    ergebnis = vergleich(neu, target_language="de")
    assert [(e.name, e.angabe) for e in ergebnis.anlagen_hinzugefuegt] == [
        ("Redaktionsplan", "plan.pdf")
    ]
    assert [(e.name, e.angabe) for e in ergebnis.anlagen_entfernt] == [
        ("Konzept", "konzept.pdf")
    ]


def test_nach_genehmigung_bleibt_der_abgeloeste_der_vergleich(
    genehmigt, transition, vote
):
    """Approved, the re-application archives its predecessor: the comparison
    is still with it."""
    neu = _erneut(genehmigt)
    with api.env.adopt_user(username="mitarbeiter"):
        neu.kontoname = "@stadtdortmund_neu"
    transition(neu, "einreichen", "mitarbeiter")
    transition(neu, "genehmigen", "leitung")
    vote(neu, "agentur", "agentur", "ja", "ok")
    vote(neu, "poa", "poa", "ja")
    vote(neu, "personalrat", "personalrat", "ja")
    assert api.content.get_state(genehmigt) == "archiviert"
    ergebnis = vergleich(neu, target_language="de")
    assert ergebnis.vorgaenger_nummer == genehmigt.antragsnummer
    assert [f.feld for f in ergebnis.felder] == ["kontoname"]


def test_ueber_einen_zurueckgewiesenen_zum_genehmigten(genehmigt, transition):
    """A re-application of a sent-back re-application is compared with the
    approved Antrag above both, its Persons matched through both copies."""
    zweiter = _erneut(genehmigt)
    transition(zweiter, "einreichen", "mitarbeiter")
    transition(zweiter, "zurueckweisen", "leitung", "Bitte überarbeiten.")
    dritter = _erneut(zweiter)
    (erika,) = _personen(dritter)
    with api.env.adopt_user(username="mitarbeiter"):
        erika.funktion = "administration"
    ergebnis = vergleich(dritter, target_language="de")
    assert ergebnis.vorgaenger_nummer == genehmigt.antragsnummer
    assert [p.name for p in ergebnis.personen_geaendert] == ["Erika Mustermann"]
    assert ergebnis.personen_hinzugefuegt == ergebnis.personen_entfernt == ()
