"""`manage.py send_reminders [--date YYYY-MM-DD]`: the daily reminder job, e.g. from cron."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fazhi.supervision.reminders import send_reminders


class Command(BaseCommand):
    help = "发送任务到期和逾期提醒（同一任务分派、同一规则每天最多一次）"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--date", help="按该日期发送（默认今天），格式 YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        on = None
        if options["date"]:
            try:
                on = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(f"日期格式不正确：{options['date']}（应为 YYYY-MM-DD）") from None
        run = send_reminders(on)
        for warning in run.warnings:
            self.stderr.write(warning)
        self.stdout.write(str(run))
