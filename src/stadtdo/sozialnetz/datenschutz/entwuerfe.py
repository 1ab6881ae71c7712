"""Abandoned drafts (Anlage 1 Nr. 1): a draft nobody touched for the number
of days set in the control panel is deleted with its Persons, Anlagen and
all their versions. The department is reminded first: the reminder goes out
the set number of days before, and the draft is deleted only after it, if
it is still untouched."""

from DateTime import DateTime
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.datenschutz.aufbewahrung import fehler
from stadtdo.sozialnetz.datenschutz.aufbewahrung import versionen_loeschen
from stadtdo.sozialnetz.datenschutz.aufbewahrung import zuruecksetzen
from stadtdo.sozialnetz.datenschutz.interfaces import EntwurfErinnerung
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.settings import einstellung
from ZODB.POSException import ConflictError
from zope.event import notify
import logging
import transaction


logger = logging.getLogger("stadtdo.sozialnetz.datenschutz")


def zuletzt_bearbeitet(antrag):
    """The day the draft or one of its items was last changed."""
    tage = [antrag.modified()] + [k.modified() for k in antrag.objectValues()]
    return max(tage).asdatetime().date()


def _erinnert_am(antrag):
    """The day of the reminder for the draft's current state, or None (a
    reminder before the last change does not count)."""
    erinnert = IDatenschutzstand(antrag).entwurf_erinnert_am
    if erinnert is None or erinnert < zuletzt_bearbeitet(antrag):
        return None
    return erinnert


def loeschen(antrag):
    """Delete the draft with its Persons, Anlagen and all their versions."""
    for kind in antrag.objectValues():
        versionen_loeschen(kind)
    versionen_loeschen(antrag)
    parent = antrag.aq_parent
    parent._delObject(antrag.getId())  # the job, not a user, deletes


def verwaiste_entwuerfe(today, *, dry_run=False):
    """Remind of, or delete, the drafts untouched for too long."""
    frist = einstellung("entwurf_loeschen_nach_tagen")
    vorlauf = einstellung("entwurf_erinnerung_tage")
    catalog = api.portal.get_tool("portal_catalog")
    result = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Antrag", review_state="entwurf"
    ):
        savepoint = transaction.savepoint(optimistic=True)
        nummer = ""
        try:
            antrag = brain._unrestrictedGetObject()
            nummer = antrag.antragsnummer
            loeschtag = zuletzt_bearbeitet(antrag) + timedelta(days=frist)
            erinnert = _erinnert_am(antrag)
            if (
                erinnert is not None
                and today >= loeschtag
                and today >= erinnert + timedelta(days=vorlauf)
            ):
                eintrag = {"art": "entwurf_geloescht", "antragsnummer": nummer}
                if not dry_run:
                    loeschen(antrag)
                    logger.info("Verwaister Entwurf %s gelöscht", nummer)
                result.append(eintrag)
            elif erinnert is None and today >= loeschtag - timedelta(days=vorlauf):
                neuer_loeschtag = max(loeschtag, today + timedelta(days=vorlauf))
                ereignis = EntwurfErinnerung(
                    antrag,
                    zuletzt_bearbeitet(antrag),
                    neuer_loeschtag,
                    dry_run=dry_run,
                )
                notify(ereignis)  # the mail (notifications.datenschutz)
                mail = ereignis.mitteilung
                if not dry_run:
                    IDatenschutzstand(antrag).entwurf_erinnert(
                        today, DateTime().ISO8601()
                    )
                if mail is not None:
                    result.append(mail)
        except ConflictError:
            raise  # the whole run is retried (jobs.ausfuehren)
        except Exception as error:
            zuruecksetzen(savepoint)
            logger.exception("Entwurf %s: Prüfung fehlgeschlagen", brain.getPath())
            result.append(
                fehler("entwuerfe", error, antragsnummer=nummer, pfad=brain.getPath())
            )
    return result
