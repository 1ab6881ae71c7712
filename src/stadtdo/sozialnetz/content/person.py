"""A Person responsible for the account (Anlage 1 §2, Abschnitt 2.4)."""

from datetime import date
from plone.app.content.interfaces import INameFromTitle
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import Email
from plone.supermodel import model
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.antrag import FeldFehler
from stadtdo.sozialnetz.content.einzeilig import einzeilig
from stadtdo.sozialnetz.content.einzeilig import mehrzeilig
from z3c.form.browser.radio import RadioFieldWidget
from zope import schema
from zope.component import adapter
from zope.interface import implementer
from zope.interface import invariant
from zope.schema import ValidationError


class EinwilligungFehlt(ValidationError):
    __doc__ = _(
        "Die Aufgabe kann nur freiwillig mit Einwilligung übernommen werden (DV § 2). "
        "Ohne Einwilligung kann die Person nicht benannt werden."
    )


def einwilligung_erteilt(value):
    if value is not True:
        raise EinwilligungFehlt(value)
    return True


class IPerson(model.Schema):
    """Personal data of one staff member who maintains the account."""

    nachname = schema.TextLine(title=_("Name"), required=True, constraint=einzeilig)
    vorname = schema.TextLine(title=_("Vorname"), required=True, constraint=einzeilig)
    email = Email(
        title=_("Dienstliche E-Mail-Adresse"),
        description=_("z. B. vorname.nachname@stadtdo.de"),
        required=True,
        constraint=einzeilig,
    )
    funktion = schema.Choice(
        title=_("Funktion"),
        vocabulary="stadtdo.sozialnetz.Funktionen",
        required=True,
    )
    rechte_aufgaben = schema.Text(
        title=_("Konkrete Rechte und Aufgaben"),
        description=_(
            "Welche Rechte erhält die Person auf der Plattform, welche Aufgaben übernimmt sie?"
        ),
        constraint=mehrzeilig,
        required=True,
    )
    einwilligung = schema.Bool(
        title=_("Einwilligung zur freiwilligen Übernahme der Aufgabe liegt vor"),
        description=_(
            "Weil sich Beschäftigte in der Regel mit Klarnamen registrieren müssen, "
            "ist die Aufgabe nur freiwillig mit Einwilligung möglich (DV § 2)."
        ),
        required=True,
        constraint=einwilligung_erteilt,
    )
    einwilligung_datum = schema.Date(
        title=_("Datum der Einwilligung"),
        required=True,
    )
    schulung_status = schema.Choice(
        title=_("Schulung"),
        description=_(
            "Die zuständigen Beschäftigten müssen geschult sein oder zeitnah geschult werden (DV § 6)."
        ),
        vocabulary="stadtdo.sozialnetz.Schulungsstatus",
        required=True,
    )
    directives.widget("schulung_status", RadioFieldWidget)
    schulung_geplant_bis = schema.Date(
        title=_("Schulung geplant bis"),
        description=_("Pflicht, wenn die Schulung noch geplant ist."),
        required=False,
    )
    taetigkeit_von = schema.Date(
        title=_("Aufgabe wahrgenommen ab"),
        required=True,
    )
    taetigkeit_bis = schema.Date(
        title=_("Aufgabe wahrgenommen bis"),
        description=_(
            "Leer lassen, wenn unbefristet. Nach dem Ende werden Name und E-Mail "
            "nach Ablauf der Aufbewahrungsfrist anonymisiert (Anlage 1 Nr. 1)."
        ),
        required=False,
    )
    internetfreischaltung = schema.Bool(
        title=_("Benötigt Freischaltung der Plattform im städtischen Netz"),
        description=_(
            "Das Personal- und Organisationsamt beauftragt das Dortmunder "
            "Systemhaus mit der personenbezogenen Entsperrung (DV § 4)."
        ),
        required=False,
        default=False,
    )

    @invariant
    def ende_nach_beginn(data):
        von = getattr(data, "taetigkeit_von", None)
        bis = getattr(data, "taetigkeit_bis", None)
        if von and bis and bis <= von:
            raise FeldFehler(
                "taetigkeit_bis",
                _("Das Ende der Aufgabe muss nach ihrem Beginn liegen."),
            )

    @invariant
    def einwilligung_nicht_in_der_zukunft(data):
        """The consent is the lower limit of its withdrawal
        (``datenschutz.stichtage``): it cannot be dated ahead."""
        tag = getattr(data, "einwilligung_datum", None)
        if tag and tag > date.today():
            raise FeldFehler(
                "einwilligung_datum",
                _(
                    "Das Datum der Einwilligung kann nicht in der Zukunft liegen "
                    "(spätestens heute, ${heute}).",
                    mapping={"heute": f"{date.today():%d.%m.%Y}"},
                ),
            )

    @invariant
    def geplante_schulung_datiert(data):
        if getattr(data, "schulung_status", None) == "geplant" and not getattr(
            data, "schulung_geplant_bis", None
        ):
            raise FeldFehler(
                "schulung_geplant_bis",
                _("Bitte geben Sie an, bis wann die Schulung geplant ist."),
            )


@implementer(IPerson)
class Person(Item):
    """A Person; the title is "Vorname Name"."""

    @property
    def title(self):
        return " ".join(part for part in (self.vorname, self.nachname) if part)

    @title.setter
    def title(self, value):
        """The title is derived from the name fields."""


@implementer(INameFromTitle)
@adapter(IPerson)
class PersonName:
    """Neutral short names (``person``, ``person-1`` ...).

    Names do not belong into URLs: they must disappear when the personal data
    are anonymised after the retention period.
    """

    title = "person"

    def __init__(self, context):
        self.context = context
