"""Anträge stay where and what they are: no copy, move, rename or paste
(issue 20, item 9).

- An **Antrag** is never copied, moved or renamed, whatever its state and
  whoever asks (Manager included). Its short name is its Antragsnummer and
  its folder its department; a copy would carry the Antragsnummer, the
  applicant, the votes and the Persons' consent of another Antrag. A user who
  copies a draft wants a new, similar application: that is „Neuer Antrag“,
  and for an approved account „Erneut stellen“, which takes the data over
  on purpose and links the two.
- **Persons and Anlagen** may be copied, moved and renamed only while their
  Antrag is a draft (the only state in which its data may change); from a
  submitted Antrag nothing is taken out or copied away (personal data, a
  frozen record).

Every door ends in a German 403 (``zExceptions.Forbidden``): the containers'
``manage_copyObjects``/``manage_cutObjects``/``manage_renameObject``/
``manage_clone`` (REST
``@copy``/``@move``, folder_contents, the ZMI, plone.api) check first, so the
refusal is not OFS's "Not Supported" CopyError; the subscribers on
``IObjectCopiedEvent`` and ``IObjectWillBeMovedEvent`` catch every other path
(a clipboard filled while the Antrag was a draft, a copied or moved
Fachbereich folder with its Anträge).
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.dexterity.content import Container
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.anlage import IAnlage
from zExceptions import Forbidden
from zope.i18n import translate


KOPIEREN = "kopieren"
VERSCHIEBEN = "verschieben"
UMBENENNEN = "umbenennen"
BEARBEITBAR = "entwurf"


def _t(msgid):
    return translate(msgid, context=api.env.getRequest())


def verweigert(ob, art):
    """Why ``ob`` may not be copied/moved/renamed (``art``), or None."""
    # circle: content.antrag imports content.ortsfest (content.person via antrag)
    from stadtdo.sozialnetz.content.antrag import IAntrag
    from stadtdo.sozialnetz.content.person import IPerson

    if IAntrag.providedBy(ob):
        if art == KOPIEREN:
            return _t(
                _(
                    "Ein Antrag wird nicht kopiert: Die Kopie trüge Antragsnummer, "
                    "Antragsteller*in und die Einwilligungen eines anderen Antrags. "
                    "Legen Sie einen neuen Antrag an; einen genehmigten Antrag "
                    "schreiben Sie mit „Erneut stellen“ fort."
                )
            )
        return _t(
            _(
                "Ein Antrag wird weder verschoben noch umbenannt: Seine Adresse ist "
                "seine Antragsnummer, sein Ordner sein Fachbereich."
            )
        )
    if IPerson.providedBy(ob) or IAnlage.providedBy(ob):
        antrag = aq_parent(aq_inner(ob))
        if antrag is None or not IAntrag.providedBy(antrag):
            return None
        if api.content.get_state(antrag, default=None) != BEARBEITBAR:
            return _t(
                _(
                    "Personen und Anlagen eines eingereichten Antrags werden weder "
                    "kopiert noch verschoben noch umbenannt: Seine Angaben sind "
                    "eingefroren."
                )
            )
    return None


def pruefen(ob, art):
    grund = verweigert(ob, art)
    if grund:
        raise Forbidden(grund)


def kopiert(ob, event):
    """Subscriber (IObjectCopiedEvent): the original decides; for content of
    a copied folder (the event dispatched to sublocations) the copy itself."""
    pruefen(event.original if event.object is ob else ob, KOPIEREN)


def verschoben(ob, event):
    """Subscriber (IObjectWillBeMovedEvent): moves and renames, not adding
    (no old parent) or deleting (no new parent)."""
    if event.oldParent is None or event.newParent is None:
        return
    pruefen(ob, UMBENENNEN if event.oldParent is event.newParent else VERSCHIEBEN)


class OrtsfesterContainer(Container):
    """Base class of the containers of Anträge, Persons and Anlagen
    (Fachbereich, Antrag): refuse before OFS's own checks, with the German
    reason. (A base class, not a mixin: a mixin in front of ``Container``
    would hide Dexterity's ``__providedBy__``, and with it the behaviours'
    marker interfaces.)"""

    def _ortsfest(self, ids, art):
        if isinstance(ids, str):
            ids = [ids]
        for id_ in ids or ():
            ob = self._getOb(id_, None)
            if ob is not None:
                pruefen(ob, art)

    def manage_copyObjects(self, ids=None, REQUEST=None, RESPONSE=None):
        self._ortsfest(ids, KOPIEREN)
        return super().manage_copyObjects(ids, REQUEST, RESPONSE)

    def manage_cutObjects(self, ids=None, REQUEST=None):
        self._ortsfest(ids, VERSCHIEBEN)
        return super().manage_cutObjects(ids, REQUEST)

    def manage_clone(self, ob, id, REQUEST=None):
        pruefen(ob, KOPIEREN)
        return super().manage_clone(ob, id, REQUEST)

    def manage_renameObject(self, id, new_id, REQUEST=None):
        self._ortsfest([id], UMBENENNEN)
        return super().manage_renameObject(id, new_id, REQUEST)
