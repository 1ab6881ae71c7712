"""Start and stop the demo cluster: PostgreSQL, Zope instances, HAProxy.

    python scripts/cluster.py start [--var instance/var] [--port 8080]
                                    [--instances 8081,8082] [--pg-port 15432]
    python scripts/cluster.py stop  [--var instance/var]
    python scripts/cluster.py status [--var instance/var]

``start`` creates (once) a PostgreSQL cluster of its own under
``<var>/postgres`` (Debian's binaries, socket in ``<var>/run``, listening on
127.0.0.1 only, password login), renders the configuration from
``instance/etc/cluster/*.in`` into ``<var>/etc``, creates the demo site with
``scripts/create_site.py`` (idempotent), starts one Zope instance per port
(RelStorage, shared blob directory ``<var>/blobstorage-cluster``) and HAProxy
in front of them. Every process runs in the background with a pid file in
``<var>/run`` and a log in ``<var>/log``; ``stop`` ends them all. Used by
``make start-cluster``/``make stop-cluster`` and by tests/cluster (with a
temporary ``--var`` and free ports).

Nothing here runs the scheduled jobs: cron posts once to HAProxy (docs/verwaltung.rst,
"Geplante Aufgaben (cron)").
"""

from pathlib import Path
import argparse
import contextlib
import glob
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "instance" / "etc" / "cluster"
BIN = Path(sys.executable).parent
SITE = os.environ.get("SITE_ID", "Plone")


def pg_bin():
    """The directory of Debian's PostgreSQL server binaries (newest version)."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parent.parent.name),
    )
    return Path(found[-1]).parent if found else None


def haproxy_bin():
    return shutil.which("haproxy") or (
        "/usr/sbin/haproxy" if os.path.exists("/usr/sbin/haproxy") else None
    )


def missing_binaries():
    """Names of the system programs the cluster needs and does not find."""
    missing = []
    if pg_bin() is None:
        missing.append("postgresql (pg_ctl, initdb)")
    if haproxy_bin() is None:
        missing.append("haproxy")
    return missing


def create_site(zope_conf, mailqueue, **env):
    """The demo site of ``make start`` (scripts/create_site.py, idempotent)
    in the database of ``zope_conf``, mails queued in ``mailqueue``."""
    subprocess.run(
        [
            str(BIN / "zconsole"),
            "run",
            str(zope_conf),
            str(REPO / "scripts" / "create_site.py"),
        ],
        cwd=REPO,
        env=dict(os.environ, MAIL_QUEUE=str(mailqueue), **env),
        check=True,
    )


class Cluster:
    def __init__(self, var, port=8080, instances=(8081, 8082), pg_port=15432):
        self.var = Path(var).resolve()
        self.port = port
        self.instances = list(instances)
        self.pg_port = pg_port
        self.etc = self.var / "etc"
        self.run = self.var / "run"
        self.log = self.var / "log"
        self.pgdata = self.var / "postgres"
        self.password_file = self.var / "postgres.password"
        #: extra environment for create_site.py (e.g. SMTP_PORT)
        self.site_env = {}

    # -- helpers ---------------------------------------------------------

    def names(self):
        return [f"instance{i + 1}" for i in range(len(self.instances))]

    def url(self, port=None):
        return f"http://127.0.0.1:{port or self.port}/{SITE}"

    def as_postgres(self, cmd, **kw):
        """Run a PostgreSQL program; as root through the ``postgres`` user
        (initdb and the server refuse to run as root)."""
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=True, **kw)

    def pg_env(self):
        return dict(os.environ, PGPASSWORD=self.password())

    def password(self):
        return self.password_file.read_text().strip()

    def pid(self, name):
        try:
            pid = int((self.run / f"{name}.pid").read_text())
        except (OSError, ValueError):
            return None
        with contextlib.suppress(ChildProcessError):
            # a child of this process that ended is reaped, not counted
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return None
        try:
            os.kill(pid, 0)
        except OSError:
            return None
        return pid

    # -- configuration -----------------------------------------------------

    def render(self):
        for path in (self.etc, self.run, self.log, self.var / "cache"):
            path.mkdir(parents=True, exist_ok=True)
        (self.var / "blobstorage-cluster").mkdir(mode=0o700, exist_ok=True)
        if not self.password_file.exists():
            self.password_file.touch(mode=0o600)
            self.password_file.write_text(secrets.token_hex(16) + "\n")
        values = {
            "@VAR@": str(self.var),
            "@INSTANCE@": str(REPO / "instance"),
            "@PGPORT@": str(self.pg_port),
            "@PGPASSWORD@": self.password(),
            "@PORT@": str(self.port),
            "@SITE@": SITE,
            "@SERVERS@": "\n".join(
                f"    server {name} 127.0.0.1:{port} check"
                for name, port in zip(self.names(), self.instances, strict=True)
            ),
        }

        def fill(template, target, extra=None):
            text = (TEMPLATES / template).read_text()
            for key, value in {**values, **(extra or {})}.items():
                text = text.replace(key, value)
            target.write_text(text)
            target.chmod(0o600)

        fill("zope.conf.in", self.etc / "zope.conf")
        fill("haproxy.cfg.in", self.etc / "haproxy.cfg")
        for name, port in zip(self.names(), self.instances, strict=True):
            fill(
                "zope.ini.in",
                self.etc / f"{name}.ini",
                {"@PORT@": str(port), "@NAME@": name},
            )

    # -- PostgreSQL --------------------------------------------------------

    def start_postgres(self):
        pg = pg_bin()
        if self.pid("postgres"):
            return
        if not (self.pgdata / "PG_VERSION").exists():
            self.pgdata.mkdir(mode=0o700, exist_ok=True)
            pwfile = self.run / "initdb.pw"
            pwfile.write_text(self.password() + "\n")
            if os.geteuid() == 0:
                shutil.chown(self.pgdata, "postgres")
                shutil.chown(pwfile, "postgres")
            try:
                self.as_postgres(
                    [
                        str(pg / "initdb"),
                        "-D",
                        str(self.pgdata),
                        "-U",
                        "zodb",
                        f"--pwfile={pwfile}",
                        "--auth=scram-sha-256",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8",
                    ],
                    stdout=subprocess.DEVNULL,
                )
            finally:
                pwfile.unlink()
        if os.geteuid() == 0:
            shutil.chown(self.run, "postgres")
            for path in (self.log / "postgres.log",):
                path.touch()
                shutil.chown(path, "postgres")
        self.as_postgres(
            [
                str(pg / "pg_ctl"),
                "-D",
                str(self.pgdata),
                "-l",
                str(self.log / "postgres.log"),
                "-w",
                "-o",
                f"-p {self.pg_port} -k {self.run} -c listen_addresses=127.0.0.1 "
                "-c max_connections=100 -c fsync=on",
                "start",
            ],
            stdout=subprocess.DEVNULL,
        )
        # the postmaster writes its pid as the first line of postmaster.pid
        pid = (self.pgdata / "postmaster.pid").read_text().split()[0]
        (self.run / "postgres.pid").write_text(pid)
        exists = subprocess.run(
            [
                str(pg / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.pg_port),
                "-U",
                "zodb",
                "-d",
                "postgres",
                "-tAc",
                "SELECT 1 FROM pg_database WHERE datname = 'zodb'",
            ],
            env=self.pg_env(),
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if not exists:
            subprocess.run(
                [
                    str(pg / "createdb"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(self.pg_port),
                    "-U",
                    "zodb",
                    "zodb",
                ],
                env=self.pg_env(),
                check=True,
            )

    def stop_postgres(self):
        if not (self.pgdata / "postmaster.pid").exists():
            return
        try:
            self.as_postgres(
                [
                    str(pg_bin() / "pg_ctl"),
                    "-D",
                    str(self.pgdata),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ],
                stdout=subprocess.DEVNULL,
            )
        except subprocess.CalledProcessError:
            # a stale postmaster.pid (the server is already gone)
            print("PostgreSQL lief nicht mehr.", file=sys.stderr)
        with contextlib.suppress(FileNotFoundError):
            (self.run / "postgres.pid").unlink()

    # -- Zope and HAProxy --------------------------------------------------

    def create_site(self):
        create_site(self.etc / "zope.conf", self.var / "mailqueue", **self.site_env)

    def spawn(self, name, cmd):
        """Start ``cmd`` in the background, its output in <log>/<name>.out."""
        if self.pid(name):
            return
        with open(self.log / f"{name}.out", "ab") as out:
            process = subprocess.Popen(
                cmd,
                cwd=REPO,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        (self.run / f"{name}.pid").write_text(str(process.pid))

    def start_instance(self, name):
        self.spawn(name, [str(BIN / "runwsgi"), str(self.etc / f"{name}.ini")])

    def start_haproxy(self):
        self.spawn(
            "haproxy", [haproxy_bin(), "-db", "-f", str(self.etc / "haproxy.cfg")]
        )

    def wait_ok(self, port, timeout=180, name=None):
        """Wait until http://127.0.0.1:port/<site>/@@ok answers 200."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if name and not self.pid(name):
                raise RuntimeError(
                    f"{name} ist beendet, siehe {self.log / (name + '.out')}"
                )
            try:
                with urllib.request.urlopen(self.url(port) + "/@@ok", timeout=5) as r:
                    if r.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"127.0.0.1:{port} antwortet nicht nach {timeout} s")

    def kill(self, name, sig=signal.SIGTERM, timeout=30):
        """Send ``sig`` to the process of ``name`` and wait until it is gone."""
        pid = self.pid(name)
        if pid is None:
            return False
        os.kill(pid, sig)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                # reap it if it is our child (tests start it in-process)
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    break
            try:
                os.kill(pid, 0)
            except OSError:
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(FileNotFoundError):
            (self.run / f"{name}.pid").unlink()
        return True

    # -- the whole -------------------------------------------------------

    def start(self, create_site=True):
        missing = missing_binaries()
        if missing:
            raise SystemExit("Es fehlt: " + ", ".join(missing))
        self.render()
        self.start_postgres()
        if create_site:
            self.create_site()
        for name in self.names():
            self.start_instance(name)
        for name, port in zip(self.names(), self.instances, strict=True):
            self.wait_ok(port, name=name)
        self.start_haproxy()
        self.wait_ok(self.port, timeout=30, name="haproxy")

    def stop(self):
        self.kill("haproxy")
        for name in self.names():
            self.kill(name)
        if self.run.exists():
            # instances of an earlier start with more ports
            for pidfile in self.run.glob("instance*.pid"):
                self.kill(pidfile.stem)
        self.stop_postgres()

    def status(self):
        return {name: self.pid(name) for name in ["postgres", *self.names(), "haproxy"]}


class Single(Cluster):
    """One instance on a FileStorage, exactly like ``make start`` (rendered
    from instance/etc/zope.conf.in and zope.ini.in), in its own directory:
    ``<var>/etc`` is its instance home, ``<var>/var`` its data."""

    def __init__(self, var, port=8080):
        super().__init__(var, port=port, instances=(port,))
        self.home = self.var
        self.etc = self.home / "etc"
        self.run = self.home / "var" / "run"
        self.log = self.home / "var" / "log"
        self.event_log = self.log / "event.log"

    def names(self):
        return ["instance"]

    def render(self):
        for path in (self.etc, self.run, self.log, self.home / "var" / "cache"):
            path.mkdir(parents=True, exist_ok=True)
        for sub in ("filestorage", "blobstorage"):
            (self.home / "var" / sub).mkdir(exist_ok=True)
        shutil.copy(REPO / "instance" / "etc" / "site.zcml", self.etc / "site.zcml")
        for name in ("zope.conf", "zope.ini"):
            text = (REPO / "instance" / "etc" / f"{name}.in").read_text()
            text = text.replace("@INSTANCE@", str(self.home))
            text = text.replace("@HOST@", "127.0.0.1").replace("@PORT@", str(self.port))
            (self.etc / name).write_text(text)

    def create_site(self):
        create_site(self.etc / "zope.conf", self.home / "var" / "mailqueue")

    def start(self, create_site=True):
        self.render()
        if create_site:
            self.create_site()
        self.spawn("instance", [str(BIN / "runwsgi"), str(self.etc / "zope.ini")])
        self.wait_ok(self.port, name="instance")

    def stop(self):
        self.kill("instance")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("start", "stop", "status", "render"))
    parser.add_argument("--var", default=str(REPO / "instance" / "var"))
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--instances", default="8081,8082")
    parser.add_argument("--pg-port", type=int, default=15432)
    args = parser.parse_args(argv)
    cluster = Cluster(
        args.var,
        port=args.port,
        instances=[int(p) for p in args.instances.split(",") if p],
        pg_port=args.pg_port,
    )
    if args.command == "start":
        cluster.start()
        print(f"Cluster: {cluster.url()} (HAProxy) vor", end=" ")
        print(", ".join(cluster.url(p) for p in cluster.instances))
        print(f"Logs: {cluster.log}; Ende mit: make stop-cluster")
    elif args.command == "stop":
        cluster.stop()
        print("Cluster gestoppt.")
    elif args.command == "render":
        cluster.render()
    else:
        for name, pid in cluster.status().items():
            print(f"{name:12} {f'läuft (pid {pid})' if pid else 'gestoppt'}")


if __name__ == "__main__":
    main()
