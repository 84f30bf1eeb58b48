"""Exports and imports of tags: one module per format, one registry, no UI imports.

    export_article(store, article_id, "md", config) -> str        # the review screen's `e`
    write_export(text, path)                                     # atomic, clear errors
    export_to_file(store, config, ids_or_None, "json", path)     # streams into the file
    export(store, config, ids_or_None, "csv", out)               # any text stream
    import_file(store, config, path, keep_mine=False)            # json or w3c, validated first
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.exports.api import export, export_article, export_text, export_to_file, suggested_filename
    from reader.exports.collector import collect
    from reader.exports.import_result import ImportResult
    from reader.exports.importer import import_file, import_text
    from reader.exports.model import ArticleData, ExportOptions, Item
    from reader.exports.output import write_export
    from reader.exports.registry import FORMATS, Format, get_format

# Each name's module, imported on first use: the review screen's first frame needs only
# reader.exports.wording (the detail pane), not every format and the importer (~15 ms).
_HOMES = {
    "api": ("export", "export_article", "export_text", "export_to_file", "suggested_filename"),
    "collector": ("collect",),
    "import_result": ("ImportResult",),
    "importer": ("import_file", "import_text"),
    "model": ("ArticleData", "ExportOptions", "Item"),
    "output": ("write_export",),
    "registry": ("FORMATS", "Format", "get_format"),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}

__all__ = ["FORMATS", "ArticleData", "ExportOptions", "Format", "ImportResult", "Item", "collect",
           "export", "export_article", "export_text", "export_to_file", "get_format", "import_file",
           "import_text", "suggested_filename", "write_export"]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'reader.exports' has no attribute {name!r}")
    return getattr(import_module(f"reader.exports.{module}"), name)
