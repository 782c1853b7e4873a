"""This app's REST endpoints, mounted under /api/ (same permissions as its pages)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from fazhi.supervision import api

router = SimpleRouter()
router.register("notices", api.NoticeViewSet, basename="api-notice")
router.register("inspections", api.InspectionViewSet, basename="api-inspection")
router.register("rectifications", api.RectificationViewSet, basename="api-rectification")
router.register("notifications", api.NotificationViewSet, basename="api-notification")
router.register("holidays", api.HolidayViewSet, basename="api-holiday")

urlpatterns = [
    *router.urls,
    path("talks/", api.TalkListView.as_view(), name="api-talk-list"),
]
