from django.urls import path

from . import views

urlpatterns = [
    path("", views.directive_list, name="directive_list"),
    path("<int:pk>/", views.directive_detail, name="directive_detail"),
    path("nhap/", views.directive_upload, name="directive_upload"),
    path("nhap/<int:pk>/", views.directive_review, name="directive_review"),
]
