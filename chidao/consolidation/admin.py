import json

from django import forms
from django.contrib import admin

from chidao.lib.geojson_check import check_boundaries

from .models import BoundarySet, ExternalCode

MAX_GEOJSON_BYTES = 10 * 1024 * 1024


class BoundarySetForm(forms.ModelForm):
    upload = forms.FileField(required=False, label="Tệp GeoJSON")

    class Meta:
        model = BoundarySet
        fields = ["name", "tree", "key_property", "source", "licence", "upload"]

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        if upload is None:
            if not self.instance.pk:
                raise forms.ValidationError("Cần tải lên tệp GeoJSON.")
            return data
        if upload.size > MAX_GEOJSON_BYTES:
            raise forms.ValidationError("Tệp GeoJSON quá lớn (tối đa 10 MB); hãy đơn giản hóa ranh giới.")
        try:
            document = json.loads(upload.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            raise forms.ValidationError("Tệp không phải JSON hợp lệ (UTF-8).") from None
        problems = check_boundaries(document, data.get("key_property") or "code")
        if problems:
            raise forms.ValidationError(problems)
        self.instance.geojson = document
        return data


@admin.register(BoundarySet)
class BoundarySetAdmin(admin.ModelAdmin):
    form = BoundarySetForm
    list_display = ["name", "tree", "source", "licence", "uploaded_at"]


@admin.register(ExternalCode)
class ExternalCodeAdmin(admin.ModelAdmin):
    list_display = ["kind", "ours", "external"]
    list_filter = ["kind"]
    search_fields = ["ours", "external"]
