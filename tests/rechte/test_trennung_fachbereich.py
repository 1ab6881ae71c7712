"""Issue 20, item 3: separation of duties covers the department. Nobody is
department head and body member at once (memberships refused on every
path; checked again when approving and voting); the applicant does not
approve his own Antrag — a second person does, and if there is none the
Antrag says so, StA 11 is mailed once, and it waits. Every refusal is a
German 403, recorded in the Rechteprotokoll; the record is unchanged."""

from plone import api
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.verfahren.trennung import genehmigung_unvereinbar
from stadtdo.sozialnetz.verfahren.trennung import zweite_person_noetig
from stadtdo.sozialnetz.verfahren.voten import eintraege as voten_von
from tests.rechte.conftest import alte_mitgliedschaft
from tests.rechte.conftest import mitglied
from tests.rechte.conftest import REFUSED
import pytest
import transaction


def _pfad(obj):
    return "/".join(obj.getPhysicalPath()[2:])


def _gruppen_von(userid):
    transaction.begin()
    return {g.id for g in api.group.get_groups(username=userid)}


def _ablehnungen(principal):
    transaction.begin()
    return [
        e
        for e in protokoll.eintraege(principal=principal)
        if e["art"] == protokoll.ABGELEHNT
    ]


def _state(antrag):
    transaction.begin()
    return api.content.get_state(antrag)


# Memberships


@pytest.mark.parametrize(
    "gruppe,userid",
    [
        ("fb-10-leitung", "poa"),
        ("sn-personalrat", "leitung"),
        ("fb-50-leitung", "agentur"),
    ],
)
def test_sta11_cannot_make_a_body_member_head_or_a_head_body_member(
    rest, gruppe, userid
):
    response = mitglied(rest("sta11"), gruppe, userid)
    assert response.status_code == 403, response.text
    assert "zugleich Fachbereichsleitung" in response.json()["error"]["message"]
    assert gruppe not in _gruppen_von(userid)
    (eintrag,) = [e for e in _ablehnungen(userid) if e["ziel"] == gruppe]
    assert eintrag["wer"] == "sta11"
    assert "zugleich Fachbereichsleitung" in eintrag["grund"]


@pytest.mark.parametrize(
    "gruppe,userid", [("fb-10-leitung", "poa"), ("sn-personalrat", "leitung")]
)
def test_plones_group_api_cannot_make_a_body_member_head(
    rest, site_admin, gruppe, userid
):
    response = rest(site_admin).patch(
        f"@groups/{gruppe}", json={"users": {userid: True}}
    )
    assert response.status_code in REFUSED, response.text
    assert gruppe not in _gruppen_von(userid)
    # written after the request's transaction was aborted
    assert any(e["ziel"] == gruppe for e in _ablehnungen(userid))


# Approval


@pytest.fixture
def eingereicht(antrag_in):
    antrag = antrag_in("genehmigung_fbl")
    transaction.commit()
    return antrag


def test_a_body_member_with_an_old_head_role_cannot_approve(rest, fb10, eingereicht):
    """poa got the head role on fb-10 before the rule (issue 20's attack)."""
    fb10.manage_setLocalRoles("poa", ["SNFachbereichsleitung"])
    transaction.commit()
    response = rest("poa").post(f"{_pfad(eingereicht)}/@workflow/genehmigen")
    assert response.status_code == 403, response.text
    assert (
        "genehmigt nicht als Fachbereichsleitung" in response.json()["error"]["message"]
    )
    assert _state(eingereicht) == "genehmigung_fbl"
    assert _ablehnungen("poa")[0]["ziel"] == _pfad(eingereicht)


def test_the_applicant_cannot_approve_or_send_back_his_own_antrag(rest, eingereicht):
    alte_mitgliedschaft("fb-10-leitung", "mitarbeiter")
    transaction.commit()
    for schritt, data in (
        ("genehmigen", {}),
        ("zurueckweisen", {"comment": "Selbst zurück."}),
    ):
        response = rest("mitarbeiter").post(
            f"{_pfad(eingereicht)}/@workflow/{schritt}", json=data
        )
        assert response.status_code == 403, (schritt, response.text)
        assert "eine zweite Person" in response.json()["error"]["message"]
        assert _state(eingereicht) == "genehmigung_fbl"
    assert len(_ablehnungen("mitarbeiter")) == 2
    # the deputy may
    response = rest("stellvertretung").post(
        f"{_pfad(eingereicht)}/@workflow/genehmigen"
    )
    assert response.status_code == 200, response.text
    assert _state(eingereicht) == "stellungnahme_agentur"


# Voting


def test_a_body_member_who_is_head_of_the_folder_cannot_vote(rest, antrag_in, fb10):
    antrag = antrag_in("beteiligung")
    fb10.manage_setLocalRoles("poa", ["SNFachbereichsleitung"])
    transaction.commit()
    response = rest("poa").post(
        f"{_pfad(antrag)}/@votum", json={"gremium": "poa", "votum": "ja"}
    )
    assert response.status_code == 403, response.text
    assert "Fachbereichsleitung des Fachbereichs" in response.json()["error"]["message"]
    transaction.begin()
    assert voten_von(antrag, "poa") == []
    assert _ablehnungen("poa")[0]["ziel"] == _pfad(antrag)


def test_who_approved_as_head_does_not_vote_later(rest, antrag_in):
    """leitung approved, left the head group and joined the POA (old data)."""
    antrag = antrag_in("beteiligung")
    api.group.remove_user(groupname="fb-10-leitung", username="leitung")
    alte_mitgliedschaft("sn-poa", "leitung")
    transaction.commit()
    response = rest("leitung").post(
        f"{_pfad(antrag)}/@votum", json={"gremium": "poa", "votum": "ja"}
    )
    assert response.status_code == 403, response.text
    assert "als Fachbereichsleitung genehmigt" in response.json()["error"]["message"]
    transaction.begin()
    assert voten_von(antrag, "poa") == []


# A second person


@pytest.fixture
def einzige_leitung_fb50(portal, fb50, make_antrag, add_person, transition):
    """FB 50 has one head, mitarbeiter50, who submits an Antrag himself."""
    api.group.add_user(groupname="fb-50-leitung", username="mitarbeiter50")
    antrag = make_antrag(container=fb50, userid="mitarbeiter50")
    add_person(antrag, userid="mitarbeiter50")
    transition(antrag, "einreichen", "mitarbeiter50")
    return antrag


def test_without_a_second_head_the_antrag_says_so_and_waits(
    portal, einzige_leitung_fb50, rest, browser_as
):
    """The mail to StA 11: tests/notifications/test_zweite_person.py."""
    antrag = einzige_leitung_fb50
    assert zweite_person_noetig(antrag)
    assert genehmigung_unvereinbar("mitarbeiter50", antrag)
    transaction.commit()
    browser = browser_as("mitarbeiter50")
    browser.open(antrag.absolute_url())
    assert "Genehmigung durch eine zweite Person nötig" in browser.contents
    response = rest("mitarbeiter50").post(f"{_pfad(antrag)}/@workflow/genehmigen")
    assert response.status_code == 403, response.text
    assert _state(antrag) == "genehmigung_fbl"


def test_a_second_head_ends_the_wait(portal, einzige_leitung_fb50):
    antrag = einzige_leitung_fb50
    api.group.add_user(groupname="fb-50-leitung", username="stellvertretung")
    assert not zweite_person_noetig(antrag)
    assert genehmigung_unvereinbar("stellvertretung", antrag) is None


def test_an_ordinary_antrag_needs_no_second_person(portal, eingereicht, browser_as):
    assert not zweite_person_noetig(eingereicht)
    browser = browser_as("leitung")
    browser.open(eingereicht.absolute_url())
    assert "Genehmigung durch eine zweite Person nötig" not in browser.contents


def test_the_page_does_not_offer_the_applicant_his_own_approval(eingereicht):
    """The process function (issue 20, item 11) asks the same check; asking
    records nothing in the Rechteprotokoll."""
    from stadtdo.sozialnetz.verfahren.schritte import moegliche_schritte

    alte_mitgliedschaft("fb-10-leitung", "mitarbeiter")
    vorher = len(protokoll.eintraege())
    with api.env.adopt_user(username="mitarbeiter"):
        alle = moegliche_schritte(eingereicht, mit_abgelehnten=True)
    genehmigen = next(m for m in alle if m.schritt == "genehmigen")
    assert not genehmigen.moeglich
    assert "eine zweite Person" in genehmigen.grund
    assert len(protokoll.eintraege()) == vorher
    with api.env.adopt_user(username="leitung"):
        assert "genehmigen" in {m.schritt for m in moegliche_schritte(eingereicht)}
