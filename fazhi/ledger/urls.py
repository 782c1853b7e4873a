from django.urls import path

from fazhi.ledger import views

urlpatterns = [
    path("tasks/<int:pk>/", views.task_detail, name="task-detail"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task-edit"),
]
