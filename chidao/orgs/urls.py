from django.urls import path

from . import views

urlpatterns = [
    path("", views.unit_list, name="unit_list"),
    path("<int:pk>/", views.unit_detail, name="unit_detail"),
    path("co-quan/", views.agency_list, name="agency_list"),
]
