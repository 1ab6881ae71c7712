"""No body cut off (issue 23 item 1, domain.md §4; Anlage 1 Nr. 3): a body
that has not voted when the process ends records its assessment afterwards
(„nach Abschluss“, with date) – through the process layer, REST and the
page; a late „Nein“ goes to POA, Personalrat and the FB; once the process
has ended the Kurzansicht says „kein Votum“ instead of „offen“; while an
open Rückfrage holds back the decision, everyone is told why."""

from plone import api
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.pruefung import abweichungen
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from tests.notifications.conftest import addr
from tests.notifications.conftest import mails  # noqa: F401 (fixture)
from zExceptions import Unauthorized
import pytest


def _antworten(antrag, gremium="datenschutz"):
    with api.env.adopt_user(username="mitarbeiter"):
        schritte.rueckfrage_beantworten(
            antrag, gremium=gremium, antwort="Das Team Online moderiert."
        )


def _zeile(antrag, gremium):
    return next(r for r in workflow.kurzansicht(antrag) if r["gremium"] == gremium)


def _verlauf(antrag):
    return [dict(e) for e in antrag.workflow_history[WORKFLOW]]


def test_kurzansicht_says_kein_votum_once_the_process_has_ended(
    genehmigt_mit_rueckfrage,
):
    # the vote as recorded stays (the record), the table shows „kein Votum“
    for gremium, aufgezeichnet in (
        ("datenschutz", "rueckfrage"),
        ("itsicherheit", "offen"),
    ):
        zeile = _zeile(genehmigt_mit_rueckfrage, gremium)
        assert (zeile["votum"], zeile["anzeige"]) == (aufgezeichnet, "kein_votum")
        assert zeile["votum_titel"] == "kein Votum"
    assert _zeile(genehmigt_mit_rueckfrage, "poa")["votum_titel"] == "Ja"


def test_while_under_review_an_open_vote_is_still_offen(antrag_in):
    antrag = antrag_in("beteiligung")
    assert _zeile(antrag, "itsicherheit")["votum_titel"] == "offen"


def test_the_approval_mail_says_kein_votum(antrag_in, vote, mails):  # noqa: F811
    antrag = antrag_in("beteiligung")
    vote(antrag, "poa", "poa", "ja")
    mails.clear()
    vote(antrag, "personalrat", "personalrat", "ja")
    mail = next(m for m in mails.all() if "Antrag genehmigt" in m["Subject"])
    tabelle = mail.get_content().split("Kurzansicht der Voten:")[1]
    assert tabelle.count("kein Votum") == 2  # Datenschutz, IT-Sicherheit
    assert "offen" not in tabelle


@pytest.mark.parametrize("gremium", ["datenschutz", "itsicherheit"])
def test_a_body_without_vote_records_its_assessment_after_the_end(
    genehmigt_mit_rueckfrage, vote, gremium
):
    antrag = genehmigt_mit_rueckfrage
    assert vote(antrag, gremium, gremium, "ja", "Keine Bedenken.") == "genehmigt"
    eintrag = _verlauf(antrag)[-1]
    assert eintrag["action"] == workflow.NACHTRAG
    assert (eintrag["gremium"], eintrag["votum"], eintrag["actor"]) == (
        gremium,
        "ja",
        gremium,
    )
    zeile = _zeile(antrag, gremium)
    assert (zeile["votum"], zeile["nach_abschluss"]) == ("ja", True)
    assert zeile["zeit"]
    assert abweichungen(antrag) == []
    # once: the assessment is recorded, the body has voted
    with pytest.raises(AktionAbgelehnt, match="bereits abgestimmt"):
        vote(antrag, gremium, gremium, "nein", "Doch nicht.")


def test_after_the_end_only_ja_or_nein(genehmigt_mit_rueckfrage, vote):
    antrag = genehmigt_mit_rueckfrage
    vorher = _verlauf(antrag)
    for votum in ("rueckfrage", "in_bearbeitung"):
        with pytest.raises(AktionAbgelehnt, match="nur noch seine Einschätzung"):
            vote(antrag, "itsicherheit", "itsicherheit", votum, "Welche Geräte?")
    assert _verlauf(antrag) == vorher


def test_a_late_nein_needs_a_reason_and_is_never_final(genehmigt_mit_rueckfrage):
    antrag = genehmigt_mit_rueckfrage
    with api.env.adopt_user(username="datenschutz"):
        with pytest.raises(AktionAbgelehnt, match="begründen"):
            schritte.votum(antrag, gremium="datenschutz", votum="nein")
        eintrag = schritte.votum(
            antrag,
            gremium="datenschutz",
            votum="nein",
            kommentar="Moderation ungeklärt.",
            endgueltig=True,
        )
    assert eintrag["endgueltig"] is False
    assert api.content.get_state(antrag) == "genehmigt"


def test_a_rejected_antrag_takes_the_assessment_of_the_poa(antrag_in, vote):
    antrag = antrag_in("abgelehnt")  # Personalrat: final Nein; POA: no vote
    assert vote(antrag, "poa", "poa", "nein", "Ebenfalls nicht.") == "abgelehnt"
    assert _verlauf(antrag)[-1]["action"] == workflow.NACHTRAG
    with pytest.raises(AktionAbgelehnt, match="bereits abgestimmt"):
        vote(antrag, "personalrat", "personalrat", "ja")


def test_the_agency_and_others_are_refused(genehmigt_mit_rueckfrage, vote):
    antrag = genehmigt_mit_rueckfrage
    vorher = _verlauf(antrag)
    with pytest.raises(AktionAbgelehnt, match="nicht vorgesehen"):
        vote(antrag, "agentur", "agentur", "ja")
    for userid in ("mitarbeiter", "leitung", "poa", "agentur"):
        with pytest.raises(Unauthorized):
            vote(antrag, userid, "itsicherheit", "ja")
    assert _verlauf(antrag) == vorher


def test_a_closed_or_superseded_antrag_takes_no_assessment(antrag_in, vote):
    antrag = antrag_in("eingestellt")
    with pytest.raises(AktionAbgelehnt, match="nicht vorgesehen"):
        vote(antrag, "itsicherheit", "itsicherheit", "ja")


def test_the_process_offers_the_late_assessment_only_to_the_body(
    genehmigt_mit_rueckfrage,
):
    antrag = genehmigt_mit_rueckfrage
    for userid, erwartet in (
        ("itsicherheit", [("votum", "itsicherheit")]),
        ("datenschutz", [("votum", "datenschutz")]),
        ("poa", []),
        ("personalrat", []),
        ("agentur", []),
    ):
        with api.env.adopt_user(username=userid):
            moeglich = [
                (m.schritt, m.gremium)
                for m in schritte.moegliche_schritte(antrag)
                if m.schritt == "votum"
            ]
        assert moeglich == erwartet, userid


def test_the_ended_process_stays_out_of_open_states(integration):
    assert "genehmigt" not in workflow.offene_zustaende()
    assert "abgelehnt" not in workflow.offene_zustaende()
    assert set(workflow.zustaende_mit(workflow.NACHTRAG)) == {
        "genehmigt",
        "abgelehnt",
    }


def test_a_late_nein_is_mailed_to_poa_personalrat_and_the_fb(
    genehmigt_mit_rueckfrage,
    vote,
    mails,  # noqa: F811
):
    mails.clear()
    vote(
        genehmigt_mit_rueckfrage,
        "itsicherheit",
        "itsicherheit",
        "nein",
        "Private Geräte sind nicht zugelassen.",
    )
    empfaenger = set(mails.recipients("nach Abschluss"))
    assert set(addr("poa", "personalrat", "mitarbeiter", "leitung")) <= empfaenger
    assert "itsicherheit@stadtdo.example" not in empfaenger
    mail = next(m for m in mails.all() if "nach Abschluss" in m["Subject"])
    body = mail.get_content()
    assert "nach Abschluss des Verfahrens" in body
    assert "Private Geräte sind nicht zugelassen." in body
    assert "Die Entscheidung über den Antrag bleibt bestehen" in body


def test_a_late_ja_goes_to_the_fb_only(genehmigt_mit_rueckfrage, vote, mails):  # noqa: F811
    mails.clear()
    vote(genehmigt_mit_rueckfrage, "itsicherheit", "itsicherheit", "ja")
    assert not [m for m in mails.all() if "nach Abschluss" in m["Subject"]]
    for mail in mails.all():
        assert "poa@stadtdo.example" not in mail["To"]
