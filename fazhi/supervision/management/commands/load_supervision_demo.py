"""`manage.py load_supervision_demo`: supervision examples on top of `load_demo` (天桥区).

One 督办单 to 天桥区司法局 on its first overdue assignment, one inspection of 司法局 and 委宣传部
with a finding each (so each unit has a 整改 item), and today's reminders. Safe to run again:
what exists already is left as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from fazhi.ledger.status import Light, assignment_light_q
from fazhi.supervision.models import Inspection, Notice
from fazhi.supervision.reminders import send_reminders
from fazhi.supervision.services import create_inspection, issue_notice, record_finding

INSPECTION = "法治政府建设专项督察（演示）"
FINDINGS = [
    ("天桥区司法局", "行政执法“三项制度”公示信息更新不及时，部分执法决定未在20个工作日内公开。"),
    ("天桥区委宣传部", "普法责任制清单未按要求公开，“谁执法谁普法”落实台账不完整。"),
]


class Command(BaseCommand):
    help = "为天桥区加载督办、督察整改演示数据（需先运行 load_demo）"

    def handle(self, *args: Any, **options: Any) -> None:
        from fazhi.ledger.models import Assignment
        from fazhi.units.models import Jurisdiction, Unit

        office = get_user_model().objects.filter(username="office").first()
        district = Jurisdiction.objects.filter(name="天桥区").first()
        if office is None or district is None:
            raise CommandError("请先运行 manage.py load_demo")
        today = timezone.localdate()
        with transaction.atomic():
            sfj = Unit.objects.get(jurisdiction=district, name="天桥区司法局")
            if not Notice.objects.filter(unit=sfj).exists():
                late = (
                    Assignment.objects.filter(unit=sfj, task__plan__dispatched_at__isnull=False)
                    .filter(assignment_light_q(Light.OVERDUE, today))
                    .order_by("deadline", "pk")
                    .first()
                )
                if late is not None:
                    notice = issue_notice(
                        assignment=late,
                        user=office,
                        requirement="请书面说明该项任务未按期完成的原因、目前进展和下一步措施，并上传佐证材料。",
                    )
                    self.stdout.write(f"督办单：{notice.code} → {sfj.name}")
            if not Inspection.objects.filter(jurisdiction=district, name=INSPECTION).exists():
                units = [Unit.objects.get(jurisdiction=district, name=name) for name, _ in FINDINGS]
                inspection = create_inspection(
                    user=office, jurisdiction=district, name=INSPECTION, date=today, units=units
                )
                for unit, (_, text) in zip(units, FINDINGS, strict=True):
                    record_finding(
                        inspection=inspection,
                        user=office,
                        unit=unit,
                        text=text,
                        deadline=today + dt.timedelta(days=30),
                    )
                self.stdout.write(f"督察：{INSPECTION}（{len(FINDINGS)}个整改事项）")
        self.stdout.write(f"提醒：{send_reminders()}")
