"""„Offizielle Kanäle“ on the site root: the public register as a page, with
the search „Ist dieses Konto offiziell?“ (``stadtdo.sozialnetz.berichte.register``)."""

from Products.Five.browser import BrowserView
from stadtdo.sozialnetz.berichte import register
from stadtdo.sozialnetz.errors import AktionAbgelehnt


class OffizielleKanaeleView(BrowserView):
    fehler = None  # German message of a search that was not applied

    def suche(self):
        q = self.request.form.get("q")
        return q if isinstance(q, str) else ""

    def konten(self):
        try:
            return register.konten(self.request.form.get("q"))
        except AktionAbgelehnt as error:
            self.fehler = error.message
            return register.konten()

    def datum(self, iso):
        """``2026-03-01`` as ``01.03.2026``."""
        if not iso:
            return ""
        jahr, monat, tag = iso.split("-")
        return f"{tag}.{monat}.{jahr}"
