"""„Antrag erneut stellen“ (Anlage 1 Nr. 3): revision-safe supersession.

A submitted Antrag is never changed. To update it, the FB starts a new draft
that carries over all data, Persons and Anlagen and points to its predecessor
(``vorgaenger``). The predecessor learns of its successors through the catalog
(index ``vorgaenger``), so discarding the draft leaves it untouched. Once the
new Antrag is submitted, the predecessor moves to ``archiviert``.
"""

from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.dexterity.utils import iterSchemata
from plone.namedfile.file import NamedBlobFile
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.schema import getFieldsInOrder
import copy


REAPPLY_PERMISSION = "stadtdo.sozialnetz: Reapply Antrag"

#: States in which an Antrag is still "in force" and can be superseded.
ABLOESBAR = (
    "genehmigung_fbl",
    "stellungnahme_agentur",
    "beteiligung",
    "genehmigt",
    "abgelehnt",
)


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


def eingereichte_nachfolger(antrag):
    return [brain for brain in nachfolger(antrag) if brain.review_state != "entwurf"]


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


def erneut_stellen(antrag):
    """Create a re-application of ``antrag`` as a draft for the current user.

    Returns the new Antrag. Raises ``Unauthorized`` if the user may not
    re-apply, ``AktionAbgelehnt`` (German message) if the Antrag cannot be
    superseded or a draft re-application already exists.
    """
    request = api.env.getRequest()
    if not api.user.has_permission(REAPPLY_PERMISSION, obj=antrag):
        raise Unauthorized(
            translate(
                _("Sie dürfen diesen Antrag nicht erneut stellen."), context=request
            )
        )
    if api.content.get_state(antrag) not in ABLOESBAR:
        raise AktionAbgelehnt(
            translate(
                _(
                    "Nur ein eingereichter, nicht archivierter Antrag kann erneut gestellt werden."
                ),
                context=request,
            )
        )
    entwuerfe = [b for b in nachfolger(antrag) if b.review_state == "entwurf"]
    if entwuerfe:
        raise AktionAbgelehnt(
            translate(
                _(
                    "Zu diesem Antrag gibt es bereits einen erneuten Antrag im Entwurf: ${nummer}.",
                    mapping={"nummer": entwuerfe[0].antragsnummer},
                ),
                context=request,
            )
        )
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
