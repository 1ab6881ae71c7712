"""„Übersicht“ and „Meine Aufgaben“ on the database folder, and the CSV export.

Every row comes from catalog metadata – no Antrag is woken up – so the table
stays fast with thousands of entries. The catalog only returns what the user
may see.
"""

from datetime import date
from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.PageTemplates.expression import getTrustedEngine
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.berichte import bericht
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.frist import abgelaufen
from stadtdo.sozialnetz.verfahren.frist import fristlaengen
from stadtdo.sozialnetz.verfahren.verlauf import STATUS
from stadtdo.sozialnetz.verfahren.voten import VOTUM_TITEL
from urllib.parse import urlencode
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
import csv
import io


def datum(iso):
    """``2026-06-16`` as ``16.06.2026`` ("" for None)."""
    return date.fromisoformat(iso).strftime("%d.%m.%Y") if iso else ""


def aufgaben_fuer(datenbank):
    """``verfahren.workflow.Aufgaben`` for the current user: the roles held in
    each department folder (its local roles and the database's).

    Asks the authenticated member itself (``api.user.get_roles`` without a
    user looks the member up again in every user source, once per folder)."""
    benutzer = api.user.get_current()
    rollen = {}
    for folder in datenbank.objectValues():
        if folder.portal_type == "Fachbereich":
            rollen[folder.getId()] = frozenset(benutzer.getRolesInContext(folder))
    return workflow.Aufgaben(rollen)


class ZeilenVorlage(ViewPageTemplateFile):
    """A page template whose expressions Chameleon compiles to Python code
    (``Products.PageTemplates.expression``, ``chameleon.tales``) instead of
    evaluating each one through ``zope.tales`` at run time, as Zope's default
    engine does: for the rows of the table, where 50 rows hold some 1,500
    expressions. It cannot fill a slot of ``main_template`` (that needs the
    default engine), so it renders only the rows."""

    def pt_getEngine(self):
        return getTrustedEngine()


class UebersichtView(BrowserView):
    """The sortable, filterable, batched table of all visible Anträge."""

    batch_size = 50
    zeilen_vorlage = ZeilenVorlage("templates/uebersicht_zeilen.pt")
    nur_meine = False
    fehler = ()  # German messages of the filters that were dropped

    def t(self, msgid):
        """``msgid`` translated; remembered per request, because a page of 50
        rows asks for the same few titles hundreds of times."""
        cache = self.__dict__.setdefault("_uebersetzt", {})
        if msgid not in cache:
            cache[msgid] = translate(msgid, context=self.request)
        return cache[msgid]

    def geaendert(self, modified):
        """The localised date of ``modified`` (remembered per day)."""
        cache = self.__dict__.setdefault("_datum", {})
        tag = modified.Date()
        if tag not in cache:
            cache[tag] = api.portal.get_localized_time(modified, long_format=False)
        return cache[tag]

    @property
    def form(self):
        return self.request.form

    def filter(self):
        """The valid filters of the request; a bad value is dropped with a
        German message instead of failing the page."""
        werte = {}
        for key in bericht.FILTER:
            value = self.form.get(key) or None
            if value is None:
                continue
            try:
                bericht.filter_pruefen(self.context, **{key: value})
            except AktionAbgelehnt as error:
                self.fehler.append(error.message)
                continue
            werte[key] = value
        return werte

    def brains(self, **seite):
        """The rows of the page: one catalog query. „Meine Aufgaben“ asks the
        index ``wartet_auf``, „überfällig“ the index ``faellig_ab`` – no
        Antrag is woken and no row checked one by one. ``seite``: ``b_start``
        and ``b_size`` of the page shown (the CSV takes all rows)."""
        self.fehler = []
        abfrage = dict(seite)
        if self.nur_meine or self.form.get("wartet"):
            abfrage["wartet_auf"] = aufgaben_fuer(self.context).schluessel()
            abfrage["ausser_fuer"] = api.user.get_current().getId()
        if self.form.get("ueberfaellig"):
            abfrage["ueberfaellig_am"] = date.today()
        return bericht.brains(
            self.context,
            text=self.form.get("q") if isinstance(self.form.get("q"), str) else None,
            sort_on=self.form.get("sort_on"),
            sort_order=self.form.get("sort_order"),
            **abfrage,
            verantwortung=bool(self.form.get("verantwortung")),
            **self.filter(),
        )

    def batch(self):
        try:
            start = max(int(self.form.get("b_start", 0) or 0), 0)
        except (TypeError, ValueError):
            start = 0
        brains = self.brains(b_start=start, b_size=self.batch_size)
        return Batch(brains, self.batch_size, start)

    def gremien(self):
        return [
            {"id": g.id, "spalte": self.t(g.spalte), "titel": self.t(g.titel)}
            for g in GREMIEN
        ]

    def status_titel(self, state):
        cache = self.__dict__.setdefault("_status_titel", {})
        if state not in cache:
            wf_tool = api.portal.get_tool("portal_workflow")
            cache[state] = self.t(_(wf_tool.getTitleForStateOnType(state, "Antrag")))
        return cache[state]

    def zeilen(self, brains):
        """``zeile`` for each of ``brains``, with what is the same for every
        row (working days per step, today) read once."""
        laengen = fristlaengen()
        heute = date.today()
        for brain in brains:
            yield self.zeile(brain, laengen=laengen, heute=heute)

    def tabellenzeilen(self, batch):
        """The ``<tr>`` of the rows of ``batch`` (``uebersicht_zeilen.pt``)."""
        return self.zeilen_vorlage(zeilen=list(self.zeilen(batch)))

    def zeile(self, brain, *, laengen=None, heute=None):
        """``bericht.zeile`` with the titles and dates the page shows."""
        z = bericht.zeile(brain, laengen=laengen)
        offen = set(z["rueckfragen_offen"])
        z.update(
            url=z["@id"],
            fachbereich=z["fachbereich_titel"],
            plattform=z["plattform_titel"],
            state=z["status"],
            status=self.status_titel(z["status"]),
            erneut=z["antragsart"] == "erneuter_antrag",
            voten=[
                {
                    "votum": z["voten"][g.id],
                    "titel": self.t(VOTUM_TITEL.get(bericht.anzeige(z, g.id), "")),
                    "rueckfrage": g.id in offen,
                }
                for g in GREMIEN
            ],
            geaendert=self.geaendert(brain.modified),
            frist=datum(z["naechste_frist"]),
            ueberfaellig=abgelaufen(z["naechste_frist"], heute),
        )
        return z

    # Filter choices

    def fachbereiche(self):
        return [
            {"id": f.getId(), "title": f.Title()}
            for f in self.context.objectValues()
            if f.portal_type == "Fachbereich"
            and api.user.has_permission(permissions.VIEW, obj=f)
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
            + ["Frist", "Leitung fehlt", "Änderung beantragt", "Letzte Änderung"]
            + ["Adresse"]
            + ["Verantwortung klären", "Überprüfung überfällig"]
        )
        for row in self.zeilen(self.brains()):
            writer.writerow(
                [
                    bericht.csv_zelle(value)
                    for value in [
                        row["antragsnummer"],
                        row["fachbereich"],
                        row["plattform"],
                        row["konto"],
                        row["status"],
                        *(v["titel"] for v in row["voten"]),
                        row["frist"],
                        "ja" if row["leitung_fehlt"] else "",
                        row["aenderung_beantragt"],
                        row["geaendert"],
                        row["url"],
                        "ja" if row["verantwortung_klaeren"] else "",
                        "ja" if row["ueberpruefung_ueberfaellig"] else "",
                    ]
                ]
            )
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="soziale-netzwerke.csv"'
        )
        return out.getvalue()
