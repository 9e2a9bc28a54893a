from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path

from tillid.web.accounts import views as accounts
from tillid.web.api.api import api

urlpatterns = [
    path("", accounts.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("invitation/<str:token>/", accounts.accept_invitation, name="accept_invitation"),
    path("o/<slug:org_slug>/", include("tillid.web.inventory.urls")),
    path("o/<slug:org_slug>/", include("tillid.web.accounts.urls")),
    path("o/<slug:org_slug>/", include("tillid.web.api.urls")),
    path("o/<slug:org_slug>/assessments/", include("tillid.web.assessments.urls")),
    path("o/<slug:org_slug>/", include("tillid.web.actions.urls")),
    path("o/<slug:org_slug>/audits/", include("tillid.web.audits.urls")),
    path("o/<slug:org_slug>/", include("tillid.web.register.organisation_urls")),
    path("o/<slug:org_slug>/literacy/", include("tillid.web.literacy.urls")),
    path("o/<slug:org_slug>/catalogue/", include("tillid.web.catalogue.organisation_urls")),
    path("o/<slug:org_slug>/dashboard/", include("tillid.web.dashboards.organisation_urls")),
    path("o/<slug:org_slug>/temperature/", include("tillid.web.temperature.organisation_urls")),
    path("register/", include("tillid.web.register.urls")),
    path("catalogue/", include("tillid.web.catalogue.urls")),
    path("dashboards/", include("tillid.web.dashboards.urls")),
    path("temperature/", include("tillid.web.temperature.urls")),
]

if settings.SSO_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
