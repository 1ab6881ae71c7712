"""The Antrag view, laid out like the Notes form (Anlage 1 Nr. 2), and the
actions a user takes on it."""

from DateTime import DateTime
from datetime import date
from plone import api
from plone.dexterity.browser.view import DefaultView
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.content.vokabulare import term_title
from stadtdo.sozialnetz.datenschutz import einwilligung
from stadtdo.sozialnetz.datenschutz import fruehbeteiligung
from stadtdo.sozialnetz.datenschutz import stichtage
from stadtdo.sozialnetz.datenschutz import ueberpruefung
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.interfaces import IMitteilungsstand
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren import trennung
from stadtdo.sozialnetz.verfahren import verantwortung
from stadtdo.sozialnetz.verfahren import vergleich
from stadtdo.sozialnetz.verfahren import voten
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.einreichen import hindernisse
from stadtdo.sozialnetz.verfahren.frist import abgelaufen
from stadtdo.sozialnetz.verfahren.frist import FBL
from stadtdo.sozialnetz.verfahren.frist import fristen as alle_fristen
from stadtdo.sozialnetz.verfahren.frist import fristen_je_gremium
from stadtdo.sozialnetz.verfahren.verlauf import AUTOMATISCH
from stadtdo.sozialnetz.verfahren.verlauf import UMSTELLUNG_1001
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import NACH_ABSCHLUSS
from stadtdo.sozialnetz.verfahren.voten import VOTEN
from stadtdo.sozialnetz.vorfall import formular
from urllib.parse import urlencode
from zExceptions import Unauthorized
from zope.i18n import translate


ABSCHNITTE = ("checkliste", "begruendung")

#: the kinds of the orders to the Systemhaus (``notifications.systemhaus``)
SYSTEMHAUS_ARTEN = {
    "freischaltung": _("Auftrag zur Freischaltung"),
    "sperrung": _("Auftrag zur Sperrung"),
}

#: Transitions the FB head and staff take from the view, with their button.
EINFACHE_SCHRITTE = {
    "genehmigen": _("Genehmigen"),
    "zurueckweisen": _("Zurückweisen"),
    "einstellen": _("Auftritt einstellen"),
}


def _fullname(userid):
    user = api.user.get(userid=userid) if userid else None
    return (user.getProperty("fullname") if user is not None else None) or userid or ""


def _can(permission, obj):
    return bool(api.user.has_permission(permission, obj=obj))


#: How the history names the system's own steps (``verlauf.AUTOMATISCH``).
WER_AUTOMATISCH = {
    "beteiligung_genehmigt": _("automatisch (Voten von POA und Personalrat)"),
    "beteiligung_abgelehnt": _("automatisch (Voten von POA und Personalrat)"),
    "archivieren": _("automatisch (erneuter Antrag genehmigt)"),
}


def _einwilligung(person):
    stand = IDatenschutzstandPerson(person)
    widerrufen = stand.einwilligung_widerrufen_am
    if widerrufen:
        text = f"Einwilligung widerrufen am {widerrufen:%d.%m.%Y}"
        vermerk = stand.einwilligung_widerruf_vermerkt
        if vermerk:
            am = stichtage.vermerkt_am(vermerk)
            text += f" (vermerkt am {am:%d.%m.%Y} von {_fullname(vermerk['von'])})"
        return text
    if person.einwilligung and person.einwilligung_datum:
        return f"ja, am {person.einwilligung_datum:%d.%m.%Y}"
    return "ja" if person.einwilligung else "nein"


def _systemeintrag(zeit, *, wer, titel, kommentar):
    """A Verlauf entry that is not a workflow step (anonymisation, early
    involvement, Systemhaus confirmation, answer to the yearly review)."""
    return {
        "zeit": api.portal.get_localized_time(zeit, long_format=True),
        "iso": zeit.ISO8601(),
        "wer": wer,
        "titel": titel,
        "status": "",
        "kommentar": kommentar,
    }


class AntragView(DefaultView):
    """Kopfdaten, Abschnitte 1–3, Personen, Anlagen, Bisherige Anträge,
    Kurzansicht, Verlauf and the actions of the current user."""

    def t(self, msgid):
        return translate(msgid, context=self.request)

    @property
    def state(self):
        return api.content.get_state(self.context)

    def state_title(self, state=None):
        wf_tool = api.portal.get_tool("portal_workflow")
        return self.t(_(wf_tool.getTitleForStateOnType(state or self.state, "Antrag")))

    def abschnitt_1(self):
        """Section 1 (the default fieldset), without fields of behaviors."""
        return [w for w in self.widgets.values() if w.field.interface is IAntrag]

    def abschnitte(self):
        """The fieldsets of sections 2 and 3 (not those of behaviors)."""
        return [g for g in self.groups if g.__name__ in ABSCHNITTE]

    def kopfdaten(self):
        antrag = self.context
        art = (
            _("Erneuter Antrag")
            if antrag.antragsart == "erneuter_antrag"
            else _("Neuantrag")
        )
        return [
            (self.t(_("Antragsnummer")), antrag.antragsnummer),
            (self.t(_("Fachbereich")), antrag.fachbereich),
            (self.t(_("Antragsteller*in")), self.antragsteller_name()),
            (
                self.t(_("Erstellt am")),
                api.portal.get_localized_time(antrag.created(), long_format=True),
            ),
            (self.t(_("Status")), self.state_title()),
            (self.t(_("Art des Antrags")), self.t(art)),
        ]

    def antragsteller_name(self):
        if self.context.antragsteller:
            return _fullname(self.context.antragsteller)
        if self.context.notes_antragsteller:
            laut_notes = self.t(_("laut Notes-Datenbank"))
            return f"{self.context.notes_antragsteller} ({laut_notes})"
        return ""

    def ist_erneuter_antrag(self):
        return self.context.antragsart == "erneuter_antrag"

    def personen(self):
        result = []
        for person in self.context.objectValues():
            if person.portal_type != "Person":
                continue
            schulung = term_title(
                "stadtdo.sozialnetz.Schulungsstatus", person.schulung_status
            )
            if person.schulung_status == "geplant" and person.schulung_geplant_bis:
                schulung += f" ({person.schulung_geplant_bis:%d.%m.%Y})"
            zeitraum = (
                f"ab {person.taetigkeit_von:%d.%m.%Y}" if person.taetigkeit_von else ""
            )
            if person.taetigkeit_bis:
                zeitraum += f" bis {person.taetigkeit_bis:%d.%m.%Y}"
            result.append(
                {
                    "url": person.absolute_url(),
                    "name": ", ".join(
                        n for n in (person.nachname, person.vorname) if n
                    ),
                    "email": person.email,
                    "funktion": term_title(
                        "stadtdo.sozialnetz.Funktionen", person.funktion
                    ),
                    "rechte": person.rechte_aufgaben,
                    "einwilligung": _einwilligung(person),
                    "id": person.getId(),
                    "widerruf_moeglich": not IDatenschutzstandPerson(
                        person
                    ).einwilligung_widerrufen_am
                    and _can(permissions.EINWILLIGUNG_WIDERRUFEN, person),
                    "widerruf_ab": stichtage.widerruf_fruehestens(person).isoformat(),
                    "widerruf_bis": date.today().isoformat(),
                    "schulung": schulung,
                    "zeitraum": zeitraum,
                    "freischaltung": "ja" if person.internetfreischaltung else "nein",
                }
            )
        return result

    def anlagen(self):
        return [
            {
                "url": obj.absolute_url(),
                "title": obj.Title() or obj.getId(),
                "size": obj.get_size(),
            }
            for obj in self.context.objectValues()
            if obj.portal_type == "Anlage"
        ]

    def kann_hinzufuegen(self):
        return _can(permissions.ADD_PERSON, self.context) and _can(
            permissions.ADD_PORTAL_CONTENT, self.context
        )

    def bisherige_antraege(self):
        return [
            {
                "url": antrag.absolute_url(),
                "title": antrag.Title(),
                "status": self.state_title(api.content.get_state(antrag)),
            }
            for antrag in erneut.vorgaenger_kette(self.context)
        ]

    def vergleich(self):
        """What changed since the approved predecessor (Anlage 1 Nr. 3:
        the bodies give a current assessment), or None for an Antrag
        without one; computed once per page."""
        if not hasattr(self, "_vergleich"):
            self._vergleich = vergleich.vergleich(self.context, request=self.request)
        return self._vergleich

    def vergleich_listen(self):
        """The Persons and Anlagen added and removed, each list with its
        heading; empty lists left out."""
        v = self.vergleich()
        if v is None:
            return []
        listen = (
            (
                "personen-hinzugefuegt",
                _("Personen hinzugefügt"),
                v.personen_hinzugefuegt,
            ),
            ("personen-entfernt", _("Personen entfernt"), v.personen_entfernt),
            ("anlagen-hinzugefuegt", _("Anlagen hinzugefügt"), v.anlagen_hinzugefuegt),
            ("anlagen-entfernt", _("Anlagen entfernt"), v.anlagen_entfernt),
        )
        return [
            {"art": art, "titel": self.t(titel), "eintraege": eintraege}
            for art, titel, eintraege in listen
            if eintraege
        ]

    def nachfolgende_antraege(self):
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "status": self.state_title(b.review_state),
            }
            for b in erneut.nachfolger(self.context)
        ]

    def kurzansicht(self):
        """The vote table with each open vote's deadline (``frist``: date as
        ``TT.MM.JJJJ``, ``ueberfaellig``: passed)."""
        fristen = fristen_je_gremium(self.context)
        rows = workflow.kurzansicht(self.context, self.request)
        for row in rows:
            frist = fristen[row["gremium"]]
            row["frist"] = frist.strftime("%d.%m.%Y") if frist else None
            row["ueberfaellig"] = abgelaufen(frist)
            row["datum"] = (
                api.portal.get_localized_time(DateTime(row["zeit"]))
                if row["nach_abschluss"]
                else None
            )
        return rows

    def verlauf(self):
        """The workflow history, newest first, in words."""
        wf_tool = api.portal.get_tool("portal_workflow")
        (definition,) = wf_tool.getWorkflowsFor(self.context)
        entries = []
        for entry in reversed(self.context.workflow_history.get(WORKFLOW, ())):
            action = entry.get("action")
            if action is None:
                titel = self.t(_("Antrag angelegt"))
            elif action == UMSTELLUNG_1001:
                titel = self.t(_("Zurückgewiesen (Umstellung auf Version 1001)"))
            else:
                tdef = definition.transitions.get(action)
                titel = self.t(_(tdef.title)) if tdef is not None else action
            gremium = GREMIEN_BY_ID.get(entry.get("gremium") or "")
            votum = entry.get("votum")
            if gremium is not None and votum in VOTEN:
                titel = f"{self.t(gremium.titel)}: {self.t(VOTEN[votum])}"
                if action == workflow.NACHTRAG:
                    titel += f" ({self.t(_('nach Abschluss'))})"
            entries.append(
                {
                    "zeit": api.portal.get_localized_time(
                        entry["time"], long_format=True
                    ),
                    "iso": entry["time"].ISO8601(),
                    "wer": self._wer(entry),
                    "titel": titel,
                    "status": self.state_title(entry.get("review_state")),
                    "kommentar": entry.get("comments") or "",
                }
            )
        for eintrag in IDatenschutzstand(self.context).anonymisierungen:
            zeit = DateTime(eintrag["zeit"])
            entries.append(
                _systemeintrag(
                    zeit,
                    wer=self.t(_("Aufbewahrungsfrist (automatisch)")),
                    titel=self.t(
                        _(
                            "Personendaten anonymisiert (${person}, ${versionen} Versionen)",
                            mapping={
                                "person": eintrag["person"],
                                "versionen": eintrag["versionen"],
                            },
                        )
                    ),
                    kommentar=eintrag["grund"],
                )
            )
        frueh = fruehbeteiligung.stand(self.context)
        eintraege = [(frueh["eingeladen"], _("Datenschutz frühzeitig beteiligt"), "")]
        eintraege += [
            (h, _("Hinweis des Datenschutzes"), h["text"]) for h in frueh["hinweise"]
        ]
        for eintrag, titel, kommentar in eintraege:
            if not eintrag:
                continue
            zeit = DateTime(eintrag["zeit"])
            entries.append(
                _systemeintrag(
                    zeit,
                    wer=eintrag["name"],
                    titel=self.t(titel),
                    kommentar=kommentar,
                )
            )
        for auftrag in IMitteilungsstand(self.context).systemhaus_auftraege:
            if not auftrag.get("bestaetigt_am"):
                continue
            zeit = DateTime(auftrag["bestaetigt_am"])
            art = auftrag.get("art") or "freischaltung"
            entries.append(
                _systemeintrag(
                    zeit,
                    wer=self.t(_("Dortmunder Systemhaus")),
                    titel=self.t(
                        _(
                            "${auftrag} als erledigt bestätigt",
                            mapping={"auftrag": self.t(SYSTEMHAUS_ARTEN[art])},
                        )
                    ),
                    kommentar="; ".join(auftrag.get("personen", ())),
                )
            )
        entries.extend(self._ueberpruefung_verlauf())
        entries.sort(key=lambda e: DateTime(e["iso"]), reverse=True)
        return entries

    def _ueberpruefung_verlauf(self):
        """The head's answers to the yearly review (DV § 2), one entry per
        round and answer, in the Verlauf."""
        namen = {
            p.getId(): ", ".join(n for n in (p.nachname, p.vorname) if n)
            for p in self.context.objectValues()
            if p.portal_type == "Person"
        }
        result = []
        for eintrag in ueberpruefung.antworten_von(self.context):
            zeit = DateTime(eintrag["zeit"])
            kommentar = ueberpruefung.antwort_text(eintrag)
            if eintrag.get("erneut"):
                kommentar += " – " + self.t(_("erneuter Antrag nötig"))
            result.append(
                _systemeintrag(
                    zeit,
                    wer=_fullname(eintrag.get("wer")),
                    titel=self.t(
                        _(
                            "Jährliche Überprüfung beantwortet (${person})",
                            mapping={
                                "person": namen.get(eintrag["person"])
                                or eintrag["person"]
                            },
                        )
                    ),
                    kommentar=kommentar,
                )
            )
        return result

    def systemhaus_auftraege(self):
        """The orders to the Systemhaus, oldest first, with their state:
        „offen“, „erledigt am …“, or why there is no confirmation."""
        result = []
        for auftrag in IMitteilungsstand(self.context).systemhaus_auftraege:
            if not auftrag.get("personen"):
                continue  # nobody needed unlocking
            if auftrag.get("bestaetigt_am"):
                zeit = api.portal.get_localized_time(
                    auftrag["bestaetigt_am"], long_format=True
                )
                stand = self.t(_("erledigt am ${zeit}", mapping={"zeit": zeit}))
                offen = False
            elif auftrag.get("vor_einfuehrung"):
                stand = self.t(_("vor Einführung der Bestätigung gesendet"))
                offen = False
            elif not auftrag.get("empfaenger"):
                stand = auftrag.get("hinweis") or self.t(_("nicht gesendet"))
                offen = False
            else:
                stand = self.t(_("offen"))
                offen = True
            result.append(
                {
                    "titel": self.t(
                        SYSTEMHAUS_ARTEN[auftrag.get("art") or "freischaltung"]
                    ),
                    "zeit": api.portal.get_localized_time(
                        auftrag["zeit"], long_format=True
                    ),
                    "personen": list(auftrag.get("personen", ())),
                    "stand": stand,
                    "offen": offen,
                }
            )
        return result

    def erneut_verlangt(self):
        """The notice that the head's answer to the yearly review asks for a
        re-application, while none is being prepared or reviewed; or None."""
        if not ueberpruefung.erneut_verlangt(self.context):
            return None
        laufend = ("entwurf", *workflow.offene_zustaende())
        if any(
            api.content.get_state(neu) in laufend
            for neu in erneut.nachkommen(self.context)
        ):
            return None  # the re-application exists (a draft or under review)
        return {"kann_erneut_stellen": self.kann_erneut_stellen()}

    def ueberpruefung(self):
        """The notice of an open yearly review (DV § 2): deadline, overdue,
        and whether the user may answer it; or None."""
        if not ueberpruefung.ist_faellig(self.context):
            return None
        frist = ueberpruefung.frist(ueberpruefung.offen_seit(self.context))
        return {
            "frist": f"{frist:%d.%m.%Y}" if frist else "",
            "ueberfaellig": ueberpruefung.ist_ueberfaellig(self.context),
            "kann_beantworten": ueberpruefung.darf_beantworten(self.context),
            "url": f"{self.context.absolute_url()}/@@ueberpruefung",
        }

    def _wer(self, entry):
        """Who took a step; the system's own steps say on what grounds."""
        if entry.get("actor") == AUTOMATISCH:
            grund = WER_AUTOMATISCH.get(entry.get("action"), _("automatisch"))
            return self.t(grund)
        return _fullname(entry.get("actor"))

    def vorfall_url(self):
        """The incident form (DV § 5), with this Antrag's number filled in."""
        form = formular(get_datenbank())
        if form is None or not _can(permissions.VIEW, form):
            return None
        return (
            f"{form.absolute_url()}?{urlencode({'antrag': self.context.antragsnummer})}"
        )

    # Actions of the current user

    def kann_bearbeiten(self):
        return _can(permissions.MODIFY_PORTAL_CONTENT, self.context)

    @property
    def _moeglich(self):
        """The steps the process layer allows the current user now
        (``schritte.moegliche_schritte``), asked once per page."""
        if "_moegliche_schritte" not in self.__dict__:
            self.__dict__["_moegliche_schritte"] = schritte.moegliche_schritte(
                self.context
            )
        return self.__dict__["_moegliche_schritte"]

    def _darf(self, schritt):
        return [m for m in self._moeglich if m.schritt == schritt]

    def kann_einreichen(self):
        return bool(self._darf("einreichen"))

    def einreichen_hindernisse(self):
        return hindernisse(self.context)

    def schritte(self):
        """Simple steps (genehmigen, zurückweisen, einstellen) the user may take."""
        return [
            {
                "id": tid,
                "title": self.t(title),
                "kommentar_pflicht": tid == "zurueckweisen",
            }
            for tid, title in EINFACHE_SCHRITTE.items()
            if self._darf(tid)
        ]

    def abstimmbare_gremien(self):
        """The bodies the current user may vote for now; after the end of
        the process (``nach_abschluss``) only Ja or Nein, never final."""
        result = []
        for gremium in (GREMIEN_BY_ID[m.gremium] for m in self._darf("votum")):
            nachtrag = workflow.nachtrag_moeglich(self.context, gremium)
            erlaubt = NACH_ABSCHLUSS if nachtrag else tuple(VOTEN)
            result.append(
                {
                    "id": gremium.id,
                    "titel": self.t(gremium.titel),
                    "agentur": gremium.id == "agentur",
                    "nach_abschluss": nachtrag,
                    "endgueltig_moeglich": gremium.zustimmung_erforderlich
                    and not nachtrag,
                    "voten": [
                        {"id": key, "title": self.t(VOTEN[key])} for key in erlaubt
                    ],
                }
            )
        return result

    def entscheidung_wartet_auf(self):
        """The bodies whose open Rückfrage holds back the decision the votes
        of POA and Personalrat would make (``voten.entscheidung_wartet_auf``)."""
        return [
            self.t(GREMIEN_BY_ID[g].titel)
            for g in voten.entscheidung_wartet_auf(self.context)
        ]

    def offene_rueckfragen(self):
        return [
            {"id": m.gremium, "titel": self.t(GREMIEN_BY_ID[m.gremium].titel)}
            for m in self._darf("rueckfrage_beantworten")
        ]

    def kann_erneut_stellen(self):
        return bool(self._darf("erneut_stellen"))

    def verantwortung(self):
        """The notice „Verantwortung klären“ (offboarding): who left and why,
        and whether the user may „Verantwortung übertragen“; or None."""
        if not verantwortung.ist_markiert(self.context):
            return None
        return {
            "eintraege": [
                {
                    "name": verantwortung.personen_name(self.context, e["person"])
                    or self.t(_("Person nicht mehr vorhanden")),
                    "grund": verantwortung.grund_text(e, self.request),
                }
                for e in verantwortung.offene(self.context)
            ],
            "kann_uebertragen": bool(self._darf("verantwortung_uebertragen")),
        }

    def aenderung_beantragt(self):
        """The pending re-application („Änderung beantragt: SN-…“), or None."""
        neu = erneut.aenderung_beantragt(self.context)
        if neu is None:
            return None
        return {
            "url": neu.absolute_url(),
            "antragsnummer": neu.antragsnummer,
            "status": self.state_title(api.content.get_state(neu)),
        }

    def zweite_person_noetig(self):
        return trennung.zweite_person_noetig(self.context)

    def leitung_fehlt(self):
        return trennung.leitung_fehlt(self.context)

    def fbl_frist(self):
        """The head's deadline while the Antrag waits for it (``TT.MM.JJJJ``
        and whether it passed), or None."""
        frist = alle_fristen(self.context)[FBL]
        if frist is None:
            return None
        return {"datum": frist.strftime("%d.%m.%Y"), "ueberfaellig": abgelaufen(frist)}

    def genehmigung_fbl(self):
        """Section 4 „Genehmigung durch Vorgesetzte*n“: the head's (last)
        decision from the workflow history — who, when, comment."""
        for entry in reversed(self.context.workflow_history.get(WORKFLOW, ())):
            if entry.get("action") in ("genehmigen", "zurueckweisen"):
                return {
                    "entscheidung": self.t(
                        _("genehmigt")
                        if entry["action"] == "genehmigen"
                        else _("zurückgewiesen")
                    ),
                    "wer": _fullname(entry.get("actor")),
                    "zeit": api.portal.get_localized_time(
                        entry["time"], long_format=True
                    ),
                    "kommentar": entry.get("comments") or "",
                }
        return None

    def fruehbeteiligung(self):
        """The DSB's early involvement (``fruehbeteiligung.stand``) with the
        times as the page shows them; None when there is nothing to show
        (not a draft, no invitation, no note and nothing the user may do)."""
        stand = fruehbeteiligung.stand(self.context)
        entwurf = api.content.get_state(self.context) == fruehbeteiligung.ENTWURF
        if not (entwurf or stand["eingeladen"] or stand["hinweise"]):
            return None

        def zeit(iso):
            return api.portal.get_localized_time(DateTime(iso), long_format=True)

        if stand["eingeladen"]:
            stand["eingeladen"]["zeit"] = zeit(stand["eingeladen"]["zeit"])
        for hinweis in stand["hinweise"]:
            hinweis["zeit"] = zeit(hinweis["zeit"])
        stand["entwurf"] = entwurf
        return stand

    def hat_aktionen(self):
        return any(
            (
                self.kann_bearbeiten(),
                self.kann_einreichen(),
                self.schritte(),
                self.abstimmbare_gremien(),
                self.offene_rueckfragen(),
                self.kann_erneut_stellen(),
            )
        )


class AntragAktion(BrowserView):
    """POST target of the action forms on the Antrag view."""

    def schritt(self, aktion, form, kommentar):
        """Take ``aktion`` through the process layer; returns (message, url)."""
        if aktion in EINFACHE_SCHRITTE:
            schritte.ausfuehren(self.context, aktion, kommentar=kommentar)
            return _("Der Schritt wurde ausgeführt."), None
        if aktion == "votum":
            schritte.votum(
                self.context,
                gremium=form.get("gremium", ""),
                votum=form.get("votum", ""),
                kommentar=kommentar,
                endgueltig=bool(form.get("endgueltig")),
            )
            return _("Ihr Votum wurde gespeichert."), None
        if aktion == "rueckfrage":
            schritte.rueckfrage_beantworten(
                self.context, gremium=form.get("gremium", ""), antwort=kommentar
            )
            return _("Ihre Antwort wurde gespeichert."), None
        if aktion == "datenschutz_einladen":
            fruehbeteiligung.einladen(self.context)
            return (
                _(
                    "Der Datenschutz ist beteiligt und per Mail informiert: Die/der "
                    "Datenschutzbeauftragte kann den Entwurf lesen und Ihnen Hinweise geben."
                ),
                None,
            )
        if aktion == "datenschutz_hinweis":
            fruehbeteiligung.hinweis_geben(self.context, kommentar)
            return _(
                "Ihr Hinweis wurde gespeichert; der Fachbereich wird informiert."
            ), None
        if aktion == "erneut":
            neu = schritte.erneut_stellen(self.context)
            return (
                _(
                    "Der erneute Antrag wurde als Entwurf angelegt. Passen Sie die Angaben an "
                    "und reichen Sie ihn ein; bis zu seiner Genehmigung gilt der bisherige Antrag."
                ),
                neu.absolute_url(),
            )
        if aktion == "verantwortung":
            neu, ohne = schritte.verantwortung_uebertragen(self.context)
            return (
                _(
                    "Der erneute Antrag wurde als Entwurf angelegt, ohne: ${personen}. "
                    "Tragen Sie die neue verantwortliche Person ein („Personendaten "
                    "erstellen“) und reichen Sie den Antrag ein; bis zu seiner "
                    "Genehmigung gilt der bisherige Antrag.",
                    mapping={"personen": ", ".join(ohne) or "–"},
                ),
                f"{neu.absolute_url()}/edit",
            )
        if aktion == "einwilligung_widerrufen":
            person = self.context.get(form.get("person", ""))
            if person is None or person.portal_type != "Person":
                raise AktionAbgelehnt(
                    translate(_("Unbekannte Person."), context=self.request)
                )
            einwilligung.widerruf_vermerken(
                person, datum=stichtage.datum_lesen(form.get("datum"))
            )
            return _(
                "Der Widerruf der Einwilligung wurde vermerkt. Die "
                "Fachbereichsleitung wird gebeten, den Antrag ohne diese Person "
                "erneut zu stellen."
            ), None
        raise AktionAbgelehnt(translate(_("Unbekannte Aktion."), context=self.request))

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        form = self.request.form
        kommentar = (form.get("kommentar") or "").strip()
        return ausfuehren_und_melden(
            self, lambda: self.schritt(form.get("aktion"), form, kommentar)
        )


def ausfuehren_und_melden(view, schritt):
    """Run ``schritt`` and tell the user the outcome as a status message."""
    ziel = view.context.absolute_url()
    try:
        meldung, url = schritt()
    except AktionAbgelehnt as error:
        api.portal.show_message(error.message, request=view.request, type="error")
    except Unauthorized:
        api.portal.show_message(
            _("Diesen Schritt dürfen Sie bei diesem Antrag nicht ausführen."),
            request=view.request,
            type="error",
        )
    else:
        api.portal.show_message(meldung, request=view.request)
        ziel = url or ziel
    return view.request.response.redirect(ziel)


class AntragStatusAendern(BrowserView):
    """``content_status_modify`` for an Antrag (the toolbar's state menu and
    Plone's state form): the step goes through the process layer."""

    def __call__(self, workflow_action=None, comment="", **kwargs):
        if not workflow_action:
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)

        def schritt():
            schritte.ausfuehren(self.context, workflow_action, kommentar=comment)
            return _("Der Schritt wurde ausgeführt."), None

        return ausfuehren_und_melden(self, schritt)
