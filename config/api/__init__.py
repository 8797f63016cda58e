"""The public JSON API (/api/), its OpenAPI document and the full dump: the project-level layer
that reads all three apps, as config.views does for the home page."""
