"""StA 11 administers groups and local roles through Plone's own REST
endpoints (the same as the users/groups and sharing screens), without being
Manager."""

from stadtdo.sozialnetz.demo import demo_password


def _session(request_factory, userid):
    return request_factory(basic_auth=(userid, demo_password(userid)), api=False)


def test_sta11_adds_a_user_to_a_department_group(request_factory):
    sta11 = _session(request_factory, "sta11")
    response = sta11.patch(
        "@groups/fb-10-mitarbeiter", json={"users": {"mitarbeiter50": True}}
    )
    assert response.status_code == 204, response.text
    group = sta11.get("@groups/fb-10-mitarbeiter").json()
    assert "mitarbeiter50" in group["members"]["items"]


def test_sta11_gives_a_local_role_on_the_sharing_page(request_factory):
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
    assert response.status_code == 204, response.text
    sharing = sta11.get("soziale-netzwerke/fb-50/@sharing").json()
    entry = next(e for e in sharing["entries"] if e["id"] == "dsfachkraft")
    assert entry["roles"]["SNDatenschutzfachkraft"] is True


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
