"""Events of data protection that the layers above subscribe to
(``notifications`` mails off them; data protection imports no mail)."""

from __future__ import annotations

from datetime import date
from typing import Any
from zope.interface import Attribute
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent


class IEinwilligungWiderrufen(IObjectEvent):
    """The withdrawal of consent of a Person (``object``) was recorded
    (``einwilligung.widerruf_vermerken``)."""

    antrag = Attribute("The Antrag naming the Person")
    datum = Attribute("The stated day of the withdrawal (datetime.date)")


@implementer(IEinwilligungWiderrufen)
class EinwilligungWiderrufen(ObjectEvent):
    def __init__(self, person: Any, antrag: Any, datum: date) -> None:
        super().__init__(person)
        self.antrag = antrag
        self.datum = datum


class IEntwurfErinnerung(IObjectEvent):
    """An untouched draft (``object``) will be deleted on ``loeschtag``: the
    department is to be reminded (``entwuerfe.verwaiste_entwuerfe``)."""

    zuletzt_bearbeitet = Attribute("The day the draft was last changed")
    loeschtag = Attribute("The day the draft will be deleted")
    dry_run = Attribute("True in the preview: compute the mail, send nothing")
    mitteilung = Attribute(
        "Set by the subscriber: the mail (an entry of the daily job's "
        "summary, ``art == 'entwurf_erinnerung'``) or None"
    )


@implementer(IEntwurfErinnerung)
class EntwurfErinnerung(ObjectEvent):
    def __init__(
        self,
        antrag: Any,
        zuletzt_bearbeitet: date,
        loeschtag: date,
        *,
        dry_run: bool = False,
    ) -> None:
        super().__init__(antrag)
        self.zuletzt_bearbeitet = zuletzt_bearbeitet
        self.loeschtag = loeschtag
        self.dry_run = dry_run
        self.mitteilung: dict[str, Any] | None = None


class IDatenschutzEingeladen(IObjectEvent):
    """The department invited the DSB into the draft ``object``
    (``fruehbeteiligung.einladen``)."""


@implementer(IDatenschutzEingeladen)
class DatenschutzEingeladen(ObjectEvent):
    pass


class IDatenschutzHinweis(IObjectEvent):
    """The invited DSB left a note on the draft ``object``
    (``fruehbeteiligung.hinweis_geben``)."""

    hinweis = Attribute("The note (autor, name, zeit, text)")


@implementer(IDatenschutzHinweis)
class DatenschutzHinweis(ObjectEvent):
    def __init__(self, antrag: Any, hinweis: dict[str, Any]) -> None:
        super().__init__(antrag)
        self.hinweis = hinweis
