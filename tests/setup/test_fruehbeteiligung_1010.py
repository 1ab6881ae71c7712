"""Profile version 1010: a site of 1007 gets the role of the DSB's early
involvement and the workflow that lets it read a draft."""

from plone import api
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.datenschutz import fruehbeteiligung
from stadtdo.sozialnetz.upgrades import v1010
from stadtdo.sozialnetz.verfahren import workflow
from tests.setup.test_upgrades import AKTUELL


PROFILE = "stadtdo.sozialnetz:default"


def _wie_1007(antrag):
    definition = workflow.definition()
    sdef = definition.states["entwurf"]
    for permission in ("View", "Access contents information"):
        rollen = sdef.getPermissionInfo(permission)["roles"]
        sdef.setPermission(
            permission, 0, [r for r in rollen if r != fruehbeteiligung.ROLLE]
        )
    definition.updateRoleMappingsFor(antrag)


def test_1007_site_lets_the_invited_dsb_read_the_draft(antrag_in):
    entwurf = antrag_in("entwurf")
    _wie_1007(entwurf)
    api.group.grant_roles(
        groupname=GREMIEN_BY_ID["datenschutz"].gruppe,
        roles=[fruehbeteiligung.ROLLE],
        obj=entwurf,
    )
    with api.env.adopt_user(username="datenschutz"):
        assert not api.user.has_permission("View", obj=entwurf)

    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1009")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (AKTUELL,)
    with api.env.adopt_user(username="datenschutz"):
        assert api.user.has_permission("View", obj=entwurf)
    assert fruehbeteiligung.ROLLE in api.portal.get().validRoles()


def test_the_step_runs_twice_and_keeps_the_department_s_statement(antrag_in):
    entwurf = antrag_in("entwurf")
    entwurf.datenschutz_beteiligt = True  # ticked by hand before 1010
    with api.env.adopt_roles(["Manager"]):
        erster = v1010.datenschutz_frueh(None)
        assert erster >= 1
        assert v1010.datenschutz_frueh(None) == erster
    assert entwurf.datenschutz_beteiligt is True
    assert fruehbeteiligung.stand(entwurf)["nur_angegeben"] is True
    with api.env.adopt_user(username="datenschutz"):
        assert not api.user.has_permission("View", obj=entwurf)
