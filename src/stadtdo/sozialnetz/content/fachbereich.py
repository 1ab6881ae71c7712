"""The database folder and its department folders (Fachbereiche)."""

from plone.dexterity.content import Container
from plone.supermodel import model
from stadtdo.sozialnetz import _
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
class Fachbereich(Container):
    """A department folder."""
