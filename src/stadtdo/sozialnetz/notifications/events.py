"""Who is told what after each step of the Beteiligungsprozess (domain.md §5).

=======================  ==================================================
Step                     Recipients
=======================  ==================================================
einreichen               head and deputy of the FB (please approve); all
                         bodies: notice of receipt (a re-application marked
                         "erneuter Antrag"); StA 11, once, if the FB has no
                         head or deputy with an address („Leitung fehlt“)
                         or no head but the applicant may approve (second
                         person needed)
genehmigen (FBL)         Dortmund-Agentur
zurueckweisen (FBL)      applicant and FB staff
stellungnahme_abgeben    DSB, Personalrat, POA, IT-Sicherheit; and, as every
                         vote, applicant and FB staff
votum_* (every vote,     applicant and FB staff
Rückfrage)
rueckfrage_beantworten   applicant, FB staff and the asking body
genehmigt / abgelehnt    applicant, head and deputy, all bodies; on
                         genehmigt also the Systemhaus order
=======================  ==================================================

Mails that announce a task of a body (notice of receipt, vote due, answer
to its Rückfrage) skip the members who chose the body's daily overview
(``notifications.praeferenzen``); the decision goes to everyone at once.
"""

from plone import api
from stadtdo.sozialnetz.content.antrag import fachbereich_of
from stadtdo.sozialnetz.content.gremien import AGENTUR_ABSCHLUSS
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import fachbereich_emails
from stadtdo.sozialnetz.notifications.recipients import gremium_emails
from stadtdo.sozialnetz.notifications.recipients import group_emails
from stadtdo.sozialnetz.notifications.recipients import unique
from stadtdo.sozialnetz.notifications.recipients import user_email
from stadtdo.sozialnetz.notifications.systemhaus import systemhaus_beauftragen
from stadtdo.sozialnetz.notifications.texts import aenderungen
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import fullname
from stadtdo.sozialnetz.notifications.texts import text
from stadtdo.sozialnetz.rechte.umfang import VERWALTUNG_GRUPPE
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.trennung import leitung_fehlt
from stadtdo.sozialnetz.verfahren.trennung import zweite_person_noetig
from stadtdo.sozialnetz.verfahren.vergleich import vergleich
from stadtdo.sozialnetz.verfahren.voten import VOTUM_TITEL
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate


def _antragsteller_und_fb(antrag):
    return unique(
        [user_email(antrag.antragsteller)], fachbereich_emails(antrag, "mitarbeiter")
    )


def _alle_gremien(aufgabe=False):
    return unique(*(gremium_emails(g.id, aufgabe=aufgabe) for g in GREMIEN))


def _titel(msgid):
    return translate(msgid, target_language="de")


def notify_transition(antrag, event):
    if event.transition is None:
        return
    tid = event.transition.getId()
    kwargs = event.kwargs or {}
    kommentar = kwargs.get("comment") or ""
    actor = api.user.get_current().getId()
    autor = fullname(actor)
    handler = HANDLERS.get(tid)
    if handler is None and tid.startswith("votum_"):
        handler = _votum
    if handler is not None:
        handler(antrag, kommentar=kommentar, autor=autor, kwargs=kwargs)


def _einreichen(antrag, kommentar, autor, kwargs):
    send(
        fachbereich_emails(antrag, "leitung"),
        betreff(antrag, "Bitte genehmigen"),
        text(
            antrag,
            f"{autor} hat einen Antrag eingereicht. Bitte prüfen und genehmigen Sie "
            "ihn als Fachbereichsleitung oder weisen Sie ihn mit Kommentar zurück.",
            kommentar=kommentar,
            autor=autor,
        ),
    )
    _eingangsmitteilung(antrag)
    zweite_person_melden(antrag)


GEMELDET_KEY = "stadtdo.sozialnetz.zweite_person_gemeldet"


def zweite_person_melden(antrag):
    """Tell StA 11, once per Antrag, that nobody can approve it yet: the FB
    has no head or deputy with a mail address
    (``verfahren.trennung.leitung_fehlt``), or the applicant does not
    approve it and the FB has no other head
    (``verfahren.trennung.zweite_person_noetig``). True if mailed now."""
    annotations = IAnnotations(antrag)
    if annotations.get(GEMELDET_KEY):
        return False
    if leitung_fehlt(antrag):
        annotations[GEMELDET_KEY] = True
        _leitung_fehlt_melden(antrag)
        return True
    if not zweite_person_noetig(antrag):
        return False
    annotations[GEMELDET_KEY] = True
    send(
        group_emails(VERWALTUNG_GRUPPE),
        betreff(antrag, "Genehmigung durch eine zweite Person nötig"),
        text(
            antrag,
            "Dieser Antrag wartet auf die Genehmigung der Fachbereichsleitung, "
            "aber niemand kann sie geben: Der Fachbereich hat keine "
            "Fachbereichsleitung außer der Person, die den Antrag eingereicht "
            "hat, und wer einreicht, genehmigt nicht selbst (Vier-Augen-Prinzip). "
            "Bitte nehmen Sie die Stellvertretung oder eine weitere "
            "Fachbereichsleitung in die Gruppe der Fachbereichsleitung auf.",
        ),
    )
    return True


def _leitung_fehlt_melden(antrag):
    fachbereich = fachbereich_of(antrag)
    titel = fachbereich.Title() if fachbereich is not None else ""
    send(
        group_emails(VERWALTUNG_GRUPPE),
        betreff(antrag, "Leitung fehlt"),
        text(
            antrag,
            f"Dieser Antrag wurde eingereicht und wartet auf die Genehmigung der "
            f"Fachbereichsleitung, aber der Fachbereich „{titel}“ hat keine "
            "Fachbereichsleitung oder Stellvertretung mit E-Mail-Adresse: Niemand "
            "wurde um die Genehmigung gebeten. Bitte nehmen Sie die "
            "Fachbereichsleitung und ihre Stellvertretung (mit E-Mail-Adresse) in "
            "die Gruppe der Fachbereichsleitung auf. Bis dahin steht der Antrag "
            "in Ihren Aufgaben mit dem Hinweis „Leitung fehlt“.",
        ),
    )


def _eingangsmitteilung(antrag):
    """Notice of receipt to the review bodies (Anlage 1 Nr. 2: „Diese erhalten
    über den Eingang eines neuen Antrags eine automatisierte Mitteilung“).
    Their vote falls due later, after the head's approval. A re-application
    lists what changed since the approved predecessor
    (``verfahren.vergleich``)."""
    erneut = antrag.antragsart == "erneuter_antrag"
    zusatz = ""
    einleitung = (
        "In der Datenbank „Soziale Netzwerke“ ist ein neuer Antrag eingegangen. "
        "Er liegt zunächst der Fachbereichsleitung zur Genehmigung vor; Sie "
        "erhalten eine weitere Mitteilung, sobald Ihr Votum fällig ist."
    )
    if erneut:
        einleitung += (
            " Es handelt sich um einen erneuten Antrag: Der bisherige Antrag bleibt "
            "in Kraft, bis dieser genehmigt ist; bitte geben Sie dann eine aktuelle "
            "Einschätzung ab (Anlage 1 Nr. 3)."
        )
        unterschied = vergleich(antrag, target_language="de")
        if unterschied is not None:
            zusatz = aenderungen(unterschied)
    send(
        _alle_gremien(aufgabe=True),
        betreff(
            antrag,
            "Eingang eines erneuten Antrags"
            if erneut
            else "Eingang eines neuen Antrags",
        ),
        text(antrag, einleitung, zusatz=zusatz),
    )


def _genehmigen(antrag, kommentar, autor, kwargs):
    send(
        gremium_emails("agentur", aufgabe=True),
        betreff(antrag, "Bitte um Stellungnahme der Dortmund-Agentur"),
        text(
            antrag,
            f"Die Fachbereichsleitung ({autor}) hat den Antrag genehmigt. Die "
            "Dortmund-Agentur wird um ihre Stellungnahme gebeten (DV § 4).",
            kommentar=kommentar,
            autor=autor,
        ),
    )


def _zurueckweisen(antrag, kommentar, autor, kwargs):
    send(
        _antragsteller_und_fb(antrag),
        betreff(antrag, "Von der Fachbereichsleitung zurückgewiesen"),
        text(
            antrag,
            f"Die Fachbereichsleitung ({autor}) hat den Antrag zurückgewiesen. Er "
            "bleibt unverändert in der Datenbank. Um ihn überarbeitet neu "
            "einzureichen, wählen Sie „Antrag erneut stellen“.",
            kommentar=kommentar,
            autor=autor,
        ),
    )


def _stellungnahme(antrag, kommentar, autor, kwargs):
    empfaenger = unique(
        *(
            gremium_emails(g.id, aufgabe=True)
            for g in workflow.faellig_durch(AGENTUR_ABSCHLUSS)
        )
    )
    send(
        empfaenger,
        betreff(antrag, "Neuer Antrag im Beteiligungsverfahren"),
        text(
            antrag,
            "Die Dortmund-Agentur hat ihre Stellungnahme abgegeben. Der Antrag liegt "
            "nun Datenschutz, Personalrat, Personal- und Organisationsamt und "
            "IT-Sicherheit zum Votum vor.",
            kommentar=kommentar,
            autor=autor,
            voten=True,
        ),
    )
    _votum(antrag, kommentar, autor, kwargs)


def _votum(antrag, kommentar, autor, kwargs):
    gremium = GREMIEN_BY_ID.get(kwargs.get("gremium"))
    if gremium is None:
        return
    votum = _titel(VOTUM_TITEL.get(kwargs.get("votum"), kwargs.get("votum", "")))
    name = _titel(gremium.titel)
    if kwargs.get("votum") == "rueckfrage":
        ereignis = f"Rückfrage von {name}"
        einleitung = (
            f"{name} hat eine Rückfrage zum Antrag. Bitte beantworten Sie sie in der "
            "Datenbank („Rückfrage beantworten“)."
        )
    else:
        ereignis = f"Votum {name}: {votum}"
        einleitung = f"{name} hat das Votum „{votum}“ abgegeben ({autor})."
    send(
        _antragsteller_und_fb(antrag),
        betreff(antrag, ereignis),
        text(antrag, einleitung, kommentar=kommentar, autor=autor, voten=True),
    )


def _nachtrag(antrag, kommentar, autor, kwargs):
    """A body's assessment after the end of the process (domain.md §4): a
    „Nein“ goes to POA, Personalrat and the FB (submitter, staff, head), a
    „Ja“ to the FB like any vote. The decision stands either way."""
    gremium = GREMIEN_BY_ID.get(kwargs.get("gremium"))
    if gremium is None:
        return
    if kwargs.get("votum") != "nein":
        _votum(antrag, kommentar, autor, kwargs)
        return
    name = _titel(gremium.titel)
    send(
        unique(
            _antragsteller_und_fb(antrag),
            fachbereich_emails(antrag, "leitung"),
            gremium_emails("poa"),
            gremium_emails("personalrat"),
        ),
        betreff(antrag, f"Einschätzung nach Abschluss: {name}: Nein"),
        text(
            antrag,
            f"{name} hat nach Abschluss des Verfahrens seine Einschätzung "
            f"nachgetragen: „Nein“ ({autor}). Die Entscheidung über den Antrag "
            "bleibt bestehen; bitte prüfen Sie, ob die Einschätzung Folgen für "
            "den Auftritt hat.",
            kommentar=kommentar,
            autor=autor,
            voten=True,
        ),
    )


def _antwort(antrag, kommentar, autor, kwargs):
    gremium = GREMIEN_BY_ID.get(kwargs.get("gremium"))
    if gremium is None:
        return
    name = _titel(gremium.titel)
    send(
        unique(_antragsteller_und_fb(antrag), gremium_emails(gremium.id, aufgabe=True)),
        betreff(antrag, f"Antwort auf die Rückfrage von {name}"),
        text(
            antrag,
            f"Der Fachbereich ({autor}) hat die Rückfrage von {name} beantwortet.",
            kommentar=kommentar,
            autor=autor,
            voten=True,
        ),
    )


def _entscheidung(antrag, ergebnis):
    empfaenger = unique(
        [user_email(antrag.antragsteller)],
        fachbereich_emails(antrag, "leitung"),
        _alle_gremien(),
    )
    if ergebnis == "genehmigt":
        einleitung = (
            "Personal- und Organisationsamt und Personalrat haben zugestimmt. Der "
            "Antrag ist genehmigt; der Auftritt darf veröffentlicht werden."
        )
    else:
        einleitung = (
            "Der Antrag ist abgelehnt: Personal- und Organisationsamt oder Personalrat "
            "haben endgültig nicht zugestimmt."
        )
    send(
        empfaenger,
        betreff(antrag, f"Antrag {ergebnis}"),
        text(antrag, einleitung, voten=True),
    )


def _genehmigt(antrag, kommentar, autor, kwargs):
    _entscheidung(antrag, "genehmigt")
    systemhaus_beauftragen(antrag)


def _abgelehnt(antrag, kommentar, autor, kwargs):
    _entscheidung(antrag, "abgelehnt")


HANDLERS = {
    "einreichen": _einreichen,
    "genehmigen": _genehmigen,
    "zurueckweisen": _zurueckweisen,
    "stellungnahme_abgeben": _stellungnahme,
    "rueckfrage_beantworten": _antwort,
    "beteiligung_genehmigt": _genehmigt,
    "beteiligung_abgelehnt": _abgelehnt,
    workflow.NACHTRAG: _nachtrag,
}
