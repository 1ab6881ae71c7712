"""BBB: the class path of the votes under profile 1000.

Profile 1000 stored every body's votes as ``stadtdo.sozialnetz.voten.
GremiumVoten``; the class lives in ``stadtdo.sozialnetz.verfahren.voten``
now. Without this module every old vote loads as a broken object. When it
may be removed: see ``stadtdo.sozialnetz.bbb``. New code imports from
``stadtdo.sozialnetz.verfahren.voten``.
"""

import zope.deferredimport


zope.deferredimport.define(
    GremiumVoten="stadtdo.sozialnetz.verfahren.voten:GremiumVoten",
)
