"""Results rendered for people and machines: text, Markdown, JSON (PDF/DOCX to come)."""
