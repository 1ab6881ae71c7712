"""``@@verarbeitungsverzeichnis``: the personal data the database stores,
with purpose, readers and retention (``datenschutz.verzeichnis``)."""

from Products.Five.browser import BrowserView
from stadtdo.sozialnetz.datenschutz.verzeichnis import zeilen


class VerzeichnisView(BrowserView):
    def zeilen(self):
        return zeilen()
