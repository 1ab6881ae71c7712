"""German texts of the mails: subject and body, built from an Antrag."""

from plone import api
from stadtdo.sozialnetz.content.antrag import plattform_titel
from stadtdo.sozialnetz.verfahren import workflow


def betreff(antrag, ereignis):
    """``[Soziale Netzwerke] SN-2026-0001 Instagram @konto: <ereignis>``"""
    teile = [antrag.antragsnummer, plattform_titel(antrag), antrag.kontoname or ""]
    kennung = " ".join(teil for teil in teile if teil)
    if antrag.antragsart == "erneuter_antrag":
        kennung += " (erneuter Antrag)"
    return f"[Soziale Netzwerke] {kennung}: {ereignis}"


def status_titel(antrag):
    wf_tool = api.portal.get_tool("portal_workflow")
    return wf_tool.getTitleForStateOnType(api.content.get_state(antrag), "Antrag")


def kopf(antrag):
    return (
        f"Antrag:       {antrag.Title()}\n"
        f"Fachbereich:  {antrag.fachbereich or ''}\n"
        f"Status:       {status_titel(antrag)}\n"
        f"Link:         {antrag.absolute_url()}\n"
    )


def votentabelle(antrag):
    zeilen = ["Kurzansicht der Voten:"]
    for row in workflow.kurzansicht(antrag, target_language="de"):
        zeile = f"  {row['spalte'] + ':':<15}{row['votum_titel']}"
        if row["rueckfrage_offen"]:
            zeile += " (offene Rückfrage)"
        zeilen.append(zeile)
    return "\n".join(zeilen) + "\n"


def text(antrag, einleitung, *, kommentar=None, autor=None, voten=False, zusatz=""):
    teile = ["Guten Tag,", "", einleitung, "", kopf(antrag)]
    if kommentar:
        teile += [f"Kommentar{' von ' + autor if autor else ''}:", kommentar, ""]
    if antrag.antragsart == "erneuter_antrag":
        teile += [
            "Hinweis: Es handelt sich um einen erneuten Antrag! Der ursprüngliche "
            "Antrag ist unter „5. Bisherige Anträge“ abgebildet.",
            "",
        ]
    if voten:
        teile.append(votentabelle(antrag))
    if zusatz:
        teile.append(zusatz)
    return "\n".join(teile).rstrip() + "\n"


def fullname(userid):
    user = api.user.get(userid=userid) if userid else None
    return (user.getProperty("fullname") if user is not None else None) or userid or ""


def _wert(wert, einzug):
    """A value on its line, further lines of it indented below."""
    return ("\n" + " " * einzug).join(wert.splitlines() or [""])


def _feldzeilen(felder, einzug):
    zeilen = []
    for f in felder:
        zeilen += [
            f"{' ' * einzug}{f.titel}:",
            f"{' ' * einzug}  bisher: {_wert(f.vorher, einzug + 10)}",
            f"{' ' * einzug}  jetzt:  {_wert(f.nachher, einzug + 10)}",
        ]
    return zeilen


def _eintraege(titel, eintraege):
    if not eintraege:
        return []
    return [f"  {titel}:"] + [
        f"    - {e.name}" + (f" ({e.angabe})" if e.angabe else "") for e in eintraege
    ]


def aenderungen(vergleich):
    """The changes since the approved predecessor (``verfahren.vergleich``)
    as plain text, for the bodies' „aktuelle Einschätzung“ (Anlage 1 Nr. 3)."""
    kopf = f"Änderungen gegenüber dem genehmigten Antrag {vergleich.vorgaenger_nummer}"
    if vergleich.keine_aenderungen:
        return f"{kopf}: keine Änderungen.\n"
    zeilen = [f"{kopf}:"]
    if vergleich.felder:
        zeilen += ["  Angaben des Antrags:", *_feldzeilen(vergleich.felder, 4)]
    zeilen += _eintraege("Personen hinzugefügt", vergleich.personen_hinzugefuegt)
    zeilen += _eintraege("Personen entfernt", vergleich.personen_entfernt)
    if vergleich.personen_geaendert:
        zeilen.append("  Personen geändert:")
        for person in vergleich.personen_geaendert:
            zeilen += [f"    - {person.name}:", *_feldzeilen(person.felder, 8)]
    zeilen += _eintraege("Anlagen hinzugefügt", vergleich.anlagen_hinzugefuegt)
    zeilen += _eintraege("Anlagen entfernt", vergleich.anlagen_entfernt)
    return "\n".join(zeilen) + "\n"
