"""The REST API: schema, token auth, upload → confirm, the same permissions as the pages."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from platform_seeds import SEED_000
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def _api(user: Any) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def test_the_openapi_schema_describes_the_endpoints(cast: Any) -> None:
    response = cast.client(cast.office).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ["/api/plans/", "/api/imports/", "/api/imports/{id}/confirm/", "/api/tasks/", "/api/units/"]:
        assert path in paths
    assert "/api/assignments/" in paths and "/api/plans/{id}/dispatch/" in paths


def test_upload_poll_confirm_and_dispatch_with_a_token(
    cast: Any, django_capture_on_commit_callbacks: Any
) -> None:
    api = _api(cast.office)
    with django_capture_on_commit_callbacks(execute=True):
        created = api.post(
            "/api/imports/", {"file": SimpleUploadedFile(SEED_000.name, SEED_000.read_bytes())}
        )
    assert created.status_code == 202
    job = api.get(f"/api/imports/{created.json()['id']}/").json()
    assert job["status"] == "ready" and len(job["draft"]["tasks"]) == 18 and job["problems"] == []
    confirmed = api.post(f"/api/imports/{job['id']}/confirm/")
    assert confirmed.status_code == 201
    plan_id = confirmed.json()["id"]
    tasks = api.get("/api/tasks/", {"plan": plan_id}).json()
    assert tasks["count"] == 18 and tasks["results"][0]["units"][0]["printed_name"] == "区委依法治区办"
    dispatched = api.post(f"/api/plans/{plan_id}/dispatch/")
    assert dispatched.status_code == 200 and dispatched.json()["created"] > 400
    mine = _api(cast.liaison_a).get("/api/assignments/").json()
    assert mine["count"] > 0 and {a["unit"] for a in mine["results"]} == {cast.unit_a.pk}
    again = api.post("/api/imports/", {"file": SimpleUploadedFile("x.txt", SEED_000.read_bytes())})
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again.json()["plan"]["id"] == plan_id


def test_bad_uploads_get_a_400_with_a_chinese_message(cast: Any, settings: Any) -> None:
    api = _api(cast.office)
    wrong = api.post("/api/imports/", {"file": SimpleUploadedFile("a.exe", b"MZ")})
    assert wrong.status_code == 400 and "不支持的文件类型" in wrong.json()["detail"]
    settings.FAZHI_MAX_UPLOAD_MB = 1
    big = api.post("/api/imports/", {"file": SimpleUploadedFile("a.txt", b"x" * 2_000_000)})
    assert big.status_code == 400 and "上限" in big.json()["detail"]
    assert api.post("/api/imports/", {}).status_code == 400


def test_confirming_a_draft_with_problems_is_a_400(cast: Any, job_000: Any) -> None:
    job_000.draft["tasks"][0]["units"][0].update(id=None, kind=None, method="none")
    job_000.save()
    response = _api(cast.office).post(f"/api/imports/{job_000.pk}/confirm/")
    assert response.status_code == 400 and "没有对应单位" in response.json()["detail"]


def test_units_are_created_by_the_office_only(cast: Any) -> None:
    body = {
        "name": "天桥区测试局",
        "kind": "government",
        "jurisdiction": cast.district.pk,
        "aliases": ["测试局"],
    }
    created = _api(cast.office).post("/api/units/", body, format="json")
    assert created.status_code == 201 and created.json()["aliases"] == ["测试局"]
    assert _api(cast.leader).post("/api/units/", {**body, "name": "x"}, format="json").status_code == 403
    dup = _api(cast.office).post("/api/units/", body, format="json")
    assert dup.status_code == 400 and "同名" in str(dup.json())


def test_the_office_cannot_create_units_outside_its_district(cast: Any) -> None:
    from fazhi.units.models import Jurisdiction

    body = {
        "name": "外区单位",
        "kind": "government",
        "jurisdiction": Jurisdiction.objects.get(name="红桥区").pk,
    }
    response = _api(cast.office).post("/api/units/", body, format="json")
    assert response.status_code == 400 and "本辖区以外" in str(response.json())


def test_a_liaison_lists_only_their_unit_and_tasks(cast: Any, dispatched_000: Any) -> None:
    from fazhi.ledger.models import Assignment

    api = _api(cast.liaison_b)
    assert [u["id"] for u in api.get("/api/units/").json()["results"]] == [cast.unit_b.pk]
    tasks = {t["id"] for t in api.get("/api/tasks/").json()["results"]}
    assert tasks == set(Assignment.objects.filter(unit=cast.unit_b).values_list("task_id", flat=True))
    assert api.get("/api/imports/").json()["count"] == 0


def test_the_api_maps_an_unmatched_name_before_confirming(cast: Any, job_000: Any) -> None:
    job_000.draft["tasks"][0]["units"][0].update(id=None, kind=None, method="none")
    job_000.save()
    api = _api(cast.office)
    url = f"/api/imports/{job_000.pk}/units/"
    bad = api.post(url, {"task": 0, "position": 0, "unit": 999999}, format="json")
    assert bad.status_code == 400 and "名录中没有" in bad.json()["detail"]
    both = api.post(url, {"task": 0, "position": 0}, format="json")
    assert both.status_code == 400
    lead = "天桥区委全面依法治区委员会办公室"
    from fazhi.units.models import Unit

    ok = api.post(url, {"task": 0, "position": 0, "unit": Unit.objects.get(name=lead).pk}, format="json")
    assert ok.status_code == 200 and ok.json()["problems"] == []
    assert api.post(f"/api/imports/{job_000.pk}/confirm/").status_code == 201
    assert (
        _api(cast.leader).post(url, {"task": 0, "position": 0, "unit": 1}, format="json").status_code == 403
    )


def test_api_changes_are_recorded_with_the_token_user(cast: Any) -> None:
    from fazhi.units.models import Unit

    body = {"name": "天桥区审计局", "kind": "government", "jurisdiction": cast.district.pk}
    assert _api(cast.office).post("/api/units/", body, format="json").status_code == 201
    assert Unit.objects.get(name="天桥区审计局").history.get().history_user == cast.office
