"""The city's directory as a source of personal data (``datenschutz.speicher``):
the address it supplies for an account finds the mails sent to the person
(its users cannot edit it, unlike the account's own e-mail)."""

from stadtdo.sozialnetz.datenschutz.speicher import Speicher
from stadtdo.sozialnetz.verzeichnis.abgleich import verzeichnis_email


class Verzeichnis(Speicher):
    name = "verzeichnis"
    titel = "Städtisches Verzeichnis: E-Mail-Adresse des Benutzerkontos"

    def adressen(self, userid):
        email = verzeichnis_email(userid)
        return (email,) if email else ()
