"""Shared error answers of the add-on's REST services."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.interface import alsoProvides


class SozialnetzService(Service):
    """A service that answers refused actions with a German message."""

    #: one of the add-on's own services: a write signed in by the session
    #: cookie must be JSON from the site's own origin (.schreibschutz)
    eigener_dienst = True

    def json(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except Exception:
            data = None
        return data if isinstance(data, dict) else None

    def error(self, status, message, *, field=None, type_=None):
        self.request.response.setStatus(status)
        error = {
            "type": type_
            or {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden"}[status],
            "message": message,
        }
        if field:
            error["field"] = field
        return {"error": error}

    def forbidden(self, message):
        """403 for a signed-in user without the right, 401 for anonymous."""
        status = 401 if api.user.is_anonymous() else 403
        return self.error(status, message)

    def bad_json(self):
        return self.error(400, "Die Anfrage enthält kein gültiges JSON-Objekt.")
