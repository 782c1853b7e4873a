"""Confirming a draft creates the plan, tasks and unit links in one transaction, or nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from platform_seeds import SEED_000, import_seed


def test_confirming_creates_the_plan_and_its_ledger(cast: Any, job_000: Any) -> None:
    from fazhi.ledger.models import Task, TaskUnit
    from fazhi.plans.models import ImportJob, Plan

    response = cast.client(cast.office).post(reverse("import-confirm", args=[job_000.pk]))
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plan-ledger", args=[plan.pk])
    assert plan.title == "天桥区法治建设品质提升实施方案" and plan.tasks.count() == 18
    first = Task.objects.get(plan=plan, position=1)
    assert (first.number, first.title, str(first.deadline)) == ("1", "领导干部带头学法", "2024-09-30")
    assert first.subcategory == "(一)深入学习贯彻习近平法治思想"
    assert [t["text"] for t in first.targets][:1] == ["至少2次"]
    lead = TaskUnit.objects.get(task=first, role="lead")
    assert (lead.printed_name, lead.unit.name) == ("区委依法治区办", "天桥区委全面依法治区委员会办公室")
    job_000.refresh_from_db()
    assert job_000.status == ImportJob.Status.CONFIRMED and job_000.plan == plan
    assert first.history.get().history_user == cast.office


def test_a_failure_during_confirm_stores_nothing(cast: Any, job_000: Any, monkeypatch: Any) -> None:
    from fazhi.ledger.models import Task, TaskUnit
    from fazhi.plans.models import ImportJob, Plan
    from fazhi.plans.services import confirm_import

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(TaskUnit.objects, "bulk_create", broken)  # bulk_create_with_history calls it
    with pytest.raises(RuntimeError):
        confirm_import(job_000, cast.office)
    assert (Plan.objects.count(), Task.objects.count()) == (0, 0)
    job_000.refresh_from_db()
    assert job_000.status == ImportJob.Status.READY


def test_a_job_cannot_be_confirmed_twice(cast: Any, job_000: Any) -> None:
    from fazhi.plans.models import Plan

    c = cast.client(cast.office)
    c.post(reverse("import-confirm", args=[job_000.pk]))
    again = c.post(reverse("import-confirm", args=[job_000.pk]), follow=True)
    assert "不能确认" in again.content.decode()
    assert Plan.objects.count() == 1


def test_two_drafts_of_the_same_document_make_one_plan(
    cast: Any, job_000: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from fazhi.plans.models import Plan

    twin = import_seed(SEED_000, cast.office, cast.district, django_capture_on_commit_callbacks)
    c = cast.client(cast.office)
    assert c.post(reverse("import-confirm", args=[job_000.pk])).status_code == 302
    response = c.post(reverse("import-confirm", args=[twin.pk]))
    assert response.status_code == 400 and "已经导入过" in response.content.decode()
    assert Plan.objects.count() == 1


def test_a_draft_with_every_task_removed_cannot_be_confirmed(cast: Any, job_000: Any) -> None:
    from fazhi.plans.models import Plan

    for task in job_000.draft["tasks"]:
        task["removed"] = True
    job_000.save()
    response = cast.client(cast.office).post(reverse("import-confirm", args=[job_000.pk]))
    assert response.status_code == 400 and "没有可确认的任务" in response.content.decode()
    assert Plan.objects.count() == 0


def test_discarding_a_draft_stores_nothing(cast: Any, job_000: Any) -> None:
    from fazhi.plans.models import ImportJob, Plan

    cast.client(cast.office).post(reverse("import-discard", args=[job_000.pk]))
    job_000.refresh_from_db()
    assert job_000.status == ImportJob.Status.DISCARDED and job_000.draft is None
    assert Plan.objects.count() == 0
