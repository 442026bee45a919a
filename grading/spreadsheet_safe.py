"""CSV cells a spreadsheet reads as data, never as a formula: a cell that starts with =, +, -,
@, a tab or a carriage return gets a single quote in front (OWASP's advice on CSV injection),
which spreadsheets show as text. Learners choose file names, messages and printed output, so
every cell goes through here."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    text = str(cell)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
