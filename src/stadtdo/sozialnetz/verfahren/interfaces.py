"""Events of the process layer that the layers above subscribe to
(``notifications`` mails off them; the process layer imports no mail)."""

from collections.abc import Iterable
from typing import Any
from zope.interface import Attribute
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent


class IVerantwortungKlaeren(IObjectEvent):
    """An approved Antrag (``object``) was flagged „Verantwortung klären“ for
    Persons not reported before (``verfahren.verantwortung.markieren``)."""

    neu = Attribute("(Person, reason, day) of each Person to report")
    dry_run = Attribute("True in the preview: compute the mail, send nothing")
    mitteilung = Attribute(
        "Set by the subscriber: the mail (an entry of the daily job's "
        "summary, ``art == 'verantwortung'``) or None"
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
