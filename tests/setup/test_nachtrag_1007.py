"""Profile version 1007: a site of 1004 gets the step „Einschätzung nach
Abschluss“ and its approved and rejected Anträge the rights to it."""

from plone import api
from stadtdo.sozialnetz.upgrades import v1007
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from tests.setup.test_upgrades import AKTUELL


PROFILE = "stadtdo.sozialnetz:default"
STIMMEN = (
    "stadtdo.sozialnetz: Vote as Datenschutz",
    "stadtdo.sozialnetz: Vote as Personalrat",
    "stadtdo.sozialnetz: Vote as POA",
    "stadtdo.sozialnetz: Vote as IT-Sicherheit",
)


def _wie_1004(antrag):
    """The workflow and the Antrag as 1004 left them: no late assessment,
    no vote permission in ``genehmigt`` and ``abgelehnt``."""
    definition = workflow.definition()
    for state in ("genehmigt", "abgelehnt"):
        sdef = definition.states[state]
        sdef.transitions = tuple(t for t in sdef.transitions if t != workflow.NACHTRAG)
        for permission in STIMMEN:
            sdef.setPermission(permission, 0, ())
    definition.transitions._delObject(workflow.NACHTRAG)
    definition.updateRoleMappingsFor(antrag)


def test_1004_site_gets_the_late_assessment(antrag_in, vote):
    antrag = antrag_in("genehmigt")
    _wie_1004(antrag)
    with api.env.adopt_user(username="itsicherheit"):
        assert not api.user.has_permission(STIMMEN[3], obj=antrag)

    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1006")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (AKTUELL,)

    assert workflow.NACHTRAG in workflow.ausgaenge("genehmigt")
    assert vote(antrag, "itsicherheit", "itsicherheit", "ja") == "genehmigt"
    assert antrag.workflow_history[WORKFLOW][-1]["action"] == workflow.NACHTRAG


def test_the_step_runs_twice_without_harm(antrag_in):
    antrag = antrag_in("abgelehnt")
    offen = antrag_in("beteiligung")
    verlauf = [dict(e) for e in antrag.workflow_history[WORKFLOW]]
    with api.env.adopt_roles(["Manager"]):
        erster = v1007.einschaetzung_nach_abschluss(None)
        assert erster >= 1
        assert v1007.einschaetzung_nach_abschluss(None) == erster
    assert [dict(e) for e in antrag.workflow_history[WORKFLOW]] == verlauf
    assert api.content.get_state(antrag) == "abgelehnt"
    with api.env.adopt_user(username="poa"):
        assert api.user.has_permission(STIMMEN[2], obj=antrag)
        assert api.user.has_permission(STIMMEN[2], obj=offen)
