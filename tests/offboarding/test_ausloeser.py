"""The three triggers of „Verantwortung klären“ (issue 13, offboarding): the
task ends, the user is deleted, the user leaves the department's groups –
each through every door – flag the approved Antrag and mail the head once."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.rechte import konten
from stadtdo.sozialnetz.rechte.mitglieder import mitgliedschaft_aendern
from stadtdo.sozialnetz.verfahren import verantwortung
from tests.notifications.conftest import addr
from tests.offboarding.conftest import brain
from tests.offboarding.conftest import RITA
from tests.offboarding.conftest import verantwortung_mails
from zExceptions import Forbidden
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
import pytest


def _run(today):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return run_jobs(today=today)


def _gruende(antrag):
    return [(e["person"], e["grund"]) for e in verantwortung.offene(antrag)]


def _eine_mail_an_die_leitung(mails, antrag):
    gesendet = verantwortung_mails(mails)
    assert sorted(m["To"] for m in gesendet) == addr("leitung", "stellvertretung")
    text = gesendet[0].get_content()
    assert antrag.antragsnummer in gesendet[0]["Subject"]
    assert "Rita Redakteurin" in text
    assert "Erika Mustermann" not in text
    assert "„Verantwortung übertragen“" in text
    assert antrag.absolute_url() in text
    assert "Was ist zu tun?" in text
    return text


# (a) the task ends


def test_daily_job_flags_on_the_day_the_task_ends_and_mails_once(konto, mails):
    ende = date.today() + timedelta(days=10)
    antrag = konto(taetigkeit_bis=ende)
    mails.clear()
    am_vortag = _run(ende - timedelta(days=1))
    assert [e for e in am_vortag if e["art"] == "verantwortung"] == []
    assert not verantwortung.ist_markiert(antrag)

    erledigt = _run(ende)
    (eintrag,) = [e for e in erledigt if e["art"] == "verantwortung"]
    assert eintrag["antragsnummer"] == antrag.antragsnummer
    assert _gruende(antrag) == [("person-1", "aufgabe_beendet")]
    assert brain(antrag).verantwortung_klaeren is True
    text = _eine_mail_an_die_leitung(mails, antrag)
    assert f"Die Aufgabe endete am {ende:%d.%m.%Y}." in text

    # the job running again (the same day, the next day) mails nobody
    assert [e for e in _run(ende) if e["art"] == "verantwortung"] == []
    assert [
        e for e in _run(ende + timedelta(days=1)) if e["art"] == "verantwortung"
    ] == []
    assert len(verantwortung_mails(mails)) == 2
    assert _gruende(antrag) == [("person-1", "aufgabe_beendet")]


def test_the_dry_run_records_and_sends_nothing(konto, mails):
    ende = date.today() + timedelta(days=3)
    antrag = konto(taetigkeit_bis=ende)
    mails.clear()
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        vorschau = run_jobs(today=ende, dry_run=True)
    assert [e["art"] for e in vorschau].count("verantwortung") == 1
    assert verantwortung_mails(mails) == []
    assert not verantwortung.ist_markiert(antrag)


def test_an_end_date_cannot_be_entered_on_an_approved_antrag(konto, mails):
    """The Person of an approved Antrag is frozen, even for a Manager: a
    changed end date is refused at the data layer, nothing is flagged; the
    department re-applies instead (verfahren.einfrieren)."""

    antrag = konto()
    mails.clear()
    person = antrag["person-1"]
    person.taetigkeit_bis = date.today() - timedelta(days=1)
    with (
        api.env.adopt_roles(["Manager"]),
        pytest.raises(Forbidden, match="eingefroren"),
    ):
        notify(ObjectModifiedEvent(person))
    assert verantwortung.eintraege(antrag) == []
    assert verantwortung_mails(mails) == []


def test_an_antrag_not_yet_approved_is_not_flagged(konto, mails):
    ende = date.today() + timedelta(days=2)
    antrag = konto(state="beteiligung", taetigkeit_bis=ende)
    mails.clear()
    _run(ende)
    assert verantwortung.eintraege(antrag) == []
    assert verantwortung_mails(mails) == []


# (b) the user is deleted


def test_user_deleted_with_plone_api(konto, mails):
    antrag = konto()
    mails.clear()
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username=RITA)
    assert ("person-1", "benutzer_geloescht") in _gruende(antrag)
    assert brain(antrag).verantwortung_klaeren is True
    text = _eine_mail_an_die_leitung(mails, antrag)
    assert "aus dem Portal entfernt" in text


def test_deleting_a_user_not_named_flags_nothing(konto, mails):
    antrag = konto()
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="andere", email="andere@stadtdo.example", password="x-12345678"
        )
        api.user.delete(username="andere")
    assert verantwortung.eintraege(antrag) == []


def test_the_link_counts_not_the_accounts_email(konto, mails):
    """Issue 20: Rita's account with another address is still her Person's
    account; an account that takes Erika's address is not Erika's."""
    antrag = konto()
    with api.env.adopt_roles(["Manager"]):
        api.user.get(userid=RITA).setMemberProperties({"email": "neu@stadtdo.example"})
        api.user.create(
            username="nachahmer",
            email="erika.mustermann@stadtdo.de",
            password="x-12345678a",
        )
        api.user.delete(username="nachahmer")
        api.user.delete(username=RITA)
    assert _gruende(antrag) == [("person-1", "benutzer_geloescht")]


def test_a_person_not_linked_is_not_flagged_by_an_account_with_its_address(
    konto, mails
):
    antrag = konto()
    with api.env.adopt_user(username="sta11"):
        konten.verknuepfen(antrag["person-1"], None)  # StA 11 removes the link
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username=RITA)  # her account still has the address
    assert verantwortung.eintraege(antrag) == []


# (c) the user leaves the department's groups


def test_removed_from_the_group_by_sta11(konto, mails, datenbank):
    """The rights page and ``@rechte-mitglieder`` call this (over HTTP:
    test_ausloeser_rest.py)."""
    antrag = konto()
    mails.clear()
    with api.env.adopt_user(username="sta11"):
        mitgliedschaft_aendern(
            datenbank, gruppe="fb-10-mitarbeiter", benutzer=RITA, mitglied=False
        )
    assert _gruende(antrag) == [("person-1", "gruppe_verlassen")]
    text = _eine_mail_an_die_leitung(mails, antrag)
    assert "keiner Gruppe des Fachbereichs mehr an" in text


def test_still_in_another_group_of_the_department_is_not_leaving(konto, mails):
    antrag = konto()
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="fb-10-datenschutzfachkraft", username=RITA)
        api.group.remove_user(groupname="fb-10-mitarbeiter", username=RITA)
    assert verantwortung.eintraege(antrag) == []


def test_leaving_another_department_flags_nothing_here(konto, mails):
    antrag = konto()
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="fb-50-mitarbeiter", username=RITA)
        api.group.remove_user(groupname="fb-50-mitarbeiter", username=RITA)
    assert verantwortung.eintraege(antrag) == []


def test_back_in_the_group_clears_the_flag(konto, mails):
    antrag = konto()
    with api.env.adopt_roles(["Manager"]):
        api.group.remove_user(groupname="fb-10-mitarbeiter", username=RITA)
    assert verantwortung.ist_markiert(antrag)
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="fb-10-mitarbeiter", username=RITA)
    assert not verantwortung.ist_markiert(antrag)
    assert brain(antrag).verantwortung_klaeren is False
    (eintrag,) = verantwortung.eintraege(antrag)
    assert eintrag["erledigt"]["wie"] == "wieder_im_fachbereich"


# Two triggers the same day


def test_two_triggers_for_the_same_person_mail_once(konto, mails):
    antrag = konto()
    mails.clear()
    with api.env.adopt_roles(["Manager"]):
        api.group.remove_user(groupname="fb-10-mitarbeiter", username=RITA)
        api.user.delete(username=RITA)
    assert _gruende(antrag) == [
        ("person-1", "gruppe_verlassen"),
        ("person-1", "benutzer_geloescht"),
    ]
    assert len(verantwortung_mails(mails)) == 2  # head and deputy, once each


def test_upgrade_to_1001_adds_index_and_column(konto):
    antrag = konto()
    with api.env.adopt_roles(["Manager"]):
        api.group.remove_user(groupname="fb-10-mitarbeiter", username=RITA)
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("verantwortung_klaeren")
    catalog.delColumn("verantwortung_klaeren")
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile("stadtdo.sozialnetz:default", "1000")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile("stadtdo.sozialnetz:default")
    assert brain(antrag).verantwortung_klaeren is True
    (gefunden,) = catalog.unrestrictedSearchResults(verantwortung_klaeren=True)
    assert antrag.UID() == gefunden.UID


def test_the_reapplication_keeps_the_link_and_the_day_of_entry(konto, transition):
    """Issue 20: the copy of a Person in a re-application is the same person:
    linked to the same account (recorded), its end entered on the same day."""
    from stadtdo.sozialnetz.rechte import protokoll
    from stadtdo.sozialnetz.verfahren import schritte

    ende = date.today() + timedelta(days=30)
    antrag = konto(taetigkeit_bis=ende)
    alt = antrag["person-1"]
    stand = IDatenschutzstandPerson(alt)
    stand.taetigkeit_bis_vermerken(dict(stand.taetigkeit_bis_vermerkt, am="2026-01-02"))
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(antrag)
    (kopie,) = [p for p in neu.objectValues() if p.title == "Rita Redakteurin"]
    assert konten.verknuepft_mit(kopie) == RITA
    assert konten.verknuepfung(kopie)["von"] == "sta11"
    assert IDatenschutzstandPerson(kopie).taetigkeit_bis_vermerkt["am"] == "2026-01-02"
    eintraege = [
        e
        for e in protokoll.eintraege(principal=RITA)
        if e["art"] == protokoll.KONTO_VERKNUEPFUNG
    ]
    assert eintraege[0]["ziel"] == "/".join(kopie.getPhysicalPath())
    # Erika has no account: her copy has none either
    (erika,) = [p for p in neu.objectValues() if p.title == "Erika Mustermann"]
    assert konten.verknuepft_mit(erika) is None
