"""This app's REST endpoints, mounted under /api/ (same permissions as its pages)."""

from rest_framework.routers import SimpleRouter

router = SimpleRouter()

urlpatterns = router.urls
