"""Notification preferences of the reviewers (issue 13, item 4).

Mails to a review body go to the e-mail addresses of its group's members
(``recipients.gremium_emails``). Each member chooses per body they belong to:

- ``sofort`` (default): every mail at once, as before;
- ``taeglich``: the mails that announce a task of the body (notice of
  receipt, "vote due" to the Agentur and to the four bodies, the answer to
  the body's Rückfrage) are not sent to this member; instead the daily job
  (``notifications.jobs``) sends one overview per member listing what waits
  for the body – at most once a day, only if something waits.

Deadline reminders and escalations, the final decision (genehmigt /
abgelehnt) and the body's fallback address stay immediate: they are not a
task the overview lists, or they must not wait a day.

Storage: a BTree in the portal's annotations, user id → ``{gremium_id:
"taeglich"}`` (``sofort`` is not stored), and a second one, user id →
time of the last overview (the once-a-day marker). Not member properties:
those would need a memberdata schema change and a "lines" encoding of a
mapping, and would show up in every user export. The user id is personal
data: both rows are in the Verarbeitungsverzeichnis, and both entries are
removed when the user is deleted (``vergessen``, subscriber on PAS'
``IPrincipalDeletedEvent``) and when the user leaves the body (not stored
any longer: only bodies the user belongs to are kept and used).
"""

from datetime import datetime
from datetime import UTC
from persistent.mapping import PersistentMapping
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur.speicher import portal_baum
from zope.i18n import translate
import contextlib


ANNOTATION_KEY = "stadtdo.sozialnetz.benachrichtigungen"
VERSAND_KEY = "stadtdo.sozialnetz.benachrichtigungen.versand"

SOFORT = "sofort"
TAEGLICH = "taeglich"
MODI = (SOFORT, TAEGLICH)

MODUS_TITEL = {
    SOFORT: _("Jede Mitteilung sofort"),
    TAEGLICH: _("Eine tägliche Übersicht"),
}


def _t(msgid, **mapping):
    return translate(_(msgid, mapping=mapping), context=api.env.getRequest())


def gremien_von(userid):
    """Ids of the review bodies ``userid`` belongs to (group membership)."""
    user = api.user.get(userid=userid) if userid else None
    if user is None:
        return []
    gruppen = set(user.getGroups() or ())
    return [g.id for g in GREMIEN if g.gruppe in gruppen]


def praeferenzen(userid):
    """``{gremium_id: modus}`` for every body ``userid`` belongs to."""
    gespeichert = (portal_baum(ANNOTATION_KEY) or {}).get(userid) or {}
    return {g: gespeichert.get(g, SOFORT) for g in gremien_von(userid)}


def modus(userid, gremium_id):
    """``sofort`` or ``taeglich``: the mode ``userid`` chose for the body."""
    if gremium_id not in gremien_von(userid):
        return SOFORT
    gespeichert = (portal_baum(ANNOTATION_KEY) or {}).get(userid) or {}
    return gespeichert.get(gremium_id, SOFORT)


def pruefen(userid, aenderungen):
    """Check ``{gremium_id: modus}``; raises ``AktionAbgelehnt`` (German)."""
    if not isinstance(aenderungen, dict) or not aenderungen:
        raise AktionAbgelehnt(
            _t(_("Bitte geben Sie je Gremium „sofort“ oder „taeglich“ an.")),
            field="gremien",
        )
    eigene = gremien_von(userid)
    for gremium_id, wert in aenderungen.items():
        if gremium_id not in GREMIEN_BY_ID:
            raise AktionAbgelehnt(
                _t(_("Unbekanntes Gremium: „${gremium}“."), gremium=str(gremium_id)),
                field=str(gremium_id),
            )
        if gremium_id not in eigene:
            raise AktionAbgelehnt(
                _t(
                    _(
                        "Sie gehören dem Gremium „${gremium}“ nicht an und können "
                        "dafür nichts einstellen."
                    ),
                    gremium=gremium_id,
                ),
                field=gremium_id,
            )
        if wert not in MODI:
            raise AktionAbgelehnt(
                _t(
                    _(
                        "Unbekannte Einstellung „${wert}“: erlaubt sind „sofort“ "
                        "und „taeglich“."
                    ),
                    wert=str(wert),
                ),
                field=gremium_id,
            )


def setzen(userid, aenderungen):
    """Store ``{gremium_id: modus}`` for ``userid`` after ``pruefen``; only
    ``taeglich`` is stored, and only for bodies the user belongs to."""
    pruefen(userid, aenderungen)
    eigene = set(gremien_von(userid))
    tree = portal_baum(ANNOTATION_KEY, anlegen=True)
    neu = {g: m for g, m in (tree.get(userid) or {}).items() if g in eigene}
    neu.update(aenderungen)
    neu = {g: m for g, m in neu.items() if m == TAEGLICH}
    if neu:
        tree[userid] = PersistentMapping(neu)
    else:
        vergessen(userid)  # nothing left to remember, not even the marker
    return praeferenzen(userid)


def mit_uebersicht(gremium_id):
    """User ids that chose the daily overview for ``gremium_id``."""
    tree = portal_baum(ANNOTATION_KEY)
    if not tree:
        return frozenset()
    return frozenset(
        userid for userid, werte in tree.items() if werte.get(gremium_id) == TAEGLICH
    )


def alle_mit_uebersicht():
    """User ids with at least one daily overview, sorted."""
    tree = portal_baum(ANNOTATION_KEY)
    return sorted(tree.keys()) if tree else []


def letzte_uebersicht(userid):
    """``(datum, zeit)`` of the last overview sent to ``userid``: the day of
    the job (ISO) and the time it ran (aware ``datetime``); ``(None, None)``
    if none."""
    eintrag = (portal_baum(VERSAND_KEY) or {}).get(userid)
    if not eintrag:
        return None, None
    return eintrag["datum"], datetime.fromisoformat(eintrag["zeit"])


def uebersicht_vermerken(userid, datum):
    """Record the overview of ``userid`` for the job's day ``datum``, now."""
    portal_baum(VERSAND_KEY, anlegen=True)[userid] = PersistentMapping(
        datum=datum.isoformat(), zeit=datetime.now(UTC).isoformat()
    )


def vergessen(userid):
    """Remove everything stored about ``userid`` (user deleted)."""
    for key in (ANNOTATION_KEY, VERSAND_KEY):
        tree = portal_baum(key)
        if tree is not None and userid in tree:
            del tree[userid]


def _principal_id(principal):
    return principal.getId() if hasattr(principal, "getId") else principal


def benutzer_geloescht(event):
    """Subscriber: a deleted user's preferences and markers go with them."""
    # outside a site nothing is stored
    with contextlib.suppress(api.exc.CannotGetPortalError):
        vergessen(_principal_id(event.principal))


def gruppe_verlassen(event):
    """Subscriber: leaving a body's group drops the preference for that body."""
    gremien = [g.id for g in GREMIEN if g.gruppe == event.group_id]
    if not gremien:
        return
    userid = _principal_id(event.principal)
    try:
        tree = portal_baum(ANNOTATION_KEY)
    except api.exc.CannotGetPortalError:
        return
    werte = tree.get(userid) if tree is not None else None
    if not werte or gremien[0] not in werte:
        return
    rest = {g: m for g, m in werte.items() if g != gremien[0]}
    if rest:
        tree[userid] = PersistentMapping(rest)
    else:
        vergessen(userid)
