"""The web app and JSON API: thin layers over the services."""
