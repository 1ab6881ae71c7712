"""Profile version 1004: state an Antrag carries in one annotation adapter
per concern, never a bare attribute (issue 22).

- ``vermerke``: the bare attributes of every Antrag and of each version
  CMFEditions stored of it move into the annotations of their concern
  (``notifications.stand``: ``systemhaus_auftraege``,
  ``frist_mitteilungen``; ``jobs.stand``: ``ueberpruefungen``;
  ``datenschutz.stand``: ``anonymisierungen``, ``einwilligungen_widerrufen``,
  ``entwurf_erinnert_am``, ``entwurf_erinnert``). Idempotent: what moved is
  gone from the object; returns the number of objects changed.
"""

from stadtdo.sozialnetz.datenschutz import stand as datenschutz_stand
from stadtdo.sozialnetz.datenschutz.aufbewahrung import gespeicherte_versionen
from stadtdo.sozialnetz.datenschutz.stand import Datenschutzstand
from stadtdo.sozialnetz.jobs import stand as jobs_stand
from stadtdo.sozialnetz.jobs.stand import Jobstand
from stadtdo.sozialnetz.notifications import stand as notifications_stand
from stadtdo.sozialnetz.notifications.stand import Mitteilungsstand
from stadtdo.sozialnetz.upgrades.katalog import antraege
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")

#: the adapter classes and the attributes each takes over
STAENDE = (
    (Mitteilungsstand, notifications_stand.ATTRIBUTE),
    (Jobstand, jobs_stand.ATTRIBUTE),
    (Datenschutzstand, datenschutz_stand.ATTRIBUTE),
)


def _uebernehmen(obj):
    bewegt = []
    for klasse, attribute in STAENDE:
        # the classes, not the adapters: a stored copy is adapted too
        bewegt.extend(klasse(obj).uebernehmen(obj, attribute))
    return bewegt


def vermerke(context):
    """1003 → 1004: bare attributes of the Anträge and their versions into
    the annotations. Returns the number of objects changed."""
    geaendert = 0
    for antrag in antraege():
        if _uebernehmen(antrag):
            geaendert += 1
        for stored in gespeicherte_versionen(antrag):
            if _uebernehmen(stored):
                stored._p_changed = True
                geaendert += 1
    logger.info("1004: Vermerke von %s Anträgen und Versionen übernommen", geaendert)
    return geaendert
