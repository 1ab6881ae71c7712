"""The daily overview for reviewers who chose it (``notifications.praeferenzen``),
part of the daily jobs (``jobs.register``).

One mail per user listing, for each body the user belongs to and chose
``taeglich`` for, what waits for the body:

- the Anträge whose vote of the body is due (as in „Meine Aufgaben“:
  Antragsnummer, Plattform and Konto, Fachbereich, due since, Frist, link);
- the Anträge submitted since the last overview whose vote is not due yet
  (they replace the notice of receipt).

Only if something is listed; at most once a day per user, however often the
job runs: the time of the overview is recorded in the same transaction as the
queued mail (the MailHost sends at commit; an aborted run records and sends
nothing, a concurrent run conflicts on the marker and is retried). A failure
for one user is rolled back and reported; the others still get theirs.
"""

from datetime import date
from plone import api
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.praeferenzen import alle_mit_uebersicht
from stadtdo.sozialnetz.notifications.praeferenzen import letzte_uebersicht
from stadtdo.sozialnetz.notifications.praeferenzen import praeferenzen
from stadtdo.sozialnetz.notifications.praeferenzen import TAEGLICH
from stadtdo.sozialnetz.notifications.praeferenzen import uebersicht_vermerken
from stadtdo.sozialnetz.notifications.recipients import user_email
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.frist import arbeitstage
from stadtdo.sozialnetz.verfahren.frist import frist_ab
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from zope.i18n import translate


ART = "tagesuebersicht"

#: states before the four bodies' votes fall due: a submission in them is
#: "new" for a body whose vote is not due yet
VOR_DEM_VOTUM = ("genehmigung_fbl", "stellungnahme_agentur")


def _datum(iso):
    return f"{date.fromisoformat(iso):%d.%m.%Y}" if iso else ""


def _eingereicht(antrag):
    """Time (aware ``datetime``) of the (last) submission of ``antrag``."""
    for entry in reversed(antrag.workflow_history.get(WORKFLOW, ())):
        if entry.get("review_state") == "genehmigung_fbl":
            return entry["time"].asdatetime()
    return None


def _wartet(gremium_id, brains, tage):
    """The rows of the Anträge whose vote of ``gremium_id`` is due."""
    zeilen = []
    for brain in brains:
        seit = (brain.faellig_seit or {}).get(gremium_id)
        if seit is None:
            continue
        frist = frist_ab(seit, tage=tage)
        zeilen.append(
            _eintrag(brain, f"Votum fällig seit {_datum(seit)}, Frist {frist:%d.%m.%Y}")
        )
    return zeilen


def _eintrag(brain, angabe):
    """The lines of one Antrag in the overview, ``angabe`` on its third."""
    return [
        f"Antrag {brain.antragsnummer}: {brain.plattform_titel} {brain.kontoname}",
        f"  Fachbereich: {brain.fachbereich_titel}",
        f"  {angabe}",
        f"  {brain.getURL()}",
    ]


def _neu(gremium_id, brains, seit):
    """The rows of the Anträge submitted after ``seit`` (datetime or None)
    whose vote of ``gremium_id`` is not due yet."""
    zeilen = []
    for brain in brains:
        if brain.review_state not in VOR_DEM_VOTUM:
            continue
        if gremium_id in (brain.faellig_seit or {}):
            continue
        antrag = brain.getObject()
        eingereicht = _eingereicht(antrag)
        if eingereicht is None or (seit is not None and eingereicht <= seit):
            continue
        zeilen.append(_eintrag(brain, f"eingereicht am {eingereicht:%d.%m.%Y}"))
    return zeilen


def _abschnitte(userid, brains, tage):
    """``[(gremium titel, waiting rows, new rows)]`` of the user's bodies
    with a daily overview; empty if nothing waits."""
    seit = letzte_uebersicht(userid)[1]
    abschnitte = []
    for gremium_id, modus in praeferenzen(userid).items():
        if modus != TAEGLICH:
            continue
        wartet = _wartet(gremium_id, brains, tage)
        neu = _neu(gremium_id, brains, seit)
        if wartet or neu:
            titel = translate(GREMIEN_BY_ID[gremium_id].titel, target_language="de")
            abschnitte.append((titel, wartet, neu))
    return abschnitte


def _text(today, abschnitte):
    zeilen = [
        "Guten Tag,",
        "",
        f"dies ist Ihre tägliche Übersicht vom {today:%d.%m.%Y} aus der Datenbank "
        "„Soziale Netzwerke“. Sie erhalten sie statt einzelner Mitteilungen, weil "
        "Sie es so eingestellt haben.",
        "",
    ]
    for titel, wartet, neu in abschnitte:
        zeilen.append(f"== {titel} ==")
        zeilen.append("")
        if wartet:
            zeilen.append(f"Ihr Votum ist fällig ({len(wartet)}):")
            zeilen.append("")
            for eintrag in wartet:
                zeilen.extend(eintrag)
                zeilen.append("")
        if neu:
            zeilen.append(
                f"Neu eingegangen, Ihr Votum wird später fällig ({len(neu)}):"
            )
            zeilen.append("")
            for eintrag in neu:
                zeilen.extend(eintrag)
                zeilen.append("")
    zeilen.append(
        "Ändern können Sie diese Einstellung unter "
        f"{api.portal.get().absolute_url()}/@@benachrichtigungen"
    )
    return "\n".join(zeilen) + "\n"


def _fuer(userid, today, brains, tage, dry_run):
    """The overview mail of one user, or None if not due."""
    datum = letzte_uebersicht(userid)[0]
    if datum is not None and datum >= today.isoformat():
        return None
    abschnitte = _abschnitte(userid, brains, tage)
    if not abschnitte:
        return None
    email = user_email(userid)
    if not email:
        return None
    mail = {
        "art": ART,
        "empfaenger": [email],
        "betreff": f"[Soziale Netzwerke] Tägliche Übersicht vom {today:%d.%m.%Y}",
        "text": _text(today, abschnitte),
    }
    if not dry_run:
        uebersicht_vermerken(userid, today)
        mail["empfaenger"] = send([email], mail["betreff"], mail["text"])
    return mail


def faellige(today):
    """``(userid, Anträge, working days)`` of every user who chose the daily
    overview: the items of the daily job (``jobs.register``); the open
    Anträge are searched once for all of them."""
    benutzer = alle_mit_uebersicht()
    if not benutzer:
        return []
    brains = api.content.find(
        portal_type="Antrag",
        review_state=workflow.offene_zustaende(),
        sort_on="antragsnummer",
    )
    tage = arbeitstage()
    return [(userid, brains, tage) for userid in benutzer]


def uebersicht_fuer(eintrag, today, dry_run):
    """The overview mail of one item of :func:`faellige`, or None; sent and
    recorded unless dry_run."""
    userid, brains, tage = eintrag
    return _fuer(userid, today, brains, tage, dry_run)


def ort(eintrag):
    """The summary of a failure names no user (personal data); the log does."""
    return "", ""


def protokoll(job, eintrag, pfad):
    return f"Tägliche Übersicht für {eintrag[0]!r} fehlgeschlagen"
