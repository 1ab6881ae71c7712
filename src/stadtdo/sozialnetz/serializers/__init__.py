"""The REST representation of an Antrag: links to its predecessor and
successors (section 5 „Bisherige Anträge“) as link objects, and the pending
re-application („Änderung beantragt“), and „Verantwortung klären“
(offboarding: who left and why, or null), and ``moegliche_schritte``: the
steps the signed-in user may take now (``verfahren.schritte``)."""

from plone import api
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren import verantwortung
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


def verweis(antrag):
    """A link object: ``{"@id", "title", "antragsnummer", "review_state"}``."""
    return {
        "@id": antrag.absolute_url(),
        "title": antrag.Title(),
        "antragsnummer": antrag.antragsnummer,
        "review_state": api.content.get_state(antrag),
    }


@implementer(ISerializeToJson)
@adapter(IAntrag, Interface)
class SerializeAntragToJson(SerializeFolderToJson):
    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        antrag = self.context
        vorgaenger = (
            api.content.get(UID=antrag.vorgaenger) if antrag.vorgaenger else None
        )
        result["vorgaenger"] = verweis(vorgaenger) if vorgaenger is not None else None
        result["nachfolger"] = [
            verweis(brain.getObject()) for brain in erneut.nachfolger(antrag)
        ]
        neu = erneut.aenderung_beantragt(antrag)
        result["aenderung_beantragt"] = verweis(neu) if neu is not None else None
        result["verantwortung_klaeren"] = (
            [
                {
                    "person": e["person"],
                    "name": verantwortung.personen_name(antrag, e["person"]),
                    "grund": e["grund"],
                    "datum": e["datum"],
                    "text": verantwortung.grund_text(e, self.request),
                }
                for e in verantwortung.offene(antrag)
            ]
            if verantwortung.ist_markiert(antrag)
            else None
        )
        result["moegliche_schritte"] = [
            {"schritt": m.schritt, "gremium": m.gremium or None}
            for m in schritte.moegliche_schritte(antrag)
        ]
        return result
