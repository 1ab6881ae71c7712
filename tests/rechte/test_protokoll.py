"""The Rechteprotokoll: every change of group membership and local roles in
the database — who, when, what, before → after — append-only, readable by
Personalrat, Datenschutz and StA 11 only."""

from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.rechte import protokoll
from tests.rechte.conftest import AKTEURE
from tests.rechte.conftest import mitglied
from tests.rechte.conftest import REFUSED
from tests.rechte.conftest import teilen
from tests.rechte.conftest import verweigert
import pytest
import transaction


PROTOKOLL = "soziale-netzwerke/@rechte-protokoll"
LESER = ["personalrat", "datenschutz", "sta11"]


def _neueste(**filter_):
    transaction.begin()
    for eintrag in protokoll.eintraege():
        if all(eintrag[k] == v for k, v in filter_.items()):
            return eintrag
    return None


def test_membership_change_through_the_service_is_recorded(rest):
    response = mitglied(rest("sta11"), "sn-agentur", "mitarbeiter50", True)
    assert response.status_code == 200, response.text
    eintrag = _neueste(principal="mitarbeiter50", ziel="sn-agentur")
    assert eintrag["art"] == "mitgliedschaft"
    assert eintrag["wer"] == "sta11"
    assert (eintrag["vorher"], eintrag["nachher"]) == (False, True)
    assert "@rechte-mitglieder" in eintrag["quelle"]
    assert eintrag["zeit"].endswith("+00:00")


def test_removal_is_recorded(rest):
    rest("sta11").post(
        "soziale-netzwerke/@rechte-mitglieder",
        json={
            "gruppe": "fb-10-leitung",
            "benutzer": "stellvertretung",
            "mitglied": False,
        },
    )
    eintrag = _neueste(principal="stellvertretung", ziel="fb-10-leitung")
    assert (eintrag["wer"], eintrag["vorher"], eintrag["nachher"]) == (
        "sta11",
        True,
        False,
    )


def test_membership_change_through_plone_is_recorded(rest):
    response = rest(SITE_OWNER_NAME).patch(
        "@groups/Site Administrators", json={"users": {"leitung": True}}
    )
    assert response.status_code == 204, response.text
    eintrag = _neueste(principal="leitung", ziel="Site Administrators")
    assert eintrag["wer"] == SITE_OWNER_NAME
    assert eintrag["nachher"] is True


def test_local_role_change_on_the_sharing_page_is_recorded(rest):
    response = teilen(
        rest("sta11"),
        "soziale-netzwerke/fb-50",
        "fb-50-datenschutzfachkraft",
        {"SNDatenschutzfachkraft": False},
    )
    assert response.status_code == 204, response.text
    eintrag = _neueste(principal="fb-50-datenschutzfachkraft", art="lokale_rollen")
    assert eintrag["ziel"] == "soziale-netzwerke/fb-50"
    assert eintrag["wer"] == "sta11"
    assert eintrag["vorher"] == ["SNDatenschutzfachkraft"]
    assert eintrag["nachher"] == []


def test_local_role_change_through_the_service_is_recorded(rest):
    response = rest("sta11").post(
        "soziale-netzwerke/@rechte-lokale-rollen",
        json={
            "ordner": "fb-32",
            "principal": "fb-32-leitung",
            "rolle": "SNFachbereichsleitung",
            "erteilt": False,
        },
    )
    assert response.status_code == 200, response.text
    eintrag = _neueste(principal="fb-32-leitung", art="lokale_rollen")
    assert eintrag["ziel"] == "soziale-netzwerke/fb-32"
    assert (eintrag["vorher"], eintrag["nachher"]) == (["SNFachbereichsleitung"], [])


def test_the_record_is_append_only(portal):
    speicher = protokoll._speicher(portal)
    vorher = list(speicher.eintraege.keys())
    key = protokoll.protokollieren(
        art=protokoll.MITGLIEDSCHAFT,
        principal="x",
        ziel="y",
        vorher=False,
        nachher=True,
    )
    assert list(speicher.eintraege.keys()) == [*vorher, key]
    # what a reader gets is a copy: changing it changes nothing stored
    protokoll.eintraege()[0]["wer"] = "jemand anders"
    assert protokoll.eintraege()[0]["wer"] != "jemand anders"
    assert not hasattr(protokoll, "loeschen")


@pytest.mark.parametrize("userid", LESER)
def test_readers_get_the_record(rest, web, userid):
    mitglied(rest("sta11"), "sn-agentur", "mitarbeiter", True)
    response = rest(userid).get(PROTOKOLL)
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert items[0]["principal"] == "mitarbeiter"
    assert items[0]["ziel"] == "sn-agentur"
    page = web(userid).get("soziale-netzwerke/@@rechte-protokoll")
    assert page.status_code == 200
    assert "@@rechte-protokoll" in web(userid).get("soziale-netzwerke").text
    assert "Rechteprotokoll" in page.text
    assert "sn-agentur" in page.text


@pytest.mark.parametrize("userid", [u for u in AKTEURE if u not in LESER] + [None])
def test_nobody_else_reads_the_record(rest, web, userid):
    response = rest(userid).get(PROTOKOLL)
    assert response.status_code in REFUSED
    assert verweigert(web(userid).get("soziale-netzwerke/@@rechte-protokoll"))
    if userid:
        assert "@@rechte-protokoll" not in web(userid).get("soziale-netzwerke").text


def test_site_administrators_do_not_read_the_record(rest, site_admin):
    assert rest(site_admin).get(PROTOKOLL).status_code in REFUSED


def test_record_filters_by_principal(rest):
    response = rest("personalrat").get(f"{PROTOKOLL}?principal=poa&limit=5")
    assert response.status_code == 200
    items = response.json()["items"]
    assert items
    assert {e["principal"] for e in items} == {"poa"}


def test_local_roles_on_the_site_root_are_recorded(rest):
    """Local roles on the site are inherited by the database."""
    response = teilen(rest(SITE_OWNER_NAME), "", "mitarbeiter50", {"Reader": True})
    assert response.status_code == 204, response.text
    eintrag = _neueste(principal="mitarbeiter50", art="lokale_rollen")
    assert eintrag["ziel"] == "/"
    assert eintrag["nachher"] == ["Reader"]
