"""Who heads a department (Anlage 1 Nr. 4 „Genehmigungsvorbehalt“): the
users holding the local role of the Fachbereichsleitung (head and deputy,
``umfang.KOPF_ROLLE``) on the department folder or above it, directly or
through a group (normally the department's group ``<fb>-leitung``).

``leitung_erreichbar`` is the one answer to "does this department have a
head who can be reached": the submit confirmation (page and REST), the mail
to StA 11, „Meine Aufgaben“ and the Übersicht ask it, nobody else decides it.
"""

from Acquisition import aq_base
from plone import api
from stadtdo.sozialnetz.content.antrag import fachbereich_of
from stadtdo.sozialnetz.rechte.umfang import KOPF_ROLLE


def leitungen(obj):
    """User ids holding the head's role on ``obj`` (an Antrag or a
    department folder) through a local role along its acquisition chain,
    directly or through a group."""
    userids: set[str] = set()
    portal = api.portal.get()
    for item in obj.aq_chain:
        lokale = getattr(aq_base(item), "__ac_local_roles__", None) or {}
        for principal, rollen in lokale.items():
            if KOPF_ROLLE not in rollen:
                continue
            if api.group.get(groupname=principal) is not None:
                userids.update(
                    u.getId() for u in api.user.get_users(groupname=principal)
                )
            elif api.user.get(userid=principal) is not None:
                userids.add(principal)
        if getattr(aq_base(item), "__ac_local_roles_block__", False):
            break
        if aq_base(item) is aq_base(portal):
            break
    return userids


def erreichbare_leitungen(obj):
    """The heads and deputies of ``obj``'s department (``leitungen``) who
    have a mail address, as ``{userid: address}``."""
    fachbereich = fachbereich_of(obj)
    if fachbereich is None:
        return {}
    result = {}
    for userid in sorted(leitungen(fachbereich)):
        user = api.user.get(userid=userid)
        email = user.getProperty("email") if user is not None else None
        if email:
            result[userid] = email
    return result


def leitung_erreichbar(obj):
    """True if ``obj``'s department (an Antrag or the folder) has a head or
    deputy with a mail address – someone who is told to approve and can do
    it. False for „Leitung fehlt“ (and outside any department)."""
    return bool(erreichbare_leitungen(obj))
