"""Citations: CSL data for sources, formatted references and in-text citations, Markdown with
Pandoc citation syntax, exports and imports."""
