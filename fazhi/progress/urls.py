from django.urls import path

from fazhi.evidence import views as evidence_views
from fazhi.progress import views

urlpatterns = [
    path("", views.my_reports, name="progress-mine"),
    path("review/", views.review_queue, name="progress-review"),
    path("plans/<int:pk>/", views.plan_reporting, name="progress-plan"),
    path("tasks/<int:pk>/", views.task_reports, name="progress-task"),
    path("tasks/<int:task>/units/<int:unit>/", views.assignment_reports, name="progress-assignment"),
    path("tasks/<int:task>/units/<int:unit>/new/", views.report_new, name="progress-report-new"),
    path("reports/<int:pk>/", views.report_detail, name="progress-report"),
    path("reports/<int:pk>/edit/", views.report_edit, name="progress-report-edit"),
    path("reports/<int:pk>/submit/", views.report_submit, name="progress-report-submit"),
    path("reports/<int:pk>/evidence/", views.evidence_add, name="progress-evidence-add"),
    path(
        "reports/<int:pk>/evidence/<int:evidence>/remove/",
        views.evidence_remove,
        name="progress-evidence-remove",
    ),
    path("reports/<int:pk>/review/", views.report_review, name="progress-report-review"),
    path("evidence/<int:pk>/", evidence_views.download, name="evidence-download"),
]
