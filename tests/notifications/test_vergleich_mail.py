"""The notice of receipt of a re-application lists, in plain text, what
changed since the approved predecessor (Anlage 1 Nr. 3, ``verfahren.vergleich``)."""

from plone import api
from stadtdo.sozialnetz.verfahren import schritte
import pytest


@pytest.fixture
def genehmigt(antrag_in):
    return antrag_in("genehmigt")


def _eingang(mails):
    (mail,) = {
        m["Subject"]: m for m in mails.all() if "Eingang" in m["Subject"]
    }.values()
    return mail.get_content().replace("\r\n", "\n")


def _erneut(antrag):
    with api.env.adopt_user(username="mitarbeiter"):
        return schritte.erneut_stellen(antrag)


def test_eingang_nennt_die_aenderungen(genehmigt, add_person, transition, mails):
    neu = _erneut(genehmigt)
    (erika,) = [o for o in neu.objectValues() if o.portal_type == "Person"]
    with api.env.adopt_user(username="mitarbeiter"):
        neu.kontoname = "@stadtdortmund_neu"
        erika.funktion = "administration"
    add_person(
        neu,
        vorname="Hans",
        nachname="Meier",
        email="hans.meier@stadtdo.de",
        funktion="moderation",
    )
    mails.clear()
    transition(neu, "einreichen", "mitarbeiter")
    body = _eingang(mails)
    assert "Hinweis: Es handelt sich um einen erneuten Antrag!" in body
    nummer = genehmigt.antragsnummer
    assert (
        f"Änderungen gegenüber dem genehmigten Antrag {nummer}:\n"
        "  Angaben des Antrags:\n"
        "    Name des Kontos:\n"
        "      bisher: @stadtdortmund_buergerdienste\n"
        "      jetzt:  @stadtdortmund_neu\n"
        "  Personen hinzugefügt:\n"
        "    - Hans Meier (Moderator*in)\n"
        "  Personen geändert:\n"
        "    - Erika Mustermann:\n"
        "        Funktion:\n"
        "          bisher: Redakteur*in\n"
        "          jetzt:  Administrator*in\n"
    ) in body


def test_eingang_ohne_aenderung_sagt_keine(genehmigt, transition, mails):
    neu = _erneut(genehmigt)
    mails.clear()
    transition(neu, "einreichen", "mitarbeiter")
    body = _eingang(mails)
    assert (
        f"Änderungen gegenüber dem genehmigten Antrag {genehmigt.antragsnummer}: "
        "keine Änderungen." in body
    )


def test_neuantrag_ohne_aenderungsliste(antrag_in, mails):
    mails.clear()
    antrag_in("genehmigung_fbl")
    assert "Änderungen gegenüber" not in _eingang(mails)
