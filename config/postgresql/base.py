"""PostgreSQL backend that creates databases with a UTF-8 encoding and UTF-8-aware locale.

Chinese matching (pg_trgm and ILIKE on CJK text) only works when LC_CTYPE understands UTF-8;
a server whose template1 is SQL_ASCII or C would silently break it.
"""

from django.db.backends.postgresql import base, creation


class DatabaseCreation(creation.DatabaseCreation):
    def sql_table_creation_suffix(self):
        test = self.connection.settings_dict["TEST"]
        ctype = test.get("CTYPE", "C.UTF-8")
        suffix = super().sql_table_creation_suffix()
        return f"{suffix} LC_COLLATE '{ctype}' LC_CTYPE '{ctype}'"


class DatabaseWrapper(base.DatabaseWrapper):
    creation_class = DatabaseCreation
