"""A real OpenLDAP server (Debian's ``slapd``) for the tests.

``Slapd`` writes a slapd.conf (mdb backend) into a temporary directory, loads
the demo directory with ``slapadd`` and starts ``slapd`` on a free loopback
port in the foreground; ``stop()`` ends it and removes the directory.
"""

from base64 import b64encode
from hashlib import sha1
from pathlib import Path
import os
import shutil
import socket
import subprocess
import tempfile
import time


SUFFIX = "dc=stadt-dortmund,dc=de"
ROOT_DN = f"cn=admin,{SUFFIX}"
ROOT_PASSWORD = "verzeichnis-admin"
PEOPLE = f"ou=people,{SUFFIX}"
GROUPS = f"ou=groups,{SUFFIX}"

SCHEMA_DIR = Path("/etc/ldap/schema")
MODULE_DIRS = (Path("/usr/lib/ldap"), Path("/usr/lib64/openldap"))

#: demo users of the directory: uid -> (full name, mail, password)
BENUTZER = {
    "ldap.mitarbeiterin": (
        "Mira Verzeichnis",
        "mira.verzeichnis@stadtdo.example",
        "Mira-2026!",
    ),
    "ldap.agentur": (
        "Anton Verzeichnis",
        "anton.verzeichnis@stadtdo.example",
        "Anton-2026!",
    ),
    "ldap.konflikt": (
        "Konrad Verzeichnis",
        "konrad.verzeichnis@stadtdo.example",
        "Konrad-2026!",
    ),
}

#: groups of the directory: cn -> members (uids)
GRUPPEN = {
    "SN-FB10-Mitarbeitende": ("ldap.mitarbeiterin", "ldap.konflikt"),
    "SN-Agentur": ("ldap.agentur", "ldap.konflikt"),
    "SN-Datenschutz": ("ldap.konflikt",),
    "Kantine": ("ldap.mitarbeiterin",),  # mapped to nothing
}


def slapd_binary():
    """Path of Debian's slapd, or None."""
    for candidate in (shutil.which("slapd"), "/usr/sbin/slapd"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def slapadd_binary():
    for candidate in (shutil.which("slapadd"), "/usr/sbin/slapadd"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def ssha(password):
    """``{SSHA}`` hash of ``password`` as slapd stores it."""
    salt = os.urandom(8)
    digest = sha1(password.encode("utf-8") + salt).digest()
    return "{SSHA}" + b64encode(digest + salt).decode("ascii")


def demo_ldif():
    """The demo directory as LDIF."""
    eintraege = [
        f"dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\n"
        "dc: stadt-dortmund\no: Stadt Dortmund\n",
        f"dn: {PEOPLE}\nobjectClass: organizationalUnit\nou: people\n",
        f"dn: {GROUPS}\nobjectClass: organizationalUnit\nou: groups\n",
    ]
    for uid, (name, mail, password) in BENUTZER.items():
        vorname, nachname = name.split(" ", 1)
        eintraege.append(
            f"dn: uid={uid},{PEOPLE}\nobjectClass: inetOrgPerson\nuid: {uid}\n"
            f"cn: {name}\ngivenName: {vorname}\nsn: {nachname}\nmail: {mail}\n"
            f"userPassword: {ssha(password)}\n"
        )
    for cn, mitglieder in GRUPPEN.items():
        zeilen = "".join(f"member: uid={uid},{PEOPLE}\n" for uid in mitglieder)
        eintraege.append(
            f"dn: cn={cn},{GROUPS}\nobjectClass: groupOfNames\ncn: {cn}\n{zeilen}"
        )
    return "\n".join(eintraege)


def _freier_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _modulpfad():
    for path in MODULE_DIRS:
        if (path / "back_mdb.so").exists() or (path / "back_mdb.la").exists():
            return path
    return None


class Slapd:
    """One slapd process with the demo directory."""

    def __init__(self):
        self.port = _freier_port()
        self.uri = f"ldap://127.0.0.1:{self.port}"
        self.verzeichnis = Path(tempfile.mkdtemp(prefix="sozialnetz-slapd-"))
        self.process = None

    def _konfiguration(self):
        daten = self.verzeichnis / "daten"
        daten.mkdir()
        modulpfad = _modulpfad()
        module = f"modulepath {modulpfad}\nmoduleload back_mdb\n" if modulpfad else ""
        schemas = "".join(
            f"include {SCHEMA_DIR / name}.schema\n"
            for name in ("core", "cosine", "inetorgperson", "nis")
        )
        conf = self.verzeichnis / "slapd.conf"
        conf.write_text(
            f"{schemas}"
            f"pidfile {self.verzeichnis / 'slapd.pid'}\n"
            f"{module}"
            "database mdb\n"
            "maxsize 10485760\n"
            f"suffix {SUFFIX}\n"
            f"rootdn {ROOT_DN}\n"
            f"rootpw {ROOT_PASSWORD}\n"
            f"directory {daten}\n"
            "index objectClass eq\n"
            "index uid,cn,member eq\n"
            "access to attrs=userPassword by anonymous auth by * none\n"
            "access to * by * read\n",
            encoding="utf-8",
        )
        return conf

    def start(self, timeout=15):
        conf = self._konfiguration()
        ldif = self.verzeichnis / "demo.ldif"
        ldif.write_text(demo_ldif(), encoding="utf-8")
        subprocess.run(
            [slapadd_binary(), "-q", "-f", str(conf), "-l", str(ldif)],
            check=True,
            capture_output=True,
        )
        self.log = open(self.verzeichnis / "slapd.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [slapd_binary(), "-d", "0", "-f", str(conf), "-h", f"{self.uri}/"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        ende = time.monotonic() + timeout
        while time.monotonic() < ende:
            if self.process.poll() is not None:
                raise RuntimeError(
                    "slapd ended at start: "
                    + (self.verzeichnis / "slapd.log").read_text(errors="replace")
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"slapd did not listen on {self.uri} within {timeout}s")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "log", None) is not None:
            self.log.close()
        shutil.rmtree(self.verzeichnis, ignore_errors=True)
