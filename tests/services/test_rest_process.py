"""The whole Beteiligungsprozess through the REST API, as the demo users,
each step refused for the users who may not take it."""

from stadtdo.sozialnetz.demo import demo_password
from tests.conftest import ANTRAG_DATEN
from tests.conftest import PERSON_DATEN
import ast
import base64
import pytest
import transaction


FB10 = "soziale-netzwerke/fb-10"


@pytest.fixture
def api_as(request_factory):
    """A REST session (``/++api++``-less, plain Accept: JSON) for a demo user."""

    def _session(userid=None):
        if userid is None:
            return request_factory(api=False)
        if userid == "admin":
            return request_factory(role="Manager", api=False)
        return request_factory(basic_auth=(userid, demo_password(userid)), api=False)

    return _session


def _person_json():
    data = dict(PERSON_DATEN, **{"@type": "Person"})
    for key in ("einwilligung_datum", "taetigkeit_von"):
        data[key] = data[key].isoformat()
    return data


def _create_antrag(api_as):
    response = api_as("mitarbeiter").post(
        FB10, json=dict(ANTRAG_DATEN, **{"@type": "Antrag"})
    )
    assert response.status_code == 201, response.text
    return response.json()["@id"]


def test_whole_path_as_demo_users(api_as, functional_portal):
    mitarbeiter = api_as("mitarbeiter")
    url = _create_antrag(api_as)
    antrag = mitarbeiter.get(url).json()
    assert antrag["antragsnummer"].startswith("SN-")
    assert antrag["fachbereich"] == "FB 10 – Bürgerdienste"
    assert antrag["antragsteller"] == "mitarbeiter"

    # einreichen without a Person: refused with the reason
    response = mitarbeiter.post(f"{url}/@workflow/einreichen", json={})
    assert response.status_code == 400
    assert "keine zuständige Person" in response.json()["error"]["message"]

    for vorname in ("Erika", "Hans"):
        response = mitarbeiter.post(url, json=dict(_person_json(), vorname=vorname))
        assert response.status_code == 201, response.text
    response = mitarbeiter.post(
        url,
        json={
            "@type": "Anlage",
            "title": "Redaktionskonzept",
            "file": {
                "data": base64.b64encode(b"%PDF-1.4\nKonzept").decode(),
                "encoding": "base64",
                "filename": "konzept.pdf",
                "content-type": "application/pdf",
            },
        },
    )
    assert response.status_code == 201, response.text

    assert mitarbeiter.get(f"{url}/@einreichen").json()["einreichbar"] is True
    response = mitarbeiter.post(
        f"{url}/@workflow/einreichen", json={"comment": "Bitte prüfen"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "genehmigung_fbl"

    # frozen: no PATCH, no new Person, not even for the head or the admin
    for userid in ("mitarbeiter", "leitung", "admin"):
        response = api_as(userid).patch(url, json={"kontoname": "@geaendert"})
        assert response.status_code in (401, 403), (userid, response.status_code)
    response = mitarbeiter.post(url, json=_person_json())
    assert response.status_code in (401, 403)

    # only the head (or deputy) approves
    for userid in ("mitarbeiter", "agentur", "poa"):
        response = api_as(userid).post(f"{url}/@workflow/genehmigen", json={})
        assert response.status_code == 403, (userid, response.text)
        assert "nicht ausführen" in response.json()["error"]["message"]
    response = api_as("leitung").post(f"{url}/@workflow/genehmigen", json={})
    assert response.json()["review_state"] == "stellungnahme_agentur"

    # agency statement
    response = api_as("poa").post(
        f"{url}/@votum", json={"gremium": "agentur", "votum": "ja"}
    )
    assert response.status_code == 403
    response = api_as("agentur").post(
        f"{url}/@votum",
        json={"gremium": "agentur", "votum": "ja", "kommentar": "Beraten"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "beteiligung"

    # four bodies vote; each only for itself
    response = api_as("personalrat").post(
        f"{url}/@votum", json={"gremium": "poa", "votum": "ja"}
    )
    assert response.status_code == 403
    for userid in ("datenschutz", "itsicherheit", "poa"):
        response = api_as(userid).post(
            f"{url}/@votum", json={"gremium": userid, "votum": "ja"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["review_state"] == "beteiligung"
    response = api_as("personalrat").post(
        f"{url}/@votum", json={"gremium": "personalrat", "votum": "ja"}
    )
    table = response.json()
    assert table["review_state"] == "genehmigt"
    assert [row["votum"] for row in table["gremien"]] == ["ja"] * 5

    # the FB sees the table and the history
    table = api_as("dsfachkraft").get(f"{url}/@votum").json()
    assert table["gremien"][2]["spalte"] == "Personalrat"
    assert api_as("mitarbeiter50").get(f"{url}/@votum").status_code in (401, 403)

    # re-application: only the FB staff
    assert api_as("leitung").post(f"{url}/@erneut-stellen").status_code == 403
    response = mitarbeiter.post(f"{url}/@erneut-stellen")
    assert response.status_code == 201, response.text
    neu = response.json()["@id"]
    assert response.headers["Location"] == neu
    neu_json = mitarbeiter.get(neu).json()
    assert neu_json["antragsart"]["token"] == "erneuter_antrag"
    assert mitarbeiter.get(url).json()["review_state"] == "genehmigt"

    assert neu_json["vorgaenger"]["@id"] == url
    assert (
        neu_json["vorgaenger"]["antragsnummer"]
        == mitarbeiter.get(url).json()["antragsnummer"]
    )

    response = mitarbeiter.post(f"{neu}/@workflow/einreichen", json={})
    assert response.status_code == 200, response.text
    # the approval stays in force while the re-application is pending
    alt = mitarbeiter.get(url).json()
    assert alt["review_state"] == "genehmigt"
    assert alt["aenderung_beantragt"]["@id"] == neu
    assert [n["@id"] for n in alt["nachfolger"]] == [neu]

    api_as("leitung").post(f"{neu}/@workflow/genehmigen", json={})
    for gremium in ("agentur", "poa", "personalrat"):
        response = api_as(gremium).post(
            f"{neu}/@votum", json={"gremium": gremium, "votum": "ja"}
        )
        assert response.status_code == 200, response.text
    assert mitarbeiter.get(neu).json()["review_state"] == "genehmigt"
    alt = mitarbeiter.get(url).json()
    assert alt["review_state"] == "archiviert"
    assert alt["aenderung_beantragt"] is None


@pytest.fixture
def antrag_in_beteiligung(antrag_in):
    antrag = antrag_in("beteiligung")
    transaction.commit()
    return antrag.absolute_url()


def test_anonymous_gets_401(api_as, antrag_in_beteiligung):
    url = antrag_in_beteiligung
    anonymous = api_as(None)
    assert anonymous.get(f"{url}/@votum").status_code == 401
    response = anonymous.post(f"{url}/@votum", json={"gremium": "poa", "votum": "ja"})
    assert response.status_code == 401


@pytest.mark.parametrize(
    "payload,field",
    [
        ({"gremium": "poa", "votum": "vielleicht"}, "votum"),
        ({"gremium": "stadtrat", "votum": "ja"}, "gremium"),
        ({"votum": "ja"}, "gremium"),
        ({"gremium": "poa", "votum": "nein"}, "kommentar"),
    ],
)
def test_bad_vote_is_400_with_field_and_german_message(
    api_as, antrag_in_beteiligung, payload, field
):
    response = api_as("poa").post(f"{antrag_in_beteiligung}/@votum", json=payload)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == field
    assert error["message"]


def test_vote_not_due_is_400(api_as, antrag_in_beteiligung):
    response = api_as("agentur").post(
        f"{antrag_in_beteiligung}/@votum", json={"gremium": "agentur", "votum": "ja"}
    )
    assert response.status_code == 400
    assert "nicht vorgesehen" in response.json()["error"]["message"]


def test_rueckfrage_and_answer_over_rest(api_as, antrag_in_beteiligung):
    url = antrag_in_beteiligung
    api_as("personalrat").post(
        f"{url}/@votum",
        json={
            "gremium": "personalrat",
            "votum": "rueckfrage",
            "kommentar": "Vertretung?",
        },
    )
    assert (
        api_as("poa")
        .post(f"{url}/@rueckfrage", json={"gremium": "personalrat", "antwort": "x"})
        .status_code
        == 403
    )
    response = api_as("mitarbeiter").post(
        f"{url}/@rueckfrage", json={"gremium": "personalrat", "antwort": "Frau B."}
    )
    assert response.status_code == 200, response.text
    assert response.json()["offene_rueckfragen"] == []


def test_other_department_cannot_add(api_as):
    response = api_as("mitarbeiter50").post(
        FB10, json=dict(ANTRAG_DATEN, **{"@type": "Antrag"})
    )
    assert response.status_code == 401


def test_missing_required_field_is_400_naming_it(api_as):
    data = dict(ANTRAG_DATEN, **{"@type": "Antrag"})
    del data["kontoname"]
    response = api_as("mitarbeiter").post(FB10, json=data)
    assert response.status_code == 400
    assert "kontoname" in response.text


def test_invalid_person_email_is_400(api_as):
    url = _create_antrag(api_as)
    response = api_as("mitarbeiter").post(
        url, json=dict(_person_json(), email="kein-at")
    )
    assert response.status_code == 400
    assert "email" in response.text


def test_person_without_consent_is_400(api_as):
    url = _create_antrag(api_as)
    response = api_as("mitarbeiter").post(
        url, json=dict(_person_json(), einwilligung=False)
    )
    assert response.status_code == 400
    assert "einwilligung" in response.text


def _errors(response):
    """plone.restapi's 400 message: the list of errors, as Python literal."""
    return ast.literal_eval(response.json()["message"])


def test_person_invariant_error_is_400_naming_its_field(api_as):
    url = _create_antrag(api_as)
    response = api_as("mitarbeiter").post(
        url,
        json=dict(
            _person_json(), taetigkeit_von="2026-03-01", taetigkeit_bis="2026-02-01"
        ),
    )
    assert response.status_code == 400
    assert _errors(response) == [
        {
            "field": "taetigkeit_bis",
            "message": "Das Ende der Aufgabe muss nach ihrem Beginn liegen.",
            "error": "ValidationError",
        }
    ]


def test_antrag_invariant_error_is_400_naming_its_field(api_as):
    data = dict(ANTRAG_DATEN, pflege_in_arbeitszeit=False, **{"@type": "Antrag"})
    data.pop("begruendung_ausserhalb_arbeitszeit", None)
    response = api_as("mitarbeiter").post(FB10, json=data)
    assert response.status_code == 400
    (error,) = _errors(response)
    assert error["field"] == "begruendung_ausserhalb_arbeitszeit"
    assert error["message"].startswith("Bitte begründen Sie")

    url = _create_antrag(api_as)
    response = api_as("mitarbeiter").patch(url, json={"pflege_in_arbeitszeit": False})
    assert response.status_code == 400
    assert [e["field"] for e in _errors(response)] == [
        "begruendung_ausserhalb_arbeitszeit"
    ]


def test_votum_get_gives_every_row_its_deadline(request_factory, antrag_in):
    """``GET @votum``: ``frist`` per body (ISO date), null when not due."""
    from datetime import date
    from stadtdo.sozialnetz.demo import demo_password
    from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
    import transaction

    antrag = antrag_in("beteiligung")
    transaction.commit()
    session = request_factory(basic_auth=("poa", demo_password("poa")), api=False)
    session.headers["Accept"] = "application/json"
    path = antrag.absolute_url().split("/plone/", 1)[1]
    rows = session.get(f"{path}/@votum").json()["gremien"]
    erwartet = plus_arbeitstage(date.today(), 10).isoformat()
    assert {r["gremium"]: r["frist"] for r in rows} == {
        "agentur": None,
        "datenschutz": erwartet,
        "personalrat": erwartet,
        "poa": erwartet,
        "itsicherheit": erwartet,
    }
