"""Reports over the database: the report and its filters (``bericht``), the
public register of official accounts (``register``), the catalog indexers the
Übersicht, Meine Aufgaben and the report query (``indexer``)."""
