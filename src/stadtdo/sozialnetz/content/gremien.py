"""The review bodies (Gremien) of the Beteiligungsprozess (DV § 4).

One place that says, per body, who it is, which role and permission it votes
with, and which workflow transition records its vote; in which states the vote
is due is read from the workflow (``verfahren.workflow.faellig_in``). The
order is the column order of the Kurzansicht (Anlage 1 Nr. 2).
"""

from dataclasses import dataclass
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz import permissions


@dataclass(frozen=True)
class Gremium:
    id: str
    titel: str
    spalte: str  # column head in the Kurzansicht
    rolle: str
    permission: str
    transition: str  # loop transition that records a vote
    gruppe: str  # group whose members act for the body (local role on the database)
    gruppentitel: str
    zustimmung_erforderlich: bool = False


GREMIEN = (
    Gremium(
        id="agentur",
        titel=_("Dortmund-Agentur"),
        spalte=_("FB 3"),
        rolle="SNAgentur",
        permission=permissions.VOTE_AGENTUR,
        transition="votum_agentur",
        gruppe="sn-agentur",
        gruppentitel="Soziale Netzwerke: Dortmund-Agentur (FB 3)",
    ),
    Gremium(
        id="datenschutz",
        titel=_("Datenschutzbeauftragte*r"),
        spalte=_("Datenschutz"),
        rolle="SNDatenschutz",
        permission=permissions.VOTE_DATENSCHUTZ,
        transition="votum_datenschutz",
        gruppe="sn-datenschutz",
        gruppentitel="Soziale Netzwerke: Datenschutzbeauftragte*r",
    ),
    Gremium(
        id="personalrat",
        titel=_("Personalrat"),
        spalte=_("Personalrat"),
        rolle="SNPersonalrat",
        permission=permissions.VOTE_PERSONALRAT,
        transition="votum_personalrat",
        gruppe="sn-personalrat",
        gruppentitel="Soziale Netzwerke: Personalrat",
        zustimmung_erforderlich=True,
    ),
    Gremium(
        id="poa",
        titel=_("Personal- und Organisationsamt"),
        spalte=_("FB 11"),
        rolle="SNPOA",
        permission=permissions.VOTE_POA,
        transition="votum_poa",
        gruppe="sn-poa",
        gruppentitel="Soziale Netzwerke: Personal- und Organisationsamt (FB 11)",
        zustimmung_erforderlich=True,
    ),
    Gremium(
        id="itsicherheit",
        titel=_("IT-Sicherheit"),
        spalte=_("IT-Sicherheit"),
        rolle="SNITSicherheit",
        permission=permissions.VOTE_ITSICHERHEIT,
        transition="votum_itsicherheit",
        gruppe="sn-itsicherheit",
        gruppentitel="Soziale Netzwerke: IT-Sicherheit",
    ),
)

GREMIEN_BY_ID = {gremium.id: gremium for gremium in GREMIEN}

#: Transitions with which the Dortmund-Agentur closes its statement.
AGENTUR_ABSCHLUSS = "stellungnahme_abgeben"
