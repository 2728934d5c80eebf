"""Importing statements in bulk from the downloads' own shape (CSV, JSON, JSON Lines): read the
file (`reading`), plan every row against the archive with the model's rules (`planning`), show
the plan to the editor, then apply it in one transaction (`services`) from the admin (`admin`)."""
