"""Issue 20, item 2: the department roles (SNMitarbeiter,
SNFachbereichsleitung, SNDatenschutzfachkraft) live only on Fachbereich
folders, given to the folder's own groups — refused everywhere else, at
every door (@sharing, the Sharing page, @rechte-lokale-rollen, Zope's
manage_*LocalRoles, code firing the Sharing page's event); blocking the
inheritance inside the database is for Managers only. Every refusal is a
German 403, recorded; the record is unchanged afterwards."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.rechte import protokoll
from tests.rechte.conftest import REFUSED
from tests.rechte.conftest import seite_teilen
from tests.rechte.conftest import status
from tests.rechte.conftest import teilen
from tests.rechte.conftest import verweigert
import pytest
import transaction


FB_ROLLEN = {"SNFachbereichsleitung": True, "SNMitarbeiter": True}
LOKALE_ROLLEN = "soziale-netzwerke/@rechte-lokale-rollen"


@pytest.fixture
def antrag(antrag_in):
    antrag = antrag_in("genehmigung_fbl")
    transaction.commit()
    return antrag


def _pfad(obj):
    return "/".join(obj.getPhysicalPath()[2:])


def _rollen(obj, principal):
    transaction.begin()
    return obj.get_local_roles_for_userid(principal)


def _ablehnung(principal, ziel):
    transaction.begin()
    return next(
        (
            e
            for e in protokoll.eintraege()
            if e["art"] == protokoll.ABGELEHNT
            and e["principal"] == principal
            and e["ziel"] == ziel
        ),
        None,
    )


def test_sta11_cannot_open_every_department_through_sharing_on_the_database(
    rest, datenbank, antrag
):
    """The attack of issue 20: StA 11 gives mitarbeiter50 (FB 50) the head
    and staff roles on the database folder, i.e. in every department."""
    response = teilen(rest("sta11"), "soziale-netzwerke", "mitarbeiter50", FB_ROLLEN)
    assert response.status_code == 403, response.text
    assert (
        "nur auf dem Ordner eines Fachbereichs" in response.json()["error"]["message"]
    )
    assert _rollen(datenbank, "mitarbeiter50") == ()
    eintrag = _ablehnung("mitarbeiter50", "soziale-netzwerke")
    assert eintrag["wer"] == "sta11"
    assert "nur auf dem Ordner eines Fachbereichs" in eintrag["grund"]
    response = rest("mitarbeiter50").post(f"{_pfad(antrag)}/@workflow/genehmigen")
    assert response.status_code in REFUSED
    transaction.begin()
    assert api.content.get_state(antrag) == "genehmigung_fbl"


@pytest.mark.parametrize(
    "wo,principal",
    [
        ("fb10", "mitarbeiter50"),  # a person directly
        ("fb10", "fb-50-leitung"),  # another department's group
        ("fb10", "sn-poa"),  # a body's group
        ("antrag", "fb-10-leitung"),  # the own group, but on an Antrag
    ],
)
@pytest.mark.parametrize("userid", ["sta11", "siteadmin"])
def test_department_roles_only_for_the_folders_groups_through_sharing_api(
    rest, site_admin, fb10, antrag, wo, principal, userid
):
    obj = {"fb10": fb10, "antrag": antrag}[wo]
    vorher = _rollen(obj, principal)
    response = teilen(rest(userid), _pfad(obj), principal, FB_ROLLEN)
    assert response.status_code == 403, response.text
    assert _rollen(obj, principal) == vorher
    assert _ablehnung(principal, _pfad(obj))["wer"] == userid


@pytest.mark.parametrize("principal", ["mitarbeiter50", "sn-poa"])
def test_department_roles_only_for_the_folders_groups_on_the_sharing_page(
    web, token, fb10, principal
):
    typ = "group" if principal.startswith("sn-") else "user"
    response = seite_teilen(
        web,
        token,
        "sta11",
        "soziale-netzwerke/fb-10",
        principal,
        "SNFachbereichsleitung",
        typ,
    )
    assert response.status_code == 403, status(response)
    assert "nur für seine eigenen Gruppen" in response.text  # says why
    assert _rollen(fb10, principal) == ()
    assert _ablehnung(principal, "soziale-netzwerke/fb-10")["wer"] == "sta11"


def test_sharing_page_offers_department_roles_on_fachbereich_folders_only(
    web, token, datenbank, antrag
):
    for pfad in ("soziale-netzwerke", _pfad(antrag), ""):
        url = f"{pfad}/@@sharing" if pfad else "@@sharing"
        seite = web("sta11" if pfad else SITE_OWNER_NAME).get(url)
        assert "role_SNFachbereichsleitung" not in seite.text, pfad
    assert (
        "role_SNFachbereichsleitung"
        in web("sta11").get("soziale-netzwerke/fb-10/@@sharing").text
    )
    # ticked anyway: Plone ignores what it does not offer; nothing changes
    seite_teilen(
        web, token, "sta11", "soziale-netzwerke", "mitarbeiter50", "SNMitarbeiter"
    )
    assert _rollen(datenbank, "mitarbeiter50") == ()


def test_sn_poa_is_not_made_head_of_fb10_through_the_own_service(rest, fb10):
    """The attack of issue 20 through StA 11's own service."""
    response = rest("sta11").post(
        LOKALE_ROLLEN,
        json={
            "ordner": "fb-10",
            "principal": "sn-poa",
            "rolle": "SNFachbereichsleitung",
            "erteilt": True,
        },
    )
    assert response.status_code == 403, response.text
    assert "eigenen Gruppen" in response.json()["error"]["message"]
    assert _rollen(fb10, "sn-poa") == ()
    assert _ablehnung("sn-poa", "fb-10")["wer"] == "sta11"


def test_no_department_role_for_a_person_through_the_own_service(rest, fb50):
    response = rest("sta11").post(
        LOKALE_ROLLEN,
        json={
            "ordner": "fb-50",
            "principal": "dsfachkraft",
            "rolle": "SNDatenschutzfachkraft",
            "erteilt": True,
        },
    )
    assert response.status_code == 403, response.text
    assert _rollen(fb50, "dsfachkraft") == ()


@pytest.mark.parametrize("userid", ["sta11", "siteadmin", "leitung"])
def test_no_department_role_through_zope_methods(
    web, token, site_admin, datenbank, userid
):
    for obj in ("soziale-netzwerke", "soziale-netzwerke/fb-10"):
        for methode in ("manage_setLocalRoles", "manage_addLocalRoles"):
            response = web(userid).post(
                f"{obj}/{methode}",
                data={
                    "userid": "mitarbeiter50",
                    "roles:list": ["SNFachbereichsleitung"],
                    "_authenticator": token(userid),
                },
            )
            assert verweigert(response), (obj, methode, status(response))
    assert _rollen(datenbank, "mitarbeiter50") == ()
    assert _rollen(datenbank["fb-10"], "mitarbeiter50") == ()


def test_code_announcing_a_department_role_on_the_database_is_refused(
    portal, datenbank
):
    from plone.app.workflow.events import LocalrolesModifiedEvent
    from zExceptions import Forbidden
    from zope.event import notify

    transaction.begin()
    datenbank.manage_setLocalRoles("mitarbeiter50", ["SNFachbereichsleitung"])
    with api.env.adopt_user(username="sta11"), pytest.raises(Forbidden):
        notify(LocalrolesModifiedEvent(datenbank, portal.REQUEST))
    transaction.abort()


# Inheritance


@pytest.mark.parametrize("pfad", ["soziale-netzwerke", "soziale-netzwerke/fb-10"])
@pytest.mark.parametrize("userid", ["sta11", "siteadmin"])
def test_only_a_manager_blocks_inheritance_through_sharing_api(
    rest, site_admin, datenbank, antrag, pfad, userid
):
    """The attack of issue 20: StA 11 blocked fb-10's inheritance and the
    bodies lost the Antrag."""
    response = rest(userid).post(f"{pfad}/@sharing", json={"inherit": False})
    assert response.status_code == 403, response.text
    assert "nur ein Manager" in response.json()["error"]["message"]
    transaction.begin()
    obj = {
        "soziale-netzwerke": datenbank,
        "soziale-netzwerke/fb-10": datenbank["fb-10"],
    }
    assert not getattr(obj[pfad], "__ac_local_roles_block__", None)
    assert _ablehnung("", pfad)["wer"] == userid
    response = rest("personalrat").get(f"{_pfad(antrag)}/@votum")
    assert response.status_code == 200, response.text


def test_only_a_manager_blocks_inheritance_on_the_sharing_page(web, token, fb10):
    """The page's box "inherit" left unticked blocks the inheritance."""
    response = seite_teilen(
        web,
        token,
        "sta11",
        "soziale-netzwerke/fb-10",
        "fb-10-mitarbeiter",
        "SNMitarbeiter",
        "group",
        inherit=False,
    )
    assert response.status_code == 403, status(response)
    assert "nur ein Manager ab" in response.text
    transaction.begin()
    assert not getattr(fb10, "__ac_local_roles_block__", None)
    assert _ablehnung("", "soziale-netzwerke/fb-10")["wer"] == "sta11"


def test_a_manager_blocks_inheritance_and_it_is_recorded(rest, fb10):
    response = rest(SITE_OWNER_NAME).post(
        "soziale-netzwerke/fb-10/@sharing", json={"inherit": False}
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert fb10.__ac_local_roles_block__
    eintrag = next(
        e
        for e in protokoll.eintraege()
        if e["art"] == protokoll.VERERBUNG and e["ziel"] == "soziale-netzwerke/fb-10"
    )
    assert (eintrag["vorher"], eintrag["nachher"], eintrag["wer"]) == (
        False,
        True,
        SITE_OWNER_NAME,
    )
