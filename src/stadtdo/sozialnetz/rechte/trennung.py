"""Separation of duties (domain § 2) in the roles: nobody holds the voting
role of two review bodies, StA 11, who manages membership, holds none, and
nobody is a department head (SNFachbereichsleitung) and a body member at
once.

``grund_gegen`` is asked before a membership or local role is given. The
rules of one Antrag (whoever submitted it does not approve it, a vote after
the head's approval, „Genehmigung durch eine zweite Person nötig“) are in
``verfahren.trennung``, built on ``rollen_in`` and ``gremien_der_rollen``.
"""

from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.rechte.umfang import fachbereiche
from stadtdo.sozialnetz.rechte.umfang import KOPF_ROLLE
from stadtdo.sozialnetz.rechte.umfang import VERWALTUNG_ROLLE
from zope.i18n import translate


def deutsch(message):
    """``message`` in German (the msgids are the German texts)."""
    return translate(message, domain="stadtdo.sozialnetz", target_language="de")


def benutzer(user):
    """The user object of ``user`` (a user object or a user id); raises
    ValueError for an unknown user id."""
    if isinstance(user, str):
        found = api.user.get(userid=user)
        if found is None:
            raise ValueError(f"Unknown user {user!r}")
        return found
    return user


def gremium_titel(gremium):
    """The German title of the review body ``gremium``."""
    return deutsch(gremium.titel)


def rollen_in(user, context):
    """Every role ``user`` holds on ``context``: global, through groups and
    local roles along the acquisition chain."""
    return frozenset(benutzer(user).getRolesInContext(context))


def rollen_in_datenbank(user, datenbank):
    """Every role ``user`` holds on the database folder or on one of its
    Fachbereich folders (a head is head on the folder, not on the database)."""
    user = benutzer(user)
    rollen = set(user.getRolesInContext(datenbank))
    for ordner in fachbereiche(datenbank):
        rollen.update(user.getRolesInContext(ordner))
    return frozenset(rollen)


def gruppen_rollen_in_datenbank(group_id, datenbank):
    """The roles group ``group_id`` gives on the database or one of its
    Fachbereich folders."""
    rollen = set()
    for ordner in [datenbank, *fachbereiche(datenbank)]:
        rollen.update(api.group.get_roles(groupname=group_id, obj=ordner, inherit=True))
    return frozenset(rollen)


def gremien_der_rollen(rollen):
    """The review bodies whose role is among ``rollen``, in table order."""
    return [gremium for gremium in GREMIEN if gremium.rolle in rollen]


def grund_gegen(rollen_vorher, neue_rollen):
    """A German reason why holding ``neue_rollen`` in addition to
    ``rollen_vorher`` breaks the separation of duties, or None.

    Only a change that adds a body role or StA 11's role is judged, so an
    unrelated change (e.g. a department group) is never refused because of
    an older state.
    """
    neue_rollen = frozenset(neue_rollen)
    body_or_admin = {g.rolle for g in GREMIEN} | {VERWALTUNG_ROLLE, KOPF_ROLLE}
    if not neue_rollen & body_or_admin:
        return None
    nachher = frozenset(rollen_vorher) | neue_rollen
    gremien = gremien_der_rollen(nachher)
    if VERWALTUNG_ROLLE in nachher and gremien:
        return deutsch(
            _(
                "Die Berechtigungsverwaltung (StA 11) darf keinem Gremium angehören "
                "(hier: „${gremium}“). Wer Rechte vergibt, stimmt nicht ab.",
                mapping={"gremium": ", ".join(gremium_titel(g) for g in gremien)},
            )
        )
    if len(gremien) > 1:
        return deutsch(
            _(
                "Niemand darf die Rollen zweier Gremien haben; die Person gehörte "
                "danach zu „${gremien}“.",
                mapping={"gremien": "“, „".join(gremium_titel(g) for g in gremien)},
            )
        )
    if KOPF_ROLLE in nachher and gremien:
        return deutsch(
            _(
                "Niemand ist zugleich Fachbereichsleitung und Mitglied eines "
                "Gremiums (hier: „${gremium}“): Wer als Vorgesetzte*r genehmigt, "
                "stimmt nicht im Gremium ab.",
                mapping={"gremium": gremium_titel(gremien[0])},
            )
        )
    return None
