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
