from django.urls import path

from fazhi.annual_reports import views

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("new/", views.report_create, name="report-create"),
    path("<int:pk>/", views.report_detail, name="report-detail"),
    path("<int:pk>/edit/", views.report_edit, name="report-edit"),
    path("<int:pk>/generate/", views.report_generate, name="report-generate"),
    path("<int:pk>/status/", views.report_status, name="report-status"),
    path("<int:pk>/versions/", views.report_versions, name="report-versions"),
    path("<int:pk>/versions/<int:number>/", views.report_version, name="report-version"),
    path("<int:pk>/docx/", views.report_docx, name="report-docx"),
    path("<int:pk>/figures/<slug:key>/", views.report_figure, name="report-figure"),
    path("past/upload/", views.past_report_upload, name="past-report-upload"),
    path("past/<int:pk>/", views.past_report_detail, name="past-report-detail"),
    path("ledger/plan/<int:pk>.xlsx", views.ledger_export_plan, name="ledger-export-plan"),
    path("ledger/unit/<int:pk>.xlsx", views.ledger_export_unit, name="ledger-export-unit"),
]
