"""BBB: the old class path of ``HistorienIdGenerator``.

Profile 1001 stored it as ``stadtdo.sozialnetz.nummernkreis.HistorienIdGenerator``; the module
lives in ``stadtdo.sozialnetz.infrastruktur.nummernkreis`` now. Without this module
every stored object of the class loads as a broken object. When it may be
removed: see ``stadtdo.sozialnetz.bbb``. New code imports from
``stadtdo.sozialnetz.infrastruktur.nummernkreis``.
"""

import zope.deferredimport


zope.deferredimport.define(
    HistorienIdGenerator="stadtdo.sozialnetz.infrastruktur.nummernkreis:HistorienIdGenerator",
)
