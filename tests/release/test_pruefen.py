"""``sozialnetz-pruefen`` finds what a database cannot load or index."""

from tests.release import instanz


def test_a_fresh_site_has_no_finding(frische_site):
    rc, ausgabe = instanz.pruefen(frische_site)
    assert rc == 0, ausgabe
    assert "0 Befunde" in ausgabe


def test_broken_object_catalog_gaps_and_a_vote_without_history_are_found(
    frische_site, tmp_path
):
    modulpfad = tmp_path / "modulname"
    modulpfad.mkdir()
    (modulpfad / "kaputt_modul.py").write_text(
        "from persistent import Persistent\n\n\nclass Verschwunden(Persistent):\n    pass\n"
    )
    beschaedigt = instanz.zconsole(
        frische_site,
        "../tests/release/beschaedigen.py",
        env={"PYTHONPATH": f"{instanz.REPO / 'src'}:{modulpfad}"},
    )
    (weg,) = [
        z.removeprefix("WEG=") for z in beschaedigt.split() if z.startswith("WEG=")
    ]
    rc, ausgabe = instanz.pruefen(frische_site)
    assert rc == 1, ausgabe
    assert "[kaputt]" in ausgabe
    assert "Klasse kaputt_modul.Verschwunden fehlt" in ausgabe
    assert f"fb-10/{weg}: Katalogeintrag ohne Objekt" in ausgabe
    assert "soziale-netzwerke/fb-50: Objekt fehlt im Katalog" in ausgabe
    assert "[verlauf]" in ausgabe
    assert "poa: Votum „ja“, im Verlauf zuletzt „offen“" in ausgabe
