"""Concurrent creates and votes through the REST API of the layer's WSGI
server (waitress, several threads, one ZODB connection per request): no 5xx,
nothing lost, no Antragsnummer given twice."""

from concurrent.futures import ThreadPoolExecutor
from plone import api
from stadtdo.sozialnetz.demo import demo_password
from tests.concurrency.conftest import WIEDERHOLUNGEN
from tests.conftest import ANTRAG_DATEN
from ZPublisher.HTTPRequest import HTTPRequest
import pytest
import transaction
import uuid


FB10 = "soziale-netzwerke/fb-10"


@pytest.fixture
def wie_die_instanz(monkeypatch, functional):
    """The server as the instance's zope.conf configures it (the test server
    has Zope's defaults): a conflicting request is repeated up to
    max-conflict-retries times, and a connection caches up to cache-size
    objects.

    The cache size matters: with the test DB's 400 objects a request's
    connection drops (ghosts) even the site's component registry when it is
    closed, and the EndRequestEvent that Zope fires after closing the
    connection of a request to be repeated then cannot load it
    (ConnectionStateError, a 500)."""
    monkeypatch.setattr(HTTPRequest, "retry_max_count", WIEDERHOLUNGEN)
    db = functional["zodbDB"]
    vorher = db.getCacheSize()
    db.setCacheSize(30000)
    yield
    db.setCacheSize(vorher)


@pytest.fixture
def sitzung(request_factory):
    def _sitzung(userid):
        return request_factory(basic_auth=(userid, demo_password(userid)), api=False)

    return _sitzung


def _anlegen(sitzung):
    daten = dict(ANTRAG_DATEN, kontoname=f"@konto_{uuid.uuid4().hex[:8]}")
    response = sitzung("mitarbeiter").post(
        FB10, json=dict(daten, **{"@type": "Antrag"})
    )
    return response.status_code, response.json() if response.ok else response.text


def test_concurrent_rest_creates_answer_without_5xx(
    sitzung, functional_portal, make_antrag, wie_die_instanz
):
    for _ in range(3):  # FB 10 in use
        make_antrag()
    transaction.commit()

    anzahl = 16
    with ThreadPoolExecutor(max_workers=8) as pool:
        antworten = list(pool.map(lambda _: _anlegen(sitzung), range(anzahl)))

    assert [status for status, _ in antworten] == [201] * anzahl, antworten
    nummern = [daten["antragsnummer"] for _, daten in antworten]
    assert len(set(nummern)) == anzahl
    transaction.begin()  # see what the server committed
    fb10 = functional_portal["soziale-netzwerke"]["fb-10"]
    for _, daten in antworten:
        assert fb10[daten["id"]].antragsnummer == daten["antragsnummer"]


def test_concurrent_rest_votes_on_one_antrag_answer_without_5xx(
    sitzung, antrag_in, wie_die_instanz
):
    antrag = antrag_in("beteiligung")
    url = antrag.absolute_url()
    transaction.commit()

    def abstimmen(gremium):
        response = sitzung(gremium).post(
            f"{url}/@votum", json={"gremium": gremium, "votum": "ja"}
        )
        return gremium, response.status_code, response.text

    with ThreadPoolExecutor(max_workers=2) as pool:
        antworten = list(pool.map(abstimmen, ["poa", "personalrat"]))

    assert [status for _, status, _ in antworten] == [200] * 2, antworten
    transaction.begin()
    from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum

    for gremium in ("poa", "personalrat"):
        assert aktuelles_votum(antrag, gremium)["votum"] == "ja"
    assert api.content.get_state(antrag) == "genehmigt"
