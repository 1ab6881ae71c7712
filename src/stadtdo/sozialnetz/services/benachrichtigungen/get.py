"""``@benachrichtigungen`` on the portal: the current user's notification
preferences per review body (``notifications.praeferenzen``).

    GET   → {"@id": …, "gremien": [{"id", "titel", "modus"}], "modi": [...]}
    PATCH {"gremien": {"datenschutz": "taeglich"}} → the same

Only for signed-in users (401 otherwise); always the current user's own
preferences – there is no parameter for another user. An unknown body or
mode, or a body the user does not belong to, is a 400 with a German message.
"""

from plone import api
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.notifications import praeferenzen
from zope.i18n import translate


class _Base(SozialnetzService):
    def antwort(self, userid):
        return {
            "@id": f"{self.context.absolute_url()}/@benachrichtigungen",
            "gremien": [
                {
                    "id": gremium_id,
                    "titel": translate(
                        GREMIEN_BY_ID[gremium_id].titel, context=self.request
                    ),
                    "modus": modus,
                }
                for gremium_id, modus in praeferenzen.praeferenzen(userid).items()
            ],
            "modi": [
                {"id": m, "titel": translate(t, context=self.request)}
                for m, t in praeferenzen.MODUS_TITEL.items()
            ],
        }

    def userid(self):
        if api.user.is_anonymous():
            return None
        return api.user.get_current().getId()


class BenachrichtigungenGet(_Base):
    def antworten(self):
        userid = self.userid()
        if userid is None:
            return self.error(401, "Bitte melden Sie sich an.")
        return self.antwort(userid)
