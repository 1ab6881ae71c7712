"""``POST @benutzerkonto`` on a Person (StA 11): ``{"benutzer": "<user
id>"}`` links the Person to that account, ``{"benutzer": null}`` unlinks;
the answer is the link as ``GET`` shows it."""

from stadtdo.sozialnetz.rechte import konten
from stadtdo.sozialnetz.rechte.services.konto.get import BenutzerkontoGet


class BenutzerkontoPost(BenutzerkontoGet):
    def antworten(self):
        data = self.json()
        if data is None or "benutzer" not in data:
            return self.error(
                400,
                "Bitte geben Sie mit „benutzer“ eine Benutzerkennung an (null löst "
                "die Verknüpfung).",
                field="benutzer",
            )
        benutzer = data["benutzer"]
        if benutzer is not None and not isinstance(benutzer, str):
            return self.error(
                400, "„benutzer“ muss eine Benutzerkennung sein.", field="benutzer"
            )
        konten.verknuepfen(self.context, benutzer)
        return super().antworten()
