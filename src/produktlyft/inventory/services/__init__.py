"""Use cases: the single API the CLI, the web app and the report all call. Permission checks
live here."""
