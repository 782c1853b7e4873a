from django.urls import path

from fazhi.units import views

urlpatterns = [
    path("", views.unit_list, name="unit-list"),
    path("new/", views.unit_create, name="unit-create"),
    path("import/", views.unit_import, name="unit-import"),
    path("<int:pk>/", views.unit_detail, name="unit-detail"),
    path("<int:pk>/edit/", views.unit_edit, name="unit-edit"),
    path("groups/new/", views.group_create, name="group-create"),
    path("groups/<int:pk>/", views.group_detail, name="group-detail"),
    path("groups/<int:pk>/edit/", views.group_edit, name="group-edit"),
]
