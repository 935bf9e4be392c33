from pathlib import Path

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.api import api_router
from portal.ids import bound_integer_routes
from portal.network.views import my_network
from portal.seo import robots_txt
from portal.views import healthz

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Django's own password views with the portal's templates (templates/registration/). The reset form answers
    # the same whether or not the address is registered, so it tells no one who has an account.
    path(
        "accounts/password_reset/",
        auth_views.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt",
            extra_email_context={"site_name": settings.WAGTAIL_SITE_NAME},
        ),
        name="password_reset",
    ),
    path("accounts/password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("accounts/password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # The feature apps' URLs, by dotted name: the platform imports no feature app.
    path("", include("search.urls")),
    path("", include("portal.taxonomy.urls")),
    path("", include("portal.people.urls")),
    path("", include("portal.feedback.urls")),
    path("curation/", include("portal.curation.urls")),
    path("follow/", include("portal.network.urls")),
    path("network/", include("portal.network.value_urls")),
    path("", include("communities.urls")),
    path("me/notifications/", include("communities.notification_urls")),
    path("me/network/", my_network, name="my_network"),
    path("", include("learning.urls")),
    path("healthz", healthz, name="healthz"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Development only, and only images: documents go through Wagtail's permission-checked view.
    for folder in ("images", "original_images"):
        urlpatterns += static(f"{settings.MEDIA_URL}{folder}/", document_root=Path(str(settings.MEDIA_ROOT)) / folder)

urlpatterns += [path("", include(wagtail_urls))]
bound_integer_routes(urlpatterns)
