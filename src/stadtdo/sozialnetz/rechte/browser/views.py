"""Classic UI pages of the rights administration: „Rechte verwalten“ (StA 11)
and „Rechteprotokoll“ (Personalrat, Datenschutz, StA 11)."""

from plone.protect.authenticator import check as check_authenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.rechte.konten import unverknuepfte_personen
from stadtdo.sozialnetz.rechte.mitglieder import lokale_rolle_aendern
from stadtdo.sozialnetz.rechte.mitglieder import lokale_rollen
from stadtdo.sozialnetz.rechte.mitglieder import mitglieder
from stadtdo.sozialnetz.rechte.mitglieder import mitgliedschaft_aendern
from stadtdo.sozialnetz.rechte.protokoll import eintraege
from stadtdo.sozialnetz.rechte.umfang import FACHBEREICH_ROLLEN


class RechteVerwaltenView(BrowserView):
    """Add or remove members of the database's groups; give or take the
    department roles on a Fachbereich. POST only, with the CSRF token."""

    rollen = FACHBEREICH_ROLLEN

    def __call__(self):
        form = self.request.form
        if self.request.get("REQUEST_METHOD") == "POST" and form.get("aktion"):
            check_authenticator(self.request)  # Forbidden without a valid token
            self.aendern(form)
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@rechte-verwalten"
            )
            return ""
        return self.index()

    def aendern(self, form):
        messages = IStatusMessage(self.request)
        try:
            if form["aktion"] == "mitglied":
                mitgliedschaft_aendern(
                    self.context,
                    gruppe=form.get("gruppe", ""),
                    benutzer=form.get("benutzer", "").strip(),
                    mitglied=form.get("mitglied") == "1",
                )
            elif form["aktion"] == "rolle":
                lokale_rolle_aendern(
                    self.context,
                    ordner=form.get("ordner", ""),
                    principal=form.get("principal", "").strip(),
                    rolle=form.get("rolle", ""),
                    erteilt=form.get("erteilt") == "1",
                )
            else:
                return
        except AktionAbgelehnt as error:
            messages.add(error.message, type="error")
            return
        messages.add(
            _("Die Änderung wurde gespeichert und protokolliert."), type="info"
        )

    def gruppen(self):
        return mitglieder(self.context)

    def fachbereiche(self):
        return lokale_rollen(self.context)

    def unverknuepfte(self):
        return unverknuepfte_personen()


class RechteProtokollView(BrowserView):
    def eintraege(self):
        return eintraege(principal=self.request.form.get("principal"), limit=500)

    def wert(self, value):
        if value is None:
            return "unbekannt"
        if value is True:
            return "ja"
        if value is False:
            return "nein"
        if isinstance(value, list | tuple):
            return ", ".join(value) or "–"
        return str(value)
