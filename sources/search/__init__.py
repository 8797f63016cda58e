"""Bilingual, Chinese-aware search over every kind of page, on SQLite and PostgreSQL.

text (folding, tokens) → query (what a query asks for) → backends (each database's full-text
index finds candidates) → ranking (the final order, in Python) → service (search, suggest).
Apps register what they index in sources.search.registry; indexing keeps it current.
"""
