"""„Benutzerkonto verknüpfen“ on a Person (StA 11): which user account the
named Person is (``rechte.konten``). POST only, with the CSRF token."""

from plone.protect.authenticator import check as check_authenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.rechte import konten


class BenutzerkontoView(BrowserView):
    def __call__(self):
        form = self.request.form
        if self.request.get("REQUEST_METHOD") == "POST" and form.get("aktion"):
            check_authenticator(self.request)  # Forbidden without a valid token
            benutzer = (
                form.get("benutzer", "") if form["aktion"] == "verknuepfen" else ""
            )
            messages = IStatusMessage(self.request)
            try:
                konten.verknuepfen(self.context, benutzer)
            except AktionAbgelehnt as error:
                messages.add(error.message, type="error")
            else:
                messages.add(
                    _("Die Änderung wurde gespeichert und protokolliert."), type="info"
                )
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@benutzerkonto-verknuepfen"
            )
            return ""
        return self.index()

    def verknuepfung(self):
        return konten.verknuepfung(self.context)
