"""Mails off the events of data protection (``datenschutz.interfaces``): the
head is asked to re-apply after a withdrawal of consent, the department is
reminded before an untouched draft is deleted."""

from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import fachbereich_emails
from stadtdo.sozialnetz.notifications.recipients import gremium_emails
from stadtdo.sozialnetz.notifications.recipients import unique
from stadtdo.sozialnetz.notifications.recipients import user_email
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text


def einwilligung_widerrufen(person, event):
    """Subscriber (IPerson, IEinwilligungWiderrufen): mail to the head."""
    antrag = event.antrag
    send(
        fachbereich_emails(antrag, "leitung"),
        betreff(antrag, "Einwilligung widerrufen"),
        text(
            antrag,
            f"eine der benannten Personen hat am {event.datum:%d.%m.%Y} ihre "
            "Einwilligung zur freiwilligen Übernahme der Aufgabe widerrufen "
            "(DV § 2). Bitte stellen Sie den Antrag ohne diese Person erneut "
            "(„Antrag erneut stellen“). Ihre Daten werden nach Ablauf der "
            "Aufbewahrungsfrist anonymisiert (Anlage 1 Nr. 1).",
        ),
    )


def entwurf_erinnerung(antrag, event):
    """Subscriber (IAntrag, IEntwurfErinnerung): the reminder to the
    department (head and staff); sent unless ``event.dry_run``, handed back
    as ``event.mitteilung`` for the job's summary."""
    empfaenger = unique(
        fachbereich_emails(antrag, "leitung"),
        fachbereich_emails(antrag, "mitarbeiter"),
    )
    mail = {
        "art": "entwurf_erinnerung",
        "antragsnummer": antrag.antragsnummer,
        "empfaenger": empfaenger,
        "betreff": betreff(antrag, "Entwurf wird gelöscht"),
        "text": text(
            antrag,
            f"der Entwurf wurde seit {event.zuletzt_bearbeitet:%d.%m.%Y} nicht "
            "mehr bearbeitet. Personenbezogene Daten dürfen nur für die Dauer der "
            "Aufgabenwahrnehmung gespeichert werden (Anlage 1 Nr. 1). Wird der "
            f"Entwurf bis zum {event.loeschtag:%d.%m.%Y} nicht bearbeitet oder "
            "eingereicht, wird er mit allen Personendaten, Anlagen und Versionen "
            "gelöscht.",
        ),
    }
    if not event.dry_run:
        mail["empfaenger"] = send(mail["empfaenger"], mail["betreff"], mail["text"])
    event.mitteilung = mail


def datenschutz_eingeladen(antrag, event):
    """Subscriber (IAntrag, IDatenschutzEingeladen): the DSB is asked to
    read the draft and leave its notes (DV § 4)."""
    send(
        gremium_emails("datenschutz", aufgabe=True),
        betreff(antrag, "Frühzeitige Beteiligung des Datenschutzes"),
        text(
            antrag,
            "der Fachbereich beteiligt Sie frühzeitig an einem Antrag, der noch "
            "im Entwurf ist (DV § 4). Sie können den Entwurf lesen und dem "
            "Fachbereich auf der Antragsseite Hinweise geben („Hinweis geben“); "
            "Ihr Votum geben Sie wie bisher, wenn der Antrag eingereicht ist.",
        ),
    )


def datenschutz_hinweis(antrag, event):
    """Subscriber (IAntrag, IDatenschutzHinweis): the department reads the
    DSB's note."""
    hinweis = event.hinweis
    send(
        unique(
            [user_email(antrag.antragsteller)],
            fachbereich_emails(antrag, "mitarbeiter"),
        ),
        betreff(antrag, "Hinweis des Datenschutzes zum Entwurf"),
        text(
            antrag,
            f"der Datenschutz ({hinweis['name']}) hat einen Hinweis zu Ihrem "
            "Entwurf gegeben. Sie finden ihn auch auf der Antragsseite unter "
            "„Frühzeitige Beteiligung des Datenschutzes“.",
            kommentar=hinweis["text"],
            autor=hinweis["name"],
        ),
    )
