"""Shared input checks and error answers of the add-on's REST services."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur import eingaben
from zExceptions import Unauthorized
from zope.interface import alsoProvides
import csv
import io
import json


#: Kinds of JSON input for ``SozialnetzService.eingabe``.
EINZEILIG = "einzeilig"  # a string of at most 200 characters
MEHRZEILIG = "mehrzeilig"  # a string of at most 10,000 characters
JA_NEIN = "ja_nein"  # true or false


class SozialnetzService(Service):
    """A service that answers the process layer's refusals in German.

    A subclass writes ``antworten()``; ``reply`` calls it inside the one
    mapping of refusals: ``AktionAbgelehnt`` – raised by ``eingabe`` or by
    the process layer – is a German 400 naming the field (403 for the
    classes in ``verboten``), ``Unauthorized`` a 403 with its reason (401
    for anonymous), never a 5xx. A subclass of a plone.restapi service that
    hands on to plone.restapi's own ``reply`` overrides ``reply`` instead;
    ``AktionAbgelehnt`` raised anywhere is still a 400 (``render``).
    """

    #: subclasses of ``AktionAbgelehnt`` answered 403 instead of 400
    verboten = ()

    def render(self):
        try:
            return super().render()
        except AktionAbgelehnt as error:
            self.request.response.setHeader("Content-Type", "application/json")
            return json.dumps(self.error(400, error.message, field=error.field))

    def reply(self):
        try:
            return self.antworten()
        except AktionAbgelehnt as error:
            status = 403 if isinstance(error, self.verboten) else 400
            return self.error(status, error.message, field=error.field)
        except Unauthorized as error:
            return self.forbidden(str(error))

    def antworten(self):
        """The answer (a JSON-compatible value); may raise the refusals
        ``reply`` maps."""
        raise NotImplementedError

    def klartext(self, status, message):
        """``message`` as a plain-text answer (the CSV variants' errors)."""
        self.request.response.setStatus(status)
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return f"{message}\n"

    def csv_datei(self, zeilen, dateiname):
        """The rows ``zeilen()`` returns as a CSV download ``dateiname``;
        ``AktionAbgelehnt`` while they are made is a German 400 in plain
        text."""
        try:
            rows = list(zeilen())
        except AktionAbgelehnt as error:
            return self.klartext(400, error.message)
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        self.request.response.setHeader("Content-Type", "text/csv; charset=utf-8")
        self.request.response.setHeader(
            "Content-Disposition", f'attachment; filename="{dateiname}"'
        )
        return out.getvalue()

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
