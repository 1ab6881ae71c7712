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


class SharingPost(SozialnetzService, BaseSharingPost):
    #: Plone's @sharing on every page: the cookie rule of .schreibschutz
    #: holds only on the database's content
    eigener_dienst = False

    def _error(self, message):
        return self.forbidden(deutsch(message))

    def reply(self):
        if not checkPermission("plone.DelegateRoles", self.context):
            return super().reply()  # plone.restapi's own 403
        data = self.json() or {}
        entries = data.get("entries") or []
        if not isinstance(entries, list):
            entries = []
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
