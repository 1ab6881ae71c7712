"""At sign-in: the memberships the directory gives, through the database's
own rules, and the link of the named Persons to the account by the e-mail
address the directory supplies (``rechte.konten``).

For a user of the directory (pas.plugins.ldap) the groups of the database
that are the target of a mapping (``einstellungen``) follow the directory:
missing memberships are added, memberships the directory no longer gives are
removed. Every change goes through Plone's group membership, so the
subscribers of ``rechte`` check the separation of duties and write the
Rechteprotokoll. What the separation of duties forbids — the directory puts
someone into two review bodies, or StA 11 into one — is not applied: the
refusal is written to the Rechteprotokoll (kind ``verzeichnis_abgelehnt``),
to the log and shown to the user.
"""

from plone import api
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.konten import verzeichnis_verknuepfen
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.rechte.trennung import grund_gegen
from stadtdo.sozialnetz.rechte.trennung import gruppen_rollen_in_datenbank
from stadtdo.sozialnetz.rechte.trennung import rollen_in_datenbank
from stadtdo.sozialnetz.rechte.umfang import datenbank_gruppen
from stadtdo.sozialnetz.verzeichnis.einstellungen import zuordnung
from zope.globalrequest import getRequest
import logging


logger = logging.getLogger("stadtdo.sozialnetz.verzeichnis")

PLUGIN_ID = "pasldap"


def ldap_plugin():
    """The site's active pas.plugins.ldap plugin, or None."""
    try:
        # inside: pas.plugins.ldap is optional (extra "ldap"), not installed
        # on every site
        from pas.plugins.ldap.interfaces import ILDAPPlugin
    except ImportError:
        return None
    acl_users = api.portal.get_tool("acl_users")
    plugin = acl_users.get(PLUGIN_ID)
    if plugin is None or not ILDAPPlugin.providedBy(plugin):
        return None
    if not plugin.is_plugin_active(IAuthenticationPlugin):
        return None
    return plugin


def verzeichnis_gruppen(plugin, userid):
    """The ids of the user's groups in the directory; None if ``userid`` is
    not a user of the directory (or the directory cannot be reached)."""
    users = plugin.users
    if users is None:
        return None
    try:
        return set(users[userid].group_ids)
    except KeyError:
        return None
    except Exception:
        # the directory is down or refuses: the sign-in itself must not fail
        # (users of the site itself, e.g. admin, sign in as before)
        logger.exception("Verzeichnis: Gruppen von %s nicht lesbar", userid)
        return None


def verzeichnis_email(userid, plugin=None):
    """The e-mail address the directory supplies for ``userid``; None if
    ``userid`` is no user of the directory, the directory has no address for
    them or cannot be reached."""
    plugin = plugin if plugin is not None else ldap_plugin()
    users = plugin.users if plugin is not None else None
    if users is None or not userid:
        return None
    try:
        return users[userid].attrs.get("email") or None
    except KeyError:
        return None
    except Exception:
        logger.exception("Verzeichnis: E-Mail-Adresse von %s nicht lesbar", userid)
        return None


def _mitglied(gruppe, userid):
    group = api.group.get(groupname=gruppe)
    return group is not None and userid in group.getGroupMemberIds()


def _grund_gegen_beitritt(userid, gruppe, datenbank):
    """Like the subscriber ``rechte.subscribers.mitglied_hinzugefuegt``, but
    asked before the change, so that nothing half-done must be undone."""
    user = api.user.get(userid=userid)
    neue = gruppen_rollen_in_datenbank(gruppe, datenbank)
    rollen = rollen_in_datenbank(user, datenbank)
    return grund_gegen(rollen - neue, neue)


def _ablehnen(userid, gruppe, grund):
    logger.warning(
        "Verzeichnis: %s wird nicht in %s aufgenommen: %s", userid, gruppe, grund
    )
    protokoll.protokollieren(
        art=protokoll.VERZEICHNIS_ABGELEHNT,
        principal=userid,
        ziel=gruppe,
        vorher=False,
        nachher=False,
        grund=grund,
    )
    request = getRequest()
    if request is not None:
        api.portal.show_message(
            deutsch(
                _(
                    "Ihre Gruppe im Verzeichnis gibt Ihnen die Gruppe „${gruppe}“ "
                    "nicht: ${grund} Bitte wenden Sie sich an StA 11.",
                    mapping={"gruppe": gruppe, "grund": grund},
                )
            ),
            request=request,
            type="warning",
        )


def abgleichen(userid):
    """Bring ``userid``'s memberships of the mapped groups in line with the
    directory. Returns ``(hinzugefuegt, entfernt, abgelehnt)`` (sets of group
    ids), or None if there is nothing to do (no plugin, no mapping, not a user
    of the directory, no database)."""
    plugin = ldap_plugin()
    karte = zuordnung()
    datenbank = get_datenbank()
    if plugin is None or not karte or datenbank is None:
        return None
    gruppen = verzeichnis_gruppen(plugin, userid)
    if gruppen is None:
        return None
    umfang = datenbank_gruppen(datenbank)
    ziele = {gruppe for gruppe in karte.values() if gruppe in umfang}
    soll = {karte[g.casefold()] for g in gruppen if g.casefold() in karte} & ziele
    ist = {gruppe for gruppe in ziele if _mitglied(gruppe, userid)}

    abgelehnt = set()
    entfernen = ist - soll
    hinzufuegen = soll - ist

    # The directory puts the user into two review bodies: none of the new
    # bodies is applied (which one would be chance), each refusal is recorded.
    gremien = sorted(g for g in soll if umfang[g].gremium)
    if len(gremien) > 1:
        grund = grund_gegen(set(), {umfang[g].rolle for g in gremien})
        for gruppe in sorted(hinzufuegen & set(gremien)):
            _ablehnen(userid, gruppe, grund)
            abgelehnt.add(gruppe)
        hinzufuegen -= abgelehnt

    for gruppe in sorted(entfernen):
        api.group.remove_user(groupname=gruppe, username=userid)
    hinzugefuegt = set()
    for gruppe in sorted(hinzufuegen):
        grund = _grund_gegen_beitritt(userid, gruppe, datenbank)
        if grund:
            _ablehnen(userid, gruppe, grund)
            abgelehnt.add(gruppe)
            continue
        api.group.add_user(groupname=gruppe, username=userid)
        hinzugefuegt.add(gruppe)
    if hinzugefuegt or entfernen or abgelehnt:
        logger.info(
            "Verzeichnis-Abgleich %s: hinzugefügt %s, entfernt %s, abgelehnt %s",
            userid,
            sorted(hinzugefuegt),
            sorted(entfernen),
            sorted(abgelehnt),
        )
    return hinzugefuegt, entfernen, abgelehnt


def bei_anmeldung(event):
    """IUserLoggedInEvent (also the first sign-in): apply the mapping, and
    link the unlinked Persons named with the e-mail address the directory
    supplies to the account (``rechte.konten``)."""
    user = event.object
    userid = user.getId() if user is not None else None
    if not userid:
        return
    abgleichen(userid)
    email = verzeichnis_email(userid)
    if email and get_datenbank() is not None:
        verzeichnis_verknuepfen(userid, email)
