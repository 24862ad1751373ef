from django.urls import path

from . import views

urlpatterns = [
    path("", views.task_list, name="task_list"),
    path("<int:pk>/", views.task_detail, name="task_detail"),
    path("<int:pk>/thao-tac/", views.task_act, name="task_act"),
    path("<int:pk>/han/", views.task_set_due, name="task_set_due"),
    path("minh-chung/<int:pk>/", views.task_evidence, name="task_evidence"),
]
