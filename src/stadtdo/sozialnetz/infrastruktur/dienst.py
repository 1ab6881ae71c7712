"""Shared input checks and error answers of the add-on's REST services."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur import eingaben
from zope.interface import alsoProvides
import json


#: Kinds of JSON input for ``SozialnetzService.eingabe``.
EINZEILIG = "einzeilig"  # a string of at most 200 characters
MEHRZEILIG = "mehrzeilig"  # a string of at most 10,000 characters
JA_NEIN = "ja_nein"  # true or false


class SozialnetzService(Service):
    """A service that answers refused actions with a German message.

    ``AktionAbgelehnt`` raised anywhere in ``reply`` – by ``eingabe`` or by
    the process layer – is a German 400 naming the field, never a 5xx.
    """

    def render(self):
        try:
            return super().render()
        except AktionAbgelehnt as error:
            self.request.response.setHeader("Content-Type", "application/json")
            return json.dumps(self.error(400, error.message, field=error.field))

    def eingabe(self, data, **felder):
        """The values of the JSON object ``data`` for ``felder`` (name ->
        ``EINZEILIG``, ``MEHRZEILIG`` or ``JA_NEIN``), None where missing.

        A value of the wrong JSON type (a list for a text, a string for a
        yes/no) or a text over its limit raises ``AktionAbgelehnt``.
        """
        werte = {}
        for name, art in felder.items():
            wert = data.get(name)
            if art == JA_NEIN:
                werte[name] = eingaben.ja_nein(wert, name, leer=None)
            else:
                grenze = (
                    eingaben.MEHRZEILIG_MAX
                    if art == MEHRZEILIG
                    else eingaben.EINZEILIG_MAX
                )
                werte[name] = eingaben.text(wert, name, grenze=grenze, leer=None)
        return werte

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
