"""plone.restapi's ``@sharing`` POST, with the separation of duties.

The review bodies' roles are no longer offered on the Sharing page
(sharing.xml), so plone.restapi would silently drop them and answer 204;
this answers 403 with the reason instead. Nobody but a Manager changes their
own local roles here either.
"""

from plone import api
from plone.restapi.services.content.sharing import SharingPost as BaseSharingPost
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.rechte.umfang import GREMIUM_ROLLEN
from stadtdo.sozialnetz.services.base import SozialnetzService
from zope.security import checkPermission


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


class SharingPost(SozialnetzService, BaseSharingPost):
    #: Plone's @sharing on every page: the cookie rule of .schreibschutz
    #: holds only on the database's content
    eigener_dienst = False

    def _error(self, message):
        return self.forbidden(deutsch(message))

    def reply(self):
        if not checkPermission("plone.DelegateRoles", self.context):
            return super().reply()  # plone.restapi's own 403
        data = self.json()
        if data is None:
            return self.bad_json()
        fehler = _form_fehler(data)
        if fehler:
            return self.error(400, fehler[1], field=fehler[0])
        entries = data.get("entries") or []
        userid = api.user.get_current().getId()
        manager = "Manager" in api.user.get_roles()
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            roles = entry.get("roles") or {}
            granted = {role for role, on in roles.items() if on}
            if granted & GREMIUM_ROLLEN:
                return self._error(
                    _(
                        "Die Rollen der Gremien werden nur über die Gruppen der "
                        "Gremien vergeben, nicht je Ordner oder Antrag."
                    )
                )
            if entry.get("id") == userid and not manager and roles:
                return self._error(
                    _(
                        "Die eigenen Rechte ändert eine andere Person "
                        "(Vier-Augen-Prinzip)."
                    )
                )
        return super().reply()
