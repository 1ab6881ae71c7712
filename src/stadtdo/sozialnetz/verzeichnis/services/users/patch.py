"""``PATCH @users/<id>`` with ``email`` for a user of the directory: a German
400 (``verzeichnis.email_sperre``). Only with the profile ``ldap``."""

from plone.restapi.services.users.update import UsersPatch
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.verzeichnis.abgleich import verzeichnis_email
from stadtdo.sozialnetz.verzeichnis.email_sperre import GESPERRT


class VerzeichnisUsersPatch(SozialnetzService, UsersPatch):
    """``PATCH @users/<id>``: no ``email`` for a user of the directory."""

    # plone.restapi's answer is handed on as it is, without the mapping of
    # refusals around it: ``reply``, not ``antworten``
    def reply(self):
        data = self.json()
        if data is not None and "email" in data and len(self.params) == 1:
            verzeichnis = verzeichnis_email(self.params[0])
            # the address as the directory has it (a client sending back the
            # whole user) passes; any other value would be written into it
            if verzeichnis is not None and data["email"] != verzeichnis:
                return self.error(400, deutsch(GESPERRT), field="email")
        return UsersPatch.reply(self)
