"""This app's REST endpoints, mounted under /api/ (same permissions as its pages).

Route names start with "api-" so the page-route outsider check leaves them to the API tests.
"""

from rest_framework.routers import SimpleRouter

from fazhi.annual_reports import api

router = SimpleRouter()
router.register("annual-reports", api.AnnualReportViewSet, basename="api-annual-report")

urlpatterns = router.urls
