"""Offboarding, trigger (a) (``verfahren.verantwortung``): the daily job
flags every approved Antrag with a Person whose task has ended."""

from plone import api
from stadtdo.sozialnetz.verfahren.verantwortung import beendete_aufgaben
from stadtdo.sozialnetz.verfahren.verantwortung import markieren


def antraege_mit_ende(today):
    """The approved Anträge with a Person whose task may have ended on or
    before ``today``: reads the catalog column ``personen_enden`` first and
    wakes only those Anträge."""
    catalog = api.portal.get_tool("portal_catalog")
    tag = today.isoformat()
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Antrag", review_state="genehmigt"
    ):
        enden = getattr(brain, "personen_enden", None)
        if enden is not None and not any(ende and ende <= tag for ende in enden):
            continue
        yield brain._unrestrictedGetObject()


def aufgaben_pruefen(antrag, today, dry_run):
    """Flag ``antrag`` for the Persons whose task has ended; the mails: to
    the head (``notifications.verantwortung``) and the revocation order to
    the Systemhaus (``notifications.systemhaus``), or None."""
    ausloeser = beendete_aufgaben(antrag, today)
    if not ausloeser:
        return None
    return markieren(antrag, ausloeser, dry_run=dry_run, alle=True) or None
