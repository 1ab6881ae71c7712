"""Every class path a released profile stored still loads as its class."""

from stadtdo.sozialnetz import bbb
from ZODB.broken import Broken
from ZODB.broken import find_global
import importlib
import pickle
import pytest


def _klasse(pfad):
    modulname, name = pfad.split(" ")
    return getattr(importlib.import_module(modulname), name)


@pytest.mark.parametrize("alt,neu", sorted(bbb.GESPEICHERTE_KLASSEN.items()))
def test_stored_class_path_loads_as_the_current_class(alt, neu):
    modulname, name = alt.split(" ")
    geladen = find_global(modulname, name, Broken=Broken)
    assert not (isinstance(geladen, type) and issubclass(geladen, Broken)), alt
    assert geladen is _klasse(neu)


def test_every_moved_class_is_a_stored_class_path():
    assert set(bbb.UMBENENNUNGEN) <= set(bbb.GESPEICHERTE_KLASSEN)
    for alt, neu in bbb.UMBENENNUNGEN.items():
        assert alt != neu
        assert neu in bbb.GESPEICHERTE_KLASSEN.values()


def test_a_vote_record_pickled_under_1000_loads_with_its_entries():
    """The pickle of a 1000 vote record names ``stadtdo.sozialnetz.voten``;
    it loads as today's class with its entries."""
    from stadtdo.sozialnetz.verfahren.voten import GremiumVoten

    alt = pickle.dumps(GremiumVoten, protocol=3).replace(
        b"stadtdo.sozialnetz.verfahren.voten", b"stadtdo.sozialnetz.voten"
    )
    assert b"stadtdo.sozialnetz.voten\nGremiumVoten" in alt
    assert pickle.loads(alt) is GremiumVoten


def test_setup_announces_the_renames_to_zodbupdate():
    from pathlib import Path

    setup_py = (Path(__file__).parents[2] / "setup.py").read_text()
    assert "stadtdo.sozialnetz.bbb:UMBENENNUNGEN" in setup_py


def test_every_class_path_in_the_database_of_1000_is_listed_and_loads(tmp_path):
    """The real database of the first release (tests/fixtures, made by
    scripts/alte_datenbank.py): each class path of the package it holds is
    in ``bbb.GESPEICHERTE_KLASSEN``, and every record loads (zodbverify)."""
    from pathlib import Path
    from stadtdo.sozialnetz.upgrades.pruefen import speicher_pruefen
    from ZODB.utils import get_pickle_metadata
    import tarfile
    import ZODB.FileStorage

    fixture = Path(__file__).parents[1] / "fixtures" / "profil-1000.tar.xz"
    with tarfile.open(fixture) as tar:
        tar.extract("filestorage/Data.fs", tmp_path, filter="data")
    storage = ZODB.FileStorage.FileStorage(
        str(tmp_path / "filestorage" / "Data.fs"), read_only=True
    )
    try:
        pfade, weiter = set(), None
        while True:
            _oid, _tid, data, weiter = storage.record_iternext(weiter)
            modulname, name = get_pickle_metadata(data)
            if modulname.startswith("stadtdo."):
                pfade.add(f"{modulname} {name}")
            if weiter is None:
                break
        befunde, anzahl = speicher_pruefen(storage)
    finally:
        storage.close()
    assert "stadtdo.sozialnetz.voten GremiumVoten" in pfade
    assert pfade <= set(bbb.GESPEICHERTE_KLASSEN)
    # blobs are not extracted here: only their files may be missing
    assert [b for b in befunde if b.art != "blob"] == []
    assert anzahl > 1000
