from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "fazhi.progress"
    verbose_name = "进展报送"
