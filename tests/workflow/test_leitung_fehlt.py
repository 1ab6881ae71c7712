"""Issue 23, item 2: a department without a head or deputy with a mail
address (FB 50 of the demo set) – StA 11 is mailed at submission and has
the Antrag in „Meine Aufgaben“ („Leitung fehlt“) until a head is named;
one function (``rechte.leitung.leitung_erreichbar``) decides it. Nothing
changes for a department with a head."""

from plone import api
from stadtdo.sozialnetz.berichte import bericht
from stadtdo.sozialnetz.browser.uebersicht import aufgaben_fuer
from stadtdo.sozialnetz.rechte.leitung import leitung_erreichbar
from stadtdo.sozialnetz.verfahren.trennung import leitung_fehlt
from stadtdo.sozialnetz.verfahren.trennung import zweite_person_noetig
from tests.notifications.conftest import addr
import pytest
import transaction


BETREFF = "Leitung fehlt"


def _brain(antrag):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=antrag.UID())
    return brain


def _vor_dem_commit():
    """What the commit does first (``verfahren.leitung`` reindexes there:
    during the PAS event the group still lists its old members)."""
    for hook, args, kws in transaction.get().getBeforeCommitHooks():
        hook(*args, **kws)


def _wartet_auf(antrag):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.getIndexDataForRID(_brain(antrag).getRID())["wartet_auf"]


def _aufgaben(userid, datenbank):
    """Antragsnummern in „Meine Aufgaben“ of ``userid`` (the page's query)."""
    with api.env.adopt_user(username=userid):
        aufgaben = aufgaben_fuer(datenbank)
        return sorted(
            b.antragsnummer
            for b in bericht.brains(
                datenbank, wartet_auf=aufgaben.schluessel(), ausser_fuer=userid
            )
        )


@pytest.fixture
def ohne_leitung(fb50, make_antrag, add_person, transition, mails):
    """Submitted in FB 50, which has staff but no head."""
    antrag = make_antrag(container=fb50, userid="mitarbeiter50")
    add_person(antrag, userid="mitarbeiter50")
    mails.clear()
    transition(antrag, "einreichen", "mitarbeiter50")
    return antrag


def test_fb50_has_no_head_to_reach_fb10_has(fb50, fb10):
    assert not leitung_erreichbar(fb50)
    assert leitung_erreichbar(fb10)


def test_a_head_without_a_mail_address_is_no_head_to_reach(fb50):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="leitung50", email="l50@stadtdo.example", password="geheim-1234"
        )
        api.group.add_user(groupname="fb-50-leitung", username="leitung50")
    assert leitung_erreichbar(fb50)
    api.user.get(userid="leitung50").setMemberProperties({"email": ""})
    assert not leitung_erreichbar(fb50)


def test_sta11_is_mailed_once_at_submission(ohne_leitung, mails):
    (nachricht,) = [m for m in mails.all() if BETREFF in m["Subject"]]
    assert mails.recipients(BETREFF) == addr("sta11")
    assert ohne_leitung.antragsnummer in nachricht["Subject"]
    text = nachricht.get_content()
    assert "„FB 50 – Sozialamt“ hat keine Fachbereichsleitung" in text
    assert "Niemand wurde um die Genehmigung gebeten" in text
    assert "„Leitung fehlt“" in text
    assert ohne_leitung.absolute_url() in text
    # one mail, not also the one for a missing second person
    assert mails.recipients("zweite Person") == []
    assert mails.recipients("Bitte genehmigen") == []


def test_the_flag_is_indexed_and_sta11_waits_on_it(ohne_leitung, datenbank):
    assert leitung_fehlt(ohne_leitung)
    assert not zweite_person_noetig(ohne_leitung)
    brain = _brain(ohne_leitung)
    assert brain.leitung_fehlt is True
    assert "fb-50:SNBerechtigungsverwaltung" in _wartet_auf(ohne_leitung)
    assert bericht.warnungen(brain) == [bericht.LEITUNG_FEHLT]
    assert _aufgaben("sta11", datenbank) == [ohne_leitung.antragsnummer]


def test_naming_a_head_ends_it(ohne_leitung, datenbank):
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="fb-50-leitung", username="stellvertretung")
    assert not leitung_fehlt(ohne_leitung)
    _vor_dem_commit()
    brain = _brain(ohne_leitung)
    assert brain.leitung_fehlt is False
    assert bericht.warnungen(brain) == []
    assert _aufgaben("sta11", datenbank) == []
    assert ohne_leitung.antragsnummer in _aufgaben("stellvertretung", datenbank)


def test_removing_the_last_head_brings_it_back(
    fb50, make_antrag, add_person, transition, datenbank
):
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="fb-50-leitung", username="stellvertretung")
    _vor_dem_commit()
    antrag = make_antrag(container=fb50, userid="mitarbeiter50")
    add_person(antrag, userid="mitarbeiter50")
    transition(antrag, "einreichen", "mitarbeiter50")
    assert _aufgaben("sta11", datenbank) == []
    with api.env.adopt_roles(["Manager"]):
        api.group.remove_user(groupname="fb-50-leitung", username="stellvertretung")
    _vor_dem_commit()
    assert _brain(antrag).leitung_fehlt is True
    assert _aufgaben("sta11", datenbank) == [antrag.antragsnummer]


def test_nothing_changes_for_a_department_with_a_head(antrag_in, mails, datenbank):
    mails.clear()
    antrag = antrag_in("genehmigung_fbl")
    assert mails.recipients(BETREFF) == []
    assert mails.recipients("Bitte genehmigen") == addr("leitung", "stellvertretung")
    brain = _brain(antrag)
    assert brain.leitung_fehlt is False
    assert not any(
        w.endswith(":SNBerechtigungsverwaltung") for w in _wartet_auf(antrag)
    )
    assert _aufgaben("sta11", datenbank) == []


def test_the_flag_ends_with_the_heads_step(ohne_leitung, transition):
    """Once decided (here sent back by a head named later), nothing waits."""
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="fb-50-leitung", username="stellvertretung")
    _vor_dem_commit()
    transition(ohne_leitung, "zurueckweisen", "stellvertretung", "Bitte ergänzen.")
    assert not leitung_fehlt(ohne_leitung)
    assert _brain(ohne_leitung).leitung_fehlt is False
