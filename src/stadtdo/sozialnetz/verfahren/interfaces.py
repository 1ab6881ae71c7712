"""Events of the process layer. The layers above it subscribe to them, so
the process imports neither data protection nor notifications."""

from zope.interface import Attribute
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent


class IKopieAngelegt(IObjectEvent):
    """An item of an Antrag (a Person or an Anlage) was copied into its
    re-application (``erneut.kopie_anlegen``): ``object`` is the copy, added
    to the new draft, ``alt`` the item of the predecessor. Notified once per
    copy, before the new Antrag is indexed."""

    alt = Attribute("The item of the predecessor the copy was made from")


@implementer(IKopieAngelegt)
class KopieAngelegt(ObjectEvent):
    """``KopieAngelegt(alt, neu)``: ``neu`` is the copy of ``alt``."""

    def __init__(self, alt, neu):
        super().__init__(neu)
        self.alt = alt
