"""Reading uploaded files safely: limits, cells, simple tables and the issues they report."""
