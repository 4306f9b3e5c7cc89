"""The shared kernel: errors and wording, access, i18n, the database, settings, the web, report and
CLI shells, charts and caches. It imports no area.
"""
