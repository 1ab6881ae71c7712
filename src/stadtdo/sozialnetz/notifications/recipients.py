"""Who receives a mail: the members of the responsible groups.

A body whose group has no member with an address falls back to the address
configured in the control panel; if there is none either, this is logged and
the mail is skipped for that body – the transition itself never fails.

A mail that announces a task of the body (``aufgabe=True``) skips the
members who chose the daily overview for that body
(``notifications.praeferenzen``); the fallback address is used only when no
member has an address at all, not when every member chose the overview.
"""

from plone import api
from stadtdo.sozialnetz.content.antrag import fachbereich_of
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.notifications.praeferenzen import mit_uebersicht
from stadtdo.sozialnetz.rechte.gruppen import fachbereich_group_id
from stadtdo.sozialnetz.settings import einstellung
import logging


logger = logging.getLogger("stadtdo.sozialnetz.notifications")


def user_email(userid):
    user = api.user.get(userid=userid) if userid else None
    email = user.getProperty("email") if user is not None else None
    if not email:
        logger.warning("Keine E-Mail-Adresse für Benutzer*in %r", userid)
    return email or None


def group_emails(groupid, *, ohne=frozenset()):
    """Addresses of the members of ``groupid``, except the user ids ``ohne``."""
    if api.group.get(groupname=groupid) is None:
        logger.warning("Gruppe %r fehlt: niemand erhält die Mitteilung", groupid)
        return []
    emails = []
    for user in api.user.get_users(groupname=groupid):
        email = user.getProperty("email")
        if email:
            if user.getId() not in ohne:
                emails.append(email)
        else:
            logger.warning(
                "Mitglied %r der Gruppe %r hat keine E-Mail-Adresse",
                user.getId(),
                groupid,
            )
    return emails


def gremium_emails(gremium_id, *, aufgabe=False):
    """Addresses of a body's members, else its fallback address.

    ``aufgabe``: the mail announces a task of the body; members who chose the
    daily overview for it are left out (they find it in the overview)."""
    gremium = GREMIEN_BY_ID[gremium_id]
    emails = group_emails(gremium.gruppe)
    if emails and aufgabe:
        taeglich = mit_uebersicht(gremium_id)
        if taeglich:
            return group_emails(gremium.gruppe, ohne=taeglich)
    if not emails:
        fallback = einstellung(f"adresse_{gremium_id}")
        if fallback:
            emails = [fallback]
        else:
            logger.warning(
                "Gremium %r hat keine Adresse (weder Mitglieder noch Ersatzadresse)",
                gremium_id,
            )
    return emails


def fachbereich_emails(obj, suffix):
    """Addresses of a department group (``mitarbeiter``, ``leitung`` ...)."""
    folder = fachbereich_of(obj)
    if folder is None:
        return []
    return group_emails(fachbereich_group_id(folder.kuerzel, suffix))


def unique(*lists):
    """Merge address lists, keeping the first occurrence (case-insensitive)."""
    seen, result = set(), []
    for addresses in lists:
        for address in addresses:
            if address and address.lower() not in seen:
                seen.add(address.lower())
                result.append(address)
    return result
