from django.urls import path

from fazhi.ledger import views as ledger_views
from fazhi.plans import views

urlpatterns = [
    path("", views.plan_list, name="plan-list"),
    path("upload/", views.plan_upload, name="plan-upload"),
    path("imports/<uuid:pk>/", views.import_status, name="import-status"),
    path("imports/<uuid:pk>/preview/", views.import_preview, name="import-preview"),
    path("imports/<uuid:pk>/tasks/<int:index>/", views.preview_task_row, name="preview-task-row"),
    path("imports/<uuid:pk>/tasks/<int:index>/edit/", views.preview_task_edit, name="preview-task-edit"),
    path("imports/<uuid:pk>/tasks/<int:index>/units/", views.preview_unit, name="preview-unit"),
    path("imports/<uuid:pk>/confirm/", views.import_confirm, name="import-confirm"),
    path("imports/<uuid:pk>/discard/", views.import_discard, name="import-discard"),
    path("<int:pk>/", ledger_views.plan_ledger, name="plan-ledger"),
    path("<int:pk>/dispatch/", ledger_views.plan_dispatch, name="plan-dispatch"),
]
