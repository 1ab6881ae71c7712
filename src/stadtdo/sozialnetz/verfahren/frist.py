"""Deadlines of the bodies' votes (domain.md § 6 "Deadlines").

A body's vote falls due on the day the Antrag enters a state in which that
vote is due (read from the workflow, ``workflow.faellig_in``) and is due
within ``frist_arbeitstage`` working days (NRW, ``stadtdo.sozialnetz.verfahren.arbeitstage``).
It is no longer due once the body voted Ja or Nein, or the Antrag left those
states. A deadline only reminds and escalates: a missing vote never decides.
"""

from datetime import date
from datetime import timedelta
from Products.ZCatalog.interfaces import ICatalogBrain
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum


#: Votes after which nothing is due any more.
ENTSCHIEDEN = ("ja", "nein")


def faellig_seit(antrag, gremium, *, zustaende=None):
    """The date ``gremium``'s vote fell due on ``antrag``, or None if it is
    not due (not in a due state, or already Ja/Nein)."""
    zustaende = zustaende if zustaende is not None else workflow.faellig_in(gremium)
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
    if aktuelles_votum(antrag, gremium.id)["votum"] in ENTSCHIEDEN:
        return None
    return seit


def alle_faellig_seit(antrag):
    """``{gremium_id: ISO date}`` of the bodies whose vote is due (catalog
    metadata ``faellig_seit``: the Übersicht computes deadlines from it)."""
    result = {}
    for gremium in GREMIEN:
        seit = faellig_seit(antrag, gremium)
        if seit is not None:
            result[gremium.id] = seit.isoformat()
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


def arbeitstage():
    """Working days a body has for its vote (control panel)."""
    return einstellung("frist_arbeitstage")


def frist_ab(seit, *, tage=None):
    """The deadline for a vote that fell due on ``seit`` (date or ISO text)."""
    if seit is None:
        return None
    if isinstance(seit, str):
        seit = date.fromisoformat(seit)
    return plus_arbeitstage(seit, arbeitstage() if tage is None else tage)


def abgelaufen(frist, heute=None):
    """True if the deadline ``frist`` (date, ISO text or None) has passed on
    ``heute``: a vote is overdue from the day after its deadline. The one
    rule of „überfällig“ for page, REST, CSV, report, mails and jobs."""
    if not frist:
        return False
    if isinstance(frist, str):
        frist = date.fromisoformat(frist)
    return frist < (heute or date.today())


def ueberfaellig_wenn_faellig_bis(heute, *, tage=None):
    """The latest day a vote may have fallen due and be overdue on ``heute``
    (its deadline before ``heute``). Adding working days never moves a later
    start to an earlier deadline, so "overdue" is "fell due on or before this
    day" – a range query on the catalog index ``faellig_ab``."""
    tage = arbeitstage() if tage is None else tage
    tag = heute - timedelta(days=1)
    while not abgelaufen(plus_arbeitstage(tag, tage), heute):
        tag -= timedelta(days=1)
    return tag


def ueberfaellig_abfrage(heute=None, *, tage=None):
    """The catalog query (index ``faellig_ab``) for the Anträge with a vote
    overdue on ``heute``: the same Anträge as ``ist_ueberfaellig``."""
    bis = ueberfaellig_wenn_faellig_bis(heute or date.today(), tage=tage)
    return {"faellig_ab": {"query": bis.isoformat(), "range": "max"}}


def frist(antrag, gremium):
    """The date by which ``gremium`` should vote on ``antrag``, or None."""
    return frist_ab(faellig_seit(antrag, gremium))


def fristen_je_gremium(antrag_oder_brain, *, tage=None):
    """``{gremium_id: date or None}`` for every body, of an Antrag or a
    catalog brain (metadata ``faellig_seit``)."""
    seit = _faellig_seit_von(antrag_oder_brain)
    if seit and tage is None:
        tage = arbeitstage()
    return {g.id: frist_ab(seit.get(g.id), tage=tage) for g in GREMIEN}


def naechste_frist(antrag_oder_brain, *, tage=None):
    """The earliest deadline of a vote still due (a date), or None."""
    offen = [
        f
        for f in fristen_je_gremium(antrag_oder_brain, tage=tage).values()
        if f is not None
    ]
    return min(offen) if offen else None


def ist_ueberfaellig(antrag_oder_brain, heute=None, *, tage=None):
    """True if a body's vote on the Antrag (object or catalog brain) is past
    its deadline on ``heute``."""
    return abgelaufen(naechste_frist(antrag_oder_brain, tage=tage), heute)


def ueberfaellig(fristen, heute=None):
    """True if one of the deadlines ``fristen`` (dates or None) has passed."""
    return any(abgelaufen(f, heute) for f in fristen)
