"""The rights tests talk to a real WSGI server (REST, Classic UI, ZMI and
acl_users URLs) with the demo actors of README.rst."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.protect.authenticator import createToken
from stadtdo.sozialnetz.demo import BENUTZER
from stadtdo.sozialnetz.demo import demo_password
import pytest
import transaction


#: every demo actor of demo.py
AKTEURE = [userid for userid, *_ in BENUTZER]
SITE_ADMIN = "siteadmin"
SITE_ADMIN_PASSWORD = "demo-siteadmin-geheim"


@pytest.fixture
def portal(functional_portal):
    return functional_portal


def passwort(userid):
    if userid == SITE_OWNER_NAME:
        return SITE_OWNER_PASSWORD
    if userid == SITE_ADMIN:
        return SITE_ADMIN_PASSWORD
    return demo_password(userid)


@pytest.fixture
def rest(request_factory):
    """``rest("sta11")``: a JSON session as that user (None: anonymous)."""

    def _rest(userid):
        auth = (userid, passwort(userid)) if userid else None
        return request_factory(basic_auth=auth, api=False)

    return _rest


@pytest.fixture
def web(request_factory):
    """``web("sta11")``: a session that posts like a browser (no JSON)."""

    def _web(userid):
        auth = (userid, passwort(userid)) if userid else None
        session = request_factory(basic_auth=auth, api=False)
        session.headers["Accept"] = "text/html"
        request = session.request

        def no_redirects(method, url, **kwargs):
            kwargs.setdefault("allow_redirects", False)
            return request(method, url, **kwargs)

        session.request = no_redirects
        return session

    return _web


@pytest.fixture
def token(portal):
    """``token("sta11")``: a valid CSRF ``_authenticator`` of that user."""

    def _token(userid):
        with api.env.adopt_user(username=userid):
            return createToken()

    return _token


@pytest.fixture
def site_admin(portal):
    """A Site Administrator (not in the demo set)."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username=SITE_ADMIN,
            email="siteadmin@stadtdo.example",
            password=SITE_ADMIN_PASSWORD,
        )
        api.user.grant_roles(username=SITE_ADMIN, roles=["Site Administrator"])
    transaction.commit()
    return SITE_ADMIN


@pytest.fixture
def frisch():
    """Look at the database as the server left it."""

    def _frisch():
        transaction.begin()

    return _frisch


REFUSED = (401, 403)


def verweigert(response):
    """Refused: 401/403, or what Plone answers an Unauthorized on a Classic UI
    or ZMI URL with: the redirect to the login form, the login form itself
    (anonymous) or the page "Unzureichende Berechtigungen" (signed in), both
    with status 200."""
    if response.status_code in REFUSED:
        return True
    if response.status_code == 302:
        return "require_login" in response.headers.get("location", "")
    return response.status_code == 200 and (
        "template-insufficient-privileges" in response.text
        or 'name="__ac_password"' in response.text
    )


def status(response):
    """Status and redirect target, for assertion messages."""
    return response.status_code, response.headers.get("location", ""), response.url


MITGLIEDER = "soziale-netzwerke/@rechte-mitglieder"


def mitglied(session, gruppe, benutzer, mitglied=True):
    """POST to StA 11's membership service."""
    return session.post(
        MITGLIEDER, json={"gruppe": gruppe, "benutzer": benutzer, "mitglied": mitglied}
    )


def teilen(session, pfad, principal, rollen):
    """POST ``@sharing`` on ``pfad`` for one user."""
    return session.post(
        f"{pfad}/@sharing",
        json={"entries": [{"id": principal, "type": "user", "roles": rollen}]},
    )


def seite_teilen(web, token, userid, pfad, principal, rolle, typ="user", inherit=True):
    """Save the classic Sharing page (``@@sharing``) of ``pfad`` as ``userid``
    with ``rolle`` ticked for ``principal``; ``inherit`` the checkbox."""
    data = {
        "form.submitted": "1",
        "form.button.Save": "Speichern",
        "entries.id:records": principal,
        "entries.type:records": typ,
        f"entries.role_{rolle}:records": "True",
        "_authenticator": token(userid),
    }
    if inherit:
        data["inherit"] = "True"
    return web(userid).post(f"{pfad}/@@sharing", data=data)


def alte_mitgliedschaft(gruppe, userid):
    """Old data: a membership from before a rule, written into Plone's group
    plugin without the event (so without the subscribers' veto)."""
    plugin = api.portal.get().acl_users.source_groups
    plugin._principal_groups[userid] = (
        *plugin._principal_groups.get(userid, ()),
        gruppe,
    )
    plugin._group_principal_map[gruppe].insert(userid)
    plugin._invalidatePrincipalCache(userid)
