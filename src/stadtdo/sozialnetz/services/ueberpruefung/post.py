"""``POST <Antrag>/@ueberpruefung``: the head of the department answers the
yearly review (DV § 2) for every Person asked::

    {"antworten": [
        {"person": "erika", "antwort": "weiterhin"},
        {"person": "max", "antwort": "aufgabe_endet", "datum": "2027-06-30"},
        {"person": "ida", "antwort": "widerrufen", "datum": "2027-05-02"}],
     "erneut": false}

``antwort``: ``weiterhin`` / ``aufgabe_endet`` (``datum`` required) /
``widerrufen`` (``datum`` optional, default today). ``erneut``: the account
needs a re-application („Antrag erneut stellen“). No review open, a missing
or invalid answer: 400 naming it; not head or deputy of the Antrag's
department: 403 (anonymous 401). The logic is
``datenschutz.ueberpruefung.beantworten``."""

from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.datenschutz import stichtage
from stadtdo.sozialnetz.datenschutz import ueberpruefung as regel
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur.dienst import EINZEILIG
from stadtdo.sozialnetz.infrastruktur.dienst import JA_NEIN
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.services.ueberpruefung.get import stand


def _ungueltig():
    return AktionAbgelehnt(
        deutsch(
            _(
                "„antworten“ muss eine Liste von Objekten mit „person“, "
                "„antwort“ und gegebenenfalls „datum“ sein."
            )
        ),
        field="antworten",
    )


class UeberpruefungPost(SozialnetzService):
    def antworten(self):
        data = self.json()
        if data is None:
            return self.bad_json()
        erneut = self.eingabe(data, erneut=JA_NEIN)["erneut"]
        liste = data.get("antworten")
        if not isinstance(liste, list):
            raise _ungueltig()
        antworten = {}
        for eintrag in liste:
            if not isinstance(eintrag, dict):
                raise _ungueltig()
            werte = self.eingabe(eintrag, person=EINZEILIG, antwort=EINZEILIG)
            if not werte["person"] or werte["person"] in antworten:
                raise _ungueltig()
            antworten[werte["person"]] = (
                werte["antwort"] or "",
                stichtage.datum_lesen(eintrag.get("datum")),
            )
        eintraege = regel.beantworten(self.context, antworten, erneut=bool(erneut))
        result = stand(self.context)
        result["vermerkt"] = len(eintraege)
        if erneut:
            result["erneut_stellen"] = f"{self.context.absolute_url()}/@erneut-stellen"
        return result
