"""Forms of progress: an update from a phone (photos straight from the camera), hiding one, a status step."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from ..models import Milestone, Project, ProjectStatus
from ..photos import PhotoUpload
from .selectors import milestones_to_reach
from .services import MAX_PHOTOS, MAX_REASON_LENGTH, MAX_UPDATE_LENGTH


class CameraInput(forms.ClearableFileInput):
    """Several photos at once; on a phone the camera opens (``capture``) and any image is offered."""

    allow_multiple_selected = True

    def __init__(self) -> None:
        super().__init__(attrs={"accept": "image/*", "capture": "environment", "multiple": True})


class PhotosField(forms.FileField):
    widget = CameraInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(PhotosField, self).clean(file, initial) for file in files if file]


class UpdateForm(forms.Form):
    body = forms.CharField(
        label=_("What happened?"), widget=forms.Textarea(attrs={"rows": 5}), max_length=MAX_UPDATE_LENGTH
    )
    photos = PhotosField(
        label=_("Photos"),
        required=False,
        help_text=_("Up to %(limit)s photos: take them with your phone's camera or choose them.")
        % {"limit": MAX_PHOTOS},
    )
    alt_texts = forms.CharField(
        label=_("What the photos show"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For people who cannot see them: one line per photo, in order, or one line for all."),
    )
    milestone = forms.ModelChoiceField(
        label=_("Milestone reached"), queryset=Milestone.objects.none(), required=False
    )
    percent = forms.IntegerField(label=_("Progress (%)"), required=False, min_value=0, max_value=100)

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        milestone = self.fields["milestone"]
        assert isinstance(milestone, forms.ModelChoiceField)
        milestone.queryset = milestones_to_reach(project)
        milestone.empty_label = str(_("No milestone"))

    def photo_uploads(self) -> list[PhotoUpload]:
        """The photos with their descriptions: one line each, or the one line for every photo."""
        files: list[UploadedFile] = self.cleaned_data.get("photos") or []
        lines = [line.strip() for line in self.cleaned_data.get("alt_texts", "").splitlines() if line.strip()]
        if len(lines) == 1:
            lines = lines * len(files)
        lines += [""] * (len(files) - len(lines))  # a missing description: the service refuses
        return [
            PhotoUpload(file=file, size=file.size or 0, alt_text=line)
            for file, line in zip(files, lines, strict=False)
        ]


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why hide this update?"),
        help_text=_("The reason is shown in place of the update."),
        max_length=MAX_REASON_LENGTH,
    )


class StatusForm(forms.Form):
    to = forms.ChoiceField(label=_("New status"), choices=())
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed for “delayed” and “stopped”; shown on the project page."),
    )

    def __init__(self, *args: Any, targets: list[ProjectStatus], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        to = self.fields["to"]
        assert isinstance(to, forms.ChoiceField)
        to.choices = [(target.value, target.label) for target in targets]
