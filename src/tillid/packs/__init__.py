"""The built-in knowledge packs: one folder per pack, YAML only."""
