from django.urls import path

from . import views

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/luu/", views.report_save, name="report_save"),
    path("<int:pk>/luu-nhanh/", views.report_autosave, name="report_autosave"),
    path("<int:pk>/thao-tac/", views.report_act, name="report_act"),
    path("<int:pk>/mau-excel/", views.report_template, name="report_template"),
    path("<int:pk>/tai-len/", views.report_upload, name="report_upload"),
    path("tien-do-nop/", views.completeness_page, name="completeness"),
    path("tien-do-nop/cong-van-<str:period>.docx", views.chase_letter_download, name="chase_letter"),
]
