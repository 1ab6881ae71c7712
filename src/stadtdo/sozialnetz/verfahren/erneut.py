"""„Antrag erneut stellen“ (Anlage 1 Nr. 3): revision-safe supersession.

A submitted Antrag is never changed. To update it, the FB starts a new draft
that carries over all data, Persons and Anlagen and points to its predecessor
(``vorgaenger``). The predecessor learns of its successors through the catalog
(index ``vorgaenger``), so discarding the draft leaves it untouched.

The old approval stays in force until the new Antrag is approved: only then
does the predecessor move to ``archiviert`` (``schritte.archivieren``). While
the re-application is pending the predecessor shows „Änderung beantragt“;
if it is sent back, rejected or discarded, the predecessor is unchanged.
"""

from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.dexterity.utils import iterSchemata
from plone.namedfile.file import NamedBlobFile
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.rechte import konten
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.interfaces import KopieAngelegt
from stadtdo.sozialnetz.verfahren.stand import IPersonenschluessel
from zope.event import notify
from zope.schema import getFieldsInOrder
import copy


REAPPLY_PERMISSION = permissions.REAPPLY


def _field_values(obj):
    values = {}
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            if field.readonly or name in ("id",):
                continue
            value = getattr(obj, name, None)
            if isinstance(value, NamedBlobFile):
                value = NamedBlobFile(
                    data=value.data,
                    filename=value.filename,
                    contentType=value.contentType,
                )
            else:
                value = copy.deepcopy(value)
            values[name] = value
    return values


def nachfolger(antrag):
    """Catalog brains of the re-applications of ``antrag`` (any state)."""
    return api.content.find(
        portal_type="Antrag", vorgaenger=api.content.get_uuid(antrag)
    )


def nachkommen(antrag):
    """Every re-application that descends from ``antrag`` — its successors,
    theirs, and so on — as objects, nearest first (unrestricted: the process
    needs them whoever acts)."""
    catalog = api.portal.get_tool("portal_catalog")
    result, offen, gesehen = [], [antrag], {api.content.get_uuid(antrag)}
    while offen:
        uid = api.content.get_uuid(offen.pop(0))
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Antrag", vorgaenger=uid
        ):
            if brain.UID in gesehen:
                continue
            gesehen.add(brain.UID)
            neu = brain._unrestrictedGetObject()
            result.append(neu)
            offen.append(neu)
    return result


def laufender_nachfolger(antrag):
    """A re-application descending from ``antrag`` that is a draft or still
    under review, or None. States are read from the objects, so this is right
    even while the catalog is being updated."""
    laufend = (workflow.definition().initial_state, *workflow.offene_zustaende())
    for neu in nachkommen(antrag):
        if api.content.get_state(neu) in laufend:
            return neu
    return None


def aenderung_beantragt(antrag):
    """The submitted re-application descending from ``antrag`` that is still
    under review („Änderung beantragt“), or None."""
    offen = workflow.offene_zustaende()
    for neu in nachkommen(antrag):
        if api.content.get_state(neu) in offen:
            return neu
    return None


def aenderung_vermerken(vorgaenger):
    """Refresh the catalog's „Änderung beantragt“ of ``vorgaenger`` after a
    step (or the import) of one of its re-applications."""
    neu = aenderung_beantragt(vorgaenger)
    vorgaenger.aenderung_beantragt_durch = neu.antragsnummer if neu else None
    # refreshes the metadata ("aenderung_beantragt") without a full reindex
    vorgaenger.reindexObject(idxs=["review_state"])


def vorgaenger_kette(antrag):
    """The predecessors of ``antrag``, nearest first ("5. Bisherige Anträge")."""
    catalog = api.portal.get_tool("portal_catalog")
    chain = []
    current = antrag
    while getattr(current, "vorgaenger", None):
        brains = catalog.unrestrictedSearchResults(UID=current.vorgaenger)
        if not brains:
            break
        current = brains[0]._unrestrictedGetObject()
        if current in chain:
            break
        chain.append(current)
    return chain


def kopie_anlegen(antrag, *, ohne=()):
    """Create the re-application of ``antrag``: a draft in the same
    department with all data, Persons and Anlagen, linked to ``antrag``;
    the Persons whose ids are in ``ohne`` are left out („Verantwortung
    übertragen“). The checks are in ``schritte``. Each copied item is
    announced with ``KopieAngelegt`` (data protection keeps the day a
    Person's end was entered, ``datenschutz.stichtage``); a copied Person
    keeps the key of its original (``stand.Personenschluessel``)."""
    container = antrag.aq_parent
    neu = createContentInContainer(
        container, "Antrag", checkConstraints=True, **_field_values(antrag)
    )
    neu.antragsart = "erneuter_antrag"
    neu.vorgaenger = api.content.get_uuid(antrag)
    for child in antrag.objectValues():
        if child.portal_type == "Person" and child.getId() in ohne:
            continue
        if child.portal_type in ("Person", "Anlage"):
            kopie = createContentInContainer(
                neu, child.portal_type, checkConstraints=True, **_field_values(child)
            )
            if child.portal_type == "Person":
                # the same person: its account (and, through the event, the
                # day its end was entered)
                konten.uebernehmen(child, kopie)
                # and the key the comparison matches it by (``vergleich``)
                IPersonenschluessel(kopie).kopie_von(child)
            notify(KopieAngelegt(child, kopie))
    neu.reindexObject()
    return neu
