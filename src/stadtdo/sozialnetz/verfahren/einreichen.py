"""What must hold before an Antrag can be submitted (``einreichen``), and
what the submitter should know before confirming.

The workflow guard hides the transition while anything is missing; the UI and
the REST API show the same list of reasons, in German (``hindernisse``), and
the same notes that do not block (``hinweise``: „Leitung fehlt“).
"""

from __future__ import annotations

from plone import api
from plone.dexterity.utils import iterSchemata
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.rechte.leitung import leitung_erreichbar
from typing import TYPE_CHECKING
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
import contextlib


if TYPE_CHECKING:
    from stadtdo.sozialnetz.content.person import IPerson


def _t(msg: str) -> str:
    return translate(msg, context=api.env.getRequest())


def personen(antrag: IAntrag) -> list[IPerson]:
    return [obj for obj in antrag.objectValues() if obj.portal_type == "Person"]


def hindernisse(antrag: IAntrag) -> list[str]:
    """German reasons why ``antrag`` cannot be submitted yet; empty if it can."""
    reasons = []
    for schema in iterSchemata(antrag):
        for name, field in getFieldsInOrder(schema):
            if field.readonly or not field.required:
                continue
            value = getattr(antrag, name, None)
            if value is None or value == "" or value == field.missing_value:
                reasons.append(
                    _t(
                        _(
                            "Pflichtangabe fehlt: „${feld}“.",
                            mapping={"feld": _t(field.title)},
                        )
                    )
                )
    errors: list[Invalid] = []
    with contextlib.suppress(Invalid):
        IAntrag.validateInvariants(antrag, errors)
    reasons.extend(_t(error.args[0]) for error in errors)
    persons = personen(antrag)
    if not persons:
        reasons.append(
            _t(_("Es ist noch keine zuständige Person benannt (Abschnitt 2.4)."))
        )
    for person in persons:
        if person.einwilligung is not True:
            reasons.append(
                _t(
                    _(
                        "Für „${person}“ liegt keine Einwilligung vor (DV § 2).",
                        mapping={"person": person.Title()},
                    )
                )
            )
    return reasons


def hinweise(antrag: IAntrag) -> list[str]:
    """German notes for the submitter that do not block the submission:
    the department has no head or deputy with a mail address
    (``rechte.leitung.leitung_erreichbar``)."""
    if leitung_erreichbar(antrag):
        return []
    return [
        _t(
            _(
                "Leitung fehlt: Ihr Fachbereich hat keine Fachbereichsleitung oder "
                "Stellvertretung mit E-Mail-Adresse. Sie können den Antrag "
                "einreichen, aber niemand wird um die Genehmigung gebeten. Die "
                "Berechtigungsverwaltung (StA 11) wird informiert und muss eine "
                "Fachbereichsleitung benennen; bis dahin wartet der Antrag."
            )
        )
    ]
