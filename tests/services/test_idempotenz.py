"""``Idempotency-Key``: a write sent again is carried out once and gets its
first answer (issue 14: a POST in flight on an instance that dies can be
sent again – by the client or by HAProxy – without doubling it)."""

from concurrent.futures import ThreadPoolExecutor
from plone import api
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.infrastruktur import idempotenz
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from tests.conftest import ANTRAG_DATEN
from zope.annotation.interfaces import IAnnotations
import pytest
import time
import transaction
import uuid


FB10 = "soziale-netzwerke/fb-10"


@pytest.fixture
def als(request_factory):
    def _session(userid):
        session = request_factory(basic_auth=(userid, demo_password(userid)), api=False)
        session.headers["Accept"] = "application/json"
        return session

    return _session


def _neu(kontoname=None):
    kontoname = kontoname or f"@idem_{uuid.uuid4().hex[:10]}"
    return dict(ANTRAG_DATEN, kontoname=kontoname, **{"@type": "Antrag"})


def _antraege(portal, kontoname):
    transaction.begin()
    return portal.portal_catalog.unrestrictedSearchResults(
        portal_type="Antrag", kontoname=kontoname
    )


def test_a_create_sent_twice_is_created_once(als, functional_portal):
    schluessel = str(uuid.uuid4())
    daten = _neu()
    erste = als("mitarbeiter").post(
        FB10, json=daten, headers={"Idempotency-Key": schluessel}
    )
    assert erste.status_code == 201, erste.text
    assert "Idempotent-Replayed" not in erste.headers
    zweite = als("mitarbeiter").post(
        FB10, json=daten, headers={"Idempotency-Key": schluessel}
    )
    assert zweite.status_code == 201, zweite.text
    assert zweite.headers["Idempotent-Replayed"] == "true"
    assert zweite.headers["Location"] == erste.headers["Location"]
    assert zweite.json() == erste.json()
    assert len(_antraege(functional_portal, daten["kontoname"])) == 1


def test_without_the_key_a_second_post_creates_a_second_antrag(als, functional_portal):
    daten = _neu()
    for _ in range(2):
        assert als("mitarbeiter").post(FB10, json=daten).status_code == 201
    assert len(_antraege(functional_portal, daten["kontoname"])) == 2


def test_a_vote_sent_twice_is_recorded_once(als, antrag_in):
    from stadtdo.sozialnetz.verfahren.voten import eintraege

    antrag = antrag_in("beteiligung")
    transaction.commit()
    pfad = antrag.absolute_url().split("/plone/", 1)[1]
    schluessel = str(uuid.uuid4())
    antworten = [
        als("poa").post(
            f"{pfad}/@votum",
            json={"gremium": "poa", "votum": "ja", "kommentar": "passt"},
            headers={"Idempotency-Key": schluessel},
        )
        for _ in range(2)
    ]
    assert [a.status_code for a in antworten] == [200, 200], antworten[1].text
    assert antworten[1].headers["Idempotent-Replayed"] == "true"
    assert antworten[1].json() == antworten[0].json()
    transaction.begin()
    assert [e["votum"] for e in eintraege(antrag, "poa")] == ["ja"]
    # without the key the body votes again: a second entry (why the key matters)
    ohne = als("poa").post(f"{pfad}/@votum", json={"gremium": "poa", "votum": "ja"})
    assert ohne.status_code == 200, ohne.text
    transaction.begin()
    assert [e["votum"] for e in eintraege(antrag, "poa")] == ["ja", "ja"]


def test_the_key_of_another_user_or_request_is_refused(als, antrag_in):
    schluessel = str(uuid.uuid4())
    daten = _neu()
    assert (
        als("mitarbeiter")
        .post(FB10, json=daten, headers={"Idempotency-Key": schluessel})
        .status_code
        == 201
    )
    # another user with the same key: no answer of someone else's request
    transaction.begin()  # see the create of the server's thread
    antrag = antrag_in("beteiligung")
    transaction.commit()
    pfad = antrag.absolute_url().split("/plone/", 1)[1]
    fremd = als("poa").post(
        f"{pfad}/@votum",
        json={"gremium": "poa", "votum": "ja"},
        headers={"Idempotency-Key": schluessel},
    )
    assert fremd.status_code == 422, fremd.text
    assert "schon für eine andere Anfrage verwendet" in fremd.json()["message"]
    # same user, other body
    anders = als("mitarbeiter").post(
        FB10, json=_neu(), headers={"Idempotency-Key": schluessel}
    )
    assert anders.status_code == 422
    assert "neuen Schlüssel" in anders.json()["message"]


def test_a_refused_write_is_not_kept(als, functional_portal):
    """An answer 4xx committed nothing: the same request is checked again."""
    schluessel = str(uuid.uuid4())
    daten = dict(_neu(), impressum_url="kein Link")
    for _ in range(2):
        antwort = als("mitarbeiter").post(
            FB10, json=daten, headers={"Idempotency-Key": schluessel}
        )
        assert antwort.status_code == 400, antwort.text
        assert "Idempotent-Replayed" not in antwort.headers
    transaction.begin()
    speicher = IAnnotations(functional_portal).get(idempotenz.ANNOTATION_KEY)
    assert speicher is None or schluessel not in speicher


@pytest.mark.parametrize(
    "schluessel", ["kurz", "mit leerzeichen drin", "ä" * 20, "x" * 256]
)
def test_a_key_of_the_wrong_form_is_refused(als, schluessel):
    antwort = als("mitarbeiter").post(
        FB10, json=_neu(), headers={"Idempotency-Key": schluessel.encode("utf-8")}
    )
    assert antwort.status_code == 400
    assert "8 bis 255 Zeichen" in antwort.json()["message"]


def test_a_quoted_key_is_the_same_key(als, functional_portal):
    daten = _neu()
    wert = str(uuid.uuid4())
    erste = als("mitarbeiter").post(FB10, json=daten, headers={"Idempotency-Key": wert})
    zweite = als("mitarbeiter").post(
        FB10, json=daten, headers={"Idempotency-Key": f'"{wert}"'}
    )
    assert (erste.status_code, zweite.status_code) == (201, 201)
    assert zweite.headers["Idempotent-Replayed"] == "true"
    assert len(_antraege(functional_portal, daten["kontoname"])) == 1


def test_the_key_is_refused_outside_the_rest_api(request_factory):
    """A page (form POST) cannot repeat its answer: the key is refused there,
    so nobody relies on it."""
    session = request_factory(
        basic_auth=("mitarbeiter", demo_password("mitarbeiter")), api=False
    )
    antwort = session.post(
        "soziale-netzwerke/@@uebersicht",
        data={"q": "x"},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert antwort.status_code == 400
    assert "nur für Schreibanfragen an die REST-API" in antwort.json()["message"]


def test_two_requests_with_one_key_at_the_same_moment_create_once(
    als, functional_portal
):
    """Both arrive before either commits (HAProxy re-sends while the first is
    still running): the key conflicts in the store, Zope repeats the
    second, which then finds the first answer."""
    schluessel = str(uuid.uuid4())
    daten = _neu()

    def senden(_):
        return als("mitarbeiter").post(
            FB10, json=daten, headers={"Idempotency-Key": schluessel}
        )

    with ThreadPoolExecutor(4) as pool:
        antworten = list(pool.map(senden, range(4)))
    assert [a.status_code for a in antworten] == [201] * 4, [a.text for a in antworten]
    assert len({a.headers["Location"] for a in antworten}) == 1
    assert len(_antraege(functional_portal, daten["kontoname"])) == 1


def test_the_daily_job_forgets_answers_after_a_day(als, functional_portal):
    alt, neu = str(uuid.uuid4()), str(uuid.uuid4())
    for schluessel in (alt, neu):
        assert (
            als("mitarbeiter")
            .post(FB10, json=_neu(), headers={"Idempotency-Key": schluessel})
            .status_code
            == 201
        )
    transaction.begin()
    speicher = IAnnotations(functional_portal)[idempotenz.ANNOTATION_KEY]
    speicher[alt].zeit = time.time() - idempotenz.AUFBEWAHRUNG - 60
    with api.env.adopt_roles(["Manager"]):
        run_jobs(dry_run=True)
        assert alt in speicher
        run_jobs()
    assert alt not in speicher
    assert neu in speicher


def test_the_key_opens_no_door(als, request_factory):
    """Rights are checked before the stored answer is looked up: anonymous
    and a user without the right get 401 with the same key and body, not the
    first answer."""
    schluessel = str(uuid.uuid4())
    daten = _neu()
    assert (
        als("mitarbeiter")
        .post(FB10, json=daten, headers={"Idempotency-Key": schluessel})
        .status_code
        == 201
    )
    anonym = request_factory(api=False)
    anonym.headers["Accept"] = "application/json"
    for session in (anonym, als("poa")):
        antwort = session.post(
            FB10, json=daten, headers={"Idempotency-Key": schluessel}
        )
        assert antwort.status_code == 401, antwort.text
        assert "Idempotent-Replayed" not in antwort.headers
