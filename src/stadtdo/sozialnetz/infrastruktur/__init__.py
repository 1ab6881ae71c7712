"""What the concerns stand on, with no rule of the process in it: site-wide
stores (``speicher``), answers of keyed REST writes (``idempotenz``), the
mergeable full-text index (``volltext``), number ranges and history ids
(``nummernkreis``), what kind of request this is (``rest``), the base class of
the add-on's REST services (``dienst``) and the log of retried write conflicts
(``konflikte``). Imports nothing of the add-on above ``errors``/``settings``."""
