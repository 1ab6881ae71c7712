"""``@@ueberpruefung`` on an Antrag: the head of the department answers the
yearly review of the voluntary basis (DV § 2) per Person. The rule and its
consequences are ``datenschutz.ueberpruefung``; this page reads the form,
asks for the confirmation and shows the outcome."""

from datetime import date
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.datenschutz import stichtage
from stadtdo.sozialnetz.datenschutz import ueberpruefung as regel
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from zExceptions import Unauthorized
from zope.i18n import translate


class UeberpruefungView(BrowserView):
    """The form (GET) and its answer (POST with ``form.buttons.confirm``)."""

    def t(self, msgid):
        return translate(msgid, context=self.request)

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and "form.buttons.cancel" in form:
            return self.request.response.redirect(self.context.absolute_url())
        if self.request.method == "POST" and "form.buttons.confirm" in form:
            CheckAuthenticator(self.request)
            return self.beantworten(form)
        return self.index()

    def beantworten(self, form):
        if not form.get("bestaetigt"):
            api.portal.show_message(
                _(
                    "Bitte bestätigen Sie, dass die Angaben mit den Personen "
                    "abgestimmt sind."
                ),
                request=self.request,
                type="error",
            )
            return self.index()
        try:
            antworten = {
                person.getId(): (
                    form.get(f"antwort.{person.getId()}", ""),
                    stichtage.datum_lesen(form.get(f"datum.{person.getId()}")),
                )
                for person in regel.zu_beantworten(self.context)
            }
            regel.beantworten(self.context, antworten, erneut=bool(form.get("erneut")))
        except AktionAbgelehnt as error:
            api.portal.show_message(error.message, request=self.request, type="error")
            return self.index()
        except Unauthorized:
            api.portal.show_message(
                _(
                    "Die jährliche Überprüfung beantworten nur die "
                    "Fachbereichsleitung und ihre Stellvertretung des Fachbereichs "
                    "dieses Antrags."
                ),
                request=self.request,
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        meldung = _("Die Antwort auf die jährliche Überprüfung wurde vermerkt.")
        if form.get("erneut"):
            meldung = _(
                "Die Antwort auf die jährliche Überprüfung wurde vermerkt. Der "
                "Auftritt braucht einen erneuten Antrag: Die Mitarbeiter*innen des "
                "Fachbereichs stellen ihn mit „Antrag erneut stellen“ auf der "
                "Antragsseite; bis zu dessen Genehmigung gilt dieser Antrag."
            )
        api.portal.show_message(meldung, request=self.request)
        return self.request.response.redirect(self.context.absolute_url())

    # What the template shows

    def offen(self):
        return regel.offene_runde(self.context) is not None

    def darf(self):
        return regel.darf_beantworten(self.context)

    def frist(self):
        frist = regel.frist(regel.offen_seit(self.context))
        return f"{frist:%d.%m.%Y}" if frist else ""

    def ueberfaellig(self):
        return regel.ist_ueberfaellig(self.context)

    def antworten(self):
        return [
            {"id": art, "titel": self.t(titel)}
            for art, titel in regel.ANTWORTEN.items()
        ]

    def personen(self):
        form = self.request.form
        return [
            {
                "id": person.getId(),
                "name": ", ".join(n for n in (person.nachname, person.vorname) if n),
                "antwort": form.get(f"antwort.{person.getId()}", ""),
                "datum": form.get(f"datum.{person.getId()}", ""),
            }
            for person in regel.zu_beantworten(self.context)
        ]

    def heute(self):
        return date.today().isoformat()
