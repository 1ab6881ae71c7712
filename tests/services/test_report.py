"""``@sozialnetz-report``: counts, active accounts and open Anträge, filtered
by the caller's rights; JSON and CSV; 400 for bad filters, 401 for anonymous."""

from plone import api
from plone.dexterity.utils import createContentInContainer
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.verfahren import schritte
from tests.conftest import PERSON_DATEN
import csv
import io
import pytest


REPORT = "soziale-netzwerke/@sozialnetz-report"


def VORRAT(bausteine):
    """FB 10: one approved, one in Beteiligung, one draft; FB 50: one
    approved – built once for the module (tests/vorrat.py)."""
    datenbank = bausteine.fb10.aq_parent
    genehmigt = bausteine.antrag_in("genehmigt")
    beteiligung = bausteine.antrag_in("beteiligung")
    entwurf = bausteine.make_antrag()
    fb50 = bausteine.make_antrag(
        container=datenbank["fb-50"], userid="mitarbeiter50", plattform="facebook"
    )
    # walk the FB 50 Antrag to genehmigt with FB 50's own head
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="leitung50", email="l50@stadtdo.example", password="geheim-1234"
        )
        api.group.add_user(groupname="fb-50-leitung", username="leitung50")
    with api.env.adopt_user(username="mitarbeiter50"):
        createContentInContainer(fb50, "Person", **PERSON_DATEN)
        schritte.einreichen(fb50)
    with api.env.adopt_user(username="leitung50"):
        schritte.genehmigen(fb50)

    for user in ("agentur", "poa", "personalrat"):
        with api.env.adopt_user(username=user):
            schritte.votum(fb50, gremium=user, votum="ja", kommentar="ok")
    return {
        "genehmigt": genehmigt,
        "beteiligung": beteiligung,
        "entwurf": entwurf,
        "fb50": fb50,
    }


@pytest.fixture
def bestand(vorrat):
    return vorrat


def _get(request_factory, userid, params="", accept="application/json"):
    if userid is None:
        session = request_factory(api=False)
    else:
        session = request_factory(basic_auth=(userid, demo_password(userid)), api=False)
    session.headers["Accept"] = accept
    return session.get(REPORT + params)


def _nummern(data, key):
    return sorted(item["antragsnummer"] for item in data[key])


def test_poa_sees_all_submitted(request_factory, bestand):
    data = _get(request_factory, "poa").json()
    assert data["anzahl_gesamt"] == 3  # no drafts
    assert _nummern(data, "aktive_konten") == sorted(
        [bestand["genehmigt"].antragsnummer, bestand["fb50"].antragsnummer]
    )
    assert _nummern(data, "offene_antraege") == [bestand["beteiligung"].antragsnummer]


def test_active_account_details(request_factory, bestand):
    data = _get(request_factory, "poa", "?fachbereich=fb-50").json()
    (konto,) = data["aktive_konten"]
    assert konto["plattform"] == "facebook"
    assert konto["fachbereich_titel"] == "FB 50 – Sozialamt"
    assert konto["personen"] == 1
    assert konto["genehmigt_am"]


def test_counts_by_department_platform_state(request_factory, bestand):
    data = _get(request_factory, "sta11").json()
    counts = {
        (c["fachbereich"], c["plattform"], c["status"]): c["anzahl"]
        for c in data["anzahl"]
    }
    assert counts == {
        ("fb-10", "instagram", "genehmigt"): 1,
        ("fb-10", "instagram", "beteiligung"): 1,
        ("fb-50", "facebook", "genehmigt"): 1,
    }


def test_open_antraege_carry_the_vote_table(request_factory, bestand):
    data = _get(request_factory, "datenschutz").json()
    (offen,) = data["offene_antraege"]
    assert offen["voten"] == {
        "agentur": "ja",
        "datenschutz": "offen",
        "personalrat": "offen",
        "poa": "offen",
        "itsicherheit": "offen",
    }


def test_head_sees_only_own_department(request_factory, bestand):
    data = _get(request_factory, "leitung").json()
    assert {c["fachbereich"] for c in data["anzahl"]} == {"fb-10"}
    assert data["anzahl_gesamt"] == 3  # incl. the own draft


def test_other_department_staff_sees_only_its_own(request_factory, bestand):
    data = _get(request_factory, "mitarbeiter50").json()
    assert {c["fachbereich"] for c in data["anzahl"]} == {"fb-50"}


def test_anonymous_gets_401(request_factory, bestand):
    assert _get(request_factory, None).status_code == 401


@pytest.mark.parametrize(
    "params,field",
    [
        ("?fachbereich=fb-99", "fachbereich"),
        ("?plattform=myspace", "plattform"),
        ("?status=fertig", "status"),
    ],
)
def test_bad_filter_is_400(request_factory, bestand, params, field):
    response = _get(request_factory, "poa", params)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field


def test_filter_by_state(request_factory, bestand):
    data = _get(request_factory, "poa", "?status=beteiligung").json()
    assert data["anzahl_gesamt"] == 1


def test_csv_parsed_back(request_factory, bestand):
    response = _get(request_factory, "poa", "?status=genehmigt", accept="text/csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["antragsnummer"] for r in rows) == sorted(
        [bestand["genehmigt"].antragsnummer, bestand["fb50"].antragsnummer]
    )
    assert {r["votum_poa"] for r in rows} == {"ja"}
    assert {r["personen"] for r in rows} == {"1"}


def test_csv_bad_filter_is_400(request_factory, bestand):
    response = _get(request_factory, "poa", "?status=fertig", accept="text/csv")
    assert response.status_code == 400
    assert "Unbekannter Status" in response.text
