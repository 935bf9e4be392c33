from django.urls import path

from portal.network.value_views import value_network_view

urlpatterns = [path("", value_network_view, name="value_network")]
