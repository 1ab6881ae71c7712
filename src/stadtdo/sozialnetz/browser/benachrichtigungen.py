"""``@@benachrichtigungen``: the current user's notification preferences per
review body (``notifications.praeferenzen``), a plain form protected by
plone.protect's authenticator. Signed-in users only (``Set own
properties``); it always shows and changes the user's own preferences."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.notifications import praeferenzen
from zope.i18n import translate


class BenachrichtigungenView(BrowserView):
    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("speichern"):
            CheckAuthenticator(self.request)
            self._speichern()
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@benachrichtigungen"
            )
            return ""
        return self.index()

    def userid(self):
        return api.user.get_current().getId()

    def _speichern(self):
        """Store the form (after the CSRF check in ``__call__``)."""
        eigene = praeferenzen.gremien_von(self.userid())
        aenderungen = {
            g: self.request.form.get(f"modus_{g}")
            for g in eigene
            if self.request.form.get(f"modus_{g}") is not None
        }
        try:
            praeferenzen.setzen(self.userid(), aenderungen)
        except AktionAbgelehnt as error:
            api.portal.show_message(error.message, request=self.request, type="error")
            return
        api.portal.show_message(
            translate(
                _("Ihre Benachrichtigungen wurden gespeichert."), context=self.request
            ),
            request=self.request,
        )

    def gremien(self):
        modi = [
            (m, translate(t, context=self.request))
            for m, t in praeferenzen.MODUS_TITEL.items()
        ]
        return [
            {
                "id": gremium_id,
                "titel": translate(
                    GREMIEN_BY_ID[gremium_id].titel, context=self.request
                ),
                "optionen": [
                    {
                        "id": f"sn-modus-{gremium_id}-{m}",
                        "wert": m,
                        "titel": titel,
                        "gewaehlt": m == modus,
                    }
                    for m, titel in modi
                ],
            }
            for gremium_id, modus in praeferenzen.praeferenzen(self.userid()).items()
        ]

    def aufgaben_url(self):
        datenbank = get_datenbank(self.context)
        return f"{datenbank.absolute_url()}/@@meine-aufgaben" if datenbank else None
