"""Events of the process layer that the layers above subscribe to
(``notifications`` mails off them; the process layer imports no mail)."""

from collections.abc import Iterable
from typing import Any
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

    def __init__(self, alt: Any, neu: Any) -> None:
        super().__init__(neu)
        self.alt = alt


class IVerantwortungKlaeren(IObjectEvent):
    """An approved Antrag (``object``) was flagged „Verantwortung klären“ for
    Persons not reported before (``verfahren.verantwortung.markieren``)."""

    neu = Attribute("(Person, reason, day) of each Person to report")
    dry_run = Attribute("True in the preview: compute the mail, send nothing")
    mitteilung = Attribute(
        "Set by the subscriber: the mail (an entry of the daily job's "
        "summary, ``art == 'verantwortung'``) or None"
    )
    weitere = Attribute(
        "Further mails of other subscribers (the Systemhaus's revocation "
        "order), entries of the daily job's summary"
    )


@implementer(IVerantwortungKlaeren)
class VerantwortungKlaeren(ObjectEvent):
    def __init__(
        self, antrag: Any, neu: Iterable[tuple], *, dry_run: bool = False
    ) -> None:
        super().__init__(antrag)
        self.neu = list(neu)
        self.dry_run = dry_run
        self.mitteilung = None
        self.weitere: list = []
