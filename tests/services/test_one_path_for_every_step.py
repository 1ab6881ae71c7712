"""One path for every step: each transition id of the Antrag workflow, tried
by every demo actor through REST ``@workflow``, the toolbar's
``content_status_modify`` and the process function, is either refused —
leaving the record untouched — or recorded with its data.

A step that carries data (a vote, the Agentur's statement, an answer, the
reason for sending back) cannot be taken through a generic entry point at all.
"""

from plone import api
from plone.protect.authenticator import createToken
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.pruefung import abweichungen
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from tests.conftest import ZUSTAND
import pytest
import transaction


ACTORS = (
    None,  # anonymous
    "mitarbeiter",
    "mitarbeiter50",
    "leitung",
    "stellvertretung",
    "dsfachkraft",
    "agentur",
    "datenschutz",
    "personalrat",
    "poa",
    "itsicherheit",
    "sta11",
    "admin",
)

#: Steps whose only data is an optional comment, and who may take them.
OHNE_DATEN = {
    "einreichen": {"mitarbeiter"},
    "genehmigen": {"leitung", "stellvertretung"},
    "einstellen": {"mitarbeiter", "leitung", "stellvertretung"},
}


def _history(antrag):
    return [dict(e) for e in antrag.workflow_history.get(WORKFLOW, ())]


def VORRAT(bausteine):
    """For every transition an Antrag in the state in which it is due
    (``antrag_im_zustand_fuer`` of tests/conftest.py), built once for the
    module and committed for the server (tests/vorrat.py)."""
    return {t: bausteine.antrag_im_zustand_fuer(t) for t in ZUSTAND}


@pytest.fixture
def antrag_fuer(vorrat, antrag_im_zustand_fuer):
    """``antrag_fuer("votum_poa")``: an untouched Antrag in the state for that
    transition — first the module's, then a new one, committed for the
    server."""
    unberuehrt = dict(vorrat)

    def _make(transition_id):
        if transition_id in unberuehrt:
            return unberuehrt.pop(transition_id)
        antrag = antrag_im_zustand_fuer(transition_id)
        transaction.commit()
        return antrag

    return _make


def _session(request_factory, userid):
    if userid is None:
        return request_factory(api=False)
    if userid == "admin":
        return request_factory(role="Manager", api=False)
    return request_factory(basic_auth=(userid, demo_password(userid)), api=False)


def _rest(request_factory, userid, antrag, transition_id, data):
    return _session(request_factory, userid).post(
        f"{antrag.absolute_url()}/@workflow/{transition_id}", json=data
    )


def _content_status_modify(request_factory, userid, antrag, transition_id, data):
    session = _session(request_factory, userid)
    session.headers["Accept"] = "text/html"
    form = {"workflow_action": transition_id, "comment": data.get("comment", "")}
    if userid not in (None, "admin"):
        with api.env.adopt_user(username=userid):
            form["_authenticator"] = createToken()
    return session.post(
        f"{antrag.absolute_url()}/content_status_modify",
        data=form,
        allow_redirects=False,
    )


ENTRY_POINTS = {"rest": _rest, "content_status_modify": _content_status_modify}


def _erwartet(transition_id, userid, data):
    if transition_id in OHNE_DATEN:
        return userid in OHNE_DATEN[transition_id]
    if transition_id == "zurueckweisen":
        return userid in ("leitung", "stellvertretung") and bool(data.get("comment"))
    return False


def _aufgenommen(antrag, before, transition_id, data):
    """The step is in the history, with its data."""
    after = _history(antrag)
    assert len(after) == len(before) + 1, (transition_id, after[len(before) :])
    entry = after[-1]
    assert entry["action"] == transition_id
    if data.get("comment"):
        assert entry["comments"] == data["comment"]
    assert abweichungen(antrag) == []


def test_every_transition_of_the_workflow_is_covered(integration):
    assert set(workflow.definition().transitions) == set(ZUSTAND)


@pytest.mark.parametrize("entry_point", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("transition_id", sorted(ZUSTAND))
@pytest.mark.parametrize(
    "data", [{}, {"comment": "Begründung"}], ids=["leer", "kommentar"]
)
def test_generic_entry_points_refuse_or_record_with_data(
    request_factory, antrag_fuer, entry_point, transition_id, data
):
    antrag = antrag_fuer(transition_id)
    for userid in ACTORS:
        before = _history(antrag)
        state = api.content.get_state(antrag)
        response = ENTRY_POINTS[entry_point](
            request_factory, userid, antrag, transition_id, data
        )
        transaction.begin()  # see what the server committed
        label = f"{transition_id} by {userid} via {entry_point}"
        if _erwartet(transition_id, userid, data):
            if entry_point == "rest":
                assert response.status_code == 200, (label, response.text)
            _aufgenommen(antrag, before, transition_id, data)
            antrag = antrag_fuer(transition_id)
            continue
        if entry_point == "rest":
            assert response.status_code in (400, 401, 403), (label, response.text)
            if response.status_code == 400 and transition_id.startswith("votum_"):
                assert "@votum" in response.json()["error"]["message"], label
        else:
            assert response.status_code in (302, 303, 401, 403), label
        assert api.content.get_state(antrag) == state, label
        assert _history(antrag) == before, label
        assert abweichungen(antrag) == [], label


def test_rest_names_the_endpoint_of_a_vote(request_factory, antrag_fuer):
    antrag = antrag_fuer("votum_poa")
    response = _rest(request_factory, "poa", antrag, "votum_poa", {})
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert '@votum mit {"gremium": "poa"' in message


def test_rest_zurueckweisen_without_reason_is_400_naming_the_field(
    request_factory, antrag_fuer
):
    antrag = antrag_fuer("zurueckweisen")
    response = _rest(request_factory, "leitung", antrag, "zurueckweisen", {})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "comment"
    assert "begründen" in error["message"]


def test_toolbar_refusal_is_shown_in_german(request_factory, antrag_fuer):
    antrag = antrag_fuer("votum_poa")
    session = _session(request_factory, "poa")
    session.headers["Accept"] = "text/html"
    with api.env.adopt_user(username="poa"):
        token = createToken()
    response = session.post(
        f"{antrag.absolute_url()}/content_status_modify",
        data={"workflow_action": "votum_poa", "_authenticator": token},
    )
    assert response.status_code == 200
    assert "braucht seine Angaben" in response.text
    assert api.content.get_state(antrag) == "beteiligung"
