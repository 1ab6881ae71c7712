"""When an Antrag, a Person or an Anlage is deleted, the versions CMFEditions
stored of it are purged too: otherwise the personal data of a deleted item
would stay in its history for ever."""

from __future__ import annotations

from stadtdo.sozialnetz.datenschutz.aufbewahrung import versionen_loeschen
from typing import TYPE_CHECKING
import logging


if TYPE_CHECKING:
    from stadtdo.sozialnetz.content.anlage import IAnlage
    from stadtdo.sozialnetz.content.antrag import IAntrag
    from stadtdo.sozialnetz.content.person import IPerson
    from zope.lifecycleevent.interfaces import IObjectRemovedEvent


logger = logging.getLogger("stadtdo.sozialnetz.datenschutz")


def versionen_mitloeschen(
    obj: IAntrag | IPerson | IAnlage, event: IObjectRemovedEvent
) -> None:
    try:
        geloescht = versionen_loeschen(obj)
    except Exception:
        # the site itself may be going away; never stop a deletion
        logger.exception("Versionen von %s nicht gelöscht", obj.getId())
        return
    if geloescht:
        logger.info("%s gelöscht: %d Versionen entfernt", obj.getId(), geloescht)
