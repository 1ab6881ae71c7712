"""Facts of the Beteiligungsprozess, read from the workflow definition.

The definition (profiles/default/workflows/sozialnetz_antrag_workflow) says in
which state which transition leaves, and which roles hold the permission that
guards it. Everything that asks "is this step due?", "who acts next?" or
"which states are still open?" reads it here instead of keeping its own list.
"""

from functools import cached_property
from plone import api
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.content.gremien import AGENTUR_ABSCHLUSS
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.rechte.umfang import VERWALTUNG_ROLLE
from stadtdo.sozialnetz.verfahren.trennung import eingereicht_von
from stadtdo.sozialnetz.verfahren.trennung import genehmigung_unvereinbar
from stadtdo.sozialnetz.verfahren.trennung import leitung_fehlt
from stadtdo.sozialnetz.verfahren.verlauf import STATUS
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from stadtdo.sozialnetz.verfahren.voten import kurzansicht as voten_kurzansicht
from stadtdo.sozialnetz.verfahren.voten import NACH_ABSCHLUSS
from stadtdo.sozialnetz.verfahren.voten import offene_rueckfragen


#: The permission with which the department head decides (``genehmigen``,
#: ``zurueckweisen``); with the bodies' vote permissions it marks the steps
#: of the review.
FBL_PERMISSION = permissions.APPROVE_AS_HEAD
PRUEF_PERMISSIONS = frozenset({FBL_PERMISSION, *(g.permission for g in GREMIEN)})

#: The system step that supersedes an Antrag; it is never anyone's task.
ARCHIVIEREN = "archivieren"
#: Closing an approved account is possible, but never pending.
EINSTELLEN = "einstellen"
#: The role that waits on an Antrag whose department has no head to reach
#: („Leitung fehlt“, ``trennung.leitung_fehlt``): StA 11, who names one.
LEITUNG_FEHLT_ROLLE = VERWALTUNG_ROLLE
#: A body's vote is still awaited while it is one of these.
OFFENE_VOTEN = ("offen", "in_bearbeitung")
#: A body that gave no vote records its assessment after the end of the
#: process (domain.md §4): a step of the review bodies that leaves the
#: states the process ended in, which it does not reopen.
NACHTRAG = "einschaetzung_nachtragen"


def definition():
    """The DCWorkflow definition of the Antrag."""
    return api.portal.get_tool("portal_workflow")[WORKFLOW]


def ausgaenge(state, *, workflow=None):
    """Ids of the transitions that leave ``state`` (user and automatic)."""
    workflow = workflow or definition()
    sdef = workflow.states.get(state)
    return tuple(sdef.transitions) if sdef is not None else ()


def zustaende_mit(transition_id, *, workflow=None):
    """The states that ``transition_id`` leaves, in process order."""
    workflow = workflow or definition()
    return tuple(s for s in STATUS if transition_id in ausgaenge(s, workflow=workflow))


def guard_permissions(transition_id, *, workflow=None):
    """The permissions of the transition's guard (any one suffices)."""
    workflow = workflow or definition()
    tdef = workflow.transitions.get(transition_id)
    guard = tdef.guard if tdef is not None else None
    return tuple(guard.permissions) if guard is not None else ()


def ist_benutzerschritt(transition_id, *, workflow=None):
    """True for a transition a user triggers (not an automatic one)."""
    workflow = workflow or definition()
    tdef = workflow.transitions.get(transition_id)
    return tdef is not None and tdef.trigger_type == 1  # TRIGGER_USER_ACTION


def titel(transition_id, *, workflow=None):
    workflow = workflow or definition()
    tdef = workflow.transitions.get(transition_id)
    return tdef.title if tdef is not None else transition_id


def faellig_in(gremium):
    """The states in which ``gremium``'s vote is due."""
    return zustaende_mit(gremium.transition)


def nachtrag_gremien(*, workflow=None):
    """The bodies that may record their assessment after the end of the
    process: those whose vote permission guards ``NACHTRAG``."""
    erlaubt = set(guard_permissions(NACHTRAG, workflow=workflow))
    return tuple(g for g in GREMIEN if g.permission in erlaubt)


def nachtrag_moeglich(antrag, gremium):
    """True when ``gremium`` may still record its assessment of ``antrag``
    after the end of the process: the process ended in a state ``NACHTRAG``
    leaves and the body gave no Ja or Nein (a Rückfrage left open, nothing,
    or „in Bearbeitung“)."""
    return (
        api.content.get_state(antrag) in zustaende_mit(NACHTRAG)
        and gremium in nachtrag_gremien()
        and aktuelles_votum(antrag, gremium.id)["votum"] not in NACH_ABSCHLUSS
    )


def faellig_durch(transition_id, *, workflow=None):
    """The bodies (``GREMIEN`` order) whose vote falls due through
    ``transition_id``: due in the state it leads to and not in a state it
    leaves (``stellungnahme_abgeben``: the four bodies after the agency)."""
    workflow = workflow or definition()
    tdef = workflow.transitions.get(transition_id)
    if tdef is None or not tdef.new_state_id:
        return ()
    vorher = set()
    for state in zustaende_mit(transition_id, workflow=workflow):
        vorher.update(ausgaenge(state, workflow=workflow))
    nachher = ausgaenge(tdef.new_state_id, workflow=workflow)
    return tuple(
        g for g in GREMIEN if g.transition in nachher and g.transition not in vorher
    )


def abloesbare_zustaende():
    """States in which an Antrag is in force and can be superseded."""
    return zustaende_mit(ARCHIVIEREN)


def offene_zustaende():
    """Submitted states in which the review still has to decide: a step of the
    department head or of a body leaves them."""
    workflow = definition()
    return tuple(
        state
        for state in STATUS
        if any(
            set(guard_permissions(t, workflow=workflow)) & PRUEF_PERMISSIONS
            for t in ausgaenge(state, workflow=workflow)
            if t != NACHTRAG
        )
    )


def beendet(state):
    """True when the process of an Antrag in ``state`` has ended: it is
    neither a draft nor still under review (``offene_zustaende``)."""
    return state not in (definition().initial_state, *offene_zustaende())


def kurzansicht(antrag, request=None, target_language=None):
    """``voten.kurzansicht``, told whether the process has ended: the table
    of the page, ``@votum`` and the mails."""
    return voten_kurzansicht(
        antrag,
        request,
        target_language,
        beendet=beendet(api.content.get_state(obj=antrag, default=None)),
    )


def rollen_fuer(transition_id, state, *, workflow=None):
    """Roles that may take ``transition_id`` in ``state``: those that hold one
    of its guard permissions there (per the state's permission map)."""
    workflow = workflow or definition()
    sdef = workflow.states.get(state)
    if sdef is None:
        return frozenset()
    roles = set()
    for permission in guard_permissions(transition_id, workflow=workflow):
        roles.update((sdef.permission_roles or {}).get(permission, ()))
    return frozenset(roles)


class Aufgaben:
    """Who acts next on an Antrag, computed from catalog metadata.

    ``rollen_im_fachbereich`` maps a department folder id to the roles the
    user holds there (local roles of the folder and of the database). A user
    waits on an Antrag when it is a draft or still open, and the user holds a
    role that may take one of the steps leaving its state — a vote only while
    the body's vote is open, an answer only while a Rückfrage is open.
    """

    def __init__(self, rollen_im_fachbereich):
        self.rollen = rollen_im_fachbereich
        self.gremium_von = {g.transition: g for g in GREMIEN}
        self.gremium_von[AGENTUR_ABSCHLUSS] = self.gremium_von["votum_agentur"]

    @cached_property
    def workflow(self):
        return definition()

    @cached_property
    def schritte(self):
        """``{state: ((transition_id, roles), ...)}`` of the steps someone
        can be waiting to take; read from the workflow on first use only
        (``schluessel``, all „Meine Aufgaben“ asks, does not need it)."""
        workflow = self.workflow
        wartend = (workflow.initial_state, *offene_zustaende())
        return {
            state: tuple(
                (t, rollen_fuer(t, state, workflow=workflow))
                for t in ausgaenge(state, workflow=workflow)
                if ist_benutzerschritt(t, workflow=workflow)
                and t not in (ARCHIVIEREN, EINSTELLEN)
            )
            for state in wartend
        }

    def wartende_rollen(
        self, review_state, voten, rueckfragen_offen, leitung_fehlt=False
    ):
        """The roles that have a step due on an Antrag in ``review_state``
        with the votes ``voten`` (``{gremium_id: votum}``) and the open
        Rückfragen ``rueckfragen_offen`` – whoever holds one of them in the
        Antrag's department waits on it; with ``leitung_fehlt`` (no head to
        reach) also StA 11 (``LEITUNG_FEHLT_ROLLE``), who has to name one."""
        rollen = set()
        if leitung_fehlt:
            rollen.add(LEITUNG_FEHLT_ROLLE)
        for transition_id, berechtigt in self.schritte.get(review_state, ()):
            gremium = self.gremium_von.get(transition_id)
            if gremium is not None:
                if (voten or {}).get(gremium.id, "offen") not in OFFENE_VOTEN:
                    continue
            elif transition_id == "rueckfrage_beantworten" and not rueckfragen_offen:
                continue
            rollen.update(berechtigt)
        return frozenset(rollen)

    def schluessel(self):
        """The values of the catalog index ``wartet_auf`` this user waits on:
        ``<department>:<role>`` for every role held in a department."""
        return sorted(
            f"{fachbereich}:{rolle}"
            for fachbereich, rollen in self.rollen.items()
            for rolle in rollen
        )

    def wartet(self, brain):
        """True if the Antrag ``brain`` waits for an action of this user."""
        rollen = self.rollen.get(brain.fachbereich, frozenset())
        return bool(
            rollen
            & self.wartende_rollen(
                brain.review_state,
                brain.voten,
                brain.rueckfragen_offen,
                getattr(brain, "leitung_fehlt", None) is True,
            )
        )


def wartet_auf(antrag, fachbereich):
    """Values of the catalog index ``wartet_auf`` for ``antrag`` in the
    department ``fachbereich``: ``<department>:<role>`` for each role that
    has a step due (``Aufgaben.wartende_rollen``). „Meine Aufgaben“ asks the
    index with ``Aufgaben.schluessel`` and wakes no Antrag."""
    state = api.content.get_state(obj=antrag, default=None)
    voten = {g.id: aktuelles_votum(antrag, g.id)["votum"] for g in GREMIEN}
    rollen = Aufgaben({}).wartende_rollen(
        state, voten, offene_rueckfragen(antrag), leitung_fehlt(antrag)
    )
    return sorted(f"{fachbereich}:{rolle}" for rolle in rollen)


def ausgeschlossen(antrag):
    """User ids whose waiting role is refused every step due now by the
    separation of duties (``verfahren.trennung``): the person who submitted the
    Antrag while its head decides. „Meine Aufgaben“ leaves these out
    (catalog index ``ausgeschlossen``), so it lists exactly what
    ``schritte.moegliche_schritte`` offers."""
    state = api.content.get_state(obj=antrag, default=None)
    if state not in zustaende_mit("genehmigen"):
        return []
    wer = eingereicht_von(antrag)
    if not wer or api.user.get(userid=wer) is None:
        return []
    return [wer] if genehmigung_unvereinbar(wer, antrag) else []


#: The value of the index ``ausgeschlossen`` for an Antrag nobody is left
#: out of: ZCatalog's ``{"not": …}`` on a KeywordIndex drops documents
#: without any value when no document holds the value asked for.
NIEMAND = "niemand"


def automatisch_weiter(antrag):
    """Take the automatic transition that is due now (the decision after the
    last needed vote), if one is; returns its id or None.

    DCWorkflow looks for automatic transitions only right after a
    transition. The FB's answer to a Rückfrage is recorded after its own
    transition (whose guard needs the Rückfrage still open), so the decision
    that waited for that answer is asked for here, through the same
    DCWorkflow machinery (guard, history, events) as any automatic step."""
    wf = definition()
    sdef = wf._getWorkflowStateOf(antrag)
    tdef = wf._findAutomaticTransition(antrag, sdef) if sdef is not None else None
    if tdef is None:
        return None
    wf._changeStateOf(antrag, tdef)
    return tdef.getId()
