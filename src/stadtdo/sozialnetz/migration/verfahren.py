"""The one place where the import uses the process modules
(``stadtdo.sozialnetz.verfahren``): the bodies, the workflow's states and
the votes' storage."""

from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.verfahren.erneut import aenderung_vermerken
from stadtdo.sozialnetz.verfahren.erneut import vorgaenger_kette
from stadtdo.sozialnetz.verfahren.verlauf import STATUS
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import _storage as voten_speicher


__all__ = [
    "GREMIEN",
    "STATUS",
    "WORKFLOW",
    "aenderung_vermerken",
    "voten_speicher",
    "vorgaenger_kette",
]
