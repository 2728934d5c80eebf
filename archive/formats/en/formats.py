"""English dates shown as British English writes them ("21 May 2020"), to match the pages' og:locale
en_GB (Django's own English formats are American: "May 21, 2020", "Nov. 30, 2026"); typed as ISO."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# Dates are typed and shown as YYYY-MM-DD in every language: "06/03/2026" is 6 March in French
# and 3 June in English. The admin's calendar writes the first of these formats too.
DATE_INPUT_FORMATS = ["%Y-%m-%d"]
