"""Identity is not self-declared (issue 20 item 5, ``rechte.konten``): a
Person is an account only by the link StA 11 (or the directory) sets – the
Art. 15 report and offboarding never match the e-mail an account's user can
edit. The link: REST ``@benutzerkonto``, the page „Benutzerkonto
verknüpfen“, the upgrade for existing sites."""

from datetime import date
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.rechte import konten
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.stand import IKontostand
from stadtdo.sozialnetz.verfahren import verantwortung
from tests.retention.helpers import FRIST
from tests.retention.helpers import run
from tests.services.test_rest_process import api_as  # noqa: F401 (fixture)
import pytest
import transaction


AUSKUNFT = "soziale-netzwerke/@auskunft"
ERIKA = "erika.mustermann@stadtdo.de"


def _verknuepfungen(principal):
    """The Rechteprotokoll's link entries of ``principal``, newest first."""
    return [
        e
        for e in protokoll.eintraege(principal=principal)
        if e["art"] == protokoll.KONTO_VERKNUEPFUNG
    ]


@pytest.fixture
def genehmigt(antrag_in):
    """An approved Antrag of FB 10 naming Erika Mustermann (no account)."""
    antrag = antrag_in("genehmigt")
    transaction.commit()
    return antrag


def _auskunft(api_as, anfrage, **kw):  # noqa: F811
    response = api_as("datenschutz").get(AUSKUNFT, params={"person": anfrage}, **kw)
    assert response.status_code == 200, response.text
    return response


def test_own_email_set_to_a_persons_address_opens_nothing(api_as, genehmigt):  # noqa: F811
    """The issue's attack: mitarbeiter50 (FB 50) takes the address of an FB 10
    Person; Datenschutz's report for mitarbeiter50 holds nothing of hers."""
    response = api_as("mitarbeiter50").patch(
        "@users/mitarbeiter50", json={"email": ERIKA}
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert api.user.get(userid="mitarbeiter50").getProperty("email") == ERIKA

    data = _auskunft(api_as, "mitarbeiter50").json()
    assert data["benutzerkonto"]["userid"] == "mitarbeiter50"
    assert data["personen"] == []
    assert data["erwaehnungen"] == []
    assert data["systemhaus_auftraege"] == []
    assert data["mitteilungen"] == []
    assert genehmigt.antragsnummer not in str(data)
    csv = _auskunft(api_as, "mitarbeiter50", headers={"Accept": "text/csv"}).text
    assert "Mustermann" not in csv and genehmigt.antragsnummer not in csv

    # Datenschutz asking for the address itself still finds her
    (person,) = _auskunft(api_as, ERIKA).json()["personen"]
    assert person["antragsnummer"] == genehmigt.antragsnummer


def test_own_email_set_to_a_persons_address_does_not_offboard_her(genehmigt, portal):
    """Offboarding reads the link only: an account with the Person's address
    deleted or leaving the group flags nothing."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="nachahmer", email=ERIKA, password="x-12345678a")
        api.group.add_user(groupname="fb-10-mitarbeiter", username="nachahmer")
        api.group.remove_user(groupname="fb-10-mitarbeiter", username="nachahmer")
        api.user.delete(username="nachahmer")
    assert verantwortung.eintraege(genehmigt) == []


@pytest.mark.parametrize(
    "userid,erlaubt",
    [
        (None, False),
        ("mitarbeiter", False),
        ("leitung", False),
        ("mitarbeiter50", False),  # linking oneself
        ("datenschutz", False),
        ("personalrat", False),
        ("sta11", True),
        ("admin", True),
    ],
)
def test_only_sta11_links_an_account(api_as, genehmigt, userid, erlaubt):  # noqa: F811
    url = f"{genehmigt['person'].absolute_url()}/@benutzerkonto"
    response = api_as(userid).post(url, json={"benutzer": "mitarbeiter50"})
    transaction.begin()
    if not erlaubt:
        assert response.status_code in (401, 403), response.text
        assert konten.verknuepft_mit(genehmigt["person"]) is None
        assert _verknuepfungen("mitarbeiter50") == []
        return
    assert response.status_code == 200, response.text
    link = response.json()["verknuepfung"]
    assert link["benutzer"] == "mitarbeiter50"
    assert link["quelle"] == konten.DURCH_STA11
    assert konten.verknuepft_mit(genehmigt["person"]) == "mitarbeiter50"
    (eintrag,) = _verknuepfungen("mitarbeiter50")
    assert eintrag["art"] == protokoll.KONTO_VERKNUEPFUNG
    assert eintrag["vorher"] is None and eintrag["nachher"] == "mitarbeiter50"
    assert eintrag["ziel"] == "/".join(genehmigt["person"].getPhysicalPath())


def test_linked_account_gets_the_persons_report_with_who_linked(
    api_as,  # noqa: F811
    genehmigt,
):
    url = f"{genehmigt['person'].absolute_url()}/@benutzerkonto"
    assert api_as("sta11").post(url, json={"benutzer": "mitarbeiter"}).ok
    data = _auskunft(api_as, "mitarbeiter").json()
    (person,) = data["personen"]
    assert person["antragsnummer"] == genehmigt.antragsnummer
    assert person["benutzerkonto"]["benutzer"] == "mitarbeiter"
    assert person["benutzerkonto"]["von"] == "sta11"
    assert any(
        e["art"] == protokoll.KONTO_VERKNUEPFUNG for e in data["rechteprotokoll"]
    )
    csv = _auskunft(api_as, "mitarbeiter", headers={"Accept": "text/csv"}).text
    assert "Person, Benutzerkonto" in csv and "verknüpft von sta11" in csv

    # unlinked, the account's report holds nothing of the Person any more
    assert api_as("sta11").post(url, json={"benutzer": None}).ok
    assert _auskunft(api_as, "mitarbeiter").json()["personen"] == []
    transaction.begin()
    geloest, gesetzt = _verknuepfungen("mitarbeiter")  # newest first
    assert (gesetzt["vorher"], gesetzt["nachher"]) == (None, "mitarbeiter")
    assert (geloest["vorher"], geloest["nachher"]) == ("mitarbeiter", None)


@pytest.mark.parametrize(
    "body,field",
    [
        ({"benutzer": "gibt-es-nicht"}, "benutzer"),
        ({"benutzer": ["sta11"]}, "benutzer"),
        ({}, "benutzer"),
    ],
)
def test_link_to_an_unknown_account_is_400(api_as, genehmigt, body, field):  # noqa: F811
    url = f"{genehmigt['person'].absolute_url()}/@benutzerkonto"
    response = api_as("sta11").post(url, json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == field
    transaction.begin()
    assert konten.verknuepft_mit(genehmigt["person"]) is None


def test_link_page_for_sta11(browser_as, genehmigt, datenbank):
    url = f"{genehmigt['person'].absolute_url()}/@@benutzerkonto-verknuepfen"
    browser = browser_as("sta11")
    # the worklist on „Rechte verwalten“ leads to the Person's page
    browser.open(f"{datenbank.absolute_url()}/@@rechte-verwalten")
    assert "Personen ohne Benutzerkonto" in browser.contents
    assert genehmigt.antragsnummer in browser.contents
    browser.getLink(url=url).click()
    assert browser.url == url
    assert "Nicht verknüpft." in browser.contents
    browser.getControl(name="benutzer").value = "mitarbeiter"
    browser.getControl("Verknüpfen").click()
    assert "gespeichert und protokolliert" in browser.contents
    assert "Verknüpft mit" in browser.contents
    transaction.begin()
    assert konten.verknuepft_mit(genehmigt["person"]) == "mitarbeiter"
    browser.open(f"{datenbank.absolute_url()}/@@rechte-verwalten")
    assert genehmigt.antragsnummer not in browser.contents
    browser.open(url)

    browser.getControl(name="benutzer").value = "gibt-es-nicht"
    browser.getControl("Verknüpfen").click()
    assert "gibt es nicht" in browser.contents
    browser.getControl("Verknüpfung lösen").click()
    assert "Nicht verknüpft." in browser.contents
    transaction.begin()
    assert konten.verknuepft_mit(genehmigt["person"]) is None


@pytest.mark.parametrize("userid", ["mitarbeiter", "leitung", "datenschutz"])
def test_link_page_refused_to_others(browser_as, genehmigt, userid):
    url = f"{genehmigt['person'].absolute_url()}/@@benutzerkonto-verknuepfen"
    browser = browser_as(userid)
    browser.open(url)
    assert "Verknüpfen" not in browser.contents
    assert "Benutzerkonto verknüpfen" not in browser.contents


def test_anonymisation_removes_the_link(api_as, genehmigt):  # noqa: F811
    person = genehmigt["person"]
    with api.env.adopt_user(username="sta11"):
        konten.verknuepfen(person, "mitarbeiter")
    with api.env.adopt_user(username="leitung"):
        from stadtdo.sozialnetz.datenschutz import einwilligung

        einwilligung.widerruf_vermerken(person)
    run(date.today() + timedelta(days=FRIST))
    assert IDatenschutzstandPerson(person).anonymisiert_am
    assert konten.verknuepft_mit(person) is None
    assert IKontostand(person).benutzer_verknuepft is None


def test_upgrade_links_unique_matches_and_lists_ambiguous_ones(
    make_antrag, add_person, portal
):
    antrag = make_antrag()
    eindeutig = add_person(antrag, email="Mitarbeiter50@stadtdo.example")
    doppelt = add_person(antrag, email="doppelt@stadtdo.example")
    niemand = add_person(antrag, email="niemand@stadtdo.example")
    schon = add_person(antrag, email="leitung@stadtdo.example")
    with api.env.adopt_roles(["Manager"]):
        for name in ("doppelt1", "doppelt2"):
            api.user.create(
                username=name, email="doppelt@stadtdo.example", password="x-12345678a"
            )
    with api.env.adopt_user(username="sta11"):
        konten.verknuepfen(schon, "mitarbeiter")  # set by hand: kept

    setup = api.portal.get_tool("portal_setup")
    with api.env.adopt_roles(["Manager"]):
        ergebnis = konten.upgrade_verknuepfen(setup)

    pfad = "/".join
    assert ergebnis["verknuepft"] == [
        {"person": pfad(eindeutig.getPhysicalPath()), "benutzer": "mitarbeiter50"}
    ]
    assert ergebnis["mehrdeutig"] == [
        {
            "person": pfad(doppelt.getPhysicalPath()),
            "kandidaten": ["doppelt1", "doppelt2"],
        }
    ]
    assert konten.verknuepft_mit(eindeutig) == "mitarbeiter50"
    assert konten.verknuepfung(eindeutig)["quelle"] == konten.DURCH_UPGRADE
    assert konten.verknuepft_mit(doppelt) is None
    assert konten.verknuepft_mit(niemand) is None
    assert konten.verknuepft_mit(schon) == "mitarbeiter"
    (eintrag,) = _verknuepfungen("mitarbeiter50")
    assert eintrag["art"] == protokoll.KONTO_VERKNUEPFUNG
    # the permission of the rolemap is there
    assert "SNBerechtigungsverwaltung" in [
        r["name"]
        for r in portal.rolesOfPermission(konten.LINK_PERMISSION)
        if r["selected"]
    ]

    # idempotent: a second run changes nothing
    with api.env.adopt_roles(["Manager"]):
        again = konten.upgrade_verknuepfen(setup)
    assert again["verknuepft"] == []
    assert len(again["mehrdeutig"]) == 1
    assert len(_verknuepfungen("mitarbeiter50")) == 1


def test_the_link_cannot_be_written_as_a_field(api_as, make_antrag, add_person):  # noqa: F811
    """Neither the applicant's PATCH of a draft Person nor a new Person over
    REST sets the link or the record of who set it."""
    antrag = make_antrag()
    person = add_person(antrag)
    transaction.commit()
    vermerk = {"von": "sta11", "zeit": "2026-01-01", "quelle": "sta11"}
    response = api_as("mitarbeiter").patch(
        person.absolute_url(),
        json={"benutzer": "mitarbeiter", "benutzer_verknuepft": vermerk},
    )
    assert response.status_code in (204, 400), response.text
    transaction.begin()
    assert konten.verknuepft_mit(person) is None
    assert IKontostand(person).benutzer_verknuepft is None
    assert getattr(person, "benutzer_verknuepft", None) is None  # nor bare
    assert _verknuepfungen("mitarbeiter") == []
