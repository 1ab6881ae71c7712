"""plone.restapi's ``@sharing`` POST, with the rules of ``rechte.regeln``.

plone.restapi silently drops a role the Sharing page does not offer (the
review bodies' roles nowhere, the department roles outside Fachbereich
folders) and answers 204; this answers 403 with the reason instead, and
records the refusal. The same function as for the Sharing page decides
(``regeln``), so both doors agree: inside the database nobody but a Manager
changes their own roles or blocks the inheritance; outside it Plone's rules
apply unchanged.
"""

from plone.restapi.services.content.sharing import SharingPost as BaseSharingPost
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.lokale_rollen import ist_blockiert
from stadtdo.sozialnetz.rechte.lokale_rollen import pfad
from stadtdo.sozialnetz.rechte.regeln import grund_gegen_aenderung
from stadtdo.sozialnetz.rechte.regeln import grund_gegen_blockieren
from stadtdo.sozialnetz.services.base import SozialnetzService
from zope.component import getMultiAdapter
from zope.security import checkPermission


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


class SharingPost(SozialnetzService, BaseSharingPost):
    def _aenderungen(self, entries):
        """``(principal, vorher, nachher)`` as plone.restapi would change
        them, but with every requested role (also those it would drop)."""
        sharing = getMultiAdapter((self.context, self.request), name="sharing")
        verwaltet = {role["id"] for role in sharing.roles()}
        result = []
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                continue
            roles = entry.get("roles")
            if not isinstance(roles, dict):
                continue
            vorher = set(self.context.get_local_roles_for_userid(entry["id"]))
            gewollt = {role for role, on in roles.items() if on}
            nachher = (vorher - verwaltet) | gewollt
            if nachher != vorher:
                result.append((entry["id"], sorted(vorher), sorted(nachher)))
        return result

    def _verweigern(self, principal, grund, vorher, nachher):
        protokoll.ablehnung_protokollieren(
            principal=principal,
            ziel=pfad(self.context),
            grund=grund,
            vorher=vorher,
            nachher=nachher,
        )
        return self.forbidden(grund)

    def reply(self):
        if not checkPermission("plone.DelegateRoles", self.context):
            return super().reply()  # plone.restapi's own 403
        data = self.json()
        if data is None:
            return self.bad_json()
        fehler = _form_fehler(data)
        if fehler:
            return self.error(400, fehler[1], field=fehler[0])
        inherit = data.get("inherit", _NICHT_ANGEGEBEN)
        if inherit is not _NICHT_ANGEGEBEN:
            vorher = ist_blockiert(self.context)
            grund = grund_gegen_blockieren(self.context, vorher, not inherit)
            if grund:
                return self._verweigern("", grund, vorher, not inherit)
        entries = data.get("entries") or []
        aenderungen = self._aenderungen(entries if isinstance(entries, list) else [])
        abgelehnt = grund_gegen_aenderung(self.context, aenderungen)
        if abgelehnt:
            principal, grund = abgelehnt
            vorher, nachher = next((a, n) for p, a, n in aenderungen if p == principal)
            return self._verweigern(principal, grund, vorher, nachher)
        return super().reply()
