"""Taking over the catalogue of the Notes database "Soziale Netzwerke".

Notes exports documents as DXL (Domino XML) or as CSV in the code page of the
client. One reader per format turns its input into neutral records
(``datensatz.Datensatz``); one validator (``pruefung.pruefen``) decides what
may be taken over, for the dry run and the real run alike; one writer
(``anlegen.anlegen``) creates the Antrag; ``uebernahme.uebernehmen`` runs the
records through both and reports per record.

    csv_reader.py   CSV: encoding and delimiter detection, one record per row
    dxl_reader.py   DXL: streamed with lxml.etree.iterparse, mapping documented there
    pruefung.py     the one validation used by --probelauf and the real run
    anlegen.py      creates Antrag, Personen, Anlagen, votes and the history entry
    uebernahme.py   the run: duplicates, existing Notes-IDs, batches, links
    cli.py          the console script ``sozialnetz-notes-import``
    verfahren.py    the only imports of the process modules (Gremien, Voten, Verlauf)

This package imports nothing at import time, so the console script can parse
its arguments before Zope starts.
"""
