"""The one-time link with which the Dortmunder Systemhaus confirms that an
order (unlocking or revocation, ``notifications.systemhaus``) was carried
out – without a login (DV § 4).

The link names the order (``auftrag``: the Antrag's UID and the order's id)
and carries its signature (``sig``): an HMAC-SHA256 with a secret kept in
the site (annotation ``GEHEIMNIS_KEY``, created at install and by the
upgrade to profile 1008, never in code). It is valid for
``systemhaus_link_tage`` days from the order's dispatch (the day is read
from the recorded order, not from the link, so it cannot be forged) and
only once: the confirmation is recorded on the order (``bestaetigt_am``).
Checking a link (:func:`pruefen`) writes nothing; only :func:`bestaetigen`
(the POST of the page) does.
"""

from DateTime import DateTime
from datetime import timedelta
from persistent.mapping import PersistentMapping
from plone import api
from stadtdo.sozialnetz.infrastruktur.speicher import annotation
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.settings import einstellung
from urllib.parse import urlencode
import hashlib
import hmac
import logging
import secrets


logger = logging.getLogger("stadtdo.sozialnetz.notifications")

#: the site's annotation with the secret of the links
GEHEIMNIS_KEY = "stadtdo.sozialnetz.systemhaus.geheimnis"

#: the public page of the links
VIEW = "systemhaus-bestaetigen"

#: who confirms (the Verlauf's „wer“)
SYSTEMHAUS = "Dortmunder Systemhaus"

GUELTIG = "gueltig"
UNGUELTIG = "ungueltig"
ABGELAUFEN = "abgelaufen"
ERLEDIGT = "erledigt"


def geheimnis_anlegen(portal=None):
    """Create the secret of the links in the site if it is missing (install,
    upgrade 1008, the first order); return it."""
    portal = portal or api.portal.get()
    speicher = annotation(portal, GEHEIMNIS_KEY, PersistentMapping)
    if not speicher.get("schluessel"):
        speicher["schluessel"] = secrets.token_hex(32)
        speicher["angelegt"] = DateTime().ISO8601()
        logger.info("Geheimnis der Bestätigungslinks des Systemhauses angelegt")
    return speicher["schluessel"]


def _geheimnis():
    speicher = annotation(api.portal.get(), GEHEIMNIS_KEY)
    return speicher.get("schluessel") if speicher is not None else None


def kennung(antrag, auftrag_id):
    """The value of ``auftrag`` in the link."""
    return f"{api.content.get_uuid(antrag)}.{auftrag_id}"


def _signatur(schluessel, auftrag):
    return hmac.new(
        schluessel.encode("ascii"),
        f"systemhaus-auftrag:{auftrag}".encode(),
        hashlib.sha256,
    ).hexdigest()


def link(antrag, auftrag_id):
    """The confirmation link of the order ``auftrag_id`` of ``antrag``."""
    auftrag = kennung(antrag, auftrag_id)
    sig = _signatur(geheimnis_anlegen(), auftrag)
    query = urlencode({"auftrag": auftrag, "sig": sig})
    return f"{api.portal.get().absolute_url()}/@@{VIEW}?{query}"


def gueltig_bis(auftrag):
    """The last moment the link of ``auftrag`` is valid (DateTime)."""
    zeit = DateTime(auftrag["zeit"]).asdatetime()
    return DateTime(zeit + timedelta(days=einstellung("systemhaus_link_tage")))


def _antrag(uid):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid, portal_type="Antrag")
    return brains[0]._unrestrictedGetObject() if brains else None


def pruefen(auftrag, sig, *, jetzt=None):
    """``(zustand, antrag, eintrag)`` of a link: ``gueltig``, ``ungueltig``
    (unknown order or wrong signature), ``abgelaufen`` or ``erledigt``
    (confirmed before). Writes nothing."""
    schluessel = _geheimnis()
    if not (schluessel and auftrag and sig and isinstance(auftrag, str)):
        return UNGUELTIG, None, None
    if not isinstance(sig, str) or not hmac.compare_digest(
        _signatur(schluessel, auftrag), sig
    ):
        return UNGUELTIG, None, None
    uid, _punkt, auftrag_id = auftrag.partition(".")
    antrag = _antrag(uid)
    eintrag = IMitteilungsstand(antrag).auftrag(auftrag_id) if antrag else None
    if eintrag is None or eintrag.get("vor_einfuehrung"):
        return UNGUELTIG, None, None
    if eintrag.get("bestaetigt_am"):
        return ERLEDIGT, antrag, eintrag
    if (jetzt or DateTime()) > gueltig_bis(eintrag):
        return ABGELAUFEN, antrag, eintrag
    return GUELTIG, antrag, eintrag


def bestaetigen(auftrag, sig, *, jetzt=None):
    """Record the confirmation of a valid link; ``(zustand, antrag,
    eintrag)`` as :func:`pruefen` (``gueltig``: recorded now)."""
    zustand, antrag, eintrag = pruefen(auftrag, sig, jetzt=jetzt)
    if zustand != GUELTIG:
        return zustand, antrag, eintrag
    eintrag["bestaetigt_am"] = (jetzt or DateTime()).ISO8601()
    antrag.reindexObject(idxs=["getId"])  # the column systemhaus_offen
    logger.info(
        "%s: Auftrag %s an das Systemhaus bestätigt",
        antrag.antragsnummer,
        eintrag["id"],
    )
    return zustand, antrag, eintrag
