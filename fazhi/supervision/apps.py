from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "fazhi.supervision"
    verbose_name = "督办督察"

    def ready(self) -> None:
        # Connects the signal that drops the cached calendar when an override changes.
        from fazhi.supervision import workcalendar  # noqa: F401
