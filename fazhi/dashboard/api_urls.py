"""This app's REST endpoints, mounted under /api/ (same permissions as its pages)."""

from django.urls import path

from fazhi.dashboard import api

urlpatterns = [
    path("dashboard/office/", api.OfficeFigures.as_view(), name="api-dashboard-office"),
    path("dashboard/leader/", api.LeaderFigures.as_view(), name="api-dashboard-leader"),
    path("dashboard/units/<int:pk>/", api.UnitTodo.as_view(), name="api-dashboard-unit"),
]
