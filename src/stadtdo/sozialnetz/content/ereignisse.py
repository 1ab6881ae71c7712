"""Header data that follow from where content is created (the groups of a
new department folder: ``rechte.subscribers``)."""

from plone import api
from stadtdo.sozialnetz.content.antrag import fachbereich_of
from stadtdo.sozialnetz.content.antragsnummer import ensure_antragsnummer
from zope.container.interfaces import IContainerModifiedEvent


def antrag_added(antrag, event):
    """Fill the Kopfdaten: Antragsnummer, Fachbereich, Antragsteller*in."""
    ensure_antragsnummer(antrag)
    folder = fachbereich_of(antrag)
    antrag.fachbereich = folder.Title() if folder is not None else None
    if not antrag.antragsteller:
        user = api.user.get_current()
        antrag.antragsteller = user.getId()
    antrag.reindexObject(idxs=["antragsnummer", "Title", "SearchableText"])


def fachbereich_geaendert(folder, event):
    """The Fachbereich folder itself was edited (not only its content): set
    its modification date, which ``Fachbereich.notifyModified`` leaves alone."""
    if event.object is not folder or IContainerModifiedEvent.providedBy(event):
        return
    folder.geaendert()
    folder.reindexObject(idxs=["modified"])


def antrag_copied(antrag, event):
    """A copy is a new Antrag: it draws its own number and applicant on add."""
    antrag.antragsnummer = None
    antrag.antragsteller = None
    antrag.fachbereich = None
