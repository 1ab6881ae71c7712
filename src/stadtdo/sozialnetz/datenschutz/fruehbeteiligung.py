"""The Datenschutzbeauftragte early (DV § 4, issue 23 item 5).

The applying department involves the data protection officer before it
submits: in a draft it invites the DSB („Datenschutz frühzeitig
beteiligen“), the members of the DSB's group may then read that draft (the
local role ``SNDatenschutzEntwurf`` on this Antrag only, which the workflow
lets view a draft) and leave notes („Hinweise“) the department reads on the
Antrag. The checklist's „Datenschutzbeauftragte*r frühzeitig beteiligt“ is
no longer ticked by hand: the invitation sets it, with who and when.

One function per step, asked by the page and by ``@fruehbeteiligung``;
``moeglich`` says what the current user may do now. The invitation and each
note notify an event (``interfaces``) the mails hang off.
"""

from __future__ import annotations

from DateTime import DateTime
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.datenschutz.interfaces import DatenschutzEingeladen
from stadtdo.sozialnetz.datenschutz.interfaces import DatenschutzHinweis
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur import eingaben
from stadtdo.sozialnetz.infrastruktur.vermerke import Vermerke
from typing import Any
from zExceptions import Unauthorized
from zope.component import adapter
from zope.event import notify
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface


#: the local role the invitation gives the DSB's group on the draft
ROLLE = "SNDatenschutzEntwurf"
#: the state in which the DSB is invited and leaves notes
ENTWURF = "entwurf"
EINGELADEN = "eingeladen"
HINWEISE = "hinweise"


class IFruehbeteiligung(Interface):
    """The early involvement of the DSB in an Antrag."""


@implementer(IFruehbeteiligung)
@adapter(IAntrag)
class Fruehbeteiligung(Vermerke):
    KEY = "stadtdo.sozialnetz.datenschutz.fruehbeteiligung"

    @property
    def eingeladen(self) -> dict[str, Any] | None:
        """Who invited the DSB and when (``wer``, ``name``, ``zeit``), or None."""
        return self.wert(EINGELADEN)

    @property
    def hinweise(self) -> Any:
        """The DSB's notes, oldest first (``autor``, ``name``, ``zeit``,
        ``text``)."""
        return self.liste(HINWEISE) or ()


def _t(msgid: str) -> str:
    return translate(msgid, context=api.env.getRequest())


def _wer() -> dict[str, str]:
    user = api.user.get_current()
    return {
        "wer": user.getId(),
        "name": user.getProperty("fullname") or user.getId(),
        "zeit": DateTime().ISO8601(),
    }


def _gruppe() -> str:
    return GREMIEN_BY_ID["datenschutz"].gruppe


def _im_entwurf(antrag: IAntrag) -> None:
    if api.content.get_state(antrag) != ENTWURF:
        raise AktionAbgelehnt(
            _t(
                _(
                    "Der Datenschutz wird im Entwurf beteiligt; nach dem "
                    "Einreichen stimmt er im Verfahren ab."
                )
            )
        )


def _pruefe_einladen(antrag: IAntrag) -> None:
    _im_entwurf(antrag)
    if not api.user.has_permission(permissions.SUBMIT_ANTRAG, obj=antrag):
        raise Unauthorized(
            _t(_("Nur der Fachbereich des Antrags beteiligt den Datenschutz."))
        )
    if Fruehbeteiligung(antrag).eingeladen is not None:
        raise AktionAbgelehnt(_t(_("Der Datenschutz ist bereits beteiligt.")))


def _pruefe_hinweis(antrag: IAntrag) -> None:
    _im_entwurf(antrag)
    if ROLLE not in api.user.get_roles(obj=antrag):
        raise Unauthorized(
            _t(
                _(
                    "Hinweise zum Entwurf gibt der Datenschutz, nachdem der "
                    "Fachbereich ihn beteiligt hat."
                )
            )
        )


def einladen(antrag: IAntrag) -> dict[str, Any]:
    """Invite the DSB into the draft ``antrag`` (its department's staff);
    sets the checklist's „frühzeitig beteiligt“. Returns the record."""
    _pruefe_einladen(antrag)
    eintrag = _wer()
    Fruehbeteiligung(antrag).setzen(EINGELADEN, eintrag)
    antrag.datenschutz_beteiligt = True
    # a grant on this Antrag only, by the process: no user may give the role
    # (it is no role of the sharing page)
    with api.env.adopt_roles(["Manager"]):
        api.group.grant_roles(groupname=_gruppe(), roles=[ROLLE], obj=antrag)
    antrag.reindexObjectSecurity()
    antrag.reindexObject(idxs=["modified"])
    notify(DatenschutzEingeladen(antrag))
    return eintrag


def hinweis_geben(antrag: IAntrag, text: Any) -> dict[str, Any]:
    """A note of the invited DSB on the draft ``antrag``; returns it."""
    _pruefe_hinweis(antrag)
    text = eingaben.text(text, "text", grenze=eingaben.MEHRZEILIG_MAX).strip()
    if not text:
        raise AktionAbgelehnt(_t(_("Bitte geben Sie den Hinweis ein.")), field="text")
    eintrag = dict(_wer(), text=text)
    Fruehbeteiligung(antrag).anhaengen(HINWEISE, eintrag)
    notify(DatenschutzHinweis(antrag, eintrag))
    return eintrag


def moeglich(antrag: IAntrag) -> dict[str, bool]:
    """What the current user may do now: ``einladen``, ``hinweis``."""
    ergebnis = {}
    for name, pruefen in (("einladen", _pruefe_einladen), ("hinweis", _pruefe_hinweis)):
        try:
            pruefen(antrag)
        except (AktionAbgelehnt, Unauthorized):
            ergebnis[name] = False
        else:
            ergebnis[name] = True
    return ergebnis


def stand(antrag: IAntrag) -> dict[str, Any]:
    """The early involvement as page and REST show it: ``eingeladen`` (the
    record, or None), ``nur_angegeben`` (the checklist says „beteiligt“
    without an invitation: the department's own statement, as before profile
    version 1010 or from the Notes take-over),
    ``hinweise`` and ``moeglich``."""
    fb = Fruehbeteiligung(antrag)
    return {
        "eingeladen": dict(fb.eingeladen) if fb.eingeladen else None,
        "nur_angegeben": fb.eingeladen is None
        and getattr(antrag, "datenschutz_beteiligt", None) is True,
        "hinweise": [dict(h) for h in fb.hinweise],
        "moeglich": moeglich(antrag),
    }
