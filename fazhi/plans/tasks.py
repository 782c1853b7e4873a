"""Celery tasks of plan import. They take ids; the work is in plans.services."""

from celery import shared_task

from fazhi.plans.services import run_import


@shared_task
def parse_import(job_id: str) -> None:
    run_import(job_id)
