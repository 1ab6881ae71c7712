"""The confirmation step of ``einreichen`` (Anlage 1 Nr. 2).

"Sobald der Antrag komplett ausgefüllt ... ist bei der Speicherung folgende
Abfrage zu bejahen. Eine Änderung der Einträge ist dann nicht mehr möglich."
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.einreichen import hindernisse
from stadtdo.sozialnetz.verfahren.einreichen import hinweise


class EinreichenView(BrowserView):
    def __call__(self):
        self.reasons = hindernisse(self.context)
        self.hinweise = hinweise(self.context)
        # the process layer decides: due (state) first, then permitted
        moeglichkeit = schritte.pruefen(self.context, "einreichen")
        self.state_ok = moeglichkeit.moeglich or moeglichkeit.verweigert
        self.allowed = moeglichkeit.moeglich
        form = self.request.form
        if self.request.method == "POST" and "form.buttons.cancel" in form:
            return self.request.response.redirect(self.context.absolute_url())
        if self.request.method == "POST" and "form.buttons.confirm" in form:
            CheckAuthenticator(self.request)
            if self.can_submit:
                schritte.einreichen(self.context, kommentar=form.get("comment", ""))
                api.portal.show_message(
                    _(
                        "Der Antrag wurde eingereicht und liegt der Fachbereichsleitung "
                        "zur Genehmigung vor."
                    ),
                    request=self.request,
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    @property
    def can_submit(self):
        return self.allowed and self.state_ok and not self.reasons
