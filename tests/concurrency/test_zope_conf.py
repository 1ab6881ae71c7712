"""The instance's zope.conf repeats a conflicting request often enough."""

from pathlib import Path
from Zope2.Startup.options import ZopeWSGIOptions
import tempfile


ROOT = Path(__file__).parents[2]


def test_zope_conf_sets_the_conflict_retries_of_the_wsgi_publisher():
    template = (ROOT / "instance" / "etc" / "zope.conf.in").read_text()
    with tempfile.TemporaryDirectory() as tmp:
        for sub in ("var/filestorage", "var/blobstorage", "var/cache"):
            (Path(tmp) / sub).mkdir(parents=True)
        conf = Path(tmp) / "zope.conf"
        conf.write_text(template.replace("@INSTANCE@", tmp))
        # parsed as Zope's WSGI start-up does (Zope2.Startup.run)
        options = ZopeWSGIOptions(configfile=str(conf))()
    # Zope2.Startup.handlers.root_wsgi_handler makes it
    # HTTPRequest.retry_max_count, which the WSGI publisher reads per request
    assert options.configroot.max_conflict_retries == 6
    # room for the connections that draw numbers (nummernkreis), 4 threads
    assert options.configroot.databases[0].config.pool_size == 8
