from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "fazhi.dashboard"
    verbose_name = "工作看板"
