"""Which evidence files are accepted: decided by the content, and the name must agree with it.

Evidence is read by colleagues and supervisors, so only documents, spreadsheets, plain text and
images are accepted. Programs, web pages and SVG (which can carry script), and archives (which hide
what is inside) are refused, whatever the file is called.
"""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    extensions: tuple[str, ...]


KINDS: dict[str, FileKind] = {
    "pdf": FileKind("PDF", "application/pdf", (".pdf",)),
    "docx": FileKind(
        "Word (DOCX)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
    ),
    "xlsx": FileKind(
        "Excel (XLSX)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (".xlsx",),
    ),
    "odt": FileKind(
        "OpenDocument text (ODT)", "application/vnd.oasis.opendocument.text", (".odt",)
    ),
    "ods": FileKind(
        "OpenDocument spreadsheet (ODS)",
        "application/vnd.oasis.opendocument.spreadsheet",
        (".ods",),
    ),
    "text": FileKind(gettext_lazy("text (TXT or CSV)"), "text/plain", (".txt", ".csv")),
    "png": FileKind("PNG", "image/png", (".png",)),
    "jpeg": FileKind("JPEG", "image/jpeg", (".jpg", ".jpeg")),
}
ACCEPTED_EXTENSIONS = tuple(ext for kind in KINDS.values() for ext in kind.extensions)
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
NAME_LIMIT = 150  # characters kept of a file name, extension included
HEAD = 8192


class FileTypeError(ValueError):
    """The file is not one tillid accepts as evidence; the message says what it is and what to do."""


def content_type_of(kind: str, name: str) -> str:
    if kind == "text" and name.lower().endswith(".csv"):
        return "text/csv"
    return KINDS[kind].content_type


def accepted_list() -> str:
    return ", ".join(ACCEPTED_EXTENSIONS)


def display_name(raw: str) -> str:
    """The file name to show and to offer on download: no folders, no control or direction
    characters (which can make "txt.exe" read as "exe.txt"), at most NAME_LIMIT characters."""
    name = raw.replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(
        " " if unicodedata.category(c)[0] == "Z" else c
        for c in name
        if unicodedata.category(c)[0] != "C"
    )
    name = " ".join(name.split()).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = extension[:10].lower()
    stem = stem[: NAME_LIMIT - len(extension) - 1].rstrip(" .")
    return f"{stem or 'evidence'}.{extension}" if extension else stem


def kind_for_name(name: str) -> str:
    """The kind a (display) name claims, or FileTypeError listing the accepted endings."""
    lower = name.lower()
    for kind_id, kind in KINDS.items():
        if lower.endswith(kind.extensions):
            return kind_id
    raise FileTypeError(
        _("%(name)s is not a kind of file tillid accepts as evidence. Accepted: %(accepted)s.")
        % {"name": name, "accepted": accepted_list()}
    )


def detect_kind(path: Path) -> str:
    """The accepted kind the content is, or FileTypeError saying what it is instead."""
    with path.open("rb") as file:
        head = file.read(HEAD)
    refused = _refused(head)
    if refused:
        raise FileTypeError(refused)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if _is_text(path):
        if _looks_like_markup(head):
            raise FileTypeError(
                _(
                    "The file is a web page or SVG image (it contains HTML, SVG or XML markup), "
                    "which can carry scripts. Save it as PDF and upload that instead."
                )
            )
        return "text"
    raise FileTypeError(
        _("tillid cannot tell what kind of file this is. Accepted: %(accepted)s.")
        % {"accepted": accepted_list()}
    )


def _refused(head: bytes) -> str:
    if head.startswith((b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")):
        return _("The file is a program or script. Programs are never accepted as evidence.")
    archives = (b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"BZh", b"\xfd7zXZ\x00")
    if head.startswith(archives) or head[257:262] == b"ustar":
        return _("The file is an archive. Upload the documents inside it one at a time.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _(
            "The file is in an old Microsoft Office format (.doc or .xls). "
            "Save it as .docx, .xlsx or PDF and upload that."
        )
    return ""


def _zip_kind(path: Path) -> str:
    """DOCX, XLSX, ODT and ODS are zip files with a known layout; any other zip is an archive."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype":
                with archive.open("mimetype") as entry:
                    odf = ODF_TYPES.get(entry.read(100).strip())
                if odf:
                    return odf
            if "[Content_Types].xml" in names:
                if any(n.endswith("vbaProject.bin") for n in names):
                    raise FileTypeError(
                        _(
                            "The document contains macros (program code). "
                            "Save it without macros (.docx or .xlsx) and upload that."
                        )
                    )
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
    except (zipfile.BadZipFile, OSError, KeyError):
        raise FileTypeError(
            _("The file looks like a document but is damaged; it cannot be opened.")
        ) from None
    raise FileTypeError(_("The file is an archive. Upload the documents inside it one at a time."))


def _is_text(path: Path) -> bool:
    """Text: no NUL bytes anywhere and no control characters at the start. Any encoding passes
    (UTF-8, or Windows-1252, which Excel in Denmark and Sweden still writes CSV files in)."""
    with path.open("rb") as file:
        head = file.read(HEAD)
        if any(b < 0x20 and b not in b"\t\n\r\f" for b in head):
            return False
        chunk = head
        while chunk:
            if b"\x00" in chunk:
                return False
            chunk = file.read(1 << 16)
    return True


def _looks_like_markup(head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if text.startswith(("<!doctype", "<html", "<?xml", "<svg", "<script")):
        return True
    return any(tag in text for tag in ("<script", "<html", "<svg", "<iframe", "<body"))
