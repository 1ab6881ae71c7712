"""``GET <Antrag>/@ueberpruefung``: the yearly review of the voluntary basis
(DV § 2) – whether one is open, its deadline, whether it is overdue, the
Persons asked, whether the caller may answer, and every answer recorded
(``datenschutz.ueberpruefung``)."""

from stadtdo.sozialnetz.datenschutz import ueberpruefung as regel
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService


def stand(antrag):
    """The state of the review of ``antrag`` as JSON (GET and POST)."""
    seit = regel.offen_seit(antrag)
    frist = regel.frist(seit)
    return {
        "@id": f"{antrag.absolute_url()}/@ueberpruefung",
        "offen": seit is not None,
        "faellig_ab": seit.isoformat() if seit else None,
        "frist": frist.isoformat() if frist else None,
        "ueberfaellig": regel.ist_ueberfaellig(antrag),
        "kann_beantworten": seit is not None and regel.darf_beantworten(antrag),
        "personen": [
            {"person": p.getId(), "name": f"{p.vorname} {p.nachname}".strip()}
            for p in (regel.zu_beantworten(antrag) if seit is not None else ())
        ],
        "antworten": [
            {
                "runde": a["runde"],
                "person": a["person"],
                "antwort": a["antwort"],
                "antwort_titel": regel.antwort_text(a),
                "datum": a.get("datum"),
                "erneut": bool(a.get("erneut")),
                "wer": a.get("wer"),
                "zeit": a.get("zeit"),
            }
            for a in regel.antworten_von(antrag)
        ],
    }


class UeberpruefungGet(SozialnetzService):
    def antworten(self):
        return stand(self.context)
