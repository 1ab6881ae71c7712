"""Odd input never gives a 5xx (issue 20, item 9).

Wrong JSON types in every add-on service are a German 400 naming the field;
every text of Antrag, Person, Anlage and every comment, statement and answer
has a length limit stated in the German message (200 characters on one
line, 10,000 on several), at every door; a client-chosen ``"id"`` on create
is refused. The record is unchanged afterwards.
"""

from plone import api
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.verfahren.voten import kurzansicht
from tests.conftest import ANTRAG_DATEN
from tests.conftest import PERSON_DATEN
import ast
import base64
import pytest
import transaction


FB10 = "soziale-netzwerke/fb-10"
#: JSON values of the wrong type for a text or a yes/no
FALSCH = [["poa", "personalrat"], {"a": 1}, 123, 1.5, True]
ZU_LANG = "x" * 10_001


def _session(request_factory, userid):
    if userid == "admin":
        return request_factory(role="Manager", api=False)
    return request_factory(basic_auth=(userid, demo_password(userid)), api=False)


def _german_400(response, feld=None):
    assert response.status_code == 400, response.text[:500]
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    if feld:
        assert error["field"] == feld
    assert "Traceback" not in response.text
    return error["message"]


def _feldfehler(response, feld):
    """plone.restapi's field errors for ``feld`` (its 400 message is the list
    of errors as a Python literal)."""
    errors = ast.literal_eval(response.json()["message"])
    return [e for e in errors if e.get("field") == feld]


def _stand(antrag):
    """What a refused request must not change."""
    transaction.begin()
    wf = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["Manager"]):
        return (
            api.content.get_state(antrag),
            len(wf.getInfoFor(antrag, "review_history")),
            repr(kurzansicht(antrag, antrag.REQUEST)),
        )


def VORRAT(bausteine):
    """Built once for the module and committed (tests/vorrat.py)."""
    return bausteine.antrag_in("beteiligung")


@pytest.fixture
def beteiligung(vorrat):
    return vorrat


@pytest.mark.parametrize("wert", FALSCH, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("feld", ["gremium", "votum", "kommentar", "endgueltig"])
def test_votum_with_wrong_json_types_is_a_german_400(
    request_factory, beteiligung, feld, wert
):
    if feld == "endgueltig" and wert is True:
        pytest.skip("true is a yes/no")
    vorher = _stand(beteiligung)
    body = {"gremium": "poa", "votum": "ja", "kommentar": "gut", feld: wert}
    response = _session(request_factory, "poa").post(
        beteiligung.absolute_url() + "/@votum", json=body
    )
    message = _german_400(response, feld)
    assert f"„{feld}“" in message
    assert _stand(beteiligung) == vorher


def test_the_reported_list_of_bodies_is_a_400_not_a_type_error(
    request_factory, beteiligung
):
    response = _session(request_factory, "poa").post(
        beteiligung.absolute_url() + "/@votum",
        json={"gremium": ["poa", "personalrat"], "votum": "ja"},
    )
    assert "muss ein Text sein" in _german_400(response, "gremium")


@pytest.mark.parametrize("wert", FALSCH, ids=lambda v: type(v).__name__)
def test_every_service_survives_wrong_types(request_factory, antrag_in, fb10, wert):
    """Each field of each add-on write service, set to a wrong JSON type:
    never a 5xx; a 400 is German."""
    entwurf = antrag_in("entwurf")
    genehmigung = antrag_in("genehmigung_fbl")
    beteiligt = antrag_in("beteiligung")
    genehmigt = antrag_in("genehmigt")
    person = [o for o in genehmigt.objectValues() if o.portal_type == "Person"][0]
    transaction.commit()
    calls = [
        ("poa", "post", beteiligt, "@votum", ("gremium", "votum", "kommentar")),
        ("mitarbeiter", "post", beteiligt, "@rueckfrage", ("gremium", "antwort")),
        ("leitung", "post", genehmigung, "@workflow/genehmigen", ("comment",)),
        ("mitarbeiter", "post", entwurf, "@workflow/einreichen", ("comment",)),
        ("mitarbeiter", "post", person, "@einwilligung-widerrufen", ("datum",)),
        ("mitarbeiter", "post", genehmigt, "@erneut-stellen", ("x",)),
        ("poa", "patch", None, "@benachrichtigungen", ("gremien",)),
        ("admin", "post", None, "@sozialnetz-jobs", ("datum",)),
        (
            "sta11",
            "post",
            fb10.aq_parent,
            "@rechte-mitglieder",
            ("gruppe", "benutzer", "mitglied"),
        ),
        (
            "sta11",
            "post",
            fb10.aq_parent,
            "@rechte-lokale-rollen",
            ("ordner", "principal", "rolle", "erteilt"),
        ),
        ("sta11", "post", fb10, "@sharing", ("entries", "inherit")),
    ]
    for userid, method, ziel, service, felder in calls:
        session = _session(request_factory, userid)
        url = (ziel.absolute_url() + "/" if ziel is not None else "") + service
        for feld in felder:
            response = getattr(session, method)(url, json={feld: wert})
            assert response.status_code < 500, (service, feld, response.text[:800])
            if response.status_code == 400:
                assert "Traceback" not in response.text
        # a body that is no JSON object at all
        response = getattr(session, method)(url, json=[wert])
        assert response.status_code < 500, (service, response.text[:800])
    transaction.begin()
    assert api.content.get_state(genehmigung) == "genehmigung_fbl"
    assert api.content.get_state(entwurf) == "entwurf"


@pytest.mark.parametrize(
    "query",
    [
        "soziale-netzwerke/@rechte-protokoll?limit=1&limit=2",
        "soziale-netzwerke/@rechte-protokoll?principal=a&principal=b",
        "soziale-netzwerke/@auskunft?person=a&person=b",
        "@offizielle-kanaele?q=a&q=b",
        "soziale-netzwerke/@sozialnetz-report?status=a&status=b",
    ],
)
def test_repeated_query_parameters_never_answer_5xx(request_factory, portal, query):
    response = _session(request_factory, "sta11").get(query)
    assert response.status_code < 500, response.text[:800]


# Length limits


@pytest.mark.parametrize(
    "feld,wert,grenze",
    [
        ("kontoname", "k" * 201, "200"),
        ("plattform_sonstige", "p" * 201, "200"),
        ("ziele_zielgruppe", ZU_LANG, "10.000"),
        ("schulung", ZU_LANG, "10.000"),
        ("begruendung_produktwahl", ZU_LANG, "10.000"),
        ("url", "https://example.org/" + "a" * 2000, "2.000"),
    ],
)
def test_antrag_texts_have_a_limit_named_in_the_message(
    request_factory, fb10, feld, wert, grenze
):
    vorher = set(fb10.objectIds())
    response = _session(request_factory, "mitarbeiter").post(
        FB10,
        json=dict(
            ANTRAG_DATEN, plattform="sonstige", **{"@type": "Antrag", feld: wert}
        ),
    )
    assert response.status_code == 400, response.text[:500]
    meldungen = [e["message"] for e in _feldfehler(response, feld)]
    assert any(f"höchstens {grenze} Zeichen" in m for m in meldungen), meldungen
    transaction.begin()
    assert set(fb10.objectIds()) == vorher


def test_a_3_mb_account_name_is_refused_on_patch(request_factory, make_antrag):
    antrag = make_antrag()
    transaction.commit()
    response = _session(request_factory, "mitarbeiter").patch(
        antrag.absolute_url(), json={"kontoname": "@" + "k" * 3_000_000}
    )
    assert response.status_code == 400
    transaction.begin()
    assert antrag.kontoname == ANTRAG_DATEN["kontoname"]


def test_formatted_justification_has_a_limit(request_factory, make_antrag):
    antrag = make_antrag()
    transaction.commit()
    response = _session(request_factory, "mitarbeiter").patch(
        antrag.absolute_url(),
        json={"begruendung": {"data": "<p>" + "b" * 20_001 + "</p>"}},
    )
    assert response.status_code == 400, response.text[:300]
    (error,) = _feldfehler(response, "begruendung")
    assert "höchstens 20.000 Zeichen" in error["message"]


@pytest.mark.parametrize(
    "feld,wert", [("nachname", "n" * 201), ("rechte_aufgaben", ZU_LANG)]
)
def test_person_texts_have_a_limit(request_factory, make_antrag, feld, wert):
    antrag = make_antrag()
    transaction.commit()
    data = dict(PERSON_DATEN, **{"@type": "Person", feld: wert})
    for key in ("einwilligung_datum", "taetigkeit_von"):
        data[key] = data[key].isoformat()
    response = _session(request_factory, "mitarbeiter").post(
        antrag.absolute_url(), json=data
    )
    assert response.status_code == 400
    (error,) = _feldfehler(response, feld)
    assert "höchstens" in error["message"]
    transaction.begin()
    assert not antrag.objectIds()


@pytest.mark.parametrize("feld,wert", [("title", "t" * 201), ("description", ZU_LANG)])
def test_anlage_texts_have_a_limit(request_factory, make_antrag, feld, wert):
    antrag = make_antrag()
    transaction.commit()
    response = _session(request_factory, "mitarbeiter").post(
        antrag.absolute_url(),
        json={
            "@type": "Anlage",
            feld: wert,
            "file": {
                "data": base64.b64encode(b"%PDF-1.4 x").decode(),
                "encoding": "base64",
                "filename": "x.pdf",
            },
        },
    )
    assert response.status_code == 400, response.text[:300]
    (error,) = _feldfehler(response, feld)
    assert "höchstens" in error["message"]
    transaction.begin()
    assert not antrag.objectIds()


def test_add_form_names_the_limit(browser_as, fb10):
    browser = browser_as("mitarbeiter")
    browser.open(fb10.absolute_url() + "/++add++Antrag")
    browser.getControl(name="form.widgets.kontoname").value = "k" * 201
    browser.getControl(name="form.buttons.save").click()
    assert "höchstens 200 Zeichen" in browser.contents
    assert "/++add++Antrag" in browser.url


@pytest.mark.parametrize(
    "userid,service,body,feld",
    [
        (
            "poa",
            "@votum",
            {"gremium": "poa", "votum": "nein", "kommentar": ZU_LANG},
            "kommentar",
        ),
        (
            "mitarbeiter",
            "@rueckfrage",
            {"gremium": "poa", "antwort": ZU_LANG},
            "antwort",
        ),
    ],
)
def test_comments_and_answers_have_a_limit(
    request_factory, beteiligung, userid, service, body, feld
):
    vorher = _stand(beteiligung)
    response = _session(request_factory, userid).post(
        beteiligung.absolute_url() + "/" + service, json=body
    )
    message = _german_400(response)
    assert "höchstens 10.000 Zeichen" in message
    assert _stand(beteiligung) == vorher


def test_workflow_comment_has_a_limit(request_factory, antrag_in):
    antrag = antrag_in("genehmigung_fbl")
    transaction.commit()
    vorher = _stand(antrag)
    response = _session(request_factory, "leitung").post(
        antrag.absolute_url() + "/@workflow/genehmigen", json={"comment": ZU_LANG}
    )
    assert "höchstens 10.000 Zeichen" in _german_400(response, "kommentar")
    assert _stand(antrag) == vorher


def test_process_layer_refuses_a_long_comment_for_every_door(antrag_in):
    from stadtdo.sozialnetz.errors import AktionAbgelehnt
    from stadtdo.sozialnetz.verfahren import schritte

    antrag = antrag_in("beteiligung")
    with api.env.adopt_user(username="poa"), pytest.raises(AktionAbgelehnt) as info:
        schritte.votum(antrag, gremium="poa", votum="ja", kommentar=ZU_LANG)
    assert "höchstens 10.000 Zeichen" in info.value.message


# Client-chosen ids


def test_client_chosen_id_of_an_antrag_is_refused(request_factory, fb10):
    vorher = set(fb10.objectIds())
    response = _session(request_factory, "mitarbeiter").post(
        FB10, json=dict(ANTRAG_DATEN, **{"@type": "Antrag", "id": "erika-mustermann"})
    )
    assert response.status_code == 400, response.text[:300]
    assert "Kurzadresse vergibt die Datenbank" in response.json()["message"]
    transaction.begin()
    assert set(fb10.objectIds()) == vorher


@pytest.mark.parametrize("typ", ["Person", "Anlage"])
def test_client_chosen_id_of_a_person_or_anlage_is_refused(
    request_factory, make_antrag, typ
):
    antrag = make_antrag()
    transaction.commit()
    if typ == "Person":
        data = dict(PERSON_DATEN, **{"@type": "Person"})
        for key in ("einwilligung_datum", "taetigkeit_von"):
            data[key] = data[key].isoformat()
    else:
        data = {
            "@type": "Anlage",
            "file": {
                "data": base64.b64encode(b"%PDF-1.4 x").decode(),
                "encoding": "base64",
                "filename": "x.pdf",
            },
        }
    data["id"] = "erika-mustermann"
    response = _session(request_factory, "mitarbeiter").post(
        antrag.absolute_url(), json=data
    )
    assert response.status_code == 400, response.text[:300]
    transaction.begin()
    assert not antrag.objectIds()


def test_without_id_the_short_name_is_the_antragsnummer(request_factory, fb10):
    response = _session(request_factory, "mitarbeiter").post(
        FB10, json=dict(ANTRAG_DATEN, **{"@type": "Antrag"})
    )
    assert response.status_code == 201
    data = response.json()
    assert data["@id"].endswith("/" + data["antragsnummer"].lower())


def test_antrag_view_refuses_a_long_comment_with_the_limit(browser_as, antrag_in):
    antrag = antrag_in("genehmigung_fbl")
    transaction.commit()
    vorher = _stand(antrag)
    browser = browser_as("leitung")
    browser.open(antrag.absolute_url())
    browser.getControl(name="kommentar", index=0).value = ZU_LANG
    browser.getControl("Genehmigen", index=1).click()
    assert "höchstens 10.000 Zeichen" in browser.contents
    assert _stand(antrag) == vorher
