"""What changed since the approved predecessor (Anlage 1 Nr. 3).

A re-application („Antrag erneut stellen“, ``erneut``) asks the bodies for
„eine aktuelle Einschätzung“. ``vergleich(antrag)`` tells them what is new:
the comparison of ``antrag`` with its nearest approved predecessor
(``genehmigter_vorgaenger``: up the ``vorgaenger`` chain to the first
Antrag that was approved – still ``genehmigt``, or since superseded or
closed). One result feeds the three doors: the section „Änderungen
gegenüber dem genehmigten Antrag …“ of the Antrag's page, the REST service
``@vergleich`` and the notice of receipt to the bodies.

It holds

- the fields of the Antrag whose value differs, with their German labels and
  old → new values as a reader sees them (a vocabulary's title, a date as
  ``TT.MM.JJJJ``, Ja/Nein, rich text as plain text);
- the Persons added, removed and changed (with their changed fields). A
  re-application copies its Persons under new neutral short names
  (``person``, ``person-1`` … are given again, in the new Antrag's order),
  so the short name says nothing; each copy carries the key of the Person it
  was copied from (``stand.Personenschluessel``), through every generation.
  A Person of an older re-application without a key is matched by its
  official e-mail address;
- the Anlagen added and removed: an Anlage is the same if its title, file
  name and content are (its short name carries the Antragsnummer and always
  differs). An Anlage whose file was replaced is removed and added.

Which field changed and how is CMFDiffTool's answer: the field diffs of
Dexterity content (``DexterityCompoundDiff``: ``ChoiceDiff``, ``AsTextDiff``,
``TextDiff``, ``CMFDTHtmlDiff`` … per field type) compare any two objects of
a type, not only two versions of one. Two parts of the tool do not fit the
comparison of two Anträge: the compound diff orders the fields through the
edit form (it needs a request and leaves out fields the form omits for the
current user; a mail sent from a script has neither), so the fields here come
from the type's schema in order (``_Felddiff``); and the tool's
``ChangeSet`` matches sub-objects by their short name, which differs
between an Antrag and its re-application for every Person and Anlage – so
they are matched here as said above, and each pair of Persons is compared
with the same field diff. The rich text is shown as text, not as the tool's
HTML diff: the mail is plain text, and the page shows old and new side by
side.

Reading is unrestricted, like ``erneut.vorgaenger_kette``: whoever may see
the re-application sees what it changes (the predecessor is in „5.
Bisherige Anträge“).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from plone import api
from plone.app.textfield.interfaces import IRichTextValue
from plone.dexterity.interfaces import IDexterityFTI
from Products.CMFDiffTool.choicediff import title_or_value
from Products.CMFDiffTool.dexteritydiff import DexterityCompoundDiff
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren import verlauf
from stadtdo.sozialnetz.verfahren.stand import Personenschluessel
from typing import Any
from zope.component import getUtility
from zope.i18n import translate
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IField
import hashlib
import re


GENEHMIGT = "genehmigt"


@dataclass(frozen=True)
class Feldaenderung:
    """One field whose value differs: its name, German label and the old and
    new value as text."""

    feld: str
    titel: str
    vorher: str
    nachher: str

    def als_dict(self) -> dict[str, str]:
        return {
            "feld": self.feld,
            "titel": self.titel,
            "vorher": self.vorher,
            "nachher": self.nachher,
        }


@dataclass(frozen=True)
class Eintrag:
    """A Person or an Anlage added or removed: its name (a Person's first
    name and name, an Anlage's title) and a detail (a Person's function, an
    Anlage's file name)."""

    name: str
    angabe: str

    def als_dict(self) -> dict[str, str]:
        return {"name": self.name, "angabe": self.angabe}


@dataclass(frozen=True)
class Personenaenderung:
    """A Person in both Anträge whose data differ."""

    name: str
    felder: tuple[Feldaenderung, ...]

    def als_dict(self) -> dict[str, Any]:
        return {"name": self.name, "felder": [f.als_dict() for f in self.felder]}


@dataclass(frozen=True)
class Vergleich:
    """The re-application compared with its approved predecessor."""

    vorgaenger_nummer: str
    vorgaenger_url: str
    felder: tuple[Feldaenderung, ...] = ()
    personen_hinzugefuegt: tuple[Eintrag, ...] = ()
    personen_entfernt: tuple[Eintrag, ...] = ()
    personen_geaendert: tuple[Personenaenderung, ...] = ()
    anlagen_hinzugefuegt: tuple[Eintrag, ...] = ()
    anlagen_entfernt: tuple[Eintrag, ...] = ()

    @property
    def keine_aenderungen(self) -> bool:
        return not (
            self.felder
            or self.personen_hinzugefuegt
            or self.personen_entfernt
            or self.personen_geaendert
            or self.anlagen_hinzugefuegt
            or self.anlagen_entfernt
        )

    def als_dict(self) -> dict[str, Any]:
        """The JSON of ``@vergleich``."""
        return {
            "vorgaenger": {
                "@id": self.vorgaenger_url,
                "antragsnummer": self.vorgaenger_nummer,
            },
            "keine_aenderungen": self.keine_aenderungen,
            "felder": [f.als_dict() for f in self.felder],
            "personen": {
                "hinzugefuegt": [e.als_dict() for e in self.personen_hinzugefuegt],
                "entfernt": [e.als_dict() for e in self.personen_entfernt],
                "geaendert": [p.als_dict() for p in self.personen_geaendert],
            },
            "anlagen": {
                "hinzugefuegt": [e.als_dict() for e in self.anlagen_hinzugefuegt],
                "entfernt": [e.als_dict() for e in self.anlagen_entfernt],
            },
        }


def war_genehmigt(antrag: Any) -> bool:
    """True if ``antrag`` is approved or was approved before it was
    superseded or closed (its history has the approval, or Notes recorded
    its date)."""
    if api.content.get_state(antrag) == GENEHMIGT:
        return True
    if verlauf.genehmigt_am(antrag) is not None:
        return True
    history = getattr(antrag, "workflow_history", None) or {}
    return any(
        entry.get("review_state") == GENEHMIGT
        for entry in history.get(verlauf.WORKFLOW, ())
    )


def genehmigter_vorgaenger(antrag: Any) -> Any | None:
    """The nearest predecessor of ``antrag`` that was approved, or None (a
    new Antrag, or a chain without an approval)."""
    for vorgaenger in erneut.vorgaenger_kette(antrag):
        if war_genehmigt(vorgaenger):
            return vorgaenger
    return None


class _Felddiff(DexterityCompoundDiff):
    """CMFDiffTool's field diffs of two Dexterity items, fields in the order
    of the type's schema (not of the edit form: no request needed), without
    the read-only header fields (number, department, predecessor …)."""

    def _compute_fields_order(self, obj: Any) -> list[tuple[IField, str]]:
        schema = getUtility(IDexterityFTI, name=obj.portal_type).lookupSchema()
        return [
            (field, name)
            for name, field in getFieldsInOrder(schema)
            if not field.readonly
        ]


class _Sprache:
    """Translate for a request or into a language (the mail: ``de``)."""

    def __init__(self, request: Any, target_language: str | None) -> None:
        self.request = request
        self.target_language = target_language

    def __call__(self, msgid: Any) -> str:
        return str(
            translate(msgid, context=self.request, target_language=self.target_language)
        )


def _als_text(html: str) -> str:
    """Rich text as plain text (Plone's transform ``html_to_text``),
    whitespace tidied."""
    if not html:
        return ""
    transforms = api.portal.get_tool("portal_transforms")
    daten = transforms.convertTo("text/plain", html, mimetype="text/html")
    text = daten.getData() if daten is not None else html
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    zeilen = [" ".join(zeile.split()) for zeile in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(zeilen)).strip()


def lesbar(field: IField, value: Any, obj: Any, t: _Sprache) -> str:
    """``value`` of ``field`` as a reader sees it."""
    if value is None or value == "":
        return t(_("(leer)"))
    if IRichTextValue.providedBy(value):
        return _als_text(value.raw) or t(_("(leer)"))
    if isinstance(value, bool):
        return t(_("Ja")) if value else t(_("Nein"))
    if isinstance(value, datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if IChoice.providedBy(field):
        vocabulary = field.bind(obj).vocabulary
        return t(title_or_value(vocabulary, value)) if vocabulary else str(value)
    return str(value)


def _felder(alt: Any, neu: Any, t: _Sprache) -> tuple[Feldaenderung, ...]:
    """The fields whose value differs between ``alt`` and ``neu`` (same type)."""
    schema = getUtility(IDexterityFTI, name=neu.portal_type).lookupSchema()
    result = []
    for diff in _Felddiff(alt, neu, "any"):
        if diff.same:
            continue
        field = schema[diff.field]
        result.append(
            Feldaenderung(
                feld=diff.field,
                titel=t(field.title),
                vorher=lesbar(field, getattr(alt, diff.field, None), alt, t),
                nachher=lesbar(field, getattr(neu, diff.field, None), neu, t),
            )
        )
    return tuple(result)


def _kinder(antrag: Any, portal_type: str) -> list[Any]:
    return [o for o in antrag.objectValues() if o.portal_type == portal_type]


def _person_eintrag(person: Any, t: _Sprache) -> Eintrag:
    schema = getUtility(IDexterityFTI, name="Person").lookupSchema()
    funktion = getattr(person, "funktion", None)
    return Eintrag(
        name=person.Title(),
        angabe=lesbar(schema["funktion"], funktion, person, t) if funktion else "",
    )


def _email(person: Any) -> str:
    return (getattr(person, "email", None) or "").strip().lower()


def _paare(
    alte: list[Any], neue: list[Any]
) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Match the Persons: by key, then (the rest) by e-mail. Returns the
    pairs, the new ones without partner and the old ones without partner."""
    paare: list[tuple[Any, Any]] = []
    offen_alt = list(alte)
    offen_neu = []
    nach_schluessel = {Personenschluessel(p).schluessel: p for p in alte}
    for person in neue:
        partner = nach_schluessel.get(Personenschluessel(person).schluessel)
        if partner is not None and partner in offen_alt:
            paare.append((partner, person))
            offen_alt.remove(partner)
        else:
            offen_neu.append(person)
    hinzu = []
    for person in offen_neu:
        partner = next(
            (p for p in offen_alt if _email(p) and _email(p) == _email(person)), None
        )
        if partner is not None:
            paare.append((partner, person))
            offen_alt.remove(partner)
        else:
            hinzu.append(person)
    return paare, hinzu, offen_alt


def _anlage_schluessel(anlage: Any) -> tuple[str, str, str]:
    datei = getattr(anlage, "file", None)
    daten = getattr(datei, "data", b"") or b""
    return (
        anlage.Title() or "",
        getattr(datei, "filename", "") or "",
        hashlib.sha256(daten).hexdigest(),
    )


def _anlage_eintrag(anlage: Any) -> Eintrag:
    datei = getattr(anlage, "file", None)
    return Eintrag(
        name=anlage.Title() or "", angabe=getattr(datei, "filename", "") or ""
    )


def _ohne(anlagen: Iterable[Any], andere: Iterable[Any]) -> list[Any]:
    """The Anlagen of ``anlagen`` with no equal one in ``andere`` (each equal
    one used once)."""
    uebrig = [_anlage_schluessel(a) for a in andere]
    result = []
    for anlage in anlagen:
        schluessel = _anlage_schluessel(anlage)
        if schluessel in uebrig:
            uebrig.remove(schluessel)
        else:
            result.append(anlage)
    return result


def vergleich(
    antrag: Any, *, request: Any = None, target_language: str | None = None
) -> Vergleich | None:
    """Compare ``antrag`` with its nearest approved predecessor.

    Returns a ``Vergleich`` (texts translated for ``request`` or into
    ``target_language``; without either in the German of the source), or
    None if ``antrag`` has no approved predecessor (a Neuantrag, or a chain
    of Anträge none of which was approved): then there is nothing to show.
    """
    alt = genehmigter_vorgaenger(antrag)
    if alt is None:
        return None
    t = _Sprache(request, target_language)
    paare, hinzu, weg = _paare(_kinder(alt, "Person"), _kinder(antrag, "Person"))
    geaendert = []
    for vorher, jetzt in paare:
        felder = _felder(vorher, jetzt, t)
        if felder:
            geaendert.append(Personenaenderung(name=jetzt.Title(), felder=felder))
    alte_anlagen = _kinder(alt, "Anlage")
    neue_anlagen = _kinder(antrag, "Anlage")
    return Vergleich(
        vorgaenger_nummer=alt.antragsnummer or alt.getId(),
        vorgaenger_url=alt.absolute_url(),
        felder=_felder(alt, antrag, t),
        personen_hinzugefuegt=tuple(_person_eintrag(p, t) for p in hinzu),
        personen_entfernt=tuple(_person_eintrag(p, t) for p in weg),
        personen_geaendert=tuple(geaendert),
        anlagen_hinzugefuegt=tuple(
            _anlage_eintrag(a) for a in _ohne(neue_anlagen, alte_anlagen)
        ),
        anlagen_entfernt=tuple(
            _anlage_eintrag(a) for a in _ohne(alte_anlagen, neue_anlagen)
        ),
    )
