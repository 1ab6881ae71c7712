"""Backup and restore of the database with its blobs (make backup/restore).

    python scripts/sicherung.py sichern     [--voll] [--behalten 14] SPEICHER
    python scripts/sicherung.py wiederherstellen [--stand ID] SPEICHER
    python scripts/sicherung.py liste       SPEICHER

SPEICHER is one of

    --datafs instance/var/filestorage/Data.fs --blobs instance/var/blobstorage
    --cluster-var instance/var [--pg-port 15432]     (RelStorage of make start-cluster)

and ``--ziel`` the backup directory (default ``<var>/backups``). One backup
(its ID is the UTC time it was finished, ``2026-12-04-20-30-11``) is

- FileStorage: ``repozo`` into ``<ziel>/filestorage`` – the first one and
  each ``--voll`` a full copy, the others only the transactions since the
  last one (incremental); it may run while the instance serves;
- RelStorage: ``pg_dump`` (custom format, one consistent snapshot) into
  ``<ziel>/postgres/<ID>.dump``; PostgreSQL must run, the instances may;
- the blob directory, after the database (a blob is written before the
  transaction that references it, so the copy holds every blob the database
  copy names): ``<ziel>/blobs/<ID>/``, files that the previous backup holds
  unchanged are hard links (blob files are never changed in place).

``--behalten N`` keeps the newest N backups and removes older ones (with the
repozo files no kept backup needs). ``wiederherstellen`` needs the instances
stopped; it restores the newest backup or ``--stand ID``, keeps the data it
replaces once as ``*.vor-wiederherstellung``, and tells to run
``make pruefen`` afterwards.
"""

from pathlib import Path
import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import time


BIN = Path(sys.executable).parent
SCRIPTS = Path(__file__).resolve().parent
STAND_FORMAT = "%Y-%m-%d-%H-%M-%S"
VORHER = ".vor-wiederherstellung"


def jetzt():
    return datetime.datetime.now(datetime.UTC).strftime(STAND_FORMAT)


def blobs_sichern(quelle, ziel, stand):
    """Copy the blob directory ``quelle`` to ``ziel/<stand>``; files the
    previous copy has with the same size and time are hard links."""
    vorige = sorted(p for p in ziel.glob("*-*-*") if p.is_dir() and p.suffix != ".tmp")
    vorige = vorige[-1] if vorige else None
    neu = ziel / f"{stand}.tmp"
    if neu.exists():
        shutil.rmtree(neu)
    for wurzel, _ordner, dateien in os.walk(quelle):
        teilpfad = Path(wurzel).relative_to(quelle)
        (neu / teilpfad).mkdir(parents=True, exist_ok=True)
        for name in dateien:
            if name.endswith(".lock"):
                continue
            datei = Path(wurzel) / name
            alt = vorige / teilpfad / name if vorige else None
            status = datei.stat()
            if alt is not None and alt.exists():
                alt_status = alt.stat()
                if (alt_status.st_size, int(alt_status.st_mtime)) == (
                    status.st_size,
                    int(status.st_mtime),
                ):
                    os.link(alt, neu / teilpfad / name)
                    continue
            shutil.copy2(datei, neu / teilpfad / name)
    neu.rename(ziel / stand)


def blobs_zurueck(sicherung, blobs):
    blobs = Path(blobs)
    if blobs.exists():
        alt = blobs.with_name(blobs.name + VORHER)
        if alt.exists():
            shutil.rmtree(alt)
        blobs.rename(alt)
    shutil.copytree(sicherung, blobs)
    blobs.chmod(0o700)


class Speicher:
    """What is backed up and where to."""

    def __init__(self, ziel):
        self.ziel = Path(ziel).resolve()
        self.blob_ziel = self.ziel / "blobs"

    def staende(self):
        """IDs of the complete backups, oldest first."""
        if not self.blob_ziel.exists():
            return []
        return sorted(
            p.name for p in self.blob_ziel.iterdir() if not p.name.endswith(".tmp")
        )

    def sichern(self, voll=False, behalten=None):
        for ordner in (self.ziel, self.blob_ziel):
            ordner.mkdir(parents=True, exist_ok=True)
        self.datenbank_sichern(voll)
        stand = jetzt()
        while stand in self.staende():  # two backups within one second
            time.sleep(1)
            stand = jetzt()
        blobs_sichern(self.blobs, self.blob_ziel, stand)
        self.vermerken(stand)
        if behalten:
            self.aufraeumen(behalten)
        return stand

    def vermerken(self, stand):
        pass

    def aufraeumen(self, behalten):
        staende = self.staende()
        weg = staende[:-behalten] if len(staende) > behalten else []
        for stand in weg:
            shutil.rmtree(self.blob_ziel / stand)
        if weg:
            self.datenbank_aufraeumen(self.staende()[0])
        return weg

    def stand_waehlen(self, stand=None):
        staende = self.staende()
        if not staende:
            raise SystemExit(f"Keine Sicherung in {self.ziel}.")
        if stand is None:
            return staende[-1]
        if stand not in staende:
            raise SystemExit(
                f"Keine Sicherung {stand}; vorhanden: {', '.join(staende)}"
            )
        return stand

    def wiederherstellen(self, stand=None):
        stand = self.stand_waehlen(stand)
        self.datenbank_zurueck(stand)
        blobs_zurueck(self.blob_ziel / stand, self.blobs)
        return stand


class FileStorageSpeicher(Speicher):
    def __init__(self, datafs, blobs, ziel=None):
        self.datafs = Path(datafs).resolve()
        self.blobs = Path(blobs).resolve()
        super().__init__(ziel or self.datafs.parent.parent / "backups")
        self.repozo_ziel = self.ziel / "filestorage"

    def repozo(self, *args):
        subprocess.run([str(BIN / "repozo"), *args], check=True)

    def datenbank_sichern(self, voll):
        self.repozo_ziel.mkdir(parents=True, exist_ok=True)
        self.repozo(
            "-B",
            "-z",
            "-r",
            str(self.repozo_ziel),
            "-f",
            str(self.datafs),
            *(["-F"] if voll else []),
        )

    def datenbank_aufraeumen(self, aeltester):
        """Remove the repozo files older than the full backup the oldest
        kept backup starts from."""
        voll = sorted(
            p.stem
            for p in self.repozo_ziel.glob("*.fs*")
            if p.suffix in (".fs", ".fsz")
        )
        basis = max((s for s in voll if s <= aeltester), default=None)
        if basis is None:
            return
        for datei in self.repozo_ziel.iterdir():
            if datei.name[:19] < basis:
                datei.unlink()

    def datenbank_zurueck(self, stand):
        neu = self.datafs.with_name(self.datafs.name + ".neu")
        self.repozo("-R", "-r", str(self.repozo_ziel), "-D", stand, "-o", str(neu))
        if self.datafs.exists():
            self.datafs.rename(self.datafs.with_name(self.datafs.name + VORHER))
        for endung in (".index", ".lock", ".tmp"):
            Path(f"{self.datafs}{endung}").unlink(missing_ok=True)
        neu.rename(self.datafs)


class RelStorageSpeicher(Speicher):
    """The PostgreSQL database of ``scripts/cluster.py`` (make start-cluster)."""

    def __init__(self, var, pg_port=15432, ziel=None):
        sys.path.insert(0, str(SCRIPTS))
        import cluster

        self.cluster = cluster.Cluster(var, pg_port=pg_port)
        self.pg = cluster.pg_bin()
        self.blobs = self.cluster.var / "blobstorage-cluster"
        super().__init__(ziel or self.cluster.var / "backups")
        self.dump_ziel = self.ziel / "postgres"

    def pg_args(self):
        return ["-h", "127.0.0.1", "-p", str(self.cluster.pg_port), "-U", "zodb"]

    def datenbank_sichern(self, voll):
        self.cluster.start_postgres()  # returns at once if it runs
        self.dump_ziel.mkdir(parents=True, exist_ok=True)
        self._dump = self.dump_ziel / "laufend.dump.tmp"
        subprocess.run(
            [
                str(self.pg / "pg_dump"),
                *self.pg_args(),
                "-Fc",
                "-f",
                str(self._dump),
                "zodb",
            ],
            env=self.cluster.pg_env(),
            check=True,
        )

    def vermerken(self, stand):
        self._dump.rename(self.dump_ziel / f"{stand}.dump")

    def datenbank_aufraeumen(self, aeltester):
        for dump in self.dump_ziel.glob("*.dump"):
            if dump.stem < aeltester:
                dump.unlink()

    def datenbank_zurueck(self, stand):
        self.cluster.start_postgres()
        subprocess.run(
            [
                str(self.pg / "pg_restore"),
                *self.pg_args(),
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--no-owner",
                "-d",
                "zodb",
                str(self.dump_ziel / f"{stand}.dump"),
            ],
            env=self.cluster.pg_env(),
            check=True,
        )


def speicher_aus(args):
    if args.cluster_var:
        return RelStorageSpeicher(
            args.cluster_var, pg_port=args.pg_port, ziel=args.ziel
        )
    if not (args.datafs and args.blobs):
        raise SystemExit("Angabe fehlt: --datafs und --blobs, oder --cluster-var")
    return FileStorageSpeicher(args.datafs, args.blobs, ziel=args.ziel)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("befehl", choices=("sichern", "wiederherstellen", "liste"))
    parser.add_argument("--datafs")
    parser.add_argument("--blobs")
    parser.add_argument("--cluster-var")
    parser.add_argument("--pg-port", type=int, default=15432)
    parser.add_argument("--ziel")
    parser.add_argument(
        "--voll", action="store_true", help="volle Sicherung (repozo -F)"
    )
    parser.add_argument(
        "--behalten", type=int, default=None, help="die neuesten N behalten"
    )
    parser.add_argument("--stand", help="ID der Sicherung (Standard: die neueste)")
    args = parser.parse_args(argv)
    speicher = speicher_aus(args)
    if args.befehl == "sichern":
        stand = speicher.sichern(voll=args.voll, behalten=args.behalten)
        print(f"Sicherung {stand} in {speicher.ziel}")
    elif args.befehl == "wiederherstellen":
        stand = speicher.wiederherstellen(args.stand)
        print(f"Wiederhergestellt: Sicherung {stand}. Jetzt prüfen: make pruefen")
    else:
        print(json.dumps(speicher.staende(), indent=1))


if __name__ == "__main__":
    main()
