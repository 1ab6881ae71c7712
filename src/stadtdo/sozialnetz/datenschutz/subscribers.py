"""When an Antrag, a Person or an Anlage is deleted, the versions CMFEditions
stored of it are purged too: otherwise the personal data of a deleted item
would stay in its history for ever."""

from stadtdo.sozialnetz.datenschutz.aufbewahrung import versionen_loeschen
import logging


logger = logging.getLogger("stadtdo.sozialnetz.datenschutz")


def versionen_mitloeschen(obj, event):
    try:
        geloescht = versionen_loeschen(obj)
    except Exception:
        # the site itself may be going away; never stop a deletion
        logger.exception("Versionen von %s nicht gelöscht", obj.getId())
        return
    if geloescht:
        logger.info("%s gelöscht: %d Versionen entfernt", obj.getId(), geloescht)
