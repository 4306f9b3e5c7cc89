"""Writers of a business case: Word in the five-case structure and Excel with live formulas."""
