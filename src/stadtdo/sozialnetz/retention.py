"""Personal data are kept only for the period of the task (Anlage 1 Nr. 1,
DSGVO Art. 5 Abs. 1 lit. e).

When a Person's task has ended, or the account was closed (``eingestellt``),
and the retention period of the control panel has passed, the Person's name
and e-mail are anonymised – in the item, in every version CMFEditions stored
of it, and in the Systemhaus order recorded on the Antrag. The anonymisation
itself is logged on the Antrag (``anonymisierungen``), without the name.
The old values stay in the database file until it is packed (README.rst).
"""

from Acquisition import aq_parent
from DateTime import DateTime
from datetime import date
from datetime import timedelta
from persistent.list import PersistentList
from plone import api
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren.verlauf import eingestellt_am
import logging


logger = logging.getLogger("stadtdo.sozialnetz.retention")

ANONYM_NAME = "anonymisiert"
ANONYM_EMAIL = "anonymisiert@stadtdo.invalid"


def ende_der_aufgabe(person):
    """The day the Person's data stopped being needed, or None."""
    enden = [person.taetigkeit_bis] if person.taetigkeit_bis else []
    antrag = aq_parent(person)
    if api.content.get_state(antrag) == "eingestellt":
        enden.append(eingestellt_am(antrag) or date.today())
    return min(enden) if enden else None


def faellig(person, today):
    if getattr(person, "anonymisiert_am", None):
        return False
    ende = ende_der_aufgabe(person)
    return (
        ende is not None
        and ende + timedelta(days=einstellung("aufbewahrung_tage")) <= today
    )


def _stored_versions(obj):
    """The objects CMFEditions keeps for ``obj`` (the stored copies, not
    retrieved ones), digging into the ZVC storage as its own purge does."""
    history_id = api.portal.get_tool("portal_historyidhandler").queryUid(obj)
    storage = api.portal.get_tool("portal_historiesstorage")
    if history_id is None or not storage.isRegistered(history_id):
        return []
    zvc_repo = storage._getZVCRepo()
    result = []
    for selector in range(len(storage.getHistory(history_id, countPurged=True))):
        zvc_histid, zvc_selector = storage._getZVCAccessInfo(history_id, selector, True)
        if zvc_histid is None or zvc_selector is None:
            continue
        version = zvc_repo.getVersionHistory(zvc_histid).getVersionById(zvc_selector)
        # ZVCAwareWrapper -> ArchivistTool.ObjectData (or Removed, if purged)
        stored = getattr(version._data.getWrappedObject(), "object", None)
        if stored is not None:
            result.append(stored)
    return result


def _scrub(obj):
    obj.nachname = ANONYM_NAME
    obj.vorname = ""
    obj.email = ANONYM_EMAIL


def _scrub_systemhaus(antrag, email):
    """Replace the Person in the Systemhaus orders recorded on ``antrag``."""
    auftraege = getattr(antrag, "systemhaus_auftraege", None)
    if not auftraege or not email:
        return
    for auftrag in auftraege:
        auftrag["personen"] = [
            f"{ANONYM_NAME} <{ANONYM_EMAIL}>" if email in eintrag else eintrag
            for eintrag in auftrag["personen"]
        ]
    auftraege._p_changed = True


def anonymisieren(person, *, today=None):
    """Anonymise ``person`` and all its stored versions; log it on the Antrag."""
    today = today or date.today()
    email = person.email
    versions = _stored_versions(person)
    for stored in versions:
        _scrub(stored)
        stored._p_changed = True
    _scrub(person)
    person.anonymisiert_am = today
    person.reindexObject()

    antrag = aq_parent(person)
    _scrub_systemhaus(antrag, email)
    for stored in _stored_versions(antrag):
        _scrub_systemhaus(stored, email)
        stored._p_changed = True

    if getattr(antrag, "anonymisierungen", None) is None:
        antrag.anonymisierungen = PersistentList()
    eintrag = {
        "zeit": DateTime().ISO8601(),
        "person": person.getId(),
        "versionen": len(versions),
        "grund": "Aufbewahrungsfrist abgelaufen (Anlage 1 Nr. 1)",
    }
    antrag.anonymisierungen.append(eintrag)
    logger.info(
        "%s/%s anonymisiert (%d Versionen)",
        antrag.antragsnummer,
        person.getId(),
        len(versions),
    )
    return eintrag


def aufbewahrung(today, *, dry_run=False):
    """Anonymise every Person whose retention period has passed."""
    catalog = api.portal.get_tool("portal_catalog")
    result = []
    for brain in catalog.unrestrictedSearchResults(portal_type="Person"):
        person = brain._unrestrictedGetObject()
        if not faellig(person, today):
            continue
        antrag = aq_parent(person)
        result.append(
            {
                "art": "anonymisierung",
                "antragsnummer": antrag.antragsnummer,
                "person": person.getId(),
            }
        )
        if not dry_run:
            anonymisieren(person, today=today)
    return result
