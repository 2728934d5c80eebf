# Dates are typed and shown as YYYY-MM-DD in every language: "06/03/2026" is 6 March in French
# and 3 June in English. The admin's calendar writes the first of these formats too.
DATE_INPUT_FORMATS = ["%Y-%m-%d"]
