"""REST writes need more than a cookie (issue 20 item 6): a write signed in
by the session cookie is carried out only as JSON from the site's own
origin; Basic and Bearer clients are not affected; outside the database
Plone stays as it is."""

from plone import api
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.rechte.schreibschutz import herkunft
from stadtdo.sozialnetz.verfahren.voten import eintraege
import json
import pytest
import requests
import transaction


BOESE = "https://evil.example"
VOTUM = {"gremium": "poa", "votum": "ja", "kommentar": "passt"}


@pytest.fixture
def basis(functional_portal):
    return functional_portal.absolute_url()


@pytest.fixture
def eigene(basis):
    return herkunft(basis)


@pytest.fixture
def mit_cookie(basis, request):
    """``mit_cookie(userid)``: a session signed in through ``@login``; it
    keeps only the ``__ac`` cookie (no token header), as a browser would."""

    def _anmelden(userid):
        session = requests.Session()
        request.addfinalizer(session.close)
        antwort = session.post(
            f"{basis}/@login",
            json={"login": userid, "password": demo_password(userid)},
            headers={"Accept": "application/json"},
        )
        assert antwort.status_code == 200, antwort.text
        assert "__ac" in session.cookies
        return session

    return _anmelden


def _url(obj):
    transaction.commit()
    return obj.absolute_url()


def _formular(session, methode, url, daten, **header):
    """What a foreign page can send without a CORS preflight: text/plain."""
    return session.request(
        methode,
        url,
        data=json.dumps(daten),
        headers={"Accept": "application/json", "Content-Type": "text/plain", **header},
    )


def _frisch(obj):
    transaction.begin()
    return obj


@pytest.fixture
def im_votum(antrag_in):
    """An Antrag in which the POA votes, and the URL of its ``@votum``."""
    antrag = antrag_in("beteiligung")
    return antrag, f"{_url(antrag)}/@votum"


def _votum_als_json(session, url, **header):
    return session.post(
        url, json=VOTUM, headers={"Accept": "application/json", **header}
    )


def _poa_stimmen(antrag):
    return [e["votum"] for e in eintraege(_frisch(antrag), "poa")]


def test_a_cross_origin_form_post_with_the_cookie_records_no_vote(mit_cookie, im_votum):
    antrag, url = im_votum
    antwort = _formular(mit_cookie("poa"), "POST", url, VOTUM, Origin=BOESE)
    assert antwort.status_code == 403, antwort.text
    assert "application/json" in antwort.json()["message"]
    assert _poa_stimmen(antrag) == []


@pytest.mark.parametrize(
    "header",
    [
        {"Origin": BOESE},
        {},
        # the site's URL as a path of a foreign page
        {"Referer": BOESE + "/{basis}"},
        {"Origin": "null"},
    ],
    ids=["foreign-origin", "no-origin-no-referer", "foreign-referer", "null"],
)
def test_json_with_the_cookie_from_elsewhere_is_refused(
    mit_cookie, im_votum, basis, header
):
    antrag, url = im_votum
    header = {name: wert.format(basis=basis) for name, wert in header.items()}
    antwort = _votum_als_json(mit_cookie("poa"), url, **header)
    assert antwort.status_code == 403, antwort.text
    assert "nur von den Seiten dieser Website" in antwort.json()["message"]
    assert _poa_stimmen(antrag) == []


def test_same_origin_json_with_the_cookie_is_carried_out(mit_cookie, im_votum, eigene):
    antrag, url = im_votum
    antwort = _votum_als_json(mit_cookie("poa"), url, Origin=eigene)
    assert antwort.status_code == 200, antwort.text
    assert _poa_stimmen(antrag) == ["ja"]


def test_without_origin_the_sites_own_referer_is_enough(mit_cookie, im_votum):
    antrag, url = im_votum
    antwort = _votum_als_json(mit_cookie("poa"), url, Referer=url)
    assert antwort.status_code == 200, antwort.text
    assert _poa_stimmen(antrag) == ["ja"]


def test_a_script_with_basic_auth_and_no_origin_is_not_affected(im_votum):
    antrag, url = im_votum
    script = requests.Session()
    script.auth = ("poa", demo_password("poa"))
    antwort = _votum_als_json(script, url)
    assert antwort.status_code == 200, antwort.text
    assert _poa_stimmen(antrag) == ["ja"]


def test_a_script_with_the_bearer_token_and_no_origin_is_not_affected(im_votum, basis):
    antrag, url = im_votum
    token = requests.post(
        f"{basis}/@login",
        json={"login": "poa", "password": demo_password("poa")},
        headers={"Accept": "application/json"},
    ).json()["token"]
    antwort = _formular(
        requests.Session(), "POST", url, VOTUM, Authorization=f"Bearer {token}"
    )
    assert antwort.status_code == 200, antwort.text
    assert _poa_stimmen(antrag) == ["ja"]


def test_the_generic_workflow_door_needs_more_than_the_cookie(mit_cookie, antrag_in):
    antrag = antrag_in("genehmigung_fbl")
    url = _url(antrag)
    antwort = _formular(
        mit_cookie("leitung"), "POST", f"{url}/@workflow/genehmigen", {}, Origin=BOESE
    )
    assert antwort.status_code == 403, antwort.text
    assert api.content.get_state(_frisch(antrag)) == "genehmigung_fbl"


def test_patch_and_delete_of_the_databases_content_need_more_than_the_cookie(
    mit_cookie, antrag_in
):
    antrag = antrag_in("entwurf")
    url = _url(antrag)
    session = mit_cookie("mitarbeiter")
    patch = _formular(session, "PATCH", url, {"kontoname": "@boese"}, Origin=BOESE)
    assert patch.status_code == 403, patch.text
    loeschen = session.delete(
        url, headers={"Accept": "application/json", "Origin": BOESE}
    )
    assert loeschen.status_code == 403, loeschen.text
    antrag = _frisch(antrag)
    assert antrag.kontoname == "@stadtdortmund_buergerdienste"
    assert antrag.getId() in antrag.aq_parent.objectIds()


def test_creating_in_the_database_through_the_api_traverser_needs_more_than_the_cookie(
    mit_cookie, fb10, basis, antrag_daten
):
    zahl = len(fb10.objectIds())
    transaction.commit()
    antwort = _formular(
        mit_cookie("mitarbeiter"),
        "POST",
        f"{basis}/++api++/soziale-netzwerke/fb-10",
        dict(antrag_daten, **{"@type": "Antrag"}),
        Origin=BOESE,
    )
    assert antwort.status_code == 403, antwort.text
    assert len(_frisch(fb10).objectIds()) == zahl


def test_sharing_of_a_department_needs_more_than_the_cookie(mit_cookie, fb10):
    vorher = dict(fb10.get_local_roles())
    url = _url(fb10)
    antwort = _formular(
        mit_cookie("sta11"),
        "POST",
        f"{url}/@sharing",
        {
            "entries": [
                {"id": "mitarbeiter50", "type": "user", "roles": {"Reader": True}}
            ]
        },
        Origin=BOESE,
    )
    assert antwort.status_code == 403, antwort.text
    assert dict(_frisch(fb10).get_local_roles()) == vorher


def test_moving_an_antrag_out_of_the_database_needs_more_than_the_cookie(
    mit_cookie, antrag_in, portal, basis
):
    antrag = antrag_in("entwurf")
    with api.env.adopt_roles(["Manager"]):
        ziel = api.content.create(portal, "Folder", id="ziel", title="Ziel")
        api.user.grant_roles(username="mitarbeiter", obj=ziel, roles=["Contributor"])
    pfad = "/".join(antrag.getPhysicalPath()[2:])
    transaction.commit()
    antwort = _formular(
        mit_cookie("mitarbeiter"),
        "POST",
        f"{basis}/ziel/@move",
        {"source": f"{basis}/{pfad}"},
        Origin=BOESE,
    )
    assert antwort.status_code == 403, antwort.text
    assert _frisch(ziel).objectIds() == []


def test_the_addons_service_on_the_site_root_needs_more_than_the_cookie(
    mit_cookie, basis
):
    session = mit_cookie("datenschutz")
    vorher = session.get(
        f"{basis}/@benachrichtigungen", headers={"Accept": "application/json"}
    ).json()
    antwort = _formular(
        session,
        "PATCH",
        f"{basis}/@benachrichtigungen",
        {"gremien": {"datenschutz": "taeglich"}},
        Origin=BOESE,
    )
    assert antwort.status_code == 403, antwort.text
    nachher = session.get(
        f"{basis}/@benachrichtigungen", headers={"Accept": "application/json"}
    ).json()
    assert nachher == vorher


def test_outside_the_database_plone_stays_as_it_is(mit_cookie, portal, basis):
    with api.env.adopt_roles(["Manager"]):
        seite = api.content.create(portal, "Document", id="seite", title="Alt")
        api.user.grant_roles(username="mitarbeiter", obj=seite, roles=["Editor"])
    transaction.commit()
    antwort = _formular(
        mit_cookie("mitarbeiter"),
        "PATCH",
        f"{basis}/seite",
        {"title": "Neu"},
        Origin=BOESE,
    )
    assert antwort.status_code == 204, antwort.text
    assert _frisch(seite).title == "Neu"


@pytest.mark.parametrize(
    "url,erwartet",
    [
        ("http://localhost:55001/plone", "http://localhost:55001"),
        ("HTTPS://Soziale.Dortmund.de:443/x", "https://soziale.dortmund.de"),
        ("http://soziale.dortmund.de:80", "http://soziale.dortmund.de"),
        ("null", None),
        ("javascript:alert(1)", None),
        ("http://host:99999", None),
        (None, None),
    ],
)
def test_the_origin_is_scheme_host_and_port(url, erwartet):
    assert herkunft(url) == erwartet
