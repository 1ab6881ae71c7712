"""The Antrag: one application for one social media presence (Anlage 1 §2)."""

from Acquisition import aq_chain
from Acquisition import aq_inner
from plone.app.content.interfaces import INameFromTitle
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.supermodel import model
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.antragsnummer import ensure_antragsnummer
from stadtdo.sozialnetz.content.einzeilig import einzeilig
from stadtdo.sozialnetz.content.einzeilig import formatiert
from stadtdo.sozialnetz.content.einzeilig import mehrzeilig
from stadtdo.sozialnetz.content.fachbereich import IFachbereich
from stadtdo.sozialnetz.content.ortsfest import OrtsfesterContainer
from stadtdo.sozialnetz.content.vokabulare import SONSTIGE
from stadtdo.sozialnetz.content.weblink import WebAdresse
from z3c.form.browser.radio import RadioFieldWidget
from zope import schema
from zope.component import adapter
from zope.component import queryUtility
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


ANTRAGSARTEN = {
    "neuantrag": _("Neuantrag"),
    "erneuter_antrag": _("Erneuter Antrag"),
}


class FeldFehler(Invalid):
    """An invariant error that names the field it belongs to.

    The REST API reports ``field`` for it (services/deserializer.py); forms
    show the message at that field (browser/errors.py).
    """

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.fields = (field,)


def _ja_nein(title, description=""):
    """A yes/no question of the checklist that must be answered explicitly."""
    return schema.Bool(title=title, description=description, required=True)


class IAntrag(model.Schema):
    """Schema of an Antrag, grouped like the Notes form (Anlage 1 §2)."""

    # Kopfdaten: filled automatically, never entered by the user.
    antragsnummer = schema.TextLine(
        title=_("Antragsnummer"),
        readonly=True,
        required=False,
    )
    title = schema.TextLine(
        title=_("Titel"),
        readonly=True,
        required=False,
    )
    fachbereich = schema.TextLine(
        title=_("Fachbereich"),
        readonly=True,
        required=False,
    )
    antragsteller = schema.TextLine(
        title=_("Antragsteller*in"),
        readonly=True,
        required=False,
    )
    antragsart = schema.Choice(
        title=_("Art des Antrags"),
        vocabulary=SimpleVocabulary(
            [SimpleTerm(value, value, title) for value, title in ANTRAGSARTEN.items()]
        ),
        readonly=True,
        required=False,
    )
    vorgaenger = schema.TextLine(
        title=_("Vorgänger (erneuter Antrag)"),
        description=_("UID des Antrags, den dieser Antrag ablöst."),
        readonly=True,
        required=False,
    )
    directives.omitted(
        "title",
        "antragsnummer",
        "fachbereich",
        "antragsteller",
        "antragsart",
        "vorgaenger",
    )

    # 1 Soziales Netzwerk: the default fieldset; the forms label it.
    plattform = schema.Choice(
        title=_("Soziales Netzwerk"),
        description=_(
            "Plattform, auf der der Auftritt betrieben werden soll. "
            "Nicht aufgeführt? Wählen Sie „Sonstige“ und nennen Sie die Plattform."
        ),
        vocabulary="stadtdo.sozialnetz.Plattformen",
        required=True,
    )
    plattform_sonstige = schema.TextLine(
        title=_("Sonstige Plattform"),
        description=_("Nur bei „Sonstige“: Name der Plattform."),
        required=False,
        constraint=einzeilig,
    )
    auftrittsart = schema.Choice(
        title=_("Art des Auftritts"),
        vocabulary="stadtdo.sozialnetz.Auftrittsarten",
        required=True,
    )
    kontoname = schema.TextLine(
        title=_("Name des Kontos"),
        description=_("Konto- bzw. Seitenname (Handle), z. B. @stadtdortmund."),
        required=True,
        constraint=einzeilig,
    )
    url = WebAdresse(
        title=_("Adresse (URL)"),
        description=_("Geplante oder bestehende Adresse des Auftritts."),
        required=False,
    )
    geplanter_start = schema.Date(
        title=_("Geplanter Start"),
        required=False,
    )

    # 2 Checkliste
    model.fieldset(
        "checkliste",
        label=_("2. Checkliste"),
        fields=[
            "ziele_zielgruppe",
            "themen_redaktionsplan",
            "pflege_in_arbeitszeit",
            "begruendung_ausserhalb_arbeitszeit",
            "moderation",
            "vertretung",
            "impressum_url",
            "datenschutzerklaerung_url",
            "offizieller_auftritt",
            "verhaltensregeln_ausgehaendigt",
            "datenschutz_beteiligt",
            "pseudonym_moeglich",
            "schulung",
        ],
    )
    ziele_zielgruppe = schema.Text(
        title=_("2.1 Ziele und Zielgruppe"),
        description=_(
            "Welche Ziele verfolgt der Fachbereich mit dem Auftritt, und wen soll er "
            "erreichen? Social Media ergänzt die bestehende Öffentlichkeitsarbeit "
            "(DV § 1)."
        ),
        constraint=mehrzeilig,
        required=True,
    )
    themen_redaktionsplan = schema.Text(
        title=_("2.2 Themen und Redaktionsplan"),
        description=_(
            "Welche Inhalte werden veröffentlicht, wie oft, und wer plant sie? "
            "Eine personenbezogene Sachbearbeitung findet auf der Plattform nicht "
            "statt (DV § 2)."
        ),
        constraint=mehrzeilig,
        required=True,
    )
    pflege_in_arbeitszeit = _ja_nein(
        _("2.3 Pflege ausschließlich innerhalb der Arbeitszeit"),
        _(
            "Die Pflege ist grundsätzlich nur innerhalb der generellen "
            "Arbeitszeitregelungen erlaubt (DV § 6). Bei „Nein“ ist die Ausnahme "
            "zu begründen."
        ),
    )
    begruendung_ausserhalb_arbeitszeit = schema.Text(
        title=_("Begründung für die Pflege außerhalb der Arbeitszeit"),
        description=_(
            "Pflicht, wenn die Pflege auch außerhalb der Arbeitszeit nötig ist. "
            "Eine Genehmigung erfolgt nur im Rahmen der bestehenden Regelungen "
            "(Überstunden, Rufbereitschaft) im Einzelfall (DV § 6)."
        ),
        constraint=mehrzeilig,
        required=False,
    )
    moderation = schema.Text(
        title=_("Moderation und Umgang mit Hassrede"),
        description=_(
            "Wie werden Kommentare moderiert, und wie wird mit Beleidigungen, "
            "Hassrede und Angriffen umgegangen (Leitfaden Anlage 2, "
            "Verhaltensregeln Anlage 3)?"
        ),
        constraint=mehrzeilig,
        required=True,
    )
    vertretung = schema.Text(
        title=_("Vertretungsregelung"),
        description=_("Wer betreut den Auftritt bei Abwesenheit?"),
        constraint=mehrzeilig,
        required=True,
    )
    impressum_url = WebAdresse(
        title=_("Link zum Impressum"),
        description=_(
            "Jeder Auftritt braucht ein erreichbares Impressum (DV § 2, § 3)."
        ),
        required=True,
    )
    datenschutzerklaerung_url = WebAdresse(
        title=_("Link zur Datenschutzerklärung"),
        description=_(
            "DSGVO-konforme Datenschutzerklärung, verlinkt im Impressum (DV § 3)."
        ),
        required=True,
    )
    offizieller_auftritt = _ja_nein(
        _("Auftritt ist klar als offizieller städtischer Auftritt erkennbar"),
        _(
            "Es muss erkennbar sein, dass es sich um einen offiziellen Auftritt der "
            "Stadt Dortmund handelt; private Konten dürfen nicht dienstlich genutzt "
            "werden (DV § 2)."
        ),
    )
    verhaltensregeln_ausgehaendigt = _ja_nein(
        _("Verhaltensregeln (Anlage 3) an die Beschäftigten ausgehändigt"),
        _(
            "Die Verhaltensregeln in Social Media sind den Beschäftigten auszuhändigen (DV § 2)."
        ),
    )
    # Set by the system when the department invites the DSB into the draft
    # (datenschutz.fruehbeteiligung), never ticked by hand (issue 23).
    datenschutz_beteiligt = schema.Bool(
        title=_("Datenschutzbeauftragte*r frühzeitig beteiligt"),
        description=_(
            "Die beantragenden Fachbereiche stellen eine frühzeitige Beteiligung "
            "der/des Datenschutzbeauftragten sicher (DV § 4). Wird gesetzt, "
            "sobald der Fachbereich den Datenschutz im Entwurf beteiligt "
            "(„Datenschutz frühzeitig beteiligen“)."
        ),
        readonly=True,
        required=False,
        default=False,
    )
    pseudonym_moeglich = _ja_nein(
        _("Plattform erlaubt pseudonyme Konten"),
        _(
            "Lässt die Plattform keine pseudonymen Konten zu, ist die Mitarbeit nur "
            "freiwillig mit Einwilligung möglich (DV § 2)."
        ),
    )
    schulung = schema.Text(
        title=_("Schulung der zuständigen Beschäftigten"),
        description=_(
            "Darlegung, dass die Beschäftigten geschult wurden, zeitnah geschult "
            "werden oder die Anforderungen bereits erfüllen (DV § 6)."
        ),
        constraint=mehrzeilig,
        required=True,
    )
    directives.widget(
        "pflege_in_arbeitszeit",
        RadioFieldWidget,
    )
    directives.widget("offizieller_auftritt", RadioFieldWidget)
    directives.widget("verhaltensregeln_ausgehaendigt", RadioFieldWidget)
    directives.widget("pseudonym_moeglich", RadioFieldWidget)

    # 3 Begründung
    model.fieldset(
        "begruendung",
        label=_("3. Begründung"),
        fields=["begruendung", "begruendung_produktwahl"],
    )
    begruendung = RichText(
        title=_("Begründung"),
        description=_(
            "Weitere inhaltliche Ausführungen, z. B. organisatorische Änderungen im "
            "Fachbereich (DV § 3). Dokumente fügen Sie als Anlagen zum Antrag hinzu."
        ),
        required=False,
        constraint=formatiert,
        # one format only: no unlabelled format chooser beside the editor
        default_mime_type="text/html",
        allowed_mime_types=("text/html",),
        output_mime_type="text/x-html-safe",
    )
    begruendung_produktwahl = schema.Text(
        title=_("Begründung der Produktwahl"),
        description=_(
            "Die Festlegung auf dieses Produkt ist ausdrücklich zu begründen; so "
            "wird vergaberechtlich dokumentiert, dass andere Anbieter nicht in "
            "Frage kommen (DV § 2)."
        ),
        constraint=mehrzeilig,
        required=True,
    )

    @invariant
    def sonstige_plattform_benannt(data):
        if getattr(data, "plattform", None) == SONSTIGE and not getattr(
            data, "plattform_sonstige", None
        ):
            raise FeldFehler(
                "plattform_sonstige",
                _("Bitte nennen Sie die Plattform, wenn Sie „Sonstige“ wählen."),
            )

    @invariant
    def ausnahme_arbeitszeit_begruendet(data):
        if getattr(data, "pflege_in_arbeitszeit", None) is False and not getattr(
            data, "begruendung_ausserhalb_arbeitszeit", None
        ):
            raise FeldFehler(
                "begruendung_ausserhalb_arbeitszeit",
                _(
                    "Bitte begründen Sie, warum die Pflege außerhalb der Arbeitszeit "
                    "nötig ist (DV § 6)."
                ),
            )


def fachbereich_of(obj):
    """Return the Fachbereich folder that contains ``obj``, or None."""
    for item in aq_chain(aq_inner(obj)):
        if IFachbereich.providedBy(item):
            return item
    return None


@implementer(IAntrag)
class Antrag(OrtsfesterContainer):
    """An Antrag. Its title is derived from its header and section 1."""

    # Kopfdaten, set by the subscribers in stadtdo.sozialnetz.subscribers.
    antragsnummer = None
    antragsteller = None
    fachbereich = None
    antragsart = "neuantrag"
    vorgaenger = None
    notes_id = None  # set for Anträge taken over from the Notes database
    notes_antragsteller = None
    notes_vorgaenger = None  # Notes-ID of the predecessor recorded in Notes

    @property
    def title(self):
        nummer = self.antragsnummer or ""
        plattform = plattform_titel(self)
        konto = self.kontoname or ""
        return " – ".join(part for part in (nummer, plattform, konto) if part)

    @title.setter
    def title(self, value):
        """The title is derived; values set by generic code are ignored."""


def plattform_titel(antrag):
    """Human-readable platform of an Antrag ("Sonstige" resolved to its name)."""
    value = getattr(antrag, "plattform", None)
    if not value:
        return ""
    if value == SONSTIGE and getattr(antrag, "plattform_sonstige", None):
        return antrag.plattform_sonstige
    factory = queryUtility(IVocabularyFactory, "stadtdo.sozialnetz.Plattformen")
    try:
        return factory(antrag).getTerm(value).title
    except LookupError:
        return value


@implementer(INameFromTitle)
@adapter(IAntrag)
class AntragName:
    """Short name of an Antrag: its Antragsnummer (e.g. ``sn-2026-0042``).

    Plone's name chooser asks for it before the Antrag is added, so this is
    where the number is drawn.
    """

    def __init__(self, context):
        self.context = context

    @property
    def title(self):
        return ensure_antragsnummer(self.context).lower()
