"""Conditions the guards of the Antrag workflow read.

Called from the workflow definition as
``python:modules['stadtdo.sozialnetz.verfahren.guards'].einreichbar(here)``
(declared public for restricted code in the package's ``__init__``).
"""

from __future__ import annotations

from plone import api
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren.einreichen import hindernisse
from stadtdo.sozialnetz.verfahren.voten import beteiligung_ergebnis  # noqa: F401
from stadtdo.sozialnetz.verfahren.voten import offene_rueckfragen
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from stadtdo.sozialnetz.content.antrag import IAntrag


def einreichbar(antrag: IAntrag) -> bool:
    """True when nothing blocks ``einreichen``."""
    return not hindernisse(antrag)


def rueckfrage_offen(antrag: IAntrag) -> bool:
    """True while a body's Rückfrage waits for the FB's answer."""
    return bool(offene_rueckfragen(antrag))


def ist_abgeloest(antrag: IAntrag) -> bool:
    """True once a re-application descending from ``antrag`` is approved."""
    return any(
        api.content.get_state(neu) == "genehmigt" for neu in erneut.nachkommen(antrag)
    )
