"""docs/coverage.md: for each year, the proposals the sources say he filed against those archived.

Each year's content file says, under `coverage`, how many suggestions or motions a source reports
him filing that session (and which source), and which known ones the archive lacks and why; the
archived ones are counted from the statements themselves, so the page cannot drift from the content.
"""

from .content import source_line

FIRST_YEAR, LAST_YEAR = 2013, 2026


def coverage_markdown(content):
    lines = [
        "# Coverage",
        "",
        "For each year of his time as a deputy: how many suggestions (建议) or motions (议案) a source",
        "reports him filing at that year's session, how many the archive holds, each by its official",
        "title where a source prints one, and each known proposal that is missing, with the reason.",
        "Generated from `archive/content/` by `manage.py write_coverage_doc`; do not edit by hand.",
        "",
        "| year | reported | archived | missing |",
        "|---|---|---|---|",
    ]
    proposals = {}
    for statement in content.statements:
        if statement["kind"] == "proposal":
            proposals.setdefault(statement["date"].year, []).append(statement)
    years = range(FIRST_YEAR, max(LAST_YEAR, *content.years, FIRST_YEAR) + 1)
    for year in years:
        coverage = _coverage_of(content, year)
        reported = "not reported" if coverage["reported"] is None else str(coverage["reported"])
        archived = proposals.get(year, [])
        lines.append(f"| [{year}](#{year}) | {reported} | {len(archived)} | {_missing(coverage, archived)} |")
    lines.append("")
    for year in years:
        coverage = _coverage_of(content, year)
        archived = proposals.get(year, [])
        lines += [f"## {year}", ""]
        if coverage["reported"] is None:
            lines.append("Reported: no source found gives the number of proposals he filed.")
        else:
            lines += [f"Reported: {coverage['reported']}, according to:", ""]
            lines += [f"- {source_line(content.sources[key])}" for key in coverage["reported_by"]]
        if coverage["note"]:
            lines += ["", coverage["note"]]
        lines += ["", f"Archived: {len(archived)}.", ""]
        for statement in archived:
            official = statement["official_title"]
            title = f"《{official}》" if official else "official title not found (see its notes)"
            lines.append(f"- {title}: {statement['title']['en']} (`{statement['slug']}`)")
        if archived:
            lines.append("")
        if coverage["missing"]:
            lines += ["Missing:", ""]
            lines += [f"- {item['subject']}: {item['reason']}" for item in coverage["missing"]]
            lines.append("")
        elif coverage["reported"] is not None and coverage["reported"] > len(archived):
            lines += [f"Missing: {coverage['reported'] - len(archived)}, not identified.", ""]
    return "\n".join(lines).rstrip() + "\n"


def _coverage_of(content, year):
    empty = {"reported": None, "reported_by": [], "note": "", "missing": []}
    return content.years.get(year, {}).get("coverage") or empty


def _missing(coverage, archived):
    if coverage["missing"]:
        return str(len(coverage["missing"]))
    if coverage["reported"] is not None:
        return str(max(coverage["reported"] - len(archived), 0))
    return "none known"
