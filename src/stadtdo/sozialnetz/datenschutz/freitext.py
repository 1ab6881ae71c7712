"""Removing a Person's name wherever it was written by hand: the free-text
fields of the Antrag and of the Person, the comments of the workflow history
(including the note of the Notes import) and the comments of the votes.

A name is recognised as the e-mail address, "Vorname Nachname",
"Nachname, Vorname" and the surname alone as a whole word (case-sensitive,
as names are written). The first name alone is not replaced: it is too
common to be recognised safely.
"""

from __future__ import annotations

from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import ANNOTATION_KEY
from typing import Any
from typing import TYPE_CHECKING
from zope.schema import getFieldsInOrder
import re


if TYPE_CHECKING:
    from stadtdo.sozialnetz.content.antrag import IAntrag
    from stadtdo.sozialnetz.content.person import IPerson


ERSATZ = "[anonymisiert]"

#: attributes outside the schema that may carry a name
WEITERE_ATTRIBUTE = ("notes_antragsteller",)


def muster(
    *, vorname: str | None, nachname: str | None, email: str | None
) -> re.Pattern[str] | None:
    """A compiled pattern that finds the name, or None if there is no name."""
    teile = []
    if email:
        teile.append(f"(?i:{re.escape(email)})")  # addresses ignore case
    if vorname and nachname:
        teile.append(rf"{re.escape(vorname)}\s+{re.escape(nachname)}")
        teile.append(rf"{re.escape(nachname)},\s*{re.escape(vorname)}")
    if nachname and len(nachname) > 1:
        teile.append(rf"\b{re.escape(nachname)}\b")
    if not teile:
        return None
    return re.compile("|".join(teile))


def ersetzen(text: str | None, pattern: re.Pattern[str] | None) -> str | None:
    """``text`` with every match of ``pattern`` replaced (None stays None)."""
    if not text or pattern is None or not isinstance(text, str):
        return text
    return pattern.sub(ERSATZ, text)


def _attribute(obj: IAntrag | IPerson) -> dict[str, Any]:
    """The object's own attributes (a ghost is loaded first)."""
    if getattr(obj, "_p_jar", None) is not None:
        obj._p_activate()
    return obj.__dict__


def _schema_felder(obj: IAntrag | IPerson) -> list[str]:
    """Names of the object's text fields (str or rich text values)."""
    namen = []
    for schema in iterSchemata(obj):
        for name, _field in getFieldsInOrder(schema):
            namen.append(name)
    return namen


def _feld_schwaerzen(
    obj: IAntrag | IPerson, name: str, pattern: re.Pattern[str]
) -> bool:
    value = _attribute(obj).get(name)
    if isinstance(value, str):
        neu = ersetzen(value, pattern)
        if neu != value:
            setattr(obj, name, neu)
            return True
    elif isinstance(value, RichTextValue):
        neu = ersetzen(value.raw, pattern)
        if neu != value.raw:
            setattr(
                obj,
                name,
                RichTextValue(neu, value.mimeType, value.outputMimeType),
            )
            return True
    return False


def _verlauf_schwaerzen(obj: IAntrag | IPerson, pattern: re.Pattern[str]) -> int:
    history = _attribute(obj).get("workflow_history")
    if not history or WORKFLOW not in history:
        return 0
    geaendert = 0
    eintraege = []
    for entry in history[WORKFLOW]:
        kommentar = entry.get("comments")
        neu = ersetzen(kommentar, pattern)
        if neu != kommentar:
            entry = dict(entry, comments=neu)
            geaendert += 1
        eintraege.append(entry)
    if geaendert:
        history[WORKFLOW] = tuple(eintraege)
    return geaendert


def _voten_schwaerzen(obj: IAntrag | IPerson, pattern: re.Pattern[str]) -> int:
    annotations = _attribute(obj).get("__annotations__") or {}
    storage = annotations.get(ANNOTATION_KEY)
    if storage is None:
        return 0
    geaendert = 0
    for gremium_voten in storage.values():
        liste = gremium_voten.eintraege
        for index, entry in enumerate(liste):
            neu = {
                key: ersetzen(value, pattern)
                if key in ("kommentar", "antwort")
                else value
                for key, value in entry.items()
            }
            if neu != dict(entry):
                liste[index] = neu
                geaendert += 1
    return geaendert


def schwaerzen(obj: IAntrag | IPerson, pattern: re.Pattern[str] | None) -> int:
    """Replace the name in ``obj`` (an Antrag or Person, or a stored version
    of one); return the number of changed places."""
    if pattern is None:
        return 0
    geaendert = 0
    for name in (*_schema_felder(obj), *WEITERE_ATTRIBUTE):
        if name in ("nachname", "vorname", "email"):
            continue
        geaendert += _feld_schwaerzen(obj, name, pattern)
    geaendert += _verlauf_schwaerzen(obj, pattern)
    geaendert += _voten_schwaerzen(obj, pattern)
    if geaendert:
        obj._p_changed = True
    return geaendert


def erwaehnt(
    obj: IAntrag | IPerson, pattern: re.Pattern[str] | None
) -> list[tuple[str, str]]:
    """The places in ``obj`` that mention the name, as ``(where, text)``."""
    if pattern is None:
        return []
    funde = []
    for name in (*_schema_felder(obj), *WEITERE_ATTRIBUTE):
        if name in ("nachname", "vorname", "email"):
            continue
        value = _attribute(obj).get(name)
        text = value.raw if isinstance(value, RichTextValue) else value
        if isinstance(text, str) and pattern.search(text):
            funde.append((name, text))
    history = _attribute(obj).get("workflow_history") or {}
    for entry in history.get(WORKFLOW, ()):
        kommentar = entry.get("comments")
        if isinstance(kommentar, str) and pattern.search(kommentar):
            funde.append((f"Verlauf: {entry.get('action')}", kommentar))
    storage = (_attribute(obj).get("__annotations__") or {}).get(ANNOTATION_KEY)
    for gremium, gremium_voten in (storage or {}).items():
        for entry in gremium_voten.eintraege:
            for key in ("kommentar", "antwort"):
                text = entry.get(key)
                if isinstance(text, str) and pattern.search(text):
                    funde.append((f"Votum {gremium}", text))
    return funde
