"""WebSocket routes. Each app that talks in real time adds its consumers here."""

from django.urls import URLPattern

websocket_urlpatterns: list[URLPattern] = []
