from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from chidao.accounts.access import PUBLIC, grant_access
from chidao.consolidation.api import api
from chidao.web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("dang-nhap/", grant_access(PUBLIC)(auth_views.LoginView.as_view()), name="login"),
    path("dang-xuat/", grant_access(PUBLIC)(auth_views.LogoutView.as_view()), name="logout"),
    path("ngon-ngu/", grant_access(PUBLIC)(set_language), name="set_language"),
    path("van-ban/", include("chidao.documents.urls")),
    path("nhiem-vu/", include("chidao.tasks.urls")),
    path("don-vi/", include("chidao.orgs.urls")),
    path("bao-cao/", include("chidao.reporting.urls")),
    path("tong-hop/", include("chidao.consolidation.urls")),
    path("quan-tri/", admin.site.urls),
    path("api/v1/", api.urls),
]
