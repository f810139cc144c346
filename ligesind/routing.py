"""WebSocket routes. Each app that talks in real time adds its consumers here."""

from django.urls import URLPattern, path

from ligesind.messaging.consumers import ChatConsumer

websocket_urlpatterns: list[URLPattern] = [
    path("ws/chat/", ChatConsumer.as_asgi()),
]
