"""Separation of duties (domain § 2): nobody holds the voting role of two
review bodies, and StA 11, who manages membership, holds none.

``votum_unvereinbar`` is asked before a vote is recorded; ``grund_gegen``
before a membership or local role is given.
"""

from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.rechte.umfang import VERWALTUNG_ROLLE
from stadtdo.sozialnetz.verfahren.gremien import GREMIEN
from stadtdo.sozialnetz.verfahren.gremien import GREMIEN_BY_ID
from zope.i18n import translate


def deutsch(message):
    """``message`` in German (the msgids are the German texts)."""
    return translate(message, domain="stadtdo.sozialnetz", target_language="de")


def _benutzer(user):
    if isinstance(user, str):
        found = api.user.get(userid=user)
        if found is None:
            raise ValueError(f"Unknown user {user!r}")
        return found
    return user


def _titel(gremium):
    return deutsch(gremium.titel)


def rollen_in(user, context):
    """Every role ``user`` holds on ``context``: global, through groups and
    local roles along the acquisition chain."""
    return frozenset(_benutzer(user).getRolesInContext(context))


def gremien_der_rollen(rollen):
    """The review bodies whose role is among ``rollen``, in table order."""
    return [gremium for gremium in GREMIEN if gremium.rolle in rollen]


def votum_unvereinbar(user, gremium_id, context):
    """A German reason why ``user`` must not vote for ``gremium_id`` on
    ``context``, or None.

    ``user`` is a user object or a user id. The user must not be StA 11
    (role SNBerechtigungsverwaltung) and must not hold the role of another
    review body on ``context`` — through any group, global or local role.
    Raises KeyError for an unknown ``gremium_id``.
    """
    gremium = GREMIEN_BY_ID[gremium_id]
    rollen = rollen_in(user, context)
    if VERWALTUNG_ROLLE in rollen:
        return deutsch(
            _(
                "Die Berechtigungsverwaltung (StA 11) gibt kein Votum ab: Wer "
                "Rechte vergibt, entscheidet nicht über Anträge."
            )
        )
    andere = [g for g in gremien_der_rollen(rollen) if g.id != gremium.id]
    if andere:
        return deutsch(
            _(
                "Sie gehören auch „${andere}“ an. Niemand darf für zwei Gremien "
                "abstimmen; das Votum für „${gremium}“ ist nicht möglich.",
                mapping={
                    "andere": ", ".join(_titel(g) for g in andere),
                    "gremium": _titel(gremium),
                },
            )
        )
    return None


def grund_gegen(rollen_vorher, neue_rollen):
    """A German reason why holding ``neue_rollen`` in addition to
    ``rollen_vorher`` breaks the separation of duties, or None.

    Only a change that adds a body role or StA 11's role is judged, so an
    unrelated change (e.g. a department group) is never refused because of
    an older state.
    """
    neue_rollen = frozenset(neue_rollen)
    body_or_admin = {g.rolle for g in GREMIEN} | {VERWALTUNG_ROLLE}
    if not neue_rollen & body_or_admin:
        return None
    nachher = frozenset(rollen_vorher) | neue_rollen
    gremien = gremien_der_rollen(nachher)
    if VERWALTUNG_ROLLE in nachher and gremien:
        return deutsch(
            _(
                "Die Berechtigungsverwaltung (StA 11) darf keinem Gremium angehören "
                "(hier: „${gremium}“). Wer Rechte vergibt, stimmt nicht ab.",
                mapping={"gremium": ", ".join(_titel(g) for g in gremien)},
            )
        )
    if len(gremien) > 1:
        return deutsch(
            _(
                "Niemand darf die Rollen zweier Gremien haben; die Person gehörte "
                "danach zu „${gremien}“.",
                mapping={"gremien": "“, „".join(_titel(g) for g in gremien)},
            )
        )
    return None
