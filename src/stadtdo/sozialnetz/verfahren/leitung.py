"""„Leitung fehlt“ stays current in the catalog: when someone joins or
leaves a department's head group (``<fb>-leitung``) or the local roles of
the department folder change, its Anträge waiting for the head are
reindexed, so „Meine Aufgaben“ of StA 11 and the Übersicht's flag
(``trennung.leitung_fehlt``, indexes ``wartet_auf`` and ``leitung_fehlt``)
follow with the same transaction.

The reindex of a membership change runs just before the commit: PAS tells
``PrincipalAddedToGroup``/``PrincipalRemovedFromGroup`` before Plone's group
plugin updates the list of a group's members that ``api.user.get_users``
reads, so during the event the group still shows its old members.
"""

from plone import api
from plone.api.exc import CannotGetPortalError
from Products.CMFCore.indexing import processQueue
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.content.fachbereich import IFachbereich
from stadtdo.sozialnetz.rechte.gruppen import fachbereich_group_id
from stadtdo.sozialnetz.rechte.mitgliedschaft import fachbereich_der_gruppe
from typing import Any
from zope.component.hooks import site
import transaction


#: the indexes that say who waits and whether the head is missing
INDIZES = ["wartet_auf", "leitung_fehlt"]


def wartende_neu_indizieren(fachbereich: Any) -> int:
    """Reindex the Anträge of ``fachbereich`` that wait for its head;
    returns how many."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Antrag",
        fachbereich=fachbereich.getId(),
        review_state="genehmigung_fbl",
    )
    for brain in brains:
        brain._unrestrictedGetObject().reindexObject(idxs=INDIZES)
    processQueue()
    return len(brains)


def _vor_dem_commit(fachbereich: Any) -> None:
    """Reindex ``fachbereich``'s waiting Anträge before the commit, once
    per transaction."""
    txn = transaction.get()
    for hook, args, _kws in txn.getBeforeCommitHooks():
        if hook is _neu_indizieren and (
            args[1].getPhysicalPath() == fachbereich.getPhysicalPath()
        ):
            return
    txn.addBeforeCommitHook(_neu_indizieren, (api.portal.get(), fachbereich))


def _neu_indizieren(portal: Any, fachbereich: Any) -> None:
    with site(portal):
        wartende_neu_indizieren(fachbereich)


def leitung_gruppe_geaendert(event: Any) -> None:
    """PAS ``PrincipalAddedToGroup``/``PrincipalRemovedFromGroup``."""
    try:
        datenbank = get_datenbank()
    except CannotGetPortalError:
        return
    if datenbank is None:
        return
    folder = fachbereich_der_gruppe(datenbank, event.group_id)
    if folder is None or event.group_id != fachbereich_group_id(
        folder.kuerzel, "leitung"
    ):
        return
    _vor_dem_commit(folder)


def lokale_rollen_geaendert(obj: Any, event: Any) -> None:
    """``ILocalrolesModifiedEvent`` on a department folder."""
    if IFachbereich.providedBy(obj):
        wartende_neu_indizieren(obj)
