"""Worker of test_relstorage.py: draws numbers with ``nummernkreis.ziehen``
from one counter in a RelStorage/PostgreSQL database, in several threads, each
draw inside an outer transaction that commits as well (like a request).

    python -m tests.concurrency.relstorage_ziehen DSN setup
    python -m tests.concurrency.relstorage_ziehen DSN run NAME THREADS DRAWS

``run`` prints the drawn numbers as JSON, in the order of each thread.
"""

from persistent.mapping import PersistentMapping
from stadtdo.sozialnetz.infrastruktur.nummernkreis import ziehen
import json
import sys
import threading
import transaction
import ZODB


def _db(dsn, *, leeren=False):
    from relstorage.adapters.postgresql import PostgreSQLAdapter
    from relstorage.options import Options
    from relstorage.storage import RelStorage

    options = Options(keep_history=False)
    storage = RelStorage(PostgreSQLAdapter(dsn=dsn, options=options), options=options)
    if leeren:
        storage.zap_all()
    return ZODB.DB(storage)


def _hochzaehlen(counters):
    counters[2026] = counters.get(2026, 0) + 1
    return counters[2026]


def setup(dsn):
    db = _db(dsn, leeren=True)
    with db.transaction() as conn:
        conn.root()["counters"] = PersistentMapping()
        conn.root()["anfragen"] = PersistentMapping()
    db.close()


def run(dsn, name, threads, draws):
    db = _db(dsn)
    gezogen = {}

    def faden(nummer):
        tm = transaction.TransactionManager()
        conn = db.open(transaction_manager=tm)
        liste = gezogen[nummer] = []
        for i in range(draws):
            tm.begin()
            root = conn.root()
            liste.append(ziehen(root["counters"], _hochzaehlen))
            root["anfragen"][f"{name}-{nummer}-{i}"] = liste[-1]
            try:
                tm.commit()
            except transaction.interfaces.TransientError:
                tm.abort()  # the request's own conflict: its number is a gap
        conn.close()

    fäden = [threading.Thread(target=faden, args=(n,)) for n in range(threads)]
    for f in fäden:
        f.start()
    for f in fäden:
        f.join()
    db.close()
    print(json.dumps([gezogen[n] for n in sorted(gezogen)]))


if __name__ == "__main__":
    dsn, befehl, *rest = sys.argv[1:]
    if befehl == "setup":
        setup(dsn)
    else:
        run(dsn, rest[0], int(rest[1]), int(rest[2]))
