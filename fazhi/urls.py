from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from fazhi.accounts import views as account_views
from fazhi.ledger import api as ledger_api
from fazhi.plans import api as plans_api
from fazhi.units import api as units_api

router = DefaultRouter()
router.register("units", units_api.UnitViewSet, basename="unit")
router.register("plans", plans_api.PlanViewSet, basename="plan")
router.register("imports", plans_api.ImportJobViewSet, basename="import")
router.register("tasks", ledger_api.TaskViewSet, basename="task")
router.register("assignments", ledger_api.AssignmentViewSet, basename="assignment")

urlpatterns = [
    path("", account_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("units/", include("fazhi.units.urls")),
    path("plans/", include("fazhi.plans.urls")),
    path("", include("fazhi.ledger.urls")),
    path("progress/", include("fazhi.progress.urls")),
    path("supervision/", include("fazhi.supervision.urls")),
    path("dashboard/", include("fazhi.dashboard.urls")),
    path("reports/", include("fazhi.annual_reports.urls")),
    path("api/", include((router.urls, "api"), namespace="api")),
    path("api/", include(("fazhi.progress.api_urls", "progress-api"))),
    path("api/", include(("fazhi.supervision.api_urls", "supervision-api"))),
    path("api/", include(("fazhi.dashboard.api_urls", "dashboard-api"))),
    path("api/", include(("fazhi.annual_reports.api_urls", "annual-reports-api"))),
    path("api/token/", obtain_auth_token, name="api-token"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("admin/", admin.site.urls),
]
