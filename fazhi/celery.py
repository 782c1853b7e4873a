"""The Celery app. Tasks take ids and are enqueued with transaction.on_commit.

Without CELERY_BROKER_URL the settings make tasks run eagerly in-process, so the demo needs no
Redis; production sets the broker and runs `celery -A fazhi worker`.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")

app = Celery("fazhi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
