"""Links into the web, and nothing else (issue 20).

A stored address ends up as ``href`` on the public register, in the Antrag
view, in mails and in CSV files. ``javascript:``, ``data:`` or ``file:``
there would run a script or open a local file in the reader's browser, so:

- ``WebAdresse`` is the schema field of every address of the add-on (the
  Antrag's ``url``, ``impressum_url``, ``datenschutzerklaerung_url``): it
  accepts ``http``/``https`` with a host only, so the add and edit forms,
  REST POST/PATCH and everything else that validates the schema refuse any
  other value with a German message naming the field; the Notes import
  checks with ``web_adresse`` too (``migration.pruefung``).
- ``web_adresse`` is the one check, used by the field and by everything that
  renders or exports a stored address: it hands on a web address and
  nothing else (None), so even a value stored behind the validator never
  becomes a link.
- ``links_neutralisieren`` is the upgrade function for existing sites: it
  empties every stored address that is no web address and lists it.
"""

from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.einzeilig import laenge_pruefen
from stadtdo.sozialnetz.infrastruktur.eingaben import ADRESSE_MAX
from urllib.parse import urlsplit
from zope import schema
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import ValidationError
from zope.schema.interfaces import IURI
import logging


logger = logging.getLogger("stadtdo.sozialnetz")

#: The only schemes a stored address may have.
WEB_SCHEMATA = ("http", "https")


def web_adresse(value):
    """``value`` if it is an ``http``/``https`` address with a host, else None.

    Whitespace and control characters anywhere are refused as well: browsers
    drop tabs and line breaks from a URL, so ``java\\tscript:`` would be
    ``javascript:`` to them.
    """
    if not isinstance(value, str) or not value:
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return None
    try:
        teile = urlsplit(value)
    except ValueError:
        return None
    if teile.scheme.lower() not in WEB_SCHEMATA or not teile.hostname:
        return None
    return value


class KeinWebLink(ValidationError):
    """An address that is no ``http``/``https`` link; the message names the
    field."""

    def __init__(self, titel):
        super().__init__(titel)
        self.titel = titel

    def doc(self):

        request = getRequest()
        return translate(
            _(
                "„${feld}“: Bitte geben Sie eine Web-Adresse an, die mit http:// "
                "oder https:// beginnt (z. B. https://www.dortmund.de/impressum).",
                mapping={"feld": translate(self.titel, context=request)},
            ),
            context=request,
        )


class IWebAdresse(IURI):
    """Marker of ``WebAdresse`` (the Antrag view shows it as a link only when
    it is a web address: ``browser.weblink``)."""


@implementer(IWebAdresse)
class WebAdresse(schema.URI):
    """A URI field that accepts web addresses (``http``/``https``) only."""

    def _validate(self, value):
        laenge_pruefen(value, ADRESSE_MAX)
        super()._validate(value)
        if web_adresse(value) is None:
            raise KeinWebLink(self.title).with_field_and_value(self, value)


def adressfelder(iface):
    """The names of the ``WebAdresse`` fields of schema ``iface``."""
    return [
        name
        for name, field in schema.getFieldsInOrder(iface)
        if isinstance(field, WebAdresse)
    ]


def links_neutralisieren(context=None):
    """Upgrade: empty every stored address of an Antrag that is no web
    address.

    Returns (and logs) one entry per emptied value: ``{"antragsnummer",
    "pfad", "feld", "wert"}`` – the old value is only listed, never rendered
    again. Idempotent: a second run finds nothing. The value is set directly
    (no modified event): the data of a submitted Antrag are frozen for the
    users, not for this repair.
    """
    # circle: content.antrag imports content.weblink
    from stadtdo.sozialnetz.content.antrag import IAntrag

    felder = adressfelder(IAntrag)
    catalog = api.portal.get_tool("portal_catalog")
    geleert = []
    for brain in catalog.unrestrictedSearchResults(portal_type="Antrag"):
        antrag = brain._unrestrictedGetObject()
        geaendert = False
        for feld in felder:
            wert = getattr(antrag, feld, None)
            if wert and web_adresse(wert) is None:
                setattr(antrag, feld, None)
                geaendert = True
                eintrag = {
                    "antragsnummer": antrag.antragsnummer,
                    "pfad": "/".join(antrag.getPhysicalPath()),
                    "feld": feld,
                    "wert": wert,
                }
                geleert.append(eintrag)
                logger.warning(
                    "Keine Web-Adresse, geleert: %(antragsnummer)s %(feld)s=%(wert)r "
                    "(%(pfad)s)",
                    eintrag,
                )
        if geaendert:
            antrag.reindexObject()
    logger.info("links_neutralisieren: %d Adressen geleert", len(geleert))
    return geleert
