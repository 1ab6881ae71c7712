"""The report of everything stored about one person (DSGVO Art. 15).

``auskunft(datenbank, anfrage)`` takes a name ("Erika Mustermann",
"Mustermann, Erika" or the surname), an e-mail address or a user id and
collects, unrestricted (the caller's right is checked by the permission
``stadtdo.sozialnetz: Request data subject report``):

- the Person items with all their stored versions (with what every
  registered store keeps on them, ``person_auskunft``: the records of
  withdrawal and end of task, the link to a user account),
- mentions in the free text and comments of Anträge and Persons, and in
  their stored versions,
- what every registered store of personal data keeps about the person
  (``datenschutz.speicher``): the Systemhaus orders naming the person, the
  mails recorded as sent to the person (January digest, yearly review), the
  incident reports filed by or mentioning the person (their content only
  for those who may read the reports, DV § 5; others see date and number),
- for a user id: the Persons linked to the account by StA 11 or the
  directory (``rechte.konten``; never by the account's e-mail or name, which
  its user can edit), the mails sent to their addresses (and to the
  address the directory supplies for the account), the account (with
  the notification preferences and the time of the last daily overview),
  the steps and votes taken, the Anträge filed and the entries of the
  Rechteprotokoll.

Anonymised data carry no name any more and are therefore not found.
"""

from datetime import date
from plone import api
from stadtdo.sozialnetz.datenschutz import freitext
from stadtdo.sozialnetz.datenschutz import speicher
from stadtdo.sozialnetz.datenschutz.aufbewahrung import gespeicherte_versionen
from stadtdo.sozialnetz.rechte.konten import verknuepft_mit
from stadtdo.sozialnetz.rechte.protokoll import eintraege
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import ANNOTATION_KEY as VOTEN_KEY
from typing import Any
from zope.annotation.interfaces import IAnnotations
import re


PERSON_FELDER = (
    "nachname",
    "vorname",
    "email",
    "funktion",
    "rechte_aufgaben",
    "einwilligung",
    "einwilligung_datum",
    "schulung_status",
    "schulung_geplant_bis",
    "taetigkeit_von",
    "taetigkeit_bis",
    "internetfreischaltung",
)

#: the rows of the Verarbeitungsverzeichnis (``verzeichnis.ZWECKE``) this
#: module reports itself; every other row is kept by a registered store
#: (``datenschutz.speicher``)
EIGENE = (
    *PERSON_FELDER,
    "antrag.freitext",  # "erwaehnungen"
    "antrag.antragsteller",  # "aktionen"
    "verlauf.kommentare",  # "aktionen"
)


class Anfrage:
    """What is searched for: e-mail addresses, names and a user id."""

    def __init__(self, text):
        self.text = (text or "").strip()
        self.emails, self.namen, self.userid = set(), set(), None
        # set by ``auskunft`` for the stores (``datenschutz.speicher``)
        self.datenbank, self.antraege, self.pattern = None, [], None
        user = api.user.get(userid=self.text) if self.text else None
        if user is not None:
            # the account's e-mail and full name are properties its user can
            # edit: they find nothing; the Persons linked to the account do,
            # and an address the directory supplies (its users cannot edit it)
            self.userid = user.getId()
            for store in speicher.alle():
                self.emails.update(e.lower() for e in store.adressen(self.userid))
        elif "@" in self.text:
            self.emails.add(self.text.lower())
        elif self.text:
            self.namen.add(_normal(self.text))

    def trifft(self, person):
        """True if the Person item is this person: for a user id, the Person
        linked to the account (``rechte.konten``), else by e-mail or name."""
        if self.userid:
            return verknuepft_mit(person) == self.userid
        email = (getattr(person, "email", None) or "").lower()
        if email and email in self.emails:
            return True
        vorname = _normal(getattr(person, "vorname", None) or "")
        nachname = _normal(getattr(person, "nachname", None) or "")
        if not nachname:
            return False
        schreibweisen = {f"{vorname} {nachname}", f"{nachname}, {vorname}", nachname}
        return bool(self.namen & schreibweisen)

    def personen_uebernehmen(self, personen):
        """For a user id: the addresses of the linked Persons find the mails
        sent to them."""
        if self.userid:
            self.emails.update(
                (p.email or "").lower() for p in personen if getattr(p, "email", None)
            )

    def muster(self, personen=()):
        """A pattern for free text: the query and the names of ``personen``."""
        teile = [re.escape(e) for e in self.emails]
        for name in self.namen:
            teile.append(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b")
        for person in personen:
            eigenes = freitext.muster(
                vorname=person.vorname, nachname=person.nachname, email=person.email
            )
            if eigenes is not None:
                teile.append(eigenes.pattern)
        return re.compile("|".join(teile), re.IGNORECASE) if teile else None


def _normal(text):
    return " ".join(text.split()).lower()


def _wert(value):
    if isinstance(value, date):
        return value.isoformat()
    return value


def _antraege():
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Antrag"):
        yield brain._unrestrictedGetObject()


def _versionen(person):
    repository = api.portal.get_tool("portal_repository")
    result = []
    with api.env.adopt_roles(["Manager"]):
        history = repository.getHistoryMetadata(person)
        if not history:
            return result
        for selector in range(history.getLength(countPurged=False)):
            version = repository.retrieve(person, selector)
            meta = version.metadata.get("sys_metadata", {})
            zeit = meta.get("timestamp")
            result.append(
                {
                    "version": selector,
                    "zeit": (date.fromtimestamp(zeit).isoformat() if zeit else None),
                    "felder": _felder(version.object),
                }
            )
    return result


def _felder(person):
    """The schema fields of the Person item (or version) ``person`` and
    what the stores keep among them (``person_abschnitt`` "felder")."""
    felder = {name: _wert(getattr(person, name, None)) for name in PERSON_FELDER}
    for store in speicher.alle():
        if store.person_abschnitt == "felder":
            felder.update(store.person_auskunft(person) or {})
    return felder


def _person(person, antrag):
    eintrag = {
        "antragsnummer": antrag.antragsnummer,
        "antrag": antrag.absolute_url(),
        "@id": person.absolute_url(),
        "felder": _felder(person),
        "versionen": _versionen(person),
    }
    # e.g. "benutzerkonto": the link to a user account, who set it and when
    for store in speicher.alle():
        if store.person_abschnitt not in (None, "felder"):
            eintrag[store.person_abschnitt] = store.person_auskunft(person)
    return eintrag


def _erwaehnungen(obj, antrag, pattern):
    """Mentions in ``obj`` and, where they differ, in its stored versions."""
    funde = freitext.erwaehnt(obj, pattern)
    gesehen = set(funde)
    for nummer, stored in enumerate(gespeicherte_versionen(obj)):
        for stelle, text in freitext.erwaehnt(stored, pattern):
            if (stelle, text) not in gesehen:
                gesehen.add((stelle, text))
                funde.append((f"{stelle} (Version {nummer})", text))
    return [
        {
            "antragsnummer": antrag.antragsnummer,
            "@id": obj.absolute_url(),
            "stelle": stelle,
            "text": text,
        }
        for stelle, text in funde
    ]


def _als_benutzer(antraege, userid):
    """Steps, votes and Anträge of the user ``userid``."""
    aktionen = []
    for antrag in antraege:
        if antrag.antragsteller == userid:
            aktionen.append(
                {
                    "antragsnummer": antrag.antragsnummer,
                    "art": "Antragsteller*in",
                    "zeit": antrag.created().ISO8601(),
                }
            )
        for entry in antrag.workflow_history.get(WORKFLOW, ()):
            if entry.get("actor") == userid:
                aktionen.append(
                    {
                        "antragsnummer": antrag.antragsnummer,
                        "art": f"Schritt {entry.get('action')}",
                        "zeit": entry["time"].ISO8601(),
                        "kommentar": entry.get("comments") or "",
                    }
                )
        storage = IAnnotations(antrag).get(VOTEN_KEY) or {}
        for gremium, gremium_voten in storage.items():
            for entry in gremium_voten.eintraege:
                if entry.get("autor") == userid:
                    aktionen.append(
                        {
                            "antragsnummer": antrag.antragsnummer,
                            "art": f"Votum {gremium}: {entry.get('votum')}",
                            "zeit": entry.get("zeit"),
                            "kommentar": entry.get("kommentar") or "",
                        }
                    )
    protokoll = [
        {k: _wert(v) for k, v in e.items()} for e in eintraege(principal=userid)
    ]
    return aktionen, protokoll


def auskunft(datenbank, anfrage_text):
    """Everything stored about the person ``anfrage_text`` (see module)."""
    anfrage = Anfrage(anfrage_text)
    antraege = list(_antraege())
    personen, treffer = [], []
    for antrag in antraege:
        for kind in antrag.objectValues():
            if kind.portal_type == "Person" and anfrage.trifft(kind):
                treffer.append(kind)
                personen.append(_person(kind, antrag))
    anfrage.personen_uebernehmen(treffer)
    pattern = anfrage.muster(treffer)
    erwaehnungen = []
    for antrag in antraege:
        erwaehnungen.extend(_erwaehnungen(antrag, antrag, pattern))
        for kind in antrag.objectValues():
            if kind.portal_type == "Person":
                erwaehnungen.extend(_erwaehnungen(kind, antrag, pattern))
    result: dict[str, Any] = {
        "anfrage": anfrage.text,
        "erstellt": date.today().isoformat(),
        "benutzerkonto": None,
        "personen": personen,
        "erwaehnungen": erwaehnungen,
        "systemhaus_auftraege": [],
        "mitteilungen": [],
        "vorfallmeldungen": [],
        "aktionen": [],
        "rechteprotokoll": [],
    }
    if anfrage.userid:
        user = api.user.get(userid=anfrage.userid)
        result["benutzerkonto"] = {
            "userid": anfrage.userid,
            "fullname": user.getProperty("fullname") or "",
            "email": user.getProperty("email") or "",
        }
    anfrage.datenbank, anfrage.antraege, anfrage.pattern = datenbank, antraege, pattern
    for store in speicher.alle():
        teil = store.auskunft(anfrage)
        if not teil or store.abschnitt is None:
            continue
        if isinstance(teil, dict):
            if result[store.abschnitt] is not None:
                result[store.abschnitt].update(teil)
        else:
            result[store.abschnitt].extend(teil)
    if anfrage.userid:
        result["aktionen"], result["rechteprotokoll"] = _als_benutzer(
            antraege, anfrage.userid
        )
    return result


def csv_zeilen(result):
    """The report as rows: Kategorie, Antrag, Stelle, Inhalt, Zeit."""
    yield ("Kategorie", "Antrag", "Stelle", "Inhalt", "Zeit")
    if result["benutzerkonto"]:
        konto = result["benutzerkonto"]
        yield (
            "Benutzerkonto",
            "",
            konto["userid"],
            f"{konto['fullname']} <{konto['email']}>",
            "",
        )
        if konto.get("benachrichtigungen"):
            yield (
                "Benachrichtigungen",
                "",
                konto["userid"],
                _text(konto["benachrichtigungen"]),
                konto.get("letzte_tagesuebersicht") or "",
            )
    for person in result["personen"]:
        for name, wert in person["felder"].items():
            yield ("Person", person["antragsnummer"], name, _text(wert), "")
        if person.get("benutzerkonto"):
            link = person["benutzerkonto"]
            yield (
                "Person, Benutzerkonto",
                person["antragsnummer"],
                link["benutzer"],
                f"verknüpft von {link['von'] or ''} ({link['quelle'] or ''})",
                link["zeit"] or "",
            )
        for version in person["versionen"]:
            for name, wert in version["felder"].items():
                yield (
                    f"Person, Version {version['version']}",
                    person["antragsnummer"],
                    name,
                    _text(wert),
                    version["zeit"] or "",
                )
    for e in result["erwaehnungen"]:
        yield ("Erwähnung", e["antragsnummer"], e["stelle"], e["text"], "")
    for a in result["systemhaus_auftraege"]:
        yield (
            f"Auftrag Systemhaus ({a.get('art') or 'freischaltung'})",
            a["antragsnummer"],
            a["hinweis"],
            "; ".join(a["personen"]),
            a["zeit"] or "",
        )
    for m in result["mitteilungen"]:
        yield (
            f"Mitteilung ({m['art']})",
            m.get("antragsnummer", ""),
            m.get("fachbereich", ""),
            "",
            m.get("zeit") or "",
        )
    for v in result["vorfallmeldungen"]:
        yield ("Vorfallmeldung", "", v["meldung"], _text(v["felder"]), v["zeit"])
    for a in result["aktionen"]:
        yield (
            "Aktion",
            a["antragsnummer"],
            a["art"],
            a.get("kommentar", ""),
            a["zeit"],
        )
    for p in result["rechteprotokoll"]:
        yield ("Rechteprotokoll", "", p.get("art", ""), _text(p), p.get("zeit", ""))


def _text(wert):
    if wert is None:
        return ""
    if isinstance(wert, dict):
        return "; ".join(f"{k}: {v}" for k, v in wert.items())
    return str(wert)
