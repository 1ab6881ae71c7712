"""Profile version 1005: state a Person (and the Antrag) carries in one
annotation adapter per concern, never a bare attribute (issue 22).

- ``vermerke``: the bare attributes of every Person and Antrag and of each
  version CMFEditions stored of them move into the annotations of their
  concern (``datenschutz.stand.DatenschutzstandPerson``:
  ``einwilligung_widerrufen_am``, ``einwilligung_widerruf_vermerkt``,
  ``taetigkeit_bis_vermerkt``, ``anonymisiert_am``; ``rechte.stand.Kontostand``:
  ``benutzer``, ``benutzer_verknuepft``; ``content.stand.Inhaltsstand``:
  ``anlagen_zaehler`` of the Antrag). Idempotent: what moved is gone from the
  object; returns the number of objects changed. If anything moved, the
  Anträge are reindexed (``katalog.antraege_neu_indizieren``): the column
  ``personen_enden`` reads the withdrawal and the anonymisation, and the
  steps of earlier versions run with this code before the move.
"""

from stadtdo.sozialnetz.content import stand as content_stand
from stadtdo.sozialnetz.content.stand import Inhaltsstand
from stadtdo.sozialnetz.datenschutz import stand as datenschutz_stand
from stadtdo.sozialnetz.datenschutz.aufbewahrung import gespeicherte_versionen
from stadtdo.sozialnetz.datenschutz.stand import DatenschutzstandPerson
from stadtdo.sozialnetz.rechte import stand as rechte_stand
from stadtdo.sozialnetz.rechte.stand import Kontostand
from stadtdo.sozialnetz.upgrades.katalog import antraege
from stadtdo.sozialnetz.upgrades.katalog import antraege_neu_indizieren
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")

#: the adapter classes and the attributes each takes over, of the Antrag
STAENDE_ANTRAG = ((Inhaltsstand, content_stand.ATTRIBUTE),)
#: ... and of a Person
STAENDE_PERSON = (
    (DatenschutzstandPerson, datenschutz_stand.PERSON_ATTRIBUTE),
    (Kontostand, rechte_stand.ATTRIBUTE),
)


def _uebernehmen(obj, staende):
    bewegt = []
    for klasse, attribute in staende:
        # the classes, not the adapters: a stored copy is adapted too
        bewegt.extend(klasse(obj).uebernehmen(obj, attribute))
    return bewegt


def _mit_versionen(obj, staende):
    """Move the attributes of ``obj`` and its stored versions; return the
    number of objects changed."""
    geaendert = 1 if _uebernehmen(obj, staende) else 0
    for stored in gespeicherte_versionen(obj):
        if _uebernehmen(stored, staende):
            stored._p_changed = True
            geaendert += 1
    return geaendert


def vermerke(context):
    """1004 → 1005: bare attributes of the Persons and Anträge and their
    versions into the annotations. Returns the number of objects changed."""
    geaendert = 0
    for antrag in antraege():
        geaendert += _mit_versionen(antrag, STAENDE_ANTRAG)
        for kind in antrag.objectValues():
            if getattr(kind, "portal_type", None) == "Person":
                geaendert += _mit_versionen(kind, STAENDE_PERSON)
    if geaendert:
        antraege_neu_indizieren(["review_state"], schritt="1005 Vermerke")
    logger.info(
        "1005: Vermerke von %s Personen, Anträgen und Versionen übernommen", geaendert
    )
    return geaendert
