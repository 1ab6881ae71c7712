"""The record of every change of rights ("Rechteprotokoll").

Who changed, when, what, before → after: group memberships and local roles.
Kept in the portal's annotations, in a BTree keyed by UTC time and a running
number, append-only — the module offers no way to change or remove an entry.
Personalrat, Datenschutz and StA 11 read it (permission
"stadtdo.sozialnetz: View rights log").
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
import logging
import transaction


logger = logging.getLogger("stadtdo.sozialnetz.rechte")

ANNOTATION_KEY = "stadtdo.sozialnetz.rechteprotokoll"

#: kinds of entries
MITGLIEDSCHAFT = "mitgliedschaft"
LOKALE_ROLLEN = "lokale_rollen"
VERERBUNG = "vererbung"
#: a membership the directory gave at sign-in, refused by the separation of
#: duties (``verzeichnis.abgleich``): nothing changed, the reason is kept
VERZEICHNIS_ABGELEHNT = "verzeichnis_abgelehnt"
#: a named Person linked to (or unlinked from) a user account
#: (``rechte.konten``): ``vorher``/``nachher`` are user ids
KONTO_VERKNUEPFUNG = "konto_verknuepfung"
#: a change of rights, an approval or a vote refused by the rules of the
#: database (``regeln``, ``trennung``): nothing changed, the reason is kept
ABGELEHNT = "abgelehnt"

#: refusals of the current request, written again after an abort (see
#: ``ablehnung_protokollieren``)
OFFEN_KEY = "stadtdo.sozialnetz.rechte.offene_ablehnungen"


class Rechteprotokoll(Persistent):
    """Entries by key ``<ISO time>#<number>``; values are plain dicts."""

    def __init__(self):
        self.eintraege = OOBTree()
        self.anzahl = Length()

    def anhaengen(self, eintrag):
        nummer = self.anzahl() + 1
        self.anzahl.change(1)
        key = f"{eintrag['zeit']}#{nummer:09d}"
        while not self.eintraege.insert(key, dict(eintrag, nummer=nummer)):
            # the same microsecond and number from a concurrent transaction
            nummer += 1
            key = f"{eintrag['zeit']}#{nummer:09d}"
        return key


def _speicher(portal=None, *, anlegen=True):
    portal = portal if portal is not None else api.portal.get()
    annotations = IAnnotations(portal)
    speicher = annotations.get(ANNOTATION_KEY)
    if speicher is None and anlegen:
        speicher = annotations[ANNOTATION_KEY] = Rechteprotokoll()
    return speicher


def _quelle():
    """Method and URL of the request that caused the change ("" outside one)."""
    request = getRequest()
    if request is None:
        return ""
    url = request.get("ACTUAL_URL") or request.get("URL") or ""
    methode = request.get("REQUEST_METHOD", "")
    return f"{methode} {url}".strip()


def _wer():
    user = api.user.get_current()
    return user.getId() or user.getUserName()


def _eintrag(*, art, principal, ziel, vorher, nachher, grund=None):
    eintrag = {
        "zeit": datetime.now(UTC).isoformat(),
        "wer": _wer(),
        "art": art,
        "principal": principal,
        "ziel": ziel,
        "vorher": vorher,
        "nachher": nachher,
        "quelle": _quelle(),
    }
    if grund:
        eintrag["grund"] = grund
    return eintrag


def protokollieren(*, art, principal, ziel, vorher, nachher, portal=None, grund=None):
    """Append one entry and return its key.

    ``art`` is one of MITGLIEDSCHAFT, LOKALE_ROLLEN, VERERBUNG; ``principal``
    the user or group whose rights changed; ``ziel`` the group id or the path
    of the object; ``vorher``/``nachher`` the state before and after (lists of
    roles, or booleans for a membership or the blocked inheritance; None if
    the state before is unknown); ``grund`` the reason of a refusal.
    """
    return _anhaengen(
        _eintrag(
            art=art,
            principal=principal,
            ziel=ziel,
            vorher=vorher,
            nachher=nachher,
            grund=grund,
        ),
        portal,
    )


def _anhaengen(eintrag, portal):
    key = _speicher(portal).anhaengen(eintrag)
    logger.info("Rechteprotokoll %s: %s", key, eintrag)
    return key


def ablehnung_protokollieren(*, principal, ziel, grund, vorher=None, nachher=None):
    """Record a refused change, approval or vote (art ABGELEHNT).

    The entry is written in the current transaction. A refusal that is
    raised as an exception aborts that transaction; so the entry is also
    kept on the request, and ``nach_abbruch_schreiben`` writes it in a
    transaction of its own once the publisher has aborted the request's.
    """
    eintrag = _eintrag(
        art=ABGELEHNT,
        principal=principal,
        ziel=ziel,
        vorher=vorher,
        nachher=nachher,
        grund=grund,
    )
    portal = api.portal.get()
    key = _anhaengen(eintrag, portal)
    request = getRequest()
    if request is not None:
        offen = request.other.setdefault(OFFEN_KEY, [])
        offen.append((portal, eintrag))
    return key


def nach_abbruch_schreiben(event):
    """IPubFailure: the request's transaction was aborted; write the refusals
    it recorded in a new transaction (not for a request to be retried: it
    records them again)."""
    offen = event.request.other.pop(OFFEN_KEY, None)
    if not offen or event.retry:
        return
    try:
        transaction.begin()
        for portal, eintrag in offen:
            _speicher(portal).anhaengen(eintrag)
        transaction.get().note("Rechteprotokoll: abgelehnte Änderungen")
        transaction.commit()
    except Exception:
        transaction.abort()
        logger.exception("Rechteprotokoll: Ablehnungen nicht geschrieben: %s", offen)


def eintraege(*, portal=None, principal=None, limit=None):
    """The entries, newest first, as new dicts (changing them changes nothing).

    ``principal`` filters by the user or group whose rights changed.
    """
    speicher = _speicher(portal, anlegen=False)
    if speicher is None:
        return []
    result = []
    for key in reversed(speicher.eintraege.keys()):
        eintrag = speicher.eintraege[key]
        if principal and eintrag["principal"] != principal:
            continue
        result.append(dict(eintrag, id=key))
        if limit and len(result) >= limit:
            break
    return result
