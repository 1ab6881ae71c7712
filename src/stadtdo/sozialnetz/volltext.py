"""BBB: the old class path of ``ZusammenfuehrbarerOkapiIndex``.

Profile 1001 stored it as ``stadtdo.sozialnetz.volltext.ZusammenfuehrbarerOkapiIndex``; the module
lives in ``stadtdo.sozialnetz.infrastruktur.volltext`` now. Without this module
every stored object of the class loads as a broken object. When it may be
removed: see ``stadtdo.sozialnetz.bbb``. New code imports from
``stadtdo.sozialnetz.infrastruktur.volltext``.
"""

import zope.deferredimport


zope.deferredimport.define(
    ZusammenfuehrbarerOkapiIndex="stadtdo.sozialnetz.infrastruktur.volltext:ZusammenfuehrbarerOkapiIndex",
)
