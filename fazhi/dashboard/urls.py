from django.urls import path

from fazhi.dashboard import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("office/", views.office_dashboard, name="dashboard-office"),
    path("leader/", views.leader_dashboard, name="dashboard-leader"),
    path("units/<int:pk>/", views.unit_todo, name="dashboard-unit"),
    path("tasks/", views.task_list, name="dashboard-tasks"),
    path("assignments/", views.assignment_list, name="dashboard-assignments"),
]
