"""REST writes need more than a cookie (issue 20 item 6).

A browser sends the session cookie (``__ac`` of plone.session, or any other
cookie a PAS plugin signs in with) with every request to the site, also with
a form or a ``fetch(…, {mode: "no-cors"})`` on a foreign page or on another
city subdomain (same-site, so ``SameSite=Lax`` does not help). plone.restapi
turns plone.protect's CSRF check off for its services and reads the body as
JSON whatever its ``Content-Type``. So a write (POST, PUT, PATCH, DELETE) to
the REST API that is signed in by a cookie is carried out only if

- its ``Content-Type`` is ``application/json`` (a foreign page cannot send
  that without a CORS preflight, which the site does not answer), and
- its ``Origin`` – without one, its ``Referer`` – is the site's own origin
  (scheme, host and port of the portal URL).

Otherwise it is refused with a German 403 before the service runs. This holds
for the add-on's own services (``eigener_dienst`` of
``infrastruktur.dienst.SozialnetzService``) and for every REST write on the add-on's content:
the database folder and everything in it (``@workflow``, ``@sharing``,
PATCH/DELETE, content creation, ``@copy``/``@move`` of or into it). Outside
the database Plone stays as it is. Clients that sign in with an
``Authorization`` header (Basic, or the JWT of ``@login`` as ``Bearer``) are
not affected: a foreign page cannot make a browser send that header. The
Classic UI pages are not REST services; plone.protect's authenticator
protects their forms as before.
"""

from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.datenbank import datenbank_von
from stadtdo.sozialnetz.infrastruktur.rest import rest_dienst
from stadtdo.sozialnetz.infrastruktur.rest import schreibanfrage
from urllib.parse import urlsplit
from zExceptions import Forbidden
from zope.i18n import translate
import json
import logging


logger = logging.getLogger(__name__)

#: the schemes of an ``Authorization`` header a browser does not add by itself
HEADER_SCHEMEN = ("basic ", "bearer ")

STANDARD_PORTS = {"http": 80, "https": 443}


def mit_cookie_angemeldet(request):
    """Signed in, and not by an ``Authorization`` header (Basic or Bearer):
    the credentials came with a cookie."""
    if api.user.is_anonymous():
        return False
    auth = getattr(request, "_auth", None) or ""
    return not auth.lower().startswith(HEADER_SCHEMEN)


def herkunft(url):
    """``scheme://host[:port]`` of ``url`` (default port left out, lower
    case), ``None`` for anything that is not an http(s) URL."""
    try:
        teile = urlsplit((url or "").strip())
        port = teile.port
    except ValueError:
        return None
    if teile.scheme not in STANDARD_PORTS or not teile.hostname:
        return None
    if port in (None, STANDARD_PORTS[teile.scheme]):
        return f"{teile.scheme}://{teile.hostname}"
    return f"{teile.scheme}://{teile.hostname}:{port}"


def eigene_herkunft(request):
    """Is the request's ``Origin`` (without one: ``Referer``) the site's?"""
    angegeben = request.getHeader("Origin") or request.getHeader("Referer")
    eigene = herkunft(api.portal.get().absolute_url())
    return eigene is not None and herkunft(angegeben) == eigene


def ist_json(request):
    typ = (request.getHeader("Content-Type") or "").split(";", 1)[0]
    return typ.strip().lower() == "application/json"


def _quellen_in_datenbank(dienst, request):
    """``@copy``/``@move``: does one of the body's sources lie in the
    database? (The body is read as the service will read it.)"""
    get_object = getattr(dienst, "get_object", None)
    if get_object is None or not hasattr(dienst, "is_moving"):
        return False
    try:
        quelle = json.loads(request.get("BODY") or b"{}").get("source")
    except (ValueError, AttributeError):
        return False
    quellen = quelle if isinstance(quelle, list) else [quelle]
    for schluessel in quellen:
        if isinstance(schluessel, str) and schluessel:
            obj = get_object(schluessel)
            if obj is not None and datenbank_von(obj) is not None:
                return True
    return False


def geschuetzt(dienst, request):
    """A write to one of the add-on's services or to the add-on's content."""
    if getattr(dienst, "eigener_dienst", False):
        return True
    if datenbank_von(dienst.context) is not None:
        return True
    return _quellen_in_datenbank(dienst, request)


def nach_traversal(event):
    """``IPubAfterTraversal``: refuse a cookie-signed REST write that is not
    JSON from the site's own origin (before the service and before a stored
    answer of :mod:`.idempotenz` is sent again)."""
    request = event.request
    if not schreibanfrage(request):
        return
    dienst = rest_dienst(request)
    if dienst is None or not mit_cookie_angemeldet(request):
        return
    if not geschuetzt(dienst, request):
        return
    if not ist_json(request):
        meldung = _(
            "Schreibanfragen, die mit dem Anmelde-Cookie kommen, müssen den Content-Type application/json haben. Skripte melden sich mit Basic-Authentifizierung oder einem Token (Authorization-Header) an."
        )
    elif not eigene_herkunft(request):
        meldung = _(
            "Schreibanfragen, die mit dem Anmelde-Cookie kommen, werden nur von den Seiten dieser Website angenommen (Origin oder Referer). Skripte melden sich mit Basic-Authentifizierung oder einem Token (Authorization-Header) an."
        )
    else:
        return
    logger.warning(
        "Schreibanfrage mit Cookie abgelehnt: %s %s (Content-Type %r, Origin %r, Referer %r, Benutzer %s)",
        request.method,
        request.get("PATH_INFO", ""),
        request.getHeader("Content-Type"),
        request.getHeader("Origin"),
        request.getHeader("Referer"),
        api.user.get_current().getId(),
    )
    raise Forbidden(translate(meldung, context=request))
