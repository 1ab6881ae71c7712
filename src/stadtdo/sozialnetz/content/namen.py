"""Short names inside an Antrag.

An Anlage's id is derived from the Antragsnummer and a counter kept on the
Antrag (``sn-2026-0001-anlage-1``, ``…-anlage-2``; ``stand.Inhaltsstand``: a
number is never given twice, even after a deletion), never from its file
name, which may carry a name; the file name stays the title. Persons keep
their neutral names (``person``, ``person-1`` …, ``content.person.PersonName``).

These names are the only ones: a client-chosen ``"id"`` on create (REST
POST, ``createContentInContainer(id=…)``, ``invokeFactory``) is refused with
a German 400 (``kurzname_pruefen``), so the short name of an Antrag is
always its Antragsnummer.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from plone.app.content.namechooser import NormalizingNameChooser
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.anlage import IAnlage
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.content.antragsnummer import ensure_antragsnummer
from stadtdo.sozialnetz.content.person import IPerson
from stadtdo.sozialnetz.content.stand import IInhaltsstand
from stadtdo.sozialnetz.infrastruktur.eingaben import EINZEILIG_MAX
from zExceptions import BadRequest
from zope.globalrequest import getRequest
from zope.i18n import translate
import re


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
        stand = IInhaltsstand(antrag)
        zaehler = stand.anlagen_zaehler
        vorhanden = set(antrag.objectIds())
        while True:
            zaehler += 1
            kandidat = f"{nummer}-anlage-{zaehler}"
            if kandidat not in vorhanden:
                break
        stand.anlagen_zaehler_setzen(zaehler)
        return kandidat


def _erwartet(ob, container):
    """The pattern of the short names ``ob`` may get in ``container``."""
    if IAntrag.providedBy(ob):
        return re.escape(ensure_antragsnummer(ob).lower())
    if IPerson.providedBy(ob):
        return r"person(-\d+)?"
    if IAnlage.providedBy(ob) and IAntrag.providedBy(container):
        nummer = (container.antragsnummer or container.getId()).lower()
        return re.escape(nummer) + r"-anlage-\d+"
    return None


def kurzname_pruefen(ob, event):
    """Subscriber (IObjectWillBeAddedEvent of Antrag, Person, Anlage): only
    the database's own short names; moves are ``content.ortsfest``'s."""
    if event.object is not ob or event.oldParent is not None:
        return  # content of an added folder, or a move
    muster = _erwartet(ob, event.newParent)
    if muster and not re.fullmatch(muster, event.newName or ""):
        raise BadRequest(
            translate(
                _(
                    "Die Kurzadresse vergibt die Datenbank (beim Antrag die "
                    "Antragsnummer); eine eigene „id“ ist nicht möglich. Bitte "
                    "lassen Sie „id“ weg."
                ),
                context=getRequest(),
            )
        )
