"""The areas of the web app, one module each; `web/app.py` lists them in `PAGES`."""
