"""Reading packs from YAML, with errors that point at the file and line a pack author must fix."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from tillid.knowledge.model import ITEM_KINDS, Pack, PackContent, PackMeta

BUILTIN_PACKS = "tillid.packs"


@dataclass(frozen=True)
class PackProblem:
    """One thing wrong in a pack, located as precisely as we can."""

    where: str  # "path/file.yaml:12" or a pack id when no line is known
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class PackError(Exception):
    """A pack could not be read. `problems` lists every problem found, each with file and line."""

    def __init__(self, problems: Sequence[PackProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _line_index(node: yaml.Node, path: tuple[Any, ...], index: dict[tuple[Any, ...], int]) -> None:
    """Remember the (1-based) line of every value in a YAML document, keyed by its path."""
    index[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _line_index(value_node, (*path, key_node.value), index)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            _line_index(item, (*path, position), index)


def _read_yaml(path: Path, display: str) -> tuple[Any, dict[tuple[Any, ...], int]]:
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise PackError([PackProblem(f"{display}{line}", f"not valid YAML: {problem}")]) from None
    index: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _line_index(node, (), index)
    return data, index


def _where(display: str, index: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> str:
    for length in range(len(loc), -1, -1):
        line = index.get(tuple(loc[:length]))
        if line is not None:
            return f"{display}:{line}"
    return display


def _validation_problems(
    error: ValidationError, display: str, index: dict[tuple[Any, ...], int], data: Any
) -> list[PackProblem]:
    problems = []
    for item in error.errors():
        loc = tuple(part for part in item["loc"] if not _is_union_tag(part))
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden" and " " in str(loc[-1]):
            message = (
                f'unknown field "{loc[-1]}": a comma inside a {{da: ..., en: ...}} text splits it; '
                "put the text in quotes or write it in block style"
            )
        elif item["type"] == "extra_forbidden":
            message = f'unknown field "{loc[-1]}" (check the spelling; see docs/pack-format.md)'
        elif item["type"] == "missing":
            message = f'required field "{loc[-1]}" is missing'
        where = _where(display, index, loc)
        problems.append(PackProblem(where, f"{_field_path(loc, data)}: {message}"))
    return problems


def _field_path(loc: tuple[Any, ...], data: Any) -> str:
    """'questions[2] (aia.role).options[1].label' rather than 'questions.2.options.1.label'."""
    parts: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]}[{part}]" if parts else f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str) and len(parts) == 1:
                parts[-1] += f" ({node['id']})"
        else:
            parts.append(str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return ".".join(parts)


def _is_union_tag(part: Any) -> bool:
    # Pydantic adds the tried type's name to the location of union errors; authors never wrote it.
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def load_pack(folder: Path | resources.abc.Traversable, display_root: str | None = None) -> Pack:
    """Read and validate one pack folder. Raises `PackError` listing every problem found."""
    root = display_root or str(folder)
    if not folder.is_dir():
        raise PackError([PackProblem(root, "no such pack folder")])
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith((".yaml", ".yml"))),
        key=lambda entry: (entry.name != "pack.yaml", entry.name),
    )
    if not files or files[0].name != "pack.yaml":
        raise PackError([PackProblem(root, "a pack folder needs a pack.yaml with its metadata")])
    problems: list[PackProblem] = []
    meta: PackMeta | None = None
    merged: dict[str, list[Any]] = {kind: [] for kind in ITEM_KINDS}
    source_lines: dict[str, str] = {}
    for entry in files:
        display = f"{root}/{entry.name}"
        try:
            data, index = _read_yaml(Path(str(entry)), display)
        except PackError as error:
            problems.extend(error.problems)
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(PackProblem(f"{display}:1", "the file must be a mapping of lists"))
            continue
        if entry.name == "pack.yaml":
            meta_data = dict(data)
            content = {k: meta_data.pop(k) for k in list(meta_data) if k in ITEM_KINDS}
            try:
                meta = PackMeta.model_validate(meta_data)
            except ValidationError as error:
                problems.extend(_validation_problems(error, display, index, meta_data))
            data = content
        try:
            part = PackContent.model_validate(data)
        except ValidationError as error:
            problems.extend(_validation_problems(error, display, index, data))
            continue
        for kind in ITEM_KINDS:
            items = getattr(part, kind)
            merged[kind].extend(items)
            for position, item in enumerate(items):
                source_lines.setdefault(item.id, _where(display, index, (kind, position)))
    if problems or meta is None:
        raise PackError(problems or [PackProblem(root, "pack.yaml has no metadata")])
    return Pack(meta=meta, source_lines=source_lines, **merged)


def builtin_pack_folders() -> list[resources.abc.Traversable]:
    root = resources.files(BUILTIN_PACKS)
    return sorted(
        (
            entry
            for entry in root.iterdir()
            if entry.is_dir() and entry.joinpath("pack.yaml").is_file()
        ),
        key=lambda entry: entry.name,
    )


def load_packs(folders: Iterable[Path | resources.abc.Traversable]) -> list[Pack]:
    """Load several packs, collecting the problems of all of them before raising."""
    packs: list[Pack] = []
    problems: list[PackProblem] = []
    for folder in folders:
        try:
            packs.append(load_pack(folder, display_root=_display(folder)))
        except PackError as error:
            problems.extend(error.problems)
    if problems:
        raise PackError(problems)
    return packs


def load_builtin_packs() -> list[Pack]:
    return load_packs(builtin_pack_folders())


def _display(folder: Path | resources.abc.Traversable) -> str:
    path = Path(str(folder))
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
