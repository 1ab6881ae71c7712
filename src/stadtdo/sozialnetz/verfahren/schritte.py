"""One function per user action of the Beteiligungsprozess.

Each function checks, in this order, that the step is *due* (the workflow
lets it leave the current state), *permitted* (the user holds the permission
of its guard) and *complete* (it carries its data), and then fires the
transition with a ``Schritt`` (see ``verfahren.sperre``). The Antrag view, the
REST services, ``@workflow`` and ``content_status_modify`` for an Antrag all
call these functions; nothing else can fire a step.

Errors: ``AktionAbgelehnt`` (German message, optional ``field``) when the step
is not due or data are missing; ``Unauthorized`` (German message) when the
user may not take it.
"""

from dataclasses import dataclass
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.gremien import AGENTUR_ABSCHLUSS
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur import eingaben
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren import verantwortung
from stadtdo.sozialnetz.verfahren import voten
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.einreichen import hindernisse
from stadtdo.sozialnetz.verfahren.sperre import endpunkt
from stadtdo.sozialnetz.verfahren.sperre import Schritt
from stadtdo.sozialnetz.verfahren.trennung import genehmigung_unvereinbar
from stadtdo.sozialnetz.verfahren.trennung import protokolliert
from stadtdo.sozialnetz.verfahren.trennung import Unvereinbar
from stadtdo.sozialnetz.verfahren.trennung import votum_unvereinbar
from zExceptions import Unauthorized
from zope.i18n import translate


def _t(msgid, **mapping):
    return translate(_(msgid, mapping=mapping), context=api.env.getRequest())


def _state_title(antrag):
    wf_tool = api.portal.get_tool("portal_workflow")
    title = wf_tool.getTitleForStateOnType(api.content.get_state(antrag), "Antrag")
    return translate(_(title), context=api.env.getRequest())


def _step_title(transition_id):
    return translate(_(workflow.titel(transition_id)), context=api.env.getRequest())


def _faellig(antrag, transition_id):
    if transition_id not in workflow.ausgaenge(api.content.get_state(antrag)):
        raise AktionAbgelehnt(
            _t(
                _("Der Schritt „${schritt}“ ist im Status „${status}“ nicht möglich."),
                schritt=_step_title(transition_id),
                status=_state_title(antrag),
            )
        )


def _erlaubt(antrag, transition_id, message=None):
    permissions = workflow.guard_permissions(transition_id)
    if permissions and not any(
        api.user.has_permission(p, obj=antrag) for p in permissions
    ):
        raise Unauthorized(
            message
            or _t(
                _(
                    "Sie dürfen den Schritt „${schritt}“ bei diesem Antrag nicht ausführen."
                ),
                schritt=_step_title(transition_id),
            )
        )


#: Catalog indexes that depend on the state and the votes: who waits on the
#: Antrag („Meine Aufgaben“) and since when a vote is due („überfällig“).
#: DCWorkflow reindexes only ``review_state``; every step refreshes these.
AUFGABEN_INDIZES = ["review_state", "wartet_auf", "ausgeschlossen", "faellig_ab"]


def _feuern(antrag, transition_id, *, kommentar="", gremium="", votum=""):
    api.portal.get_tool("portal_workflow").doActionFor(
        antrag,
        transition_id,
        comment=kommentar,
        gremium=gremium,
        votum=votum,
        schritt=Schritt(transition_id, gremium=gremium, votum=votum),
    )
    antrag.reindexObject(idxs=AUFGABEN_INDIZES)


def _kommentar(value, feld="kommentar"):
    """A comment, statement or answer: text of at most 10,000 characters
    (``eingaben``), stripped; a wrong type or a longer text is refused."""
    return eingaben.text(value, feld, grenze=eingaben.MEHRZEILIG_MAX).strip()


# The department


def _pruefe_einreichen(antrag, gremium=""):
    _faellig(antrag, "einreichen")
    _erlaubt(
        antrag,
        "einreichen",
        _t(
            _(
                "Sie dürfen diesen Antrag nicht einreichen. Einreichen können die "
                "Mitarbeiter*innen des Fachbereichs."
            )
        ),
    )


def einreichen(antrag, *, kommentar=""):
    """Submit a draft (Anlage 1 Nr. 2): it freezes and goes to the FB head."""
    _pruefe_einreichen(antrag)
    gruende = hindernisse(antrag)
    if gruende:
        raise AktionAbgelehnt(
            _t(_("Der Antrag kann noch nicht eingereicht werden:"))
            + " "
            + " ".join(gruende)
        )
    _feuern(antrag, "einreichen", kommentar=_kommentar(kommentar))


def _pruefe_rueckfrage(antrag, gremium):
    g = _gremium(gremium)
    _faellig(antrag, "rueckfrage_beantworten")
    if g.id not in voten.offene_rueckfragen(antrag):
        raise AktionAbgelehnt(
            _t(
                _("Von „${gremium}“ liegt keine offene Rückfrage vor."),
                gremium=translate(g.titel, context=api.env.getRequest()),
            ),
            field="gremium",
        )
    _erlaubt(
        antrag,
        "rueckfrage_beantworten",
        _t(_("Sie dürfen Rückfragen zu diesem Antrag nicht beantworten.")),
    )
    return g


def rueckfrage_beantworten(antrag, *, gremium, antwort):
    """Record the FB's answer to the open Rückfrage of ``gremium``."""
    g = _pruefe_rueckfrage(antrag, gremium)
    antwort = _kommentar(antwort, "antwort")
    if not antwort:
        raise AktionAbgelehnt(
            _t(_("Bitte geben Sie eine Antwort ein.")), field="antwort"
        )
    # The transition's guard needs the Rückfrage still open: answer afterwards.
    _feuern(
        antrag,
        "rueckfrage_beantworten",
        kommentar=antwort,
        gremium=g.id,
        votum=voten.ANTWORT,
    )
    entry = voten.eintragen(
        antrag, g.id, art=voten.ANTWORT, votum=voten.ANTWORT, kommentar=antwort
    )
    # The decision waited for this answer (voten.beteiligung_ergebnis).
    workflow.automatisch_weiter(antrag)
    antrag.reindexObject(idxs=AUFGABEN_INDIZES)  # and the overview's metadata
    return entry


def erneut_stellen(antrag):
    """Start a re-application of ``antrag`` as a draft (Anlage 1 Nr. 3).

    Returns the new Antrag. The predecessor stays in force until the new one
    is approved (``archivieren``).
    """
    _erneut_pruefen(antrag)
    return erneut.kopie_anlegen(antrag)


def _pruefe_verantwortung(antrag, gremium=""):
    _erneut_pruefen(
        antrag,
        _t(_("Sie dürfen die Verantwortung für diesen Antrag nicht übertragen.")),
    )
    if not verantwortung.ist_markiert(antrag):
        raise AktionAbgelehnt(
            _t(
                _(
                    "„Verantwortung übertragen“ ist nur bei einem genehmigten Antrag "
                    "mit dem Hinweis „Verantwortung klären“ möglich."
                )
            )
        )


def verantwortung_uebertragen(antrag):
    """„Verantwortung übertragen“ (offboarding): start the re-application of
    the approved ``antrag`` flagged „Verantwortung klären“, with all data but
    without the Persons who left; the department adds the new responsible
    person. Same rights and rules as ``erneut_stellen``. Returns the new
    Antrag and the names of the Persons left out."""
    _pruefe_verantwortung(antrag)
    ohne = verantwortung.betroffene_personen(antrag)
    namen = [verantwortung.personen_name(antrag, pid) for pid in ohne]
    return erneut.kopie_anlegen(antrag, ohne=ohne), [n for n in namen if n]


def _erneut_pruefen(antrag, verweigert=None):
    if not api.user.has_permission(erneut.REAPPLY_PERMISSION, obj=antrag):
        raise Unauthorized(
            verweigert or _t(_("Sie dürfen diesen Antrag nicht erneut stellen."))
        )
    if api.content.get_state(antrag) not in workflow.abloesbare_zustaende():
        raise AktionAbgelehnt(
            _t(
                _(
                    "Nur ein eingereichter, nicht archivierter Antrag kann erneut gestellt werden."
                )
            )
        )
    laufend = erneut.laufender_nachfolger(antrag)
    entwurf = workflow.definition().initial_state
    if laufend is not None and api.content.get_state(laufend) == entwurf:
        raise AktionAbgelehnt(
            _t(
                _(
                    "Zu diesem Antrag gibt es bereits einen erneuten Antrag im Entwurf: ${nummer}."
                ),
                nummer=laufend.antragsnummer,
            )
        )
    if laufend is not None:
        raise AktionAbgelehnt(
            _t(
                _("Zu diesem Antrag läuft bereits der erneute Antrag ${nummer}."),
                nummer=laufend.antragsnummer,
            )
        )


def _pruefe_einfach(transition_id):
    """The check of a step whose only data is a comment: due and permitted."""

    def pruefen(antrag, gremium=""):
        _faellig(antrag, transition_id)
        _erlaubt(antrag, transition_id)

    return pruefen


_pruefe_einstellen = _pruefe_einfach("einstellen")


def _pruefe_kopf(transition_id):
    """The check of the head's decision: due, permitted, and neither by the
    applicant nor by a body member (``verfahren.trennung``)."""
    einfach = _pruefe_einfach(transition_id)

    def pruefen(antrag, gremium=""):
        einfach(antrag)
        grund = genehmigung_unvereinbar(api.user.get_current(), antrag)
        if grund:
            raise Unvereinbar(grund)

    return pruefen


_pruefe_genehmigen = _pruefe_kopf("genehmigen")
_pruefe_zurueckweisen = _pruefe_kopf("zurueckweisen")


def einstellen(antrag, *, kommentar=""):
    """The FB reports that the approved account was closed."""
    _pruefe_einstellen(antrag)
    _feuern(antrag, "einstellen", kommentar=_kommentar(kommentar))


# The department head


def genehmigen(antrag, *, kommentar=""):
    """The FB head approves (Genehmigungsvorbehalt, Anlage 1 Nr. 4)."""
    with protokolliert(antrag):
        _pruefe_genehmigen(antrag)
    _feuern(antrag, "genehmigen", kommentar=_kommentar(kommentar))


def zurueckweisen(antrag, *, kommentar):
    """The FB head sends the Antrag back; a reason is required. The Antrag
    becomes ``zurueckgewiesen`` (frozen); the FB continues with „Antrag
    erneut stellen“."""
    with protokolliert(antrag):
        _pruefe_zurueckweisen(antrag)
    kommentar = _kommentar(kommentar)
    if not kommentar:
        raise AktionAbgelehnt(
            _t(_("Bitte begründen Sie die Zurückweisung im Kommentar.")),
            field="comment",
        )
    _feuern(antrag, "zurueckweisen", kommentar=kommentar)


# The review bodies


def _gremium(gremium_id):
    try:
        return GREMIEN_BY_ID[eingaben.text(gremium_id, "gremium")]
    except KeyError:
        raise AktionAbgelehnt(
            _t(
                _("Unbekanntes Gremium „${gremium}“. Erlaubt sind: ${erlaubt}."),
                gremium=gremium_id,
                erlaubt=", ".join(GREMIEN_BY_ID),
            ),
            field="gremium",
        ) from None


def votum(antrag, *, gremium, votum, kommentar="", endgueltig=False):
    """Record the vote of ``gremium`` for the current user.

    For the Dortmund-Agentur a ``ja`` or ``nein`` is its statement and closes
    its phase (``stellungnahme_abgeben``). Returns the stored entry.
    """
    return _votum(antrag, gremium, votum, kommentar, endgueltig)


def stellungnahme(antrag, *, votum, kommentar=""):
    """The Dortmund-Agentur's statement (DV § 4): its vote for ``agentur``."""
    return _votum(antrag, "agentur", votum, kommentar, False)


def _pruefe_votum(antrag, gremium):
    g = _gremium(gremium)
    state = api.content.get_state(antrag)
    if state in workflow.zustaende_mit(workflow.NACHTRAG) and g in (
        workflow.nachtrag_gremien()
    ):
        if not workflow.nachtrag_moeglich(antrag, g):
            raise AktionAbgelehnt(
                _t(
                    _(
                        "„${gremium}“ hat bereits abgestimmt. Nach Abschluss des Verfahrens kann nur ein Gremium ohne Votum seine Einschätzung nachtragen."
                    ),
                    gremium=translate(g.titel, context=api.env.getRequest()),
                ),
                field="gremium",
            )
    elif state not in workflow.faellig_in(g):
        raise AktionAbgelehnt(
            _t(
                _(
                    "Ein Votum von „${gremium}“ ist im Status „${status}“ nicht vorgesehen."
                ),
                gremium=translate(g.titel, context=api.env.getRequest()),
                status=_state_title(antrag),
            ),
            field="gremium",
        )
    if not api.user.has_permission(g.permission, obj=antrag):
        raise Unauthorized(
            _t(
                _("Sie dürfen nicht für „${gremium}“ abstimmen."),
                gremium=translate(g.titel, context=api.env.getRequest()),
            )
        )
    unvereinbar = votum_unvereinbar(api.user.get_current(), g.id, antrag)
    if unvereinbar:
        raise Unvereinbar(unvereinbar)
    return g


def _votum(antrag, gremium, votum, kommentar, endgueltig):
    g = _gremium(gremium)
    if eingaben.text(votum, "votum") not in voten.VOTEN:
        raise AktionAbgelehnt(
            _t(
                _("Unbekanntes Votum „${votum}“. Erlaubt sind: ${erlaubt}."),
                votum=votum,
                erlaubt=", ".join(voten.VOTEN),
            ),
            field="votum",
        )
    with protokolliert(antrag):
        _pruefe_votum(antrag, g.id)
    nachtrag = workflow.nachtrag_moeglich(antrag, g)
    if nachtrag and votum not in voten.NACH_ABSCHLUSS:
        raise AktionAbgelehnt(
            _t(
                _(
                    "Nach Abschluss des Verfahrens kann „${gremium}“ nur noch seine Einschätzung nachtragen: „Ja“ oder „Nein“."
                ),
                gremium=translate(g.titel, context=api.env.getRequest()),
            ),
            field="votum",
        )
    kommentar = _kommentar(kommentar)
    if votum in (voten.NEIN, voten.RUECKFRAGE) and not kommentar:
        raise AktionAbgelehnt(
            _t(_("Bitte begründen Sie ein „Nein“ oder Ihre Rückfrage im Kommentar.")),
            field="kommentar",
        )
    endgueltig = (
        bool(endgueltig)
        and votum == voten.NEIN
        and g.zustimmung_erforderlich
        and not nachtrag
    )
    transition_id = g.transition
    if g.id == "agentur" and votum in (voten.JA, voten.NEIN):
        transition_id = AGENTUR_ABSCHLUSS
    if nachtrag:
        transition_id = workflow.NACHTRAG
    entry = voten.eintragen(
        antrag,
        g.id,
        art="votum",
        votum=votum,
        kommentar=kommentar,
        endgueltig=endgueltig,
        **({"nach_abschluss": True} if nachtrag else {}),
    )
    _feuern(antrag, transition_id, kommentar=kommentar, gremium=g.id, votum=votum)
    return entry


# The system


def archivieren(vorgaenger, *, nachfolger):
    """Supersede ``vorgaenger`` once its re-application ``nachfolger`` is
    approved (Anlage 1 Nr. 3). Not a user's action: called by the subscriber
    of the approval, with the rights of the process."""
    if api.content.get_state(vorgaenger) not in workflow.abloesbare_zustaende():
        return False
    with api.env.adopt_roles(["Manager"]):
        _feuern(
            vorgaenger,
            workflow.ARCHIVIEREN,
            kommentar=_t(
                _("Abgelöst durch den genehmigten erneuten Antrag ${nummer}."),
                nummer=nachfolger.antragsnummer,
            ),
        )
    return True


#: Steps a generic entry point (``@workflow``, ``content_status_modify``) can
#: take directly, with the optional or required comment as their only data.
MIT_KOMMENTAR = {
    "einreichen": einreichen,
    "genehmigen": genehmigen,
    "zurueckweisen": zurueckweisen,
    "einstellen": einstellen,
}


def ausfuehren(antrag, transition_id, *, kommentar=""):
    """Take ``transition_id`` from a generic entry point.

    Steps whose only data is a comment are dispatched to their function;
    steps that carry a vote, a statement or an answer are refused with the
    endpoint that records them.
    """
    schritt = MIT_KOMMENTAR.get(transition_id)
    if schritt is not None:
        return schritt(antrag, kommentar=kommentar)
    definition = workflow.definition()
    if transition_id == workflow.ARCHIVIEREN or (
        transition_id in definition.transitions
        and not workflow.ist_benutzerschritt(transition_id, workflow=definition)
    ):
        raise AktionAbgelehnt(
            _t(
                _(
                    "Der Schritt „${schritt}“ folgt von selbst aus dem Verfahren und kann nicht ausgelöst werden."
                ),
                schritt=_step_title(transition_id),
            )
        )
    if transition_id in definition.transitions:
        raise AktionAbgelehnt(
            _t(
                _(
                    "Der Schritt „${schritt}“ braucht seine Angaben und wird so erfasst: ${endpunkt}."
                ),
                schritt=_step_title(transition_id),
                endpunkt=endpunkt(transition_id),
            )
        )
    raise AktionAbgelehnt(
        _t(
            _("Der Schritt „${schritt}“ ist im Status „${status}“ nicht möglich."),
            schritt=transition_id,
            status=_state_title(antrag),
        )
    )


# What the user may do now: the one answer for the page, Meine Aufgaben and
# REST. Each entry runs the same check (due, permitted) as its step function;
# only the data a step carries (comment, vote, answer) is not asked here.


@dataclass(frozen=True)
class Moeglichkeit:
    """A step of the current user on an Antrag.

    ``schritt`` names the step function (``einreichen``, ``genehmigen``,
    ``zurueckweisen``, ``einstellen``, ``votum``, ``rueckfrage_beantworten``,
    ``erneut_stellen``, ``verantwortung_uebertragen``), ``gremium`` the body
    of a vote or Rückfrage. ``moeglich`` is False with the German ``grund``
    when the step is due but refused for this user (then ``verweigert``: the
    user may not take it), or not due now.
    """

    schritt: str
    gremium: str = ""
    moeglich: bool = True
    grund: str = ""
    verweigert: bool = False


_PRUEFUNGEN = {
    "einreichen": _pruefe_einreichen,
    "genehmigen": _pruefe_genehmigen,
    "zurueckweisen": _pruefe_zurueckweisen,
    "einstellen": _pruefe_einstellen,
    "votum": _pruefe_votum,
    "rueckfrage_beantworten": _pruefe_rueckfrage,
    "erneut_stellen": lambda antrag, gremium="": _erneut_pruefen(antrag),
    "verantwortung_uebertragen": _pruefe_verantwortung,
}


def _kandidaten(antrag):
    for schritt in ("einreichen", "genehmigen", "zurueckweisen", "einstellen"):
        yield schritt, ""
    for gremium in GREMIEN_BY_ID:
        yield "votum", gremium
    for gremium in voten.offene_rueckfragen(antrag):
        yield "rueckfrage_beantworten", gremium
    yield "erneut_stellen", ""
    yield "verantwortung_uebertragen", ""


def pruefen(antrag, schritt, *, gremium=""):
    """A ``Moeglichkeit`` for one step of the current user on ``antrag``."""
    try:
        _PRUEFUNGEN[schritt](antrag, gremium)
    except (AktionAbgelehnt, Unauthorized) as error:
        grund = getattr(error, "message", None) or str(error)
        return Moeglichkeit(
            schritt,
            gremium,
            moeglich=False,
            grund=grund,
            verweigert=isinstance(error, Unauthorized),
        )
    return Moeglichkeit(schritt, gremium)


def moegliche_schritte(antrag, *, mit_abgelehnten=False):
    """The steps the current user may take on ``antrag`` now, in the order
    of the page; with ``mit_abgelehnten`` also the refused ones with their
    reason. Pages, Meine Aufgaben and REST show exactly this list."""
    result = []
    for schritt, gremium in _kandidaten(antrag):
        moeglichkeit = pruefen(antrag, schritt, gremium=gremium)
        if moeglichkeit.moeglich or mit_abgelehnten:
            result.append(moeglichkeit)
    return result
