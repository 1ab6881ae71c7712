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
from stadtdo.sozialnetz.verfahren import workflow
from zope.schema import getFieldsInOrder
import copy


REAPPLY_PERMISSION = "stadtdo.sozialnetz: Reapply Antrag"


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


def laufender_nachfolger(antrag):
    """The re-application of ``antrag`` that is a draft or still under review
    (a catalog brain), or None."""
    laufend = (workflow.definition().initial_state, *workflow.offene_zustaende())
    for brain in nachfolger(antrag):
        if brain.review_state in laufend:
            return brain
    return None


def aenderung_beantragt(antrag):
    """The submitted re-application of ``antrag`` that is still under review
    („Änderung beantragt“), or None. Reads the successors' states from the
    objects, so it is right even while the catalog is being updated."""
    offen = workflow.offene_zustaende()
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Antrag", vorgaenger=api.content.get_uuid(antrag)
    ):
        neu = brain._unrestrictedGetObject()
        if api.content.get_state(neu) in offen:
            return neu
    return None


def vorgaenger_kette(antrag):
    """The predecessors of ``antrag``, nearest first ("5. Bisherige Anträge")."""
    chain = []
    current = antrag
    while getattr(current, "vorgaenger", None):
        current = api.content.get(UID=current.vorgaenger)
        if current is None or current in chain:
            break
        chain.append(current)
    return chain


def kopie_anlegen(antrag):
    """Create the re-application of ``antrag``: a draft in the same
    department with all data, Persons and Anlagen, linked to ``antrag``.
    The checks are in ``schritte.erneut_stellen``."""
    container = antrag.aq_parent
    neu = createContentInContainer(
        container, "Antrag", checkConstraints=True, **_field_values(antrag)
    )
    neu.antragsart = "erneuter_antrag"
    neu.vorgaenger = api.content.get_uuid(antrag)
    for child in antrag.objectValues():
        if child.portal_type in ("Person", "Anlage"):
            createContentInContainer(
                neu, child.portal_type, checkConstraints=True, **_field_values(child)
            )
    neu.reindexObject()
    return neu
