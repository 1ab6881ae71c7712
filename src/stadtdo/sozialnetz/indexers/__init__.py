"""Catalog indexers: what the overview and reports read without waking objects."""

from plone.indexer import indexer
from stadtdo.sozialnetz.content.antrag import fachbereich_of
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.content.antrag import plattform_titel as _plattform_titel


@indexer(IAntrag)
def fachbereich(obj):
    """The id of the Fachbereich folder (stable, used for filtering)."""
    folder = fachbereich_of(obj)
    return folder.getId() if folder is not None else None


@indexer(IAntrag)
def fachbereich_titel(obj):
    folder = fachbereich_of(obj)
    return folder.Title() if folder is not None else None


@indexer(IAntrag)
def plattform_titel(obj):
    return _plattform_titel(obj)
