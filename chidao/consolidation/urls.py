from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bang-tong-hop/", views.pivot, name="pivot"),
    path("bao-cao/<str:period>.<str:fmt>", views.provincial_report, name="provincial_report"),
    path("du-lieu/<str:period>.<str:fmt>", views.export_data, name="export_data"),
]
