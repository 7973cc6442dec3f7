"""How the read-only API (/api/v2/) shows the taxonomy an opportunity is tagged with."""

from rest_framework import serializers


class NamedSnippetSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.CharField(source="plan_key")
    name_zh_hans = serializers.CharField()
    name_en = serializers.CharField()
