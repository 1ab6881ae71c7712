"""``GET <antrag>/@vergleich``: the changes since the approved predecessor
(``verfahren.vergleich``) as JSON, for whoever may view the Antrag."""

from plone import api
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.verfahren import schritte
import pytest
import transaction


@pytest.fixture
def api_as(request_factory):
    def _session(userid):
        session = request_factory(basic_auth=(userid, demo_password(userid)), api=False)
        session.headers["Accept-Language"] = "de"
        return session

    return _session


@pytest.fixture
def erneut(antrag_in, add_person, transition):
    """A submitted re-application: new account name, Erika replaced by Hans."""
    genehmigt = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(genehmigt)
        neu.kontoname = "@stadtdortmund_neu"
        (erika,) = [o for o in neu.objectValues() if o.portal_type == "Person"]
        api.content.delete(erika)
    add_person(
        neu,
        vorname="Hans",
        nachname="Meier",
        email="hans.meier@stadtdo.de",
        funktion="moderation",
    )
    transition(neu, "einreichen", "mitarbeiter")
    transaction.commit()
    return genehmigt, neu


def test_vergleich_als_agentur(api_as, erneut):
    genehmigt, neu = erneut
    response = api_as("agentur").get(f"{neu.absolute_url()}/@vergleich")
    assert response.status_code == 200, response.text
    assert response.json() == {
        "@id": f"{neu.absolute_url()}/@vergleich",
        "vorgaenger": {
            "@id": genehmigt.absolute_url(),
            "antragsnummer": genehmigt.antragsnummer,
        },
        "keine_aenderungen": False,
        "felder": [
            {
                "feld": "kontoname",
                "titel": "Name des Kontos",
                "vorher": "@stadtdortmund_buergerdienste",
                "nachher": "@stadtdortmund_neu",
            }
        ],
        "personen": {
            "hinzugefuegt": [{"name": "Hans Meier", "angabe": "Moderator*in"}],
            "entfernt": [{"name": "Erika Mustermann", "angabe": "Redakteur*in"}],
            "geaendert": [],
        },
        "anlagen": {"hinzugefuegt": [], "entfernt": []},
    }


def test_ohne_leserecht_abgewiesen(api_as, erneut):
    _, neu = erneut
    response = api_as("mitarbeiter50").get(f"{neu.absolute_url()}/@vergleich")
    assert response.status_code == 401
    assert "vorgaenger" not in response.text


def test_ohne_genehmigten_vorgaenger_eine_meldung(api_as, erneut):
    genehmigt, _ = erneut
    response = api_as("agentur").get(f"{genehmigt.absolute_url()}/@vergleich")
    assert response.status_code == 200
    assert response.json()["vorgaenger"] is None
    assert "keinen genehmigten Vorgänger" in response.json()["meldung"]
