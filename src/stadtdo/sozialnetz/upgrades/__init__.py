"""Upgrade steps of the profile ``stadtdo.sozialnetz:default``.

One module and one ZCML file per profile version: ``v1001`` (+ ``v1001.zcml``,
the steps 1000 → 1001), ``v1002`` (+ ``v1002.zcml``, 1001 → 1002). A new
version adds ``vNNNN.py`` and ``vNNNN.zcml``, includes the ZCML in
``configure.zcml`` and sets ``profiles/default/metadata.xml``; steps that
reindex use ``katalog.antraege_neu_indizieren`` (it checks its result).

The names below stay importable from here (dotted names of 1001 builds).
"""

from stadtdo.sozialnetz.upgrades.v1001 import anlagen_pruefen  # noqa: F401
from stadtdo.sozialnetz.upgrades.v1001 import aufgaben_indizes_einfuehren  # noqa: F401
from stadtdo.sozialnetz.upgrades.v1001 import benachrichtigungen_einfuehren  # noqa: F401
from stadtdo.sozialnetz.upgrades.v1001 import einheitlicher_verfahrensweg  # noqa: F401
from stadtdo.sozialnetz.upgrades.v1001 import fristen_einfuehren  # noqa: F401
from stadtdo.sozialnetz.upgrades.v1001 import ohne_schreib_hotspot  # noqa: F401
from stadtdo.sozialnetz.upgrades.v1001 import personen_enden_einfuehren  # noqa: F401
from stadtdo.sozialnetz.upgrades.v1001 import PROFILE  # noqa: F401
from stadtdo.sozialnetz.upgrades.v1001 import UMSTELLUNG_1001  # noqa: F401
from stadtdo.sozialnetz.upgrades.v1001 import verantwortung_einfuehren  # noqa: F401
from stadtdo.sozialnetz.upgrades.v1001 import volltext_zusammenfuehrbar  # noqa: F401
