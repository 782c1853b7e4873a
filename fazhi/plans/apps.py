from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "fazhi.plans"
    label = "plans"
    verbose_name = "计划导入"

    def ready(self) -> None:
        # Configure the Celery app so `.delay()` honours the eager/broker settings.
        import fazhi.celery  # noqa: F401
