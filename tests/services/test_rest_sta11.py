"""StA 11 administers the database's groups through its own scoped service
(@rechte-mitglieder) and department roles on the Sharing page, without being
Manager. The escalations refused to it are in tests/rechte."""

from stadtdo.sozialnetz.demo import demo_password


def _session(request_factory, userid):
    return request_factory(basic_auth=(userid, demo_password(userid)), api=False)


def test_sta11_adds_a_user_to_a_department_group(request_factory):
    sta11 = _session(request_factory, "sta11")
    response = sta11.post(
        "soziale-netzwerke/@rechte-mitglieder",
        json={
            "gruppe": "fb-10-mitarbeiter",
            "benutzer": "mitarbeiter50",
            "mitglied": True,
        },
    )
    assert response.status_code == 200, response.text
    gruppen = sta11.get("soziale-netzwerke/@rechte-mitglieder").json()["gruppen"]
    gruppe = next(g for g in gruppen if g["id"] == "fb-10-mitarbeiter")
    assert "mitarbeiter50" in gruppe["mitglieder"]


def test_sta11_gives_a_department_groups_role_on_the_sharing_page(request_factory):
    """The department roles go to the folder's own groups only (issue 20)."""
    sta11 = _session(request_factory, "sta11")
    gruppe = "fb-50-datenschutzfachkraft"
    for an in (False, True):
        response = sta11.post(
            "soziale-netzwerke/fb-50/@sharing",
            json={
                "entries": [
                    {
                        "id": gruppe,
                        "type": "group",
                        "roles": {"SNDatenschutzfachkraft": an},
                    }
                ]
            },
        )
        assert response.status_code == 204, response.text
        sharing = sta11.get("soziale-netzwerke/fb-50/@sharing").json()
        rollen = [e["roles"] for e in sharing["entries"] if e["id"] == gruppe]
        assert bool(rollen and rollen[0]["SNDatenschutzfachkraft"]) is an


def test_sta11_gives_no_department_role_to_a_person(request_factory):
    sta11 = _session(request_factory, "sta11")
    response = sta11.post(
        "soziale-netzwerke/fb-50/@sharing",
        json={
            "entries": [
                {
                    "id": "dsfachkraft",
                    "type": "user",
                    "roles": {"SNDatenschutzfachkraft": True},
                }
            ]
        },
    )
    assert response.status_code == 403, response.text
    assert "eigenen Gruppen" in response.json()["error"]["message"]


def test_sta11_cannot_make_anyone_manager(request_factory):
    sta11 = _session(request_factory, "sta11")
    response = sta11.patch("@users/mitarbeiter", json={"roles": {"Manager": True}})
    assert response.status_code in (401, 403)


def test_staff_cannot_change_groups(request_factory):
    mitarbeiter = _session(request_factory, "mitarbeiter")
    response = mitarbeiter.patch(
        "@groups/fb-10-mitarbeiter", json={"users": {"mitarbeiter50": True}}
    )
    assert response.status_code == 401
    response = mitarbeiter.post(
        "soziale-netzwerke/@rechte-mitglieder",
        json={
            "gruppe": "fb-10-mitarbeiter",
            "benutzer": "mitarbeiter50",
            "mitglied": True,
        },
    )
    assert response.status_code == 401
