"""The public register of official accounts (DV § 2: official presences must
be clearly recognisable; domain.md § 6 "Public register").

Citizens check whether an account is official: every approved, not closed
account with platform, handle, URL, department and the date of approval –
and nothing personal. Anonymous cannot see Anträge, so the register searches
the catalog unrestricted and returns only the whitelisted public metadata
columns below; no Antrag is woken up and no Person is read.
"""

from plone import api
from stadtdo.sozialnetz.berichte.bericht import csv_zelle
from stadtdo.sozialnetz.content.weblink import web_adresse
from stadtdo.sozialnetz.errors import AktionAbgelehnt
import re


#: The one state in which an account is official: a pending re-application
#: keeps its predecessor ``genehmigt``; ``eingestellt`` and ``archiviert``
#: accounts are not official any more.
OFFIZIELL = "genehmigt"

#: The public fields, in order (JSON keys and CSV columns). Nothing else of an
#: Antrag ever leaves this module.
FELDER = (
    "plattform",
    "plattform_titel",
    "konto",
    "url",
    "fachbereich",
    "fachbereich_titel",
    "genehmigt_seit",
)

#: Longest search text accepted (a URL with some room).
SUCHE_MAX = 200

_SCHEMA = re.compile(r"^[a-z][a-z0-9+.-]*://")


def normalisieren(text):
    """Handle or URL in the form the search compares: lower case, without
    scheme, ``www.``, leading ``@`` and trailing slashes, so that
    ``https://www.instagram.com/Stadt/`` finds ``instagram.com/stadt``."""
    text = (text or "").strip().lower()
    text = _SCHEMA.sub("", text)
    if text.startswith("www."):
        text = text[4:]
    return text.lstrip("@").rstrip("/")


def suche_pruefen(q):
    """The search text of a request as a normalised string (or None).

    Raises ``AktionAbgelehnt`` (German, field ``q``) for a value that is no
    single text or is too long. The text is compared as plain text, never
    handed to the catalog's query parser.
    """
    if q is None or q == "":
        return None
    if not isinstance(q, str):
        raise AktionAbgelehnt(
            "Der Suchbegriff „q“ darf nur einmal angegeben werden.", field="q"
        )
    if len(q) > SUCHE_MAX:
        raise AktionAbgelehnt(
            f"Der Suchbegriff ist zu lang (höchstens {SUCHE_MAX} Zeichen).",
            field="q",
        )
    return normalisieren(q) or None


def _eintrag(brain):
    return {
        "plattform": brain.plattform,
        "plattform_titel": brain.plattform_titel,
        "konto": brain.kontoname,
        "url": web_adresse(brain.konto_url),
        "fachbereich": brain.fachbereich,
        "fachbereich_titel": brain.fachbereich_titel,
        "genehmigt_seit": brain.genehmigt_am,
    }


def _passt(eintrag, suche):
    return any(
        suche in normalisieren(eintrag[key]) for key in ("konto", "url") if eintrag[key]
    )


def konten(q=None):
    """The official accounts as public records (keys: ``FELDER``), sorted by
    platform and handle; with ``q`` only those whose handle or URL contains
    it (case-insensitive)."""
    suche = suche_pruefen(q)
    catalog = api.portal.get_tool("portal_catalog")
    eintraege = (
        _eintrag(brain)
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Antrag", review_state=OFFIZIELL
        )
    )
    if suche:
        eintraege = (e for e in eintraege if _passt(e, suche))
    return sorted(
        eintraege,
        key=lambda e: (
            (e["plattform_titel"] or "").lower(),
            (e["konto"] or "").lower(),
        ),
    )


def csv_zeilen(q=None):
    """Header and one row per official account, for ``Accept: text/csv``."""
    yield list(FELDER)
    for eintrag in konten(q):
        yield [csv_zelle(eintrag[key]) for key in FELDER]
