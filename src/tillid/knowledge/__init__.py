"""The knowledge-pack format: models, loading, the joined knowledge base, linting, export and diff."""
