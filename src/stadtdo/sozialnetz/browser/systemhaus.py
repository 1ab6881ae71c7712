"""``@@systemhaus-bestaetigen``: the public page of the one-time link with
which the Dortmunder Systemhaus confirms an order (``notifications.
bestaetigung``), without a login.

GET shows the order (Antrag, kind, Persons) and a button; it changes
nothing. POST (the button, with the link's ``auftrag`` and ``sig``) records
the confirmation. A tampered or unknown link (403), an expired one (410) or
one used before (409) is refused with a German page; nothing is recorded.
The signed link itself is the protection against forged requests, so the
POST needs no CSRF token of a session the Systemhaus does not have.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from stadtdo.sozialnetz.content.antrag import plattform_titel
from stadtdo.sozialnetz.notifications import bestaetigung
from stadtdo.sozialnetz.notifications.systemhaus import art
from zope.interface import alsoProvides


STATUS = {
    bestaetigung.UNGUELTIG: 403,
    bestaetigung.ABGELAUFEN: 410,
    bestaetigung.ERLEDIGT: 409,
}


class SystemhausBestaetigenView(BrowserView):
    template = ViewPageTemplateFile("templates/systemhaus_bestaetigen.pt")

    zustand = bestaetigung.UNGUELTIG
    antrag = None
    eintrag = None
    bestaetigt = False

    def _wert(self, name):
        wert = self.request.form.get(name)
        return wert if isinstance(wert, str) else ""

    def __call__(self):
        auftrag, sig = self._wert("auftrag"), self._wert("sig")
        self.request.response.setHeader("Cache-Control", "no-store")
        self.request.response.setHeader("X-Robots-Tag", "noindex")
        if self.request.method == "POST":
            alsoProvides(self.request, IDisableCSRFProtection)
            self.zustand, self.antrag, self.eintrag = bestaetigung.bestaetigen(
                auftrag, sig
            )
            self.bestaetigt = self.zustand == bestaetigung.GUELTIG
        else:
            self.zustand, self.antrag, self.eintrag = bestaetigung.pruefen(auftrag, sig)
        if self.zustand in STATUS:
            self.request.response.setStatus(STATUS[self.zustand])
        return self.template()

    @property
    def gueltig(self):
        return self.zustand == bestaetigung.GUELTIG

    @property
    def abgelaufen(self):
        return self.zustand == bestaetigung.ABGELAUFEN

    @property
    def erledigt(self):
        return self.zustand == bestaetigung.ERLEDIGT

    def auftrag(self):
        return self._wert("auftrag")

    def sig(self):
        return self._wert("sig")

    def ist_sperrung(self):
        return self.eintrag is not None and art(self.eintrag) == "sperrung"

    def antragsnummer(self):
        return self.antrag.antragsnummer if self.antrag is not None else ""

    def plattform(self):
        if self.antrag is None:
            return ""
        return " ".join(
            t for t in (plattform_titel(self.antrag), self.antrag.kontoname or "") if t
        )

    def personen(self):
        return list(self.eintrag.get("personen", ())) if self.eintrag else []

    def _zeit(self, iso):
        return api.portal.get_localized_time(iso, long_format=True) if iso else ""

    def gesendet_am(self):
        return self._zeit(self.eintrag["zeit"]) if self.eintrag else ""

    def bestaetigt_am(self):
        return self._zeit(self.eintrag.get("bestaetigt_am")) if self.eintrag else ""

    def action(self):
        return f"{api.portal.get().absolute_url()}/@@{bestaetigung.VIEW}"
