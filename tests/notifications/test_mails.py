"""Who receives which mail at each step (domain.md §5), through MockMailHost."""

from plone import api
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from stadtdo.sozialnetz.verfahren import schritte
from tests.notifications.conftest import addr
import logging


BODIES = ("agentur", "datenschutz", "personalrat", "poa", "itsicherheit")


def test_einreichen_goes_to_head_and_deputy(
    antrag_in, transition, mails, make_antrag, add_person
):
    antrag = make_antrag()
    add_person(antrag)
    mails.clear()
    transition(antrag, "einreichen", "mitarbeiter", "Bitte prüfen")
    assert mails.recipients("Bitte genehmigen") == addr("leitung", "stellvertretung")
    mail = next(m for m in mails.all() if "Bitte genehmigen" in m["Subject"])
    assert antrag.antragsnummer in mail["Subject"] and "Instagram" in mail["Subject"]
    body = mail.get_content()
    assert antrag.absolute_url() in body
    assert "Bitte prüfen" in body
    assert "automatisierte Mitteilung aus der Datenbank" in body


def test_einreichen_sends_the_bodies_a_notice_of_receipt(
    make_antrag, add_person, transition, mails
):
    """Anlage 1 Nr. 2: the bodies hear of a new Antrag when it is submitted,
    once per recipient, before their vote is due."""
    antrag = make_antrag()
    add_person(antrag)
    mails.clear()
    transition(antrag, "einreichen", "mitarbeiter")
    assert mails.recipients("Eingang eines neuen Antrags") == addr(*BODIES)
    receipts = [m["To"] for m in mails.all() if "Eingang" in m["Subject"]]
    assert len(receipts) == len(set(receipts)) == len(BODIES)
    body = next(m for m in mails.all() if "Eingang" in m["Subject"]).get_content()
    assert antrag.absolute_url() in body
    assert "sobald Ihr Votum fällig ist" in body


def test_no_notice_of_receipt_without_submission(make_antrag, add_person, mails):
    antrag = make_antrag()
    add_person(antrag)
    assert mails.recipients("Eingang") == []


def test_genehmigen_goes_to_agentur(antrag_in, transition, mails):
    antrag = antrag_in("genehmigung_fbl")
    mails.clear()
    transition(antrag, "genehmigen", "leitung")
    assert mails.recipients() == addr("agentur")


def test_zurueckweisen_goes_to_applicant_and_fb(antrag_in, transition, mails):
    antrag = antrag_in("genehmigung_fbl")
    mails.clear()
    transition(antrag, "zurueckweisen", "leitung", "Moderation fehlt")
    assert mails.recipients() == addr("mitarbeiter")
    assert "Moderation fehlt" in mails.all()[0].get_content()


def test_agentur_statement_informs_the_four_bodies_and_the_fb(antrag_in, vote, mails):
    antrag = antrag_in("stellungnahme_agentur")
    mails.clear()
    vote(antrag, "agentur", "agentur", "ja", "Beraten am 3.11.")
    assert mails.recipients("Beteiligungsverfahren") == addr(
        "datenschutz", "personalrat", "poa", "itsicherheit"
    )
    assert mails.recipients("Votum") == addr("mitarbeiter")


def test_every_vote_goes_to_applicant_and_fb_with_vote_table(antrag_in, vote, mails):
    antrag = antrag_in("beteiligung")
    mails.clear()
    vote(antrag, "datenschutz", "datenschutz", "nein", "Datenschutzerklärung fehlt")
    assert mails.recipients() == addr("mitarbeiter")
    body = mails.all()[0].get_content()
    assert "Kurzansicht der Voten" in body
    assert "Datenschutz:   Nein" in body
    assert "Datenschutzerklärung fehlt" in body


def test_rueckfrage_and_answer(antrag_in, vote, mails):
    antrag = antrag_in("beteiligung")
    mails.clear()
    vote(antrag, "personalrat", "personalrat", "rueckfrage", "Wer vertritt?")
    assert mails.subjects()[0].endswith("Rückfrage von Personalrat")
    mails.clear()
    with api.env.adopt_user(username="leitung"):
        schritte.rueckfrage_beantworten(
            antrag, gremium="personalrat", antwort="Frau B."
        )
    assert mails.recipients() == addr("mitarbeiter", "personalrat")


def test_genehmigt_informs_everyone_and_orders_unlocking(
    antrag_in, vote, mails, systemhaus
):
    antrag = antrag_in("beteiligung")
    vote(antrag, "poa", "poa", "ja")
    mails.clear()
    vote(antrag, "personalrat", "personalrat", "ja")
    assert mails.recipients("Antrag genehmigt") == addr(
        "mitarbeiter", "leitung", "stellvertretung", *BODIES
    )
    (order,) = [m for m in mails.all() if "Freischaltung" in m["Subject"]]
    assert order["To"] == systemhaus
    assert order["Reply-To"] == "poa@stadtdo.example"
    assert (
        "Mustermann, Erika, erika.mustermann@stadtdo.de (Redakteur*in)"
        in order.get_content()
    )
    assert "im Auftrag des Personal- und Organisationsamts" in order.get_content()
    (record,) = IMitteilungsstand(antrag).systemhaus_auftraege
    assert record["empfaenger"] == [systemhaus]
    assert record["personen"] == ["Mustermann, Erika <erika.mustermann@stadtdo.de>"]


def test_no_order_when_nobody_needs_unlocking(
    make_antrag, add_person, transition, vote, mails, systemhaus
):
    antrag = make_antrag()
    add_person(antrag, internetfreischaltung=False)
    transition(antrag, "einreichen", "mitarbeiter")
    transition(antrag, "genehmigen", "leitung")
    vote(antrag, "agentur", "agentur", "ja", "ok")
    vote(antrag, "poa", "poa", "ja")
    mails.clear()
    vote(antrag, "personalrat", "personalrat", "ja")
    assert systemhaus not in mails.recipients()
    assert (
        IMitteilungsstand(antrag).systemhaus_auftraege[0]["hinweis"]
        == "Keine Freischaltung erforderlich."
    )


def test_abgelehnt_informs_everyone_without_order(antrag_in, vote, mails, systemhaus):
    antrag = antrag_in("beteiligung")
    mails.clear()
    vote(antrag, "poa", "poa", "nein", "Nicht vertretbar", endgueltig=True)
    assert mails.recipients("Antrag abgelehnt") == addr(
        "mitarbeiter", "leitung", "stellvertretung", *BODIES
    )
    assert systemhaus not in mails.recipients()


def test_reapplication_goes_to_all_bodies_marked(antrag_in, transition, mails):

    antrag = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(antrag)
    mails.clear()
    transition(neu, "einreichen", "mitarbeiter")
    assert mails.recipients("Eingang eines erneuten Antrags") == addr(*BODIES)
    assert all("(erneuter Antrag)" in s for s in mails.subjects())
    body = next(m for m in mails.all() if "Eingang" in m["Subject"]).get_content()
    assert "bleibt in Kraft, bis dieser genehmigt ist" in body
    assert mails.recipients("Bitte genehmigen") == addr("leitung", "stellvertretung")


def test_body_without_address_is_logged_and_transition_succeeds(
    antrag_in, vote, mails, caplog
):
    antrag = antrag_in("beteiligung")
    with api.env.adopt_roles(["Manager"]):
        api.user.get(userid="poa").setMemberProperties({"email": ""})
    mails.clear()
    with caplog.at_level(logging.WARNING, logger="stadtdo.sozialnetz.notifications"):
        assert (
            vote(antrag, "personalrat", "personalrat", "nein", "Nein", endgueltig=True)
            == "abgelehnt"
        )
    assert "poa@stadtdo.example" not in mails.recipients()
    assert any("'poa'" in record.getMessage() for record in caplog.records)


def test_fallback_address_of_a_body(antrag_in, vote, mails):
    antrag = antrag_in("beteiligung")
    with api.env.adopt_roles(["Manager"]):
        api.user.get(userid="poa").setMemberProperties({"email": ""})
    api.portal.set_registry_record(
        "adresse_poa", "poa-postfach@stadtdo.example", interface=ISozialnetzSettings
    )
    mails.clear()
    vote(antrag, "personalrat", "personalrat", "nein", "Nein", endgueltig=True)
    assert "poa-postfach@stadtdo.example" in mails.recipients("Antrag abgelehnt")


def test_sender_is_the_database(antrag_in, transition, mails):
    antrag = antrag_in("genehmigung_fbl")
    mails.clear()
    transition(antrag, "genehmigen", "leitung")
    assert mails.all()[0]["From"].startswith("Datenbank Soziale Netzwerke <")
