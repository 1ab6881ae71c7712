"""The store of personal data data protection keeps on each Person
(``datenschutz.speicher``, adapter ``stand.DatenschutzstandPerson``): the
stated day consent was withdrawn and who recorded it when, and who entered
the end of the task when. In the Art. 15 report among the fields of the
Person and of each of its versions; nothing in it names the person (the
anonymisation keeps it: the retention period is counted from it)."""

from __future__ import annotations

from datetime import date
from stadtdo.sozialnetz.datenschutz.speicher import Speicher
from stadtdo.sozialnetz.datenschutz.stand import DatenschutzstandPerson
from typing import Any


def _wert(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


class Personenvermerke(Speicher):
    name = "personenvermerke"
    titel = (
        "Widerruf der Einwilligung und Eintrag des Aufgabenendes je Person "
        "(Tag, wer, wann)"
    )
    verzeichnis = ("einwilligung_widerrufen_am", "vermerke")
    person_abschnitt = "felder"

    def person_auskunft(self, person: Any) -> dict[str, Any]:
        # the class, not the adapter: a version is adapted too
        stand = DatenschutzstandPerson(person)
        return {
            "einwilligung_widerrufen_am": _wert(stand.einwilligung_widerrufen_am),
            "einwilligung_widerruf_vermerkt": stand.einwilligung_widerruf_vermerkt,
            "taetigkeit_bis_vermerkt": stand.taetigkeit_bis_vermerkt,
        }
