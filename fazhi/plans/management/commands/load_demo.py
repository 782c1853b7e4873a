"""Load the demo: unit registry of three districts, seed plans 000/002/003, one account per role.

Idempotent: running it again changes nothing (plans are recognised by their content hash).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from fazhi.accounts.models import Profile, Role
from fazhi.ledger.dispatch import dispatch
from fazhi.plans import drafts
from fazhi.plans.models import ImportJob
from fazhi.plans.services import confirm_import, resolve_leftovers, run_import, start_import
from fazhi.units.demo_registry import REGISTRY
from fazhi.units.loading import load_registry
from fazhi.units.models import Unit

DEMO_PASSWORD = "fazhi-demo"
# (seed file, district, the office account that imports it)
SEEDS = [
    ("000_2c654679abd70264.txt", "天桥区", "office"),
    ("002_d0914789c651349d.txt", "龙泉市", "office_longquan"),
    ("003_12f87d2dbc5014d3.txt", "红桥区", "office_hongqiao"),
]
# (username, full name, role, jurisdiction, unit full name)
ACCOUNTS = [
    ("office", "王办公室", Role.OFFICE, "天桥区", None),
    ("leader", "李领导", Role.LEADER, "天桥区", None),
    ("liaison_sfj", "张联络员", Role.LIAISON, "天桥区", "天桥区司法局"),
    ("liaison_xcb", "赵联络员", Role.LIAISON, "天桥区", "天桥区委宣传部"),
    ("inspector", "钱督察", Role.INSPECTOR, "天桥区", None),
    ("office_longquan", "龙泉办公室", Role.OFFICE, "龙泉市", None),
    ("office_hongqiao", "红桥办公室", Role.OFFICE, "红桥区", None),
]


class Command(BaseCommand):
    help = "加载演示数据：单位名录、种子计划 000/002/003、各角色演示账号"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--seeds", default=str(settings.BASE_DIR / "tests" / "fixtures" / "seeds"))
        parser.add_argument("--no-plans", action="store_true", help="只加载名录和账号")

    def handle(self, *args: Any, **options: Any) -> None:
        jurisdictions = load_registry(REGISTRY)
        self.stdout.write(f"单位名录：{Unit.objects.count()} 个单位")
        users = self._accounts(jurisdictions)
        if not options["no_plans"]:
            for filename, district, office in SEEDS:
                self._plan(Path(options["seeds"]) / filename, jurisdictions[district], users[office])
        self.stdout.write(f"\n演示账号（密码均为 {DEMO_PASSWORD}）：")
        self.stdout.write("  admin            系统管理员（全部辖区，含 /admin/）")
        for username, _, role, district, unit_name in ACCOUNTS:
            where = unit_name or district
            self.stdout.write(f"  {username:<16} {Role(role).label}（{where}）")

    @transaction.atomic
    def _accounts(self, jurisdictions: dict[str, Any]) -> dict[str, Any]:
        User = get_user_model()
        users = {}
        admin, created = User.objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            admin.set_password(DEMO_PASSWORD)
            admin.save()
        for username, full_name, role, district, unit_name in ACCOUNTS:
            user, created = User.objects.get_or_create(username=username, defaults={"first_name": full_name})
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            jur = jurisdictions[district]
            unit = Unit.objects.get(jurisdiction=jur, name=unit_name) if unit_name else None
            Profile.objects.update_or_create(
                user=user, defaults={"role": role, "jurisdiction": jur, "unit": unit}
            )
            users[username] = user
        return users

    def _plan(self, path: Path, jurisdiction: Any, office: Any) -> None:
        result = start_import(
            user=office, jurisdiction=jurisdiction, filename=path.name, data=path.read_bytes(), enqueue=False
        )
        if result.existing_plan is not None:
            self.stdout.write(f"已存在：{result.existing_plan.title}")
            return
        run_import(result.job.pk)  # the loader is a batch job itself: parse here, not in the background
        job = ImportJob.objects.get(pk=result.job.pk)
        if job.status != ImportJob.Status.READY:
            self.stderr.write(f"未能解析 {path.name}：{job.error or job.get_status_display()}")
            return
        self._resolve_leftovers(job)
        try:
            plan = confirm_import(job, office)
        except drafts.DraftError as exc:
            self.stderr.write(f"未能确认 {path.name}：{exc.message}")
            return
        created = dispatch(plan, office)
        self.stdout.write(f"已导入并下发：{plan.title}（{plan.tasks.count()} 项任务，{created} 条分派）")

    def _resolve_leftovers(self, job: ImportJob) -> None:
        for name in resolve_leftovers(job):
            self.stdout.write(f"  新建单位：{name}")
