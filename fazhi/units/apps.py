from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "fazhi.units"
    label = "units"
    verbose_name = "单位名录"
