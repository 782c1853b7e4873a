"""Supervision pages, mounted under /supervision/."""

from django.urls import path

from fazhi.supervision import views

urlpatterns = [
    path("notifications/", views.notification_list, name="notification-list"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification-read"),
    path("notifications/read-all/", views.notification_read_all, name="notification-read-all"),
    path("holidays/", views.holiday_list, name="holiday-list"),
    path("holidays/<int:pk>/delete/", views.holiday_delete, name="holiday-delete"),
    path("overdue/", views.overdue_list, name="overdue-list"),
    path("notices/", views.notice_list, name="notice-list"),
    path("notices/new/", views.notice_create, name="notice-create"),
    path("notices/<int:pk>/", views.notice_detail, name="notice-detail"),
    path("notices/<int:pk>/reply/", views.notice_reply, name="notice-reply"),
    path("notices/<int:pk>/close/", views.notice_close, name="notice-close"),
    path("notices/<int:pk>/docx/", views.notice_docx_download, name="notice-docx"),
    path("talks/", views.talk_list, name="talk-list"),
    path("inspections/", views.inspection_list, name="inspection-list"),
    path("inspections/new/", views.inspection_create, name="inspection-create"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection-detail"),
    path("inspections/<int:pk>/findings/", views.finding_create, name="finding-create"),
    path("rectifications/", views.rectification_list, name="rectification-list"),
    path("rectifications/<int:pk>/", views.rectification_detail, name="rectification-detail"),
    path("rectifications/<int:pk>/submit/", views.rectification_submit, name="rectification-submit"),
    path("rectifications/<int:pk>/close/", views.rectification_close, name="rectification-close"),
    path("rectifications/<int:pk>/return/", views.rectification_return, name="rectification-return"),
]
