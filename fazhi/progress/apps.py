from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "fazhi.progress"
    verbose_name = "进展报送"

    def ready(self) -> None:
        # Evidence attached to a report is visible to whoever may read the report.
        from fazhi.evidence.access import register_owner
        from fazhi.progress.access import visible_reports

        register_owner("progress.ProgressReport", visible_reports)
