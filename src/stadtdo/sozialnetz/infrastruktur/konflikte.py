"""Log every write conflict Zope retries, so a load test can count them.

Zope's publisher retries a request that ends in a ``ConflictError`` (or
another ``TransientError``) up to ``max-conflict-retries`` times without
logging anything; only the last failure reaches the error log (5xx). This
subscriber writes one INFO line per retry into the event log::

    ConflictError bei POST /Plone/soziale-netzwerke/fb-10, Versuch 1 von 3: wird wiederholt

``scripts/loadtest.py`` counts these lines.
"""

import logging


logger = logging.getLogger("stadtdo.sozialnetz.konflikte")

MELDUNG = "bei"
WIEDERHOLT = "wird wiederholt"


def konflikt_protokollieren(event):
    """``IPubBeforeAbort``: log the transaction abort that Zope will retry."""
    if not event.retry:
        return
    request = event.request
    error = event.exc_info[0].__name__ if event.exc_info else "TransientError"
    logger.info(
        "%s %s %s %s, Versuch %d von %d: %s",
        error,
        MELDUNG,
        request.get("REQUEST_METHOD", "?"),
        request.get("PATH_INFO", "?"),
        request.retry_count + 1,
        request.retry_max_count,
        WIEDERHOLT,
    )
