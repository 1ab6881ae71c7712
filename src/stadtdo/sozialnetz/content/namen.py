"""Short names inside an Antrag.

An Anlage's id is derived from the Antragsnummer and a counter kept on the
Antrag (``sn-2026-0001-anlage-1``, ``…-anlage-2``; a number is never given
twice, even after a deletion), never from its file name, which may carry a
name; the file name stays the title. Persons keep their neutral names
(``person``, ``person-1`` …, ``content.person.PersonName``).
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from plone.app.content.namechooser import NormalizingNameChooser
from stadtdo.sozialnetz.content.anlage import IAnlage
from stadtdo.sozialnetz.eingaben import EINZEILIG_MAX


def _titel_aus_dateiname(anlage):
    datei = getattr(aq_base(anlage), "file", None)
    dateiname = getattr(datei, "filename", None)
    if dateiname and not getattr(aq_base(anlage), "title", None):
        anlage.title = dateiname[:EINZEILIG_MAX]


class AntragNameChooser(NormalizingNameChooser):
    def chooseName(self, name, obj):
        if not IAnlage.providedBy(obj):
            return super().chooseName(name, obj)
        antrag = aq_inner(self.context)
        _titel_aus_dateiname(obj)
        nummer = (antrag.antragsnummer or antrag.getId()).lower()
        zaehler = getattr(aq_base(antrag), "anlagen_zaehler", 0)
        vorhanden = set(antrag.objectIds())
        while True:
            zaehler += 1
            kandidat = f"{nummer}-anlage-{zaehler}"
            if kandidat not in vorhanden:
                break
        antrag.anlagen_zaehler = zaehler
        return kandidat
