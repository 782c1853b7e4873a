"""This app's REST endpoints, mounted under /api/ (same permissions as its pages).

Route names start with "api-" so the page-route outsider check leaves them to the API tests.
"""

from rest_framework.routers import SimpleRouter

from fazhi.progress import api

router = SimpleRouter()
router.register("progress-reports", api.ProgressReportViewSet, basename="api-progress-report")
router.register("progress-missing", api.MissingReportViewSet, basename="api-progress-missing")
router.register("progress-cycles", api.ReportingCycleViewSet, basename="api-progress-cycle")

urlpatterns = router.urls
