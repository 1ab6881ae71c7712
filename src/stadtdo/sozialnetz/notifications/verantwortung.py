"""The mail „Verantwortung klären“ (issue 13) to the head and deputy of the
department (group ``<fb>-leitung``), off the event ``VerantwortungKlaeren``
of the process layer (``verfahren.verantwortung.markieren``): once per
Person, listing each newly flagged Person with the reason."""

from stadtdo.sozialnetz.content.vokabulare import term_title
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import fachbereich_emails
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text
from stadtdo.sozialnetz.verfahren.verantwortung import grund_text


def _mail(antrag, neu):
    """Subject and text of the mail to the head for the newly flagged
    ``neu`` (list of (person, reason, day))."""
    zeilen = []
    for person, grund, tag in neu:
        funktion = term_title("stadtdo.sozialnetz.Funktionen", person.funktion)
        eintrag = {"grund": grund, "datum": tag.isoformat()}
        zeilen.append(
            f"  - {person.vorname} {person.nachname} ({funktion}, {person.email}): "
            f"{grund_text(eintrag)}"
        )
    einleitung = (
        "für einen genehmigten Social-Media-Auftritt Ihres Fachbereichs muss die "
        "Verantwortung geklärt werden: eine benannte verantwortliche Person nimmt "
        "die Aufgabe nicht mehr wahr.\n\n" + "\n".join(zeilen)
    )
    zusatz = (
        "Was ist zu tun?\n"
        "Bitte benennen Sie eine neue verantwortliche Person. Dazu öffnet Ihr "
        "Fachbereich (die Mitarbeiter*innen, die Anträge stellen) den Antrag über "
        "den Link oben und wählt „Verantwortung übertragen“. Damit wird ein "
        "erneuter Antrag mit allen bisherigen Angaben angelegt, ohne die "
        "ausgeschiedene Person. Dort wird die neue verantwortliche Person "
        "eingetragen und der Antrag eingereicht; Sie genehmigen ihn wie gewohnt. "
        "Jeder Auftritt braucht mindestens zwei verantwortliche Personen "
        "(DV § 6).\n"
        "Bis zur Genehmigung des erneuten Antrags gilt der bisherige Antrag; danach "
        "wird er archiviert und der Hinweis „Verantwortung klären“ entfällt.\n"
    )
    return (
        betreff(antrag, "Verantwortung klären"),
        text(antrag, einleitung, zusatz=zusatz),
    )


def verantwortung_klaeren(antrag, event):
    """Mail the head about the Persons of ``event.neu`` (unless the event is
    the preview's) and hand the mail back as ``event.mitteilung``."""
    empfaenger = fachbereich_emails(antrag, "leitung")
    betreff_, text_ = _mail(antrag, event.neu)
    mail = {
        "art": "verantwortung",
        "antragsnummer": antrag.antragsnummer,
        "empfaenger": empfaenger,
        "betreff": betreff_,
        "text": text_,
    }
    if not event.dry_run:
        mail["empfaenger"] = send(empfaenger, mail["betreff"], mail["text"])
    event.mitteilung = mail
