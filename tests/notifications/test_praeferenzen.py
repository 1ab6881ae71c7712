"""Notification preferences (issue 13 item 4): a reviewer chooses per body
between every mail at once and one daily overview of what waits."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.datenschutz.verzeichnis import zeilen
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.notifications import praeferenzen
from stadtdo.sozialnetz.notifications import tagesuebersicht
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from tests.notifications.conftest import addr
import pytest


BODIES = ("agentur", "datenschutz", "personalrat", "poa", "itsicherheit")


def _run(today=None, **kw):
    """As cron does: the daily job as the Zope administrator."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return run_jobs(today=today or date.today(), **kw)


def _uebersichten(result):
    return [e for e in result if e["art"] == "tagesuebersicht"]


@pytest.fixture
def datenschutz2(portal):
    """A second member of the Datenschutz body."""
    api.user.create(
        email="datenschutz2@stadtdo.example",
        username="datenschutz2",
        password="geheim-geheim-1",
    )
    api.group.add_user(groupname="sn-datenschutz", username="datenschutz2")
    return "datenschutz2"


def test_default_is_every_mail_at_once(portal, antrag_in, mails):
    assert praeferenzen.praeferenzen("datenschutz") == {"datenschutz": "sofort"}
    assert praeferenzen.praeferenzen("mitarbeiter") == {}
    antrag_in("genehmigung_fbl")
    assert mails.recipients("Eingang eines neuen Antrags") == addr(*BODIES)


def test_daily_suppresses_the_task_mails_for_that_user_only(
    portal, antrag_in, transition, vote, mails, datenschutz2
):
    praeferenzen.setzen("datenschutz", {"datenschutz": "taeglich"})
    antrag = antrag_in("genehmigung_fbl")
    # notice of receipt: the other member and the other bodies still get it
    assert mails.recipients("Eingang eines neuen Antrags") == addr(
        "agentur", "datenschutz2", "itsicherheit", "personalrat", "poa"
    )
    mails.clear()
    transition(antrag, "genehmigen", "leitung")
    vote(antrag, "agentur", "agentur", "ja", "Beratung erfolgt.")
    # vote due: not to the member with the overview
    assert mails.recipients("Neuer Antrag im Beteiligungsverfahren") == addr(
        "datenschutz2", "itsicherheit", "personalrat", "poa"
    )
    # the answer to the body's Rückfrage announces its vote again
    vote(antrag, "datenschutz2", "datenschutz", "rueckfrage", "Welche Daten?")
    mails.clear()
    from stadtdo.sozialnetz.verfahren import schritte

    with api.env.adopt_user(username="mitarbeiter"):
        schritte.rueckfrage_beantworten(
            antrag, gremium="datenschutz", antwort="Nur Kommentare."
        )
    empfaenger = mails.recipients("Antwort auf die Rückfrage")
    assert "datenschutz2@stadtdo.example" in empfaenger
    assert "datenschutz@stadtdo.example" not in empfaenger
    # the decision goes to everyone at once
    mails.clear()
    vote(antrag, "poa", "poa", "ja")
    vote(antrag, "personalrat", "personalrat", "ja")
    assert "datenschutz@stadtdo.example" in mails.recipients("Antrag genehmigt")


def test_no_fallback_address_when_every_member_chose_daily(portal, antrag_in, mails):
    api.portal.set_registry_record(
        "adresse_datenschutz", "dsb@stadtdo.example", interface=ISozialnetzSettings
    )
    praeferenzen.setzen("datenschutz", {"datenschutz": "taeglich"})
    antrag_in("genehmigung_fbl")
    empfaenger = mails.recipients("Eingang")
    assert "dsb@stadtdo.example" not in empfaenger
    assert "datenschutz@stadtdo.example" not in empfaenger


def test_wrong_settings_are_refused_in_german(portal):
    with pytest.raises(AktionAbgelehnt, match="Unbekanntes Gremium"):
        praeferenzen.setzen("datenschutz", {"fbl": "taeglich"})
    with pytest.raises(AktionAbgelehnt, match="nicht an"):
        praeferenzen.setzen("datenschutz", {"personalrat": "taeglich"})
    with pytest.raises(AktionAbgelehnt, match="Unbekannte Einstellung"):
        praeferenzen.setzen("datenschutz", {"datenschutz": "woechentlich"})
    assert praeferenzen.praeferenzen("datenschutz") == {"datenschutz": "sofort"}


def test_digest_lists_what_waits(portal, antrag_in, mails, datenschutz2):
    praeferenzen.setzen("datenschutz", {"datenschutz": "taeglich"})
    antrag = antrag_in("beteiligung")
    mails.clear()
    result = _run()
    (eintrag,) = _uebersichten(result)
    assert eintrag["empfaenger"] == ["datenschutz@stadtdo.example"]
    (mail,) = mails.all()
    assert mail["To"] == "datenschutz@stadtdo.example"
    assert "Tägliche Übersicht" in mail["Subject"]
    body = mail.get_content()
    assert "== Datenschutzbeauftragte*r ==" in body
    assert "Ihr Votum ist fällig (1):" in body
    assert (
        f"Antrag {antrag.antragsnummer}: Instagram @stadtdortmund_buergerdienste"
        in (body)
    )
    assert "Fachbereich: " + antrag.aq_parent.Title() in body
    assert f"Votum fällig seit {date.today():%d.%m.%Y}, Frist " in body
    assert antrag.absolute_url() in body
    assert "@@benachrichtigungen" in body


def test_digest_once_a_day_even_if_the_job_runs_twice(portal, antrag_in, mails):
    praeferenzen.setzen("datenschutz", {"datenschutz": "taeglich"})
    antrag_in("beteiligung")
    mails.clear()
    assert len(_uebersichten(_run())) == 1
    assert _uebersichten(_run()) == []
    assert len(mails.all()) == 1
    # the next day it waits still: the next overview
    morgen = date.today() + timedelta(days=1)
    assert len(_uebersichten(_run(morgen))) == 1


def test_nothing_waiting_no_digest(portal, antrag_in, mails):
    praeferenzen.setzen("datenschutz", {"datenschutz": "taeglich"})
    antrag_in("genehmigt")
    mails.clear()
    assert _uebersichten(_run()) == []
    assert mails.all() == []
    # and nothing recorded: a task later that day still gets its overview
    assert praeferenzen.letzte_uebersicht("datenschutz") == (None, None)


def test_new_submission_listed_once(portal, antrag_in, mails):
    praeferenzen.setzen("datenschutz", {"datenschutz": "taeglich"})
    antrag = antrag_in("genehmigung_fbl")
    mails.clear()
    (eintrag,) = _uebersichten(_run())
    assert "Neu eingegangen, Ihr Votum wird später fällig (1):" in eintrag["text"]
    assert f"Antrag {antrag.antragsnummer}" in eintrag["text"]
    assert f"eingereicht am {date.today():%d.%m.%Y}" in eintrag["text"]
    # not new any more the next day, and no vote due yet: no overview
    assert _uebersichten(_run(date.today() + timedelta(days=1))) == []


def test_preview_sends_and_records_nothing(portal, antrag_in, mails):
    praeferenzen.setzen("datenschutz", {"datenschutz": "taeglich"})
    antrag_in("beteiligung")
    mails.clear()
    assert len(_uebersichten(_run(dry_run=True))) == 1
    assert mails.all() == []
    assert len(_uebersichten(_run())) == 1


def test_failure_for_one_user_does_not_stop_the_others(
    portal, antrag_in, mails, datenschutz2, monkeypatch
):
    praeferenzen.setzen("datenschutz", {"datenschutz": "taeglich"})
    praeferenzen.setzen("datenschutz2", {"datenschutz": "taeglich"})
    antrag_in("beteiligung")
    mails.clear()
    echt = tagesuebersicht.user_email

    def kaputt(userid):
        if userid == "datenschutz":
            raise RuntimeError("Verzeichnisdienst nicht erreichbar")
        return echt(userid)

    monkeypatch.setattr(tagesuebersicht, "user_email", kaputt)
    result = _run()
    (fehler,) = [e for e in result if e["art"] == "fehler"]
    assert fehler["job"] == "tagesuebersicht"
    assert "datenschutz" not in fehler["pfad"] + fehler["antragsnummer"]
    assert [e["empfaenger"] for e in _uebersichten(result)] == [
        ["datenschutz2@stadtdo.example"]
    ]
    assert mails.recipients("Tägliche Übersicht") == ["datenschutz2@stadtdo.example"]
    # rolled back: the failed user's overview is tried again on the next run
    assert praeferenzen.letzte_uebersicht("datenschutz") == (None, None)
    monkeypatch.setattr(tagesuebersicht, "user_email", echt)
    assert [e["empfaenger"] for e in _uebersichten(_run())] == [
        ["datenschutz@stadtdo.example"]
    ]


def test_deleted_user_leaves_nothing_behind(portal, antrag_in, mails, datenschutz2):
    praeferenzen.setzen("datenschutz2", {"datenschutz": "taeglich"})
    antrag_in("beteiligung")
    _run()
    assert praeferenzen.letzte_uebersicht("datenschutz2")[0] is not None
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username="datenschutz2")
    assert praeferenzen.alle_mit_uebersicht() == []
    assert praeferenzen.letzte_uebersicht("datenschutz2") == (None, None)


def test_leaving_the_body_drops_its_preference(portal, datenschutz2):
    praeferenzen.setzen("datenschutz2", {"datenschutz": "taeglich"})
    api.group.remove_user(groupname="sn-datenschutz", username="datenschutz2")
    assert praeferenzen.alle_mit_uebersicht() == []
    assert praeferenzen.praeferenzen("datenschutz2") == {}


def test_back_to_at_once_stores_nothing(portal):
    praeferenzen.setzen("datenschutz", {"datenschutz": "taeglich"})
    assert praeferenzen.alle_mit_uebersicht() == ["datenschutz"]
    praeferenzen.setzen("datenschutz", {"datenschutz": "sofort"})
    assert praeferenzen.alle_mit_uebersicht() == []


def test_verarbeitungsverzeichnis_documents_the_preferences(portal):
    felder = {z["feld"]: z for z in zeilen()}
    for feld in ("benachrichtigung.praeferenzen", "benachrichtigung.versand"):
        assert felder[feld]["zweck"] != "Zweck nicht dokumentiert"
        assert felder[feld]["grundlage"] and felder[feld]["leser"]
        assert felder[feld]["loeschung"].startswith("Gelöscht mit dem Benutzerkonto")


def test_art_15_report_names_the_preferences(portal, antrag_in, mails):
    from stadtdo.sozialnetz.datenschutz.auskunft import auskunft
    from stadtdo.sozialnetz.datenschutz.auskunft import csv_zeilen

    praeferenzen.setzen("datenschutz", {"datenschutz": "taeglich"})
    antrag_in("beteiligung")
    _run()
    bericht = auskunft(portal["soziale-netzwerke"], "datenschutz")
    konto = bericht["benutzerkonto"]
    assert konto["benachrichtigungen"] == {"datenschutz": "taeglich"}
    assert konto["letzte_tagesuebersicht"].startswith(date.today().isoformat()[:4])
    assert any(z[0] == "Benachrichtigungen" for z in csv_zeilen(bericht))
