"""``PATCH @benachrichtigungen``: change the current user's notification
preferences (``get.py`` describes the answer).

    PATCH {"gremien": {"datenschutz": "taeglich"}} → the same as GET
"""

from stadtdo.sozialnetz.notifications import praeferenzen
from stadtdo.sozialnetz.services.benachrichtigungen.get import _Base


class BenachrichtigungenPatch(_Base):
    def antworten(self):
        userid = self.userid()
        if userid is None:
            return self.error(401, "Bitte melden Sie sich an.")
        data = self.json()
        if data is None:
            return self.bad_json()
        unbekannt = sorted(set(data) - {"gremien"})
        if unbekannt:
            return self.error(
                400,
                f"Unbekanntes Feld: {', '.join(unbekannt)}. Erlaubt ist nur "
                "„gremien“ (Ihre eigenen Einstellungen).",
                field=unbekannt[0],
            )
        praeferenzen.setzen(userid, data.get("gremien"))
        return self.antwort(userid)
