"""One assignment's reports and every step taken on them."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_it_shows_reports_and_their_history(
    cast: Any, a_part: Any, report_of: Any, django_assert_max_num_queries: Any
) -> None:
    from fazhi.progress.services import return_report

    return_report(report_of(a_part, cast.liaison_a), cast.office, "请补充数据")
    url = reverse("progress-assignment", args=[a_part.task_id, a_part.unit_id])
    c = cast.client(cast.liaison_a)
    with django_assert_max_num_queries(10):
        response = c.get(url)
    body = response.content.decode()
    assert response.status_code == 200 and "请补充数据" in body and "提交审核" in body and "退回修改" in body
    assert response.context["can_report"]


def test_the_office_sees_it_without_the_report_button(cast: Any, a_part: Any, report_of: Any) -> None:
    report_of(a_part, cast.liaison_a, submit=False)
    response = cast.client(cast.office).get(
        reverse("progress-assignment", args=[a_part.task_id, a_part.unit_id])
    )
    assert response.status_code == 200 and not response.context["can_report"]
    assert response.context["reports"] == []  # the draft is the unit's own


def test_liaison_b_does_not_find_it(cast: Any, a_part: Any) -> None:
    url = reverse("progress-assignment", args=[a_part.task_id, a_part.unit_id])
    assert cast.client(cast.liaison_b).get(url).status_code == 404
