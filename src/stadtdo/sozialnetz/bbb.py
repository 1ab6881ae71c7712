"""Class paths stored by released profiles that no longer exist (BBB).

The ZODB stores every persistent object with the dotted path of its class
(module and name). A class that moves to another module therefore needs an
alias at its old path, or every stored object of it loads as a *broken*
object: profile 1000 (the first release, commit fcb1dfa) stored the votes as
``stadtdo.sozialnetz.voten.GremiumVoten``, which moved to
``stadtdo.sozialnetz.verfahren.voten``; profile 1001 stored the answers of
keyed REST writes, the history id generator and the text index at
``stadtdo.sozialnetz.{idempotenz,nummernkreis,volltext}``, which moved into
``stadtdo.sozialnetz.infrastruktur`` (issue 22).

``UMBENENNUNGEN`` lists every moved class path in the format of
``zodbupdate`` (``"module Name": "module Name"``); setup.py announces it as
the entry point ``zodbupdate.renames``. The alias modules at the old paths
(``voten.py``, ``idempotenz.py``, ``nummernkreis.py``, ``volltext.py``) import the class lazily with
``zope.deferredimport``.

When they may be removed: only after a release whose upgrade notes tell
every site to rewrite the stored references with ``zodbupdate`` (docs/verwaltung.rst,
„Aktualisieren“, „Klassenpfade“) and every site has done so — the
database check ``sozialnetz-pruefen`` then reports no record with an old
path. Remove the alias module and the entry here in the same commit, and
keep the class-path test (tests/setup/test_klassenpfade.py) green.
"""

#: Old class path → current class path, for ``zodbupdate`` and the tests.
UMBENENNUNGEN = {
    # 1000 → 1001
    "stadtdo.sozialnetz.voten GremiumVoten": (
        "stadtdo.sozialnetz.verfahren.voten GremiumVoten"
    ),
    # 1003 → 1004: the site-wide stores moved into ``infrastruktur``
    "stadtdo.sozialnetz.idempotenz GespeicherteAntwort": (
        "stadtdo.sozialnetz.infrastruktur.idempotenz GespeicherteAntwort"
    ),
    "stadtdo.sozialnetz.nummernkreis HistorienIdGenerator": (
        "stadtdo.sozialnetz.infrastruktur.nummernkreis HistorienIdGenerator"
    ),
    "stadtdo.sozialnetz.volltext ZusammenfuehrbarerOkapiIndex": (
        "stadtdo.sozialnetz.infrastruktur.volltext ZusammenfuehrbarerOkapiIndex"
    ),
}

#: Every persistent class path that a released profile (1000, 1001) can have
#: stored: content (Dexterity ``klass``), annotation values, utilities of the
#: component registry, catalog indexes, and the marker interfaces stored on
#: objects or in registries. Each must import and be the current class.
GESPEICHERTE_KLASSEN = {
    # 1000: content types
    "stadtdo.sozialnetz.content.antrag Antrag": "stadtdo.sozialnetz.content.antrag Antrag",
    "stadtdo.sozialnetz.content.fachbereich Datenbank": (
        "stadtdo.sozialnetz.content.fachbereich Datenbank"
    ),
    "stadtdo.sozialnetz.content.fachbereich Fachbereich": (
        "stadtdo.sozialnetz.content.fachbereich Fachbereich"
    ),
    "stadtdo.sozialnetz.content.person Person": "stadtdo.sozialnetz.content.person Person",
    # 1000: the interface of the browser layer (plone.browserlayer utility)
    "stadtdo.sozialnetz.interfaces IBrowserLayer": (
        "stadtdo.sozialnetz.interfaces IBrowserLayer"
    ),
    # 1000: votes in the Antrag's annotations (and in its CMFEditions versions)
    **UMBENENNUNGEN,
    # 1001: votes at their new path, rights log, idempotency store, history
    # id generator (component registry), mergeable text index (the last three
    # at their old paths among UMBENENNUNGEN), marker of the incident form
    "stadtdo.sozialnetz.verfahren.voten GremiumVoten": (
        "stadtdo.sozialnetz.verfahren.voten GremiumVoten"
    ),
    "stadtdo.sozialnetz.rechte.protokoll Rechteprotokoll": (
        "stadtdo.sozialnetz.rechte.protokoll Rechteprotokoll"
    ),
    "stadtdo.sozialnetz.rechte.vorfall IVorfallFormular": (
        "stadtdo.sozialnetz.rechte.vorfall IVorfallFormular"
    ),
}
