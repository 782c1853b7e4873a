from django.urls import path

from fazhi.evidence import views as evidence_views

urlpatterns = [
    path("evidence/<int:pk>/", evidence_views.download, name="evidence-download"),
]
