"""The database folder and its department folders (Fachbereiche)."""

from plone.dexterity.content import Container
from plone.supermodel import model
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.ortsfest import OrtsfesterContainer
from zope import schema
from zope.interface import implementer


class IDatenbank(model.Schema):
    """The database "Soziale Netzwerke": holds one folder per Fachbereich.

    The review bodies get their local roles here.
    """


@implementer(IDatenbank)
class Datenbank(Container):
    """The database folder."""


class IFachbereich(model.Schema):
    """A department (Fachbereich): holds its Anträge.

    The department's groups get their local roles here.
    """

    kuerzel = schema.ASCIILine(
        title=_("Kürzel"),
        description=_(
            "Kurzbezeichnung des Fachbereichs, z. B. „FB 10“. Daraus werden die "
            "Gruppennamen des Fachbereichs gebildet."
        ),
        required=True,
    )


@implementer(IFachbereich)
class Fachbereich(OrtsfesterContainer):
    """A department folder.

    Adding an Antrag must not write the folder object or anything of it that
    every add writes, else every two Anträge created at the same moment
    conflict (issue 14):

    - its Anträge are not kept in a manual order (the Übersicht sorts by the
      catalog): plone.folder's default ordering writes one list in the
      folder's annotations on every add. Existing folders are switched by the
      upgrade step ``ohne_schreib_hotspot``;
    - its modification date tells when the folder itself was edited, not
      when an Antrag was added or removed (see :meth:`notifyModified`).
    """

    _ordering = "unordered"

    def notifyModified(self):
        """Plone calls this from ``reindexObject()`` after every
        IObjectModifiedEvent – also after the IContainerModifiedEvent of every
        Antrag added to or removed from the folder, which would write the
        folder's modification date (and its catalog record) at every create.
        The folder's own changes set the date through :meth:`geaendert`
        (subscriber ``subscribers.content.fachbereich_geaendert``)."""

    def geaendert(self):
        """The folder itself was changed: creators and modification date."""
        super().notifyModified()
