"""The public register of official accounts (DV § 2), as anonymous:
``@offizielle-kanaele`` (JSON, CSV) and the page ``offizielle-kanaele``.

Only approved, not closed accounts; only platform, handle, URL, department
and date of approval – never a name, e-mail address or vote comment."""

from plone import api
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from tests.conftest import abstimmen
from tests.conftest import ANTRAG_DATEN
from tests.conftest import Bausteine
from tests.conftest import schritt
import csv
import io
import pytest
import transaction


SERVICE = "@offizielle-kanaele"
URL_DATEN = dict(
    ANTRAG_DATEN, url="https://www.instagram.com/stadtdortmund_buergerdienste/"
)
PAGE = "offizielle-kanaele"


@pytest.fixture
def antrag_daten():
    """Every Antrag of these tests names its account's URL."""
    return dict(URL_DATEN)


def VORRAT(bausteine):
    """Official: one approved Antrag (with a pending re-application) and one
    re-application that superseded its predecessor. Not official: closed,
    in review, rejected, draft. Built once for the module (tests/vorrat.py).
    """
    bausteine = Bausteine(bausteine.fb10, antrag_daten=URL_DATEN)
    antrag_in, make_antrag = bausteine.antrag_in, bausteine.make_antrag
    add_person, transition, vote = bausteine.add_person, schritt, abstimmen
    genehmigt = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        anhaengig = schritte.erneut_stellen(genehmigt)
    transition(anhaengig, "einreichen", "mitarbeiter")
    archiviert = antrag_in("archiviert")
    youtube = make_antrag(
        plattform="youtube",
        kontoname="Stadt Dortmund TV",
        url="https://youtube.com/@dortmund",
    )
    add_person(
        youtube, nachname="Quastenflosser", vorname="Xaver", email="xq@stadtdo.example"
    )
    transition(youtube, "einreichen", "mitarbeiter")
    transition(youtube, "genehmigen", "leitung")
    vote(youtube, "agentur", "agentur", "ja", "Geheimer Agenturkommentar.")
    vote(
        youtube,
        "datenschutz",
        "datenschutz",
        "rueckfrage",
        "Vertraulicher Hinweis DSB.",
    )
    with api.env.adopt_user(
        username="mitarbeiter"
    ):  # no decision over an open question
        schritte.rueckfrage_beantworten(
            youtube, gremium="datenschutz", antwort="Vertrauliche Antwort des FB."
        )
    vote(youtube, "poa", "poa", "ja", "POA-Kommentar intern.")
    vote(youtube, "personalrat", "personalrat", "ja", "PR-Kommentar intern.")
    nicht_offiziell = {
        "eingestellt": antrag_in("eingestellt"),
        "beteiligung": antrag_in("beteiligung"),
        "abgelehnt": antrag_in("abgelehnt"),
        "entwurf": make_antrag(kontoname="@entwurf_konto"),
    }
    return {
        "genehmigt": genehmigt,
        "anhaengig": anhaengig,
        "archiviert": archiviert,
        "youtube": youtube,
        **nicht_offiziell,
    }


@pytest.fixture
def bestand(vorrat):
    return vorrat


def _anonym(request_factory, accept="application/json"):
    session = request_factory(api=False)
    session.headers["Accept"] = accept
    return session


def _json(request_factory, params=""):
    return _anonym(request_factory).get(SERVICE + params)


def test_anonymous_sees_approved_accounts_only(request_factory, bestand):
    response = _json(request_factory)
    assert response.status_code == 200
    data = response.json()
    # the approved Antrag, the approved successor of the archived one, YouTube;
    # not: the pending re-application, closed, in review, rejected, draft
    assert data["anzahl"] == 3
    assert sorted(k["plattform"] for k in data["konten"]) == [
        "instagram",
        "instagram",
        "youtube",
    ]
    assert "@entwurf_konto" not in response.text


def test_only_public_fields(request_factory, bestand):
    (youtube,) = [
        k
        for k in _json(request_factory).json()["konten"]
        if k["plattform"] == "youtube"
    ]
    assert youtube == {
        "plattform": "youtube",
        "plattform_titel": "YouTube",
        "konto": "Stadt Dortmund TV",
        "url": "https://youtube.com/@dortmund",
        "fachbereich": "fb-10",
        "fachbereich_titel": bestand["youtube"].aq_parent.Title(),
        "genehmigt_seit": youtube["genehmigt_seit"],
    }
    assert len(youtube["genehmigt_seit"]) == 10  # ISO date


def _geheimnisse(portal):
    """Names and e-mail addresses of every Person in the site, the vote
    comments of every Antrag and the names of the demo users."""
    catalog = api.portal.get_tool("portal_catalog")
    geheim = set()
    for brain in catalog.unrestrictedSearchResults(portal_type="Person"):
        person = brain._unrestrictedGetObject()
        geheim.update({person.nachname, person.vorname, person.email})
    for brain in catalog.unrestrictedSearchResults(portal_type="Antrag"):
        antrag = brain._unrestrictedGetObject()
        for entry in antrag.workflow_history.get(WORKFLOW, ()):
            if entry.get("gremium") and entry.get("comments"):
                geheim.add(entry["comments"])
    for user in api.user.get_users():
        geheim.update({user.getProperty("fullname"), user.getProperty("email")})
    return {g for g in geheim if g}


def test_nothing_personal_in_any_response(request_factory, bestand, portal):
    geheim = _geheimnisse(portal)
    assert {"Quastenflosser", "Xaver", "xq@stadtdo.example"} <= geheim
    assert "Geheimer Agenturkommentar." in geheim
    session = _anonym(request_factory)
    antworten = {
        "json": _json(request_factory).text,
        "json_suche": _json(request_factory, "?q=dortmund").text,
        "csv": _anonym(request_factory, "text/csv").get(SERVICE).text,
        "seite": _anonym(request_factory, "text/html").get(PAGE).text,
        "seite_suche": session.get(
            PAGE + "?q=youtube.com", headers={"Accept": "text/html"}
        ).text,
    }
    for name, text in antworten.items():
        assert "Stadt Dortmund TV" in text, name
        funde = sorted(g for g in geheim if g in text)
        assert funde == [], f"{name}: {funde}"


@pytest.mark.parametrize(
    "q,anzahl",
    [
        ("stadt dortmund tv", 1),
        ("@STADTDORTMUND_buergerdienste", 2),
        ("https://www.instagram.com/stadtdortmund_buergerdienste/", 2),
        ("youtube.com/@Dortmund", 1),
        ("instagram.com/jemand-anderes", 0),
        ('konto* OR "x" AND (', 0),  # no query parser syntax
    ],
)
def test_search_by_handle_or_url(request_factory, bestand, q, anzahl):
    response = _anonym(request_factory).get(SERVICE, params={"q": q})
    assert response.status_code == 200
    assert response.json()["anzahl"] == anzahl


def test_search_does_not_match_the_department(request_factory, bestand):
    titel = bestand["youtube"].aq_parent.Title()
    assert (
        _anonym(request_factory).get(SERVICE, params={"q": titel}).json()["anzahl"] == 0
    )


@pytest.mark.parametrize(
    "params", ["?q=a&q=b", "?q:list=a", "?q=" + "x" * 201, "?q:int=5"]
)
def test_bad_search_is_400_in_german(request_factory, bestand, params):
    response = _json(request_factory, params)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "q"
    assert "Suchbegriff" in response.json()["error"]["message"]


def test_bad_search_csv_is_400(request_factory, bestand):
    response = _anonym(request_factory, "text/csv").get(SERVICE + "?q=a&q=b")
    assert response.status_code == 400
    assert "Suchbegriff" in response.text


def test_bad_search_on_the_page_is_a_message(request_factory, bestand):
    response = _anonym(request_factory, "text/html").get(PAGE + "?q=a&q=b")
    assert response.status_code == 200
    assert "Suchbegriff" in response.text


def test_csv_parsed_back(request_factory, bestand):
    response = _anonym(request_factory, "text/csv").get(SERVICE)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3
    assert set(rows[0]) == {
        "plattform",
        "plattform_titel",
        "konto",
        "url",
        "fachbereich",
        "fachbereich_titel",
        "genehmigt_seit",
    }


def test_page_lists_and_answers_the_question(request_factory, bestand):
    session = _anonym(request_factory, "text/html")
    seite = session.get(PAGE + "?q=youtube.com/@dortmund").text
    assert "Ja – die folgenden offiziellen Konten" in seite
    assert "https://youtube.com/@dortmund" in seite
    seite = session.get(PAGE + "?q=instagram.com/faelschung").text
    assert "Kein offizielles Konto der Stadt Dortmund" in seite


@pytest.fixture
def caching(portal):
    """plone.app.caching as a site would run it: installed, a preset, on."""
    from plone.app.testing import applyProfile
    from plone.caching.interfaces import ICacheSettings
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    applyProfile(portal, "plone.app.caching:default")
    applyProfile(portal, "plone.app.caching:with-caching-proxy")
    getUtility(IRegistry).forInterface(ICacheSettings).enabled = True
    transaction.commit()


@pytest.mark.parametrize(
    "path,accept",
    [(SERVICE, "application/json"), (SERVICE, "text/csv"), (PAGE, "text/html")],
)
def test_cache_headers_through_plone_app_caching(
    request_factory, bestand, caching, path, accept
):
    response = _anonym(request_factory, accept).get(path)
    assert response.status_code == 200
    assert response.headers["X-Cache-Rule"] == "plone.content.feed"
    assert response.headers["X-Cache-Operation"] == "plone.app.caching.moderateCaching"
    assert "s-maxage" in response.headers["Cache-Control"]


def test_page_in_english(request_factory, bestand):
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    transaction.commit()
    session = _anonym(request_factory, "text/html")
    seite = session.get(PAGE, headers={"Accept-Language": "en"}).text
    assert "Official social media channels of the City of Dortmund" in seite
    assert "Approved since" in seite
