"""January digest (Anlage 1 Nr. 5): each department's head and deputy get
one mail listing the department's active (approved) accounts with their
responsible persons – once per year and department, however often the job
runs in the digest month. It lists „Verantwortung klären“ too
(``verfahren.verantwortung``)."""

from DateTime import DateTime
from datetime import date
from persistent.mapping import PersistentMapping
from plone import api
from stadtdo.sozialnetz.content.antrag import plattform_titel
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.content.vokabulare import term_title
from stadtdo.sozialnetz.content.weblink import web_adresse
from stadtdo.sozialnetz.infrastruktur.speicher import annotation
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.jobs.ergebnis import Mitteilung
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import group_emails
from stadtdo.sozialnetz.rechte.gruppen import fachbereich_group_id
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren import verantwortung
from stadtdo.sozialnetz.verfahren.verlauf import genehmigt_am
from zope.annotation.interfaces import IAnnotations


DIGEST_KEY = "stadtdo.sozialnetz.digest"


def _personen(antrag):
    """The Persons still named on ``antrag`` (not anonymised after their task)."""
    return [
        obj
        for obj in antrag.objectValues()
        if obj.portal_type == "Person"
        and not IDatenschutzstandPerson(obj).anonymisiert_am
    ]


def _aktive_antraege(folder):
    brains = api.content.find(
        context=folder,
        portal_type="Antrag",
        review_state="genehmigt",
        sort_on="antragsnummer",
    )
    return [brain.getObject() for brain in brains]


def _digest_text(folder, antraege, jahr):
    zeilen = [
        "Guten Tag,",
        "",
        f"wie jedes Jahr erhalten Sie als Fachbereichsleitung oder Stellvertretung die "
        f"Übersicht der Social-Media-Auftritte des Fachbereichs {folder.Title()} "
        f"(Stand {date.today():%d.%m.%Y}, Anlage 1 Nr. 5 der Dienstvereinbarung).",
        "",
    ]
    for antrag in antraege:
        am = genehmigt_am(antrag)
        zeilen.append(f"{plattform_titel(antrag)}: {antrag.kontoname}")
        zeilen.append(
            f"  Antrag {antrag.antragsnummer}, genehmigt am {am:%d.%m.%Y}"
            if am
            else f"  Antrag {antrag.antragsnummer}"
        )
        if web_adresse(antrag.url):
            zeilen.append(f"  {web_adresse(antrag.url)}")
        for person in _personen(antrag):
            zeilen.append(
                f"  - {person.vorname} {person.nachname} "
                f"({term_title('stadtdo.sozialnetz.Funktionen', person.funktion)})"
            )
        zeilen.extend(_verantwortung_zeilen(antrag))
        zeilen.append(f"  {antrag.absolute_url()}")
        zeilen.append("")
    zeilen.append(
        "Bitte prüfen Sie, ob die Angaben noch aktuell sind. Änderungen, etwa bei "
        "personellen Wechseln, teilen Sie über „Antrag erneut stellen“ mit (DV § 3, § 4)."
    )
    return "\n".join(zeilen) + "\n"


def _verantwortung_zeilen(antrag):
    """The lines „Verantwortung klären“ of a flagged Antrag in the digest."""
    if not verantwortung.ist_markiert(antrag):
        return []
    zeilen = [
        "  ! Verantwortung klären – bitte „Verantwortung übertragen“ wählen "
        "und eine neue verantwortliche Person benennen:"
    ]
    for eintrag in verantwortung.offene(antrag):
        name = verantwortung.personen_name(antrag, eintrag["person"])
        zeilen.append(f"    {name}: {verantwortung.grund_text(eintrag)}")
    return zeilen


def _digest_versand(folder):
    return annotation(folder, DIGEST_KEY, PersistentMapping)


def fachbereiche(today):
    """The department folders whose digest may be due on ``today`` (none
    outside the digest month)."""
    if today.month != einstellung("digest_monat"):
        return []
    datenbank = get_datenbank()
    if datenbank is None:
        return []
    return [f for f in datenbank.objectValues() if f.portal_type == "Fachbereich"]


def _digest_fuer(folder, today, dry_run):
    """The digest mail of one department, or None if not due."""
    if today.year in IAnnotations(folder).get(DIGEST_KEY, {}):
        return None
    antraege = _aktive_antraege(folder)
    if not antraege:
        return None
    empfaenger = group_emails(fachbereich_group_id(folder.kuerzel, "leitung"))
    mail = Mitteilung(
        art="jahresuebersicht",
        angaben={"fachbereich": folder.Title()},
        empfaenger=empfaenger,
        betreff=f"[Soziale Netzwerke] Jahresübersicht {today.year}: {folder.Title()}",
        text=_digest_text(folder, antraege, today.year),
    )
    if not dry_run:
        mail.empfaenger = send(empfaenger, mail.betreff, mail.text)
        _digest_versand(folder)[today.year] = PersistentMapping(
            zeit=DateTime().ISO8601(), empfaenger=list(mail.empfaenger)
        )
    return mail
