"""Conditions the guards of the Antrag workflow read.

Called from the workflow definition as
``python:modules['stadtdo.sozialnetz.verfahren.guards'].einreichbar(here)``
(declared public for restricted code in the package's ``__init__``).
"""

from plone import api
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren.einreichen import hindernisse
from stadtdo.sozialnetz.verfahren.voten import beteiligung_ergebnis  # noqa: F401
from stadtdo.sozialnetz.verfahren.voten import offene_rueckfragen


def einreichbar(antrag):
    """True when nothing blocks ``einreichen``."""
    return not hindernisse(antrag)


def rueckfrage_offen(antrag):
    """True while a body's Rückfrage waits for the FB's answer."""
    return bool(offene_rueckfragen(antrag))


def ist_abgeloest(antrag):
    """True once a re-application descending from ``antrag`` is approved."""
    return any(
        api.content.get_state(neu) == "genehmigt" for neu in erneut.nachkommen(antrag)
    )
