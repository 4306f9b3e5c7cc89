"""The web application: thin routes over the services, rendered on the server."""
