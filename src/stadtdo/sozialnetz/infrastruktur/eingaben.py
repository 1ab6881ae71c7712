"""Odd input never gives a server error (issue 20, item 9): the limits and
checks of every text the add-on takes.

- ``EINZEILIG_MAX`` (200) for single-line texts (names, handles, choices),
  ``MEHRZEILIG_MAX`` (10,000) for multi-line texts and every comment, vote
  statement and answer, ``RICHTEXT_MAX`` (20,000, markup included) for the
  formatted justification, ``ADRESSE_MAX`` (2,000) for web addresses.
- The schemas use them through the field constraints of
  ``content.einzeilig``; the process layer (``verfahren.schritte``) and the
  REST services (``infrastruktur.dienst.SozialnetzService.eingabe``) use
  ``text`` and ``ja_nein`` below, which refuse a wrong JSON type or a too long text
  with ``AktionAbgelehnt`` – a German 400 naming the field and the limit.
"""

from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from zope.globalrequest import getRequest
from zope.i18n import translate


EINZEILIG_MAX = 200
MEHRZEILIG_MAX = 10_000
RICHTEXT_MAX = 20_000
ADRESSE_MAX = 2_000


def zahl(n):
    """``10000`` as the German reader writes it: ``10.000``."""
    return f"{n:,}".replace(",", ".")


def _t(msgid, **mapping):

    return translate(_(msgid, mapping=mapping), context=getRequest())


def zu_lang(laenge, grenze):
    """The German message for a text of ``laenge`` characters over ``grenze``."""
    return _t(
        _(
            "Der Text ist zu lang: höchstens ${grenze} Zeichen, eingegeben "
            "${laenge}. Bitte kürzen Sie ihn."
        ),
        grenze=zahl(grenze),
        laenge=zahl(laenge),
    )


def text(value, feld, *, grenze=EINZEILIG_MAX, leer=""):
    """A text input of a service or a process step: ``leer`` for None, the
    text if it is a string of at most ``grenze`` characters; otherwise
    ``AktionAbgelehnt`` naming ``feld``."""
    if value is None:
        return leer
    if not isinstance(value, str):
        raise AktionAbgelehnt(
            _t(_("Die Angabe „${feld}“ muss ein Text sein."), feld=feld), field=feld
        )
    if len(value) > grenze:
        raise AktionAbgelehnt(
            _t(_("„${feld}“: "), feld=feld) + zu_lang(len(value), grenze), field=feld
        )
    return value


def ja_nein(value, feld, *, leer=False):
    """A JSON ``true``/``false`` (``leer`` when missing)."""
    if value is None:
        return leer
    if not isinstance(value, bool):
        raise AktionAbgelehnt(
            _t(_("Die Angabe „${feld}“ muss true oder false sein."), feld=feld),
            field=feld,
        )
    return value
