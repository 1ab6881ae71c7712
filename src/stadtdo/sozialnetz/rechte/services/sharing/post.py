"""plone.restapi's ``@sharing`` POST, with the rules of ``rechte.regeln``.

plone.restapi silently drops a role the Sharing page does not offer (the
review bodies' roles nowhere, the department roles outside Fachbereich
folders) and answers 204; this answers 403 with the reason instead, and
records the refusal. The same function as for the Sharing page decides
(``regeln.verweigerung``), so both doors agree: inside the database nobody
but a Manager changes their own roles or blocks the inheritance; outside it
Plone's rules apply unchanged. A body plone.restapi cannot read is a German
400.
"""

from plone import api
from plone.restapi.services.content.sharing import SharingPost as BaseSharingPost
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.rechte.regeln import verweigerung
from zope.component import getMultiAdapter


_NICHT_ANGEGEBEN = object()


def _form_fehler(data):
    """``(field, German reason)`` if the body is not what plone.restapi's
    deserializer reads (it would answer a wrong JSON type with a 500)."""
    if data.get("inherit") is not None and not isinstance(data["inherit"], bool):
        return "inherit", "Die Angabe „inherit“ muss true oder false sein."
    entries = data.get("entries")
    if entries is None:
        return None
    if not isinstance(entries, list):
        return "entries", "Die Angabe „entries“ muss eine Liste sein."
    for entry in entries:
        roles = entry.get("roles") if isinstance(entry, dict) else None
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("id"), str)
            or not isinstance(roles, dict)
            or not all(isinstance(on, bool) for on in roles.values())
        ):
            return (
                "entries",
                "Jeder Eintrag in „entries“ braucht „id“ (Text) und „roles“ "
                "(je Rolle true oder false).",
            )
    return None


def _wuensche(entries):
    """``(principal, roles wanted)`` per entry (checked by ``_form_fehler``)."""
    for entry in entries or ():
        yield entry["id"], {role for role, on in entry["roles"].items() if on}


class SharingPost(SozialnetzService, BaseSharingPost):
    #: Plone's @sharing on every page: the cookie rule of .schreibschutz
    #: holds only on the database's content
    eigener_dienst = False

    # plone.restapi's answer is handed on as it is, without the mapping of
    # refusals around it: ``reply``, not ``antworten``
    def reply(self):
        if not api.user.has_permission(permissions.DELEGATE_ROLES, obj=self.context):
            return BaseSharingPost.reply(self)  # plone.restapi's own 403
        data = self.json()
        if data is None:
            return self.bad_json()
        fehler = _form_fehler(data)
        if fehler:
            return self.error(400, fehler[1], field=fehler[0])
        inherit = data.get("inherit", _NICHT_ANGEGEBEN)
        sharing = getMultiAdapter((self.context, self.request), name="sharing")
        grund = verweigerung(
            self.context,
            blockieren=None if inherit is _NICHT_ANGEGEBEN else not inherit,
            wuensche=list(_wuensche(data.get("entries"))),
            verwaltet={role["id"] for role in sharing.roles()},
        )
        if grund:
            return self.forbidden(grund)
        return BaseSharingPost.reply(self)
