"""Deadlines of the steps the review waits for (domain.md § 4, § 6
"Deadlines"): each body's vote and the head's approval.

``SCHRITTE`` is the one table of them: per entry its id (the body's id, or
``fbl`` for the Fachbereichsleitung), the workflow step that is due (the
states in which it is due are read from the workflow, ``workflow.zustaende_mit``)
and the registry record with its number of working days (NRW,
``stadtdo.sozialnetz.verfahren.arbeitstage``). A step falls due on the day
the Antrag enters a state in which it is due; a vote is no longer due once
the body voted Ja or Nein, every step once the Antrag left those states.
The head's step never falls due before the day the site got its deadline
(profile 1006, ``fbl_frist_einfuehren``): an Antrag waiting for its head at
the upgrade counts from that day. A deadline only reminds and escalates: a
missing vote or approval never decides.
"""

from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from plone import api
from Products.ZCatalog.interfaces import ICatalogBrain
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.content.gremien import Gremium
from stadtdo.sozialnetz.infrastruktur.speicher import annotation
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from zope.annotation.interfaces import IAnnotations


#: Votes after which nothing is due any more.
ENTSCHIEDEN = ("ja", "nein")

#: The id of the head's step among the deadlines (no body has it).
FBL = "fbl"


@dataclass(frozen=True)
class Fristschritt:
    """One step with a deadline: a body's vote or the head's approval."""

    id: str
    titel: str
    transition: str  # the step that is due (its states: where it is due)
    einstellung: str  # registry record: working days for it
    gremium: Gremium | None = None  # the body voting, None for the head


SCHRITTE = (
    *(
        Fristschritt(
            id=g.id,
            titel=g.titel,
            transition=g.transition,
            einstellung="frist_arbeitstage",
            gremium=g,
        )
        for g in GREMIEN
    ),
    Fristschritt(
        id=FBL,
        titel=_("Genehmigung durch die Fachbereichsleitung"),
        transition="genehmigen",
        einstellung="frist_fbl_arbeitstage",
    ),
)
SCHRITTE_BY_ID = {schritt.id: schritt for schritt in SCHRITTE}

#: Key in the site's annotations: ISO day since which the head's step has a
#: deadline on a site that had Anträge before (profile 1006).
FBL_FRIST_SEIT_KEY = "stadtdo.sozialnetz.fbl_frist_seit"


def _schritt(schritt_oder_gremium):
    if isinstance(schritt_oder_gremium, Fristschritt):
        return schritt_oder_gremium
    return SCHRITTE_BY_ID[schritt_oder_gremium.id]


def fbl_frist_seit():
    """The day (date) since which the head's step has a deadline on this
    site, or None (a site installed with it)."""
    seit = annotation(api.portal.get(), FBL_FRIST_SEIT_KEY)
    return date.fromisoformat(seit) if seit else None


def fbl_frist_einfuehren(heute):
    """Record ``heute`` as the day the head's step got its deadline, unless
    one is recorded (upgrade 1006; idempotent). Returns the day recorded."""
    annotations = IAnnotations(api.portal.get())
    if not annotations.get(FBL_FRIST_SEIT_KEY):
        annotations[FBL_FRIST_SEIT_KEY] = heute.isoformat()
    return date.fromisoformat(annotations[FBL_FRIST_SEIT_KEY])


def faellig_seit(antrag, gremium, *, zustaende=None):
    """The date the step ``gremium`` (a body, or a ``Fristschritt`` of
    ``SCHRITTE``) fell due on ``antrag``, or None if it is not due (not in a
    due state, or the body already voted Ja/Nein)."""
    schritt = _schritt(gremium)
    if zustaende is None:
        zustaende = workflow.zustaende_mit(schritt.transition)
    seit = None
    vorher = None
    for entry in antrag.workflow_history.get(WORKFLOW, ()):
        state = entry.get("review_state")
        if state in zustaende and vorher not in zustaende:
            seit = entry["time"].asdatetime().date()
        elif state not in zustaende:
            seit = None
        vorher = state
    if seit is None:
        return None
    if schritt.gremium is None:
        eingefuehrt = fbl_frist_seit()
        return max(seit, eingefuehrt) if eingefuehrt else seit
    if aktuelles_votum(antrag, schritt.id)["votum"] in ENTSCHIEDEN:
        return None
    return seit


def alle_faellig_seit(antrag):
    """``{schritt_id: ISO date}`` of the steps that are due – the bodies'
    votes and ``fbl`` for the head's approval (catalog metadata
    ``faellig_seit``: the Übersicht computes deadlines from it)."""
    zustand = api.content.get_state(obj=antrag, default=None)
    result = {}
    for schritt in SCHRITTE:
        zustaende = workflow.zustaende_mit(schritt.transition)
        if zustand not in zustaende:
            continue
        seit = faellig_seit(antrag, schritt, zustaende=zustaende)
        if seit is not None:
            result[schritt.id] = seit.isoformat()
    return result


def _faellig_seit_von(antrag_oder_brain):
    """``alle_faellig_seit`` of an Antrag, or of a catalog brain read from
    its metadata (no Antrag is woken up)."""
    if ICatalogBrain.providedBy(antrag_oder_brain):
        return getattr(antrag_oder_brain, "faellig_seit", None) or {}
    return alle_faellig_seit(antrag_oder_brain)


def faellig_ab(antrag):
    """ISO date since which the earliest vote still due on ``antrag`` is due,
    or None (catalog index ``faellig_ab``: its deadline is the earliest one,
    so the filter „überfällig“ is a range query, ``ueberfaellig_abfrage``)."""
    seit = alle_faellig_seit(antrag)
    return min(seit.values()) if seit else None


def arbeitstage(schritt_id=None):
    """Working days for a step (control panel): a body's vote (the default)
    or, with ``schritt_id`` ``fbl``, the head's approval."""
    schritt = SCHRITTE_BY_ID[schritt_id] if schritt_id else SCHRITTE[0]
    return einstellung(schritt.einstellung)


def fristlaengen():
    """``{schritt_id: working days}`` of every step with a deadline, read
    once for a page or a job (the ``laengen`` argument below)."""
    return {schritt.id: einstellung(schritt.einstellung) for schritt in SCHRITTE}


def frist_ab(seit, *, tage=None, schritt_id=None):
    """The deadline of a step that fell due on ``seit`` (date or ISO text):
    ``tage`` working days later, by default those of ``schritt_id`` (a
    body's vote if not given)."""
    if seit is None:
        return None
    if isinstance(seit, str):
        seit = date.fromisoformat(seit)
    return plus_arbeitstage(seit, arbeitstage(schritt_id) if tage is None else tage)


def abgelaufen(frist, heute=None):
    """True if the deadline ``frist`` (date, ISO text or None) has passed on
    ``heute``: a step is overdue from the day after its deadline. The one
    rule of „überfällig“ for page, REST, CSV, report, mails and jobs."""
    if not frist:
        return False
    if isinstance(frist, str):
        frist = date.fromisoformat(frist)
    return frist < (heute or date.today())


def ueberfaellig_wenn_faellig_bis(heute, *, tage=None):
    """The latest day a step with ``tage`` working days may have fallen due
    and be overdue on ``heute`` (its deadline before ``heute``). Adding
    working days never moves a later start to an earlier deadline, so
    "overdue" is "fell due on or before this day" – a range query on the
    catalog index ``faellig_ab``."""
    tage = arbeitstage() if tage is None else tage
    tag = heute - timedelta(days=1)
    while not abgelaufen(plus_arbeitstage(tag, tage), heute):
        tag -= timedelta(days=1)
    return tag


def ueberfaellig_abfrage(heute=None, *, laengen=None):
    """The catalog query (index ``faellig_ab``) for the Anträge that may
    have a step overdue on ``heute``: the bound of the shortest deadline, so
    it finds every overdue Antrag; with steps of different lengths it may
    find more, and ``ueberfaellige`` keeps those ``ist_ueberfaellig`` says."""
    kuerzeste = min((laengen or fristlaengen()).values())
    bis = ueberfaellig_wenn_faellig_bis(heute or date.today(), tage=kuerzeste)
    return {"faellig_ab": {"query": bis.isoformat(), "range": "max"}}


def ueberfaellige(brains, heute=None, *, laengen=None):
    """Of ``brains`` (the result of ``ueberfaellig_abfrage``) those with a
    step past its deadline on ``heute`` (``ist_ueberfaellig``, from
    metadata: no Antrag is woken)."""
    laengen = laengen or fristlaengen()
    if len(set(laengen.values())) == 1:
        return brains  # one length: the range query is exact
    return [b for b in brains if ist_ueberfaellig(b, heute, laengen=laengen)]


def frist(antrag, gremium):
    """The date by which ``gremium`` (a body or a ``Fristschritt``) should
    act on ``antrag``, or None."""
    schritt = _schritt(gremium)
    return frist_ab(faellig_seit(antrag, schritt), schritt_id=schritt.id)


def fristen(antrag_oder_brain, *, laengen=None):
    """``{schritt_id: date or None}`` for every step of ``SCHRITTE``, of an
    Antrag or a catalog brain (metadata ``faellig_seit``)."""
    seit = _faellig_seit_von(antrag_oder_brain)
    if seit and laengen is None:
        laengen = fristlaengen()
    return {
        s.id: frist_ab(seit.get(s.id), tage=laengen[s.id]) if seit else None
        for s in SCHRITTE
    }


def fristen_je_gremium(antrag_oder_brain, *, laengen=None):
    """``{gremium_id: date or None}`` for every body (the vote table)."""
    alle = fristen(antrag_oder_brain, laengen=laengen)
    return {g.id: alle[g.id] for g in GREMIEN}


def naechste_frist(antrag_oder_brain, *, laengen=None):
    """The earliest deadline of a step still due (a date), or None."""
    offen = [
        f for f in fristen(antrag_oder_brain, laengen=laengen).values() if f is not None
    ]
    return min(offen) if offen else None


def ist_ueberfaellig(antrag_oder_brain, heute=None, *, laengen=None):
    """True if a step on the Antrag (object or catalog brain) – a body's
    vote or the head's approval – is past its deadline on ``heute``."""
    return abgelaufen(naechste_frist(antrag_oder_brain, laengen=laengen), heute)


def ueberfaellig(fristen, heute=None):
    """True if one of the deadlines ``fristen`` (dates or None) has passed."""
    return any(abgelaufen(f, heute) for f in fristen)
