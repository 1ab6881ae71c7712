"""BBB: the old class path of ``GespeicherteAntwort``.

Profile 1001 stored it as ``stadtdo.sozialnetz.idempotenz.GespeicherteAntwort``; the module
lives in ``stadtdo.sozialnetz.infrastruktur.idempotenz`` now. Without this module
every stored object of the class loads as a broken object. When it may be
removed: see ``stadtdo.sozialnetz.bbb``. New code imports from
``stadtdo.sozialnetz.infrastruktur.idempotenz``.
"""

import zope.deferredimport


zope.deferredimport.define(
    GespeicherteAntwort="stadtdo.sozialnetz.infrastruktur.idempotenz:GespeicherteAntwort",
)
