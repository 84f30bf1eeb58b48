"""Articles: loading them from files, decoding, normalising, identifying."""
from reader.article.load import load_article
from reader.article.model import Article, article_id, title_of

__all__ = ["Article", "article_id", "load_article", "title_of"]
