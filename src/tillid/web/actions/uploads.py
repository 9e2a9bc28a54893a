"""The size limit on evidence uploads, enforced while the request streams in.

Django's own handlers would first write the whole upload to a temporary file; this one goes in front
of them and drops the file as soon as it passes settings.EVIDENCE_MAX_BYTES, so an oversized file
never fills the disk. The rest of the form is still read, so the page can say what went wrong.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest

# A request this many times larger than the limit is refused before anything is read.
REFUSE_UNREAD_FACTOR = 10


class EvidenceSizeLimit(FileUploadHandler):
    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.received = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > settings.EVIDENCE_MAX_BYTES:
            self.request.evidence_too_large = True  # type: ignore[union-attr]
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler (memory or temporary file) holds the file


def limit_evidence_upload(request: HttpRequest) -> bool:
    """Puts the size limit in front of the upload handlers. False: the request is so large that
    it is refused unread. Must run before anything reads request.POST or request.FILES."""
    request.evidence_too_large = False  # type: ignore[attr-defined]
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > REFUSE_UNREAD_FACTOR * settings.EVIDENCE_MAX_BYTES:
        request.evidence_too_large = True  # type: ignore[attr-defined]
        return False
    request.upload_handlers.insert(0, EvidenceSizeLimit(request))
    return True
