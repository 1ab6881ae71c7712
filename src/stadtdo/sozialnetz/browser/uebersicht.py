"""„Übersicht“ and „Meine Aufgaben“ on the database folder, and the CSV export.

Every row comes from catalog metadata – no Antrag is woken up – so the table
stays fast with thousands of entries. The catalog only returns what the user
may see.
"""

from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.gremien import GREMIEN
from stadtdo.sozialnetz.verlauf import STATUS
from stadtdo.sozialnetz.voten import VOTUM_TITEL
from urllib.parse import urlencode
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
import csv
import io


SORTIERBAR = {
    "antragsnummer": _("Antragsnummer"),
    "fachbereich": _("Fachbereich"),
    "plattform": _("Plattform"),
    "review_state": _("Status"),
    "modified": _("Letzte Änderung"),
}


class Zustaendigkeiten:
    """What the current user acts for: bodies, and departments as head or staff."""

    def __init__(self, datenbank):
        roles = set(api.user.get_roles(obj=datenbank))
        self.gremien = {g.id for g in GREMIEN if g.rolle in roles}
        self.leitung, self.mitarbeiter = set(), set()
        for folder in datenbank.objectValues():
            if folder.portal_type != "Fachbereich":
                continue
            fb_roles = set(api.user.get_roles(obj=folder))
            if "SNFachbereichsleitung" in fb_roles:
                self.leitung.add(folder.getId())
            if "SNMitarbeiter" in fb_roles:
                self.mitarbeiter.add(folder.getId())

    def wartet(self, brain):
        """True if the Antrag waits for an action of this user."""
        state = brain.review_state
        if state == "genehmigung_fbl" and brain.fachbereich in self.leitung:
            return True
        if state == "stellungnahme_agentur" and "agentur" in self.gremien:
            return True
        if state == "beteiligung":
            voten = brain.voten or {}
            for gid in self.gremien - {"agentur"}:
                if voten.get(gid) in ("offen", "in_bearbeitung"):
                    return True
        staff_task = state == "entwurf" or bool(brain.rueckfragen_offen)
        return brain.fachbereich in self.mitarbeiter and staff_task


class UebersichtView(BrowserView):
    """The sortable, filterable, batched table of all visible Anträge."""

    batch_size = 50
    nur_meine = False

    def t(self, msgid):
        return translate(msgid, context=self.request)

    @property
    def form(self):
        return self.request.form

    def query(self):
        query = {
            "portal_type": "Antrag",
            "path": "/".join(self.context.getPhysicalPath()),
        }
        for key, index in (
            ("fachbereich", "fachbereich"),
            ("plattform", "plattform"),
            ("status", "review_state"),
        ):
            if self.form.get(key):
                query[index] = self.form[key]
        text = (self.form.get("q") or "").strip()
        if text:
            query["SearchableText"] = " AND ".join(f"{word}*" for word in text.split())
        sort_on = self.form.get("sort_on")
        query["sort_on"] = sort_on if sort_on in SORTIERBAR else "antragsnummer"
        query["sort_order"] = (
            "descending" if self.form.get("sort_order") == "descending" else "ascending"
        )
        return query

    def brains(self):
        brains = api.portal.get_tool("portal_catalog")(**self.query())
        if self.nur_meine or self.form.get("wartet"):
            zustaendig = Zustaendigkeiten(self.context)
            brains = [b for b in brains if zustaendig.wartet(b)]
        return brains

    def batch(self):
        start = int(self.form.get("b_start", 0) or 0)
        return Batch(self.brains(), self.batch_size, start)

    def gremien(self):
        return [
            {"id": g.id, "spalte": self.t(g.spalte), "titel": self.t(g.titel)}
            for g in GREMIEN
        ]

    def status_titel(self, state):
        wf_tool = api.portal.get_tool("portal_workflow")
        return self.t(_(wf_tool.getTitleForStateOnType(state, "Antrag")))

    def zeile(self, brain):
        voten = brain.voten or {}
        offen = set(brain.rueckfragen_offen or ())
        return {
            "url": brain.getURL(),
            "antragsnummer": brain.antragsnummer,
            "fachbereich": brain.fachbereich_titel,
            "plattform": brain.plattform_titel,
            "konto": brain.kontoname,
            "status": self.status_titel(brain.review_state),
            "state": brain.review_state,
            "erneut": brain.antragsart == "erneuter_antrag",
            "voten": [
                {
                    "votum": voten.get(g.id, "offen"),
                    "titel": self.t(VOTUM_TITEL.get(voten.get(g.id, "offen"), "")),
                    "rueckfrage": g.id in offen,
                }
                for g in GREMIEN
            ],
            "geaendert": api.portal.get_localized_time(
                brain.modified, long_format=False
            ),
        }

    # Filter choices

    def fachbereiche(self):
        return [
            {"id": f.getId(), "title": f.Title()}
            for f in self.context.objectValues()
            if f.portal_type == "Fachbereich" and api.user.has_permission("View", obj=f)
        ]

    def plattformen(self):
        vocabulary = getUtility(IVocabularyFactory, "stadtdo.sozialnetz.Plattformen")(
            self.context
        )
        return [{"id": term.value, "title": self.t(term.title)} for term in vocabulary]

    def status(self):
        return [{"id": s, "title": self.status_titel(s)} for s in STATUS]

    def sort_url(self, key):
        form = {
            k: v
            for k, v in self.form.items()
            if k not in ("sort_on", "sort_order", "b_start")
        }
        order = "ascending"
        if (
            self.form.get("sort_on", "antragsnummer") == key
            and self.form.get("sort_order") != "descending"
        ):
            order = "descending"
        form.update(sort_on=key, sort_order=order)
        return f"{self.context.absolute_url()}/{self.__name__}?{urlencode(form, doseq=True)}"

    def sortierung(self, key):
        """aria-sort value of a column."""
        if self.form.get("sort_on", "antragsnummer") != key:
            return "none"
        return (
            "descending" if self.form.get("sort_order") == "descending" else "ascending"
        )

    def export_url(self):
        form = {k: v for k, v in self.form.items() if k != "b_start"}
        if self.nur_meine:
            form["wartet"] = "1"
        return f"{self.context.absolute_url()}/@@uebersicht-export?{urlencode(form, doseq=True)}"


class MeineAufgabenView(UebersichtView):
    nur_meine = True


class UebersichtExport(UebersichtView):
    """The current filter as CSV (semicolon-separated, UTF-8 with BOM for Excel)."""

    def __call__(self):
        out = io.StringIO()
        out.write("\ufeff")
        writer = csv.writer(out, delimiter=";")
        writer.writerow(
            ["Antragsnummer", "Fachbereich", "Plattform", "Konto", "Status"]
            + [g["spalte"] for g in self.gremien()]
            + ["Letzte Änderung", "Adresse"]
        )
        for brain in self.brains():
            row = self.zeile(brain)
            writer.writerow(
                [
                    row["antragsnummer"],
                    row["fachbereich"],
                    row["plattform"],
                    row["konto"],
                    row["status"],
                ]
                + [v["titel"] for v in row["voten"]]
                + [row["geaendert"], row["url"]]
            )
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="soziale-netzwerke.csv"'
        )
        return out.getvalue()
