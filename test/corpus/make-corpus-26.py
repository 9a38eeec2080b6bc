#!/usr/bin/python3
"""
Issue 26's corpus: workbooks as finance people leave them behind, each made by a program other than ours
(openpyxl, LibreOffice headless, Gnumeric's ssconvert), with their true totals computed here from the data
written (never by vv-monitor) in truth-26.json. The files are committed in files-26/; run this again only
to change the corpus:

    /usr/bin/python3 test/corpus/make-corpus-26.py     (needs python3-openpyxl, LibreOffice, gnumeric)

Every case says what `totals` must give: the exact figures, or (when `refuse` is set) a refusal whose
message matches `refuse` (it names the cells or the unit in doubt). Exit 0 with other figures fails.
Amounts are kept in cents (integers) so that the truth has no float noise.
"""
import importlib.util
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.worksheet.table import Table

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files-26")

# The projects of the round-2 corpus (make-corpus.py): the same eight projects, the same labels.
_spec = importlib.util.spec_from_file_location("corpus2", os.path.join(HERE, "make-corpus.py"))
c2 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(c2)
BY_CODE, ALL, FIN, PROJECT_HEADERS = c2.BY_CODE, [p[0] for p in c2.PROJECTS], c2.FIN_HEADERS, c2.PROJECT_HEADERS
euro = c2.euro

truth = []


def figures(code, override=None):
    """begroot, update (None = no revision), vak, vek of a project in cents; `override` replaces some."""
    p = BY_CODE[code]
    f = {"begroot": p[5], "update": p[6], "vak": p[7], "vek": p[8]}
    f.update(override or {})
    return f


def totals(rows, by):
    """The true totals of these (code, figures) rows, overall and per group, in cents."""
    def empty():
        return {"count": 0, "begroot": 0, "update": 0, "vak": 0, "vek": 0}
    total, groups = empty(), {}
    seen = set()
    for code, f in rows:
        p = BY_CODE[code]
        key = {"speerpunt": p[3], "cluster": p[2], "project": code,
               "envelop": "relance" if int(code[2:]) <= 158 else "regulier"}[by]
        g = groups.setdefault(key, empty())
        for t in (total, g):
            if code not in seen:
                t["count"] += 1
            t["begroot"] += f["begroot"]
            t["update"] += f["update"] if f["update"] is not None else f["begroot"]
            t["vak"] += f["vak"]
            t["vek"] += f["vek"]
        seen.add(code)
    return {"total": total, "groups": groups}


def record(name, files, what, rows, by="project", refuse=None, note="", known=None):
    """
    One case: the files read together, the issue's item (or "other"), the true (code, figures) rows.
    `refuse`: a refusal is also right when its message matches (the figures are in doubt); None: only the
    exact figures are right.
    """
    case = {"name": name, "files": files, "what": what, "by": by, "note": note}
    case.update(totals(rows, by))
    if refuse:
        case["refuse"] = refuse
    if known:
        # Steps that still give other figures (the test expects them to fail, and says so when fixed).
        case["known"] = known
    truth.append(case)


def path(name):
    return os.path.join(OUT, name)


def lo_convert(src, outdir, target="xlsx:Calc MS Excel 2007 XML", infilter=None):
    profile = tempfile.mkdtemp(prefix="lo-26r-")
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
           "--outdir", outdir, src]
    if infilter:
        cmd.insert(3, "--infilter=" + infilter)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    shutil.rmtree(profile, ignore_errors=True)


def by_libreoffice(name, wb):
    """Written by openpyxl, then opened and saved by LibreOffice (formulas computed and stored)."""
    tmp = tempfile.mkdtemp()
    os.makedirs(os.path.join(tmp, "in"))
    wb.save(os.path.join(tmp, "in", name))
    lo_convert(os.path.join(tmp, "in", name), tmp)
    shutil.move(os.path.join(tmp, name), path(name))
    shutil.rmtree(tmp, ignore_errors=True)


def by_gnumeric(name, wb=None, csv_rows=None):
    """Gnumeric's ssconvert: from a workbook openpyxl wrote, or from CSV (its own number reading)."""
    tmp = tempfile.mkdtemp()
    if csv_rows is not None:
        src = os.path.join(tmp, "in.csv")
        with open(src, "w", encoding="utf-8") as f:
            for r in csv_rows:
                f.write(",".join("" if v is None else (f'"{v}"' if isinstance(v, str) else str(v)) for v in r) + "\n")
    else:
        src = os.path.join(tmp, "in.xlsx")
        wb.save(src)
    subprocess.run(["ssconvert", "--export-type=Gnumeric_Excel:xlsx2", src, path(name)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    shutil.rmtree(tmp, ignore_errors=True)


def projects(wb, codes, title="Projecten"):
    ws = wb.active
    ws.title = title
    ws.append(PROJECT_HEADERS)
    for c in codes:
        p = BY_CODE[c]
        ws.append([c, p[1], p[2], p[3], p[4]])
    return ws


def fin_values(code, f, scale=1):
    u = f["update"]
    return [euro(f["begroot"]) / scale, None if u is None else euro(u) / scale, euro(f["vak"]) / scale,
            euro(f["vek"]) / scale]


def book(codes):
    wb = Workbook()
    projects(wb, codes)
    return wb


def dutch(cents):
    """An amount as a Dutch accountant types it: 1.234.567,89 (no decimals when whole)."""
    e, c = divmod(cents, 100)
    s = f"{e:,}".replace(",", ".")
    return f"{s},{c:02d}" if c else s


def thousands(codes, sheet="Financiering", above=()):
    """A workbook whose financing sheet holds the amounts in thousands of euro under the plain header (the
    lines `above` it first), and the true rows."""
    wb = book(codes)
    f = wb.create_sheet(sheet)
    for line in above:
        f.append(line)
    f.append(FIN)
    rows = []
    for c in codes:
        fig = figures(c)
        f.append([c] + fin_values(c, fig, 1000))
        rows.append((c, fig))
    return wb, f, rows


# ---------------------------------------------------------------------------------------------------
# The items
# ---------------------------------------------------------------------------------------------------

def unit_group_header():
    """1. A merged group header "Bedragen (x 1.000 EUR)" over plain Begroot | VAK | VEK (LibreOffice)."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(["", "Bedragen (x 1.000 EUR)"])
    f.merge_cells("B1:D1")
    f.append(["Projectcode", "Beleidsruimte (begroot)", "Uitvoering VAK", "Uitvoering VEK"])
    rows = []
    for c in codes:
        fig = figures(c, {"update": None})
        v = fin_values(c, fig, 1000)
        f.append([c, v[0], v[2], v[3]])
        rows.append((c, fig))
    by_libreoffice("26-eenheid-groepskop.xlsx", wb)
    record("eenheid in een samengevoegde groepskop", ["26-eenheid-groepskop.xlsx"], "1", rows,
           refuse="B1|1\\.000|duizend", note="amounts in thousands: exact ×1000 with a finding, or refused")


def unit_title_line():
    """1. A title line "alle bedragen in duizend euro" above the table (Gnumeric)."""
    wb, _, rows = thousands(ALL[:4], above=[["Financiering per project, alle bedragen in duizend euro"], []])
    by_gnumeric("26-eenheid-titel.xlsx", wb)
    record("eenheid in een titelregel boven de tabel", ["26-eenheid-titel.xlsx"], "1", rows,
           refuse="A1|duizend", note="a title line states the unit for the whole sheet")


def code_merged_two_lines():
    """2. A project code merged over two funding lines (two origins of money), openpyxl."""
    codes = ALL[:3]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN + ["Bron"])
    rows = []
    r = 2
    for c in codes:
        fig = figures(c, {"update": None})
        if c == "VV024":
            a = {"begroot": fig["begroot"] - 1000000000, "update": None, "vak": fig["vak"] - 500000000, "vek": fig["vek"]}
            b = {"begroot": 1000000000, "update": None, "vak": 500000000, "vek": 0}
            f.append([c] + fin_values(c, a) + ["Europees Herstelfonds"])
            f.append([None] + fin_values(c, b) + ["Vlaamse relancemiddelen"])
            f.merge_cells(f"A{r}:A{r + 1}")
            r += 2
        else:
            f.append([c] + fin_values(c, fig) + ["Vlaamse relancemiddelen"])
            r += 1
        rows.append((c, fig))
    wb.save(path("26-code-samengevoegd.xlsx"))
    record("projectcode samengevoegd over twee financieringslijnen", ["26-code-samengevoegd.xlsx"], "2", rows,
           refuse="A3|A4|VV024", note="both lines are the project's: summed, or refused naming the lines")


def header_two_rows():
    """2. A two-row header: Projectcode merged over A1:A2, Beleidsruimte over begroot | update (LibreOffice)."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(["Projectcode", "Beleidsruimte", None, "Uitvoering", None])
    f.append([None, "begroot", "begroot update", "VAK", "VEK"])
    f.merge_cells("A1:A2")
    f.merge_cells("B1:C1")
    f.merge_cells("D1:E1")
    rows = []
    for c in codes:
        fig = figures(c)
        f.append([c] + fin_values(c, fig))
        rows.append((c, fig))
    by_libreoffice("26-kop-twee-rijen.xlsx", wb)
    # Read exactly: the merged label is the lower row's too (a refusal no longer passes).
    record("kop over twee rijen, Projectcode samengevoegd over A1:A2", ["26-kop-twee-rijen.xlsx"], "2", rows,
           note="the header a person sees: code, begroot, update, VAK, VEK")


def table_with_rows_under(name, gap, what):
    codes = ALL[:5]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for c in codes[:3]:
        fig = figures(c)
        f.append([c] + fin_values(c, fig))
        rows.append((c, fig))
    f.add_table(Table(displayName="Financiering", ref="A1:E4"))
    for _ in range(gap):
        f.append([])
    for c in codes[3:]:
        fig = figures(c)
        f.append([c] + fin_values(c, fig))
        rows.append((c, fig))
    wb.save(path(name))
    record(what, [name], "3", rows, refuse="A5|A6|A7|onder de tabel|under the table",
           note="two projects typed below an Excel table are the user's data")


def hidden_superseded_sheet():
    """4. A hidden "Financiering (oud)" with one more recognised column, beside "Financiering juni 2022"."""
    codes = ALL[:4]
    wb = book(codes)
    new = wb.create_sheet("Financiering juni 2022")
    new.append(["Projectcode", "Beleidsruimte (begroot)", "Uitvoering VAK", "Uitvoering VEK"])
    old = wb.create_sheet("Financiering (oud)")
    old.append(FIN)
    old.sheet_state = "hidden"
    rows = []
    for c in codes:
        fig = figures(c, {"update": None})
        v = fin_values(c, fig)
        new.append([c, v[0], v[2], v[3]])
        old.append([c, v[0] * 0.8, v[0] * 0.9, v[2] * 0.5, v[3] * 0.5])
        rows.append((c, fig))
    wb.save(path("26-verborgen-oud-blad.xlsx"))
    record("verborgen blad met vorig jaar naast het zichtbare", ["26-verborgen-oud-blad.xlsx"], "4", rows,
           refuse="Financiering \\(oud\\)|verborgen|hidden", note="the visible sheet wins, and the hidden one is named")


def filter_hidden_rows():
    """4. An AutoFilter that hides two rows (a filter is a view: they count), openpyxl."""
    codes = ALL[:6]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for c in codes:
        fig = figures(c)
        f.append([c] + fin_values(c, fig))
        rows.append((c, fig))
    f.auto_filter.ref = "A1:E7"
    f.auto_filter.add_filter_column(0, ["VV021", "VV024", "VV027", "VV083"])
    f.row_dimensions[6].hidden = True
    f.row_dimensions[7].hidden = True
    wb.save(path("26-filter-verborgen-rijen.xlsx"))
    record("rijen verborgen door een filter", ["26-filter-verborgen-rijen.xlsx"], "4", rows,
           note="filtered-out rows are data: all six projects count")


def hidden_column():
    """4. A hidden column with last year's VAK beside the visible VAK (same header)."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN[:3] + ["Uitvoering VAK", "Uitvoering VAK", "Uitvoering VEK"])
    rows = []
    for c in codes:
        fig = figures(c)
        v = fin_values(c, fig)
        f.append([c, v[0], v[1], v[2] * 0.5, v[2], v[3]])
        rows.append((c, fig))
    f.column_dimensions["D"].hidden = True
    wb.save(path("26-verborgen-kolom.xlsx"))
    record("verborgen kolom met een oude VAK naast de zichtbare", ["26-verborgen-kolom.xlsx"], "4", rows,
           note="the visible column wins, and a finding names the hidden D1:D5")


def hidden_column_right():
    """4. The other direction: the visible VAK first, a hidden VAK (a newer draft) right of it (LibreOffice)."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN[:3] + ["Uitvoering VAK", "Uitvoering VAK", "Uitvoering VEK"])
    rows = []
    for c in codes:
        fig = figures(c)
        v = fin_values(c, fig)
        f.append([c, v[0], v[1], v[2], v[2] * 1.1, v[3]])
        rows.append((c, fig))
    f.column_dimensions["E"].hidden = True
    by_libreoffice("26-verborgen-kolom-rechts.xlsx", wb)
    record("verborgen kolom rechts van de zichtbare (een nieuwer ontwerp)", ["26-verborgen-kolom-rechts.xlsx"], "4",
           rows, note="what a person sees is read: the visible D, never the hidden E (nor the first or last of two)")


def hidden_column_alone():
    """4. A hidden VEK column with no visible twin: hidden is a view, like a filter: it is read (Gnumeric)."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for c in codes:
        fig = figures(c)
        f.append([c] + fin_values(c, fig))
        rows.append((c, fig))
    f.column_dimensions["E"].hidden = True
    by_gnumeric("26-verborgen-kolom-alleen.xlsx", wb)
    record("verborgen kolom zonder zichtbare tweeling", ["26-verborgen-kolom-alleen.xlsx"], "4", rows,
           note="the hidden VEK is read (a finding says so): leaving it out would drop every VEK")


def header_merged_across():
    """2. A header merged across two columns: "Uitvoering VAK" over D1:E1, the amount in D, "EUR" in E (Gnumeric)."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN[:3] + ["Uitvoering VAK", None, "Uitvoering VEK"])
    f.merge_cells("D1:E1")
    rows = []
    for c in codes:
        fig = figures(c)
        v = fin_values(c, fig)
        f.append([c, v[0], v[1], v[2], "EUR", v[3]])
        rows.append((c, fig))
    by_gnumeric("26-kop-samengevoegd-breed.xlsx", wb)
    record("kolomkop samengevoegd over twee kolommen (bedrag en eenheid)", ["26-kop-samengevoegd-breed.xlsx"], "2",
           rows, note="the amount is in the merge's first column; the unit beside it is no amount")


def formula_refs():
    """5. Formulas without stored results over other sheets: lower-case name, quoted name (openpyxl)."""
    codes = ALL[:3]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    o = wb.create_sheet("Orafin")
    q = wb.create_sheet("Orafin 2022")
    f.append(FIN)
    rows = []
    for i, c in enumerate(codes):
        fig = figures(c)
        v = fin_values(c, fig)
        o.append([c, v[2]])
        q.append([c, v[3]])
        f.append([c, v[0], v[1], f"=orafin!B{i + 1}", f"='Orafin 2022'!B{i + 1}"])
        rows.append((c, fig))
    wb.save(path("26-formule-bladnamen.xlsx"))
    record("formules naar een blad in andere hoofdletters en met aanhalingstekens", ["26-formule-bladnamen.xlsx"],
           "5", rows, note="=orafin!B1 reads the sheet Orafin; ='Orafin 2022'!B1 the quoted one")


def formula_nowhere():
    """5. =Nergens!B2: a sheet that does not exist (Excel shows #REF!): never 0."""
    codes = ALL[:3]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for c in codes:
        fig = figures(c)
        f.append([c] + fin_values(c, fig))
        rows.append((c, fig))
    f["D3"] = "=Nergens!B2"
    wb.save(path("26-formule-nergens.xlsx"))
    record("formule naar een blad dat niet bestaat", ["26-formule-nergens.xlsx"], "5", rows,
           refuse="D3.*Nergens|Nergens.*D3", note="the VAK of VV024 is unknown: refused at D3")


def summary_per_cluster():
    """7. A summary table per cluster under the data rows (LibreOffice, results stored)."""
    codes = ALL[:6]
    wb = Workbook()
    ws = wb.active
    ws.title = "Rapportering"
    ws.append(PROJECT_HEADERS + FIN[1:])
    rows = []
    for c in codes:
        p, fig = BY_CODE[c], figures(c)
        ws.append([c, p[1], p[2], p[3], p[4]] + fin_values(c, fig))
        rows.append((c, fig))
    n = ws.max_row
    ws.append([])
    ws.append([])
    ws.append(["Samenvatting per cluster", None, None, None, None, "Beleidsruimte (begroot)", None, "Uitvoering VAK", "Uitvoering VEK"])
    for cl in dict.fromkeys(BY_CODE[c][2] for c in codes):
        ws.append([cl, None, None, None, None] + [f'=SUMIF($C$2:$C${n},$A{ws.max_row + 1},{col}$2:{col}${n})' if col else None for col in ["F", None, "H", "I"]])
    by_libreoffice("26-samenvatting-per-cluster.xlsx", wb)
    record("samenvattende tabel per cluster onder de gegevens", ["26-samenvatting-per-cluster.xlsx"], "7", rows,
           by="cluster", note="the summary is a table of its own: left out with its reason, never 'geen projectcode'")


def euro_dash():
    """7. "€ 60.000.000,-" and "15.000.000,--" typed as text (openpyxl, then saved by Gnumeric)."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for i, c in enumerate(codes):
        fig = figures(c, {"update": None, "vek": 0})
        fig["begroot"] = fig["begroot"] // 100 * 100
        fig["vak"] = fig["vak"] // 100 * 100
        b = f"€ {dutch(fig['begroot'])},-" if i % 2 == 0 else f"{dutch(fig['begroot'])},--"
        f.append([c, b, None, f"{dutch(fig['vak'])},-", 0])
        rows.append((c, fig))
    by_gnumeric("26-euro-streepje.xlsx", wb)
    record("bedragen als '€ 60.000.000,-' en '15.000.000,--'", ["26-euro-streepje.xlsx"], "7", rows,
           note="a dash for no cents is read exactly")


def code_zero_width():
    """7. A code with a trailing zero-width space (pasted from a web page), openpyxl."""
    codes = ALL[:3]
    wb = Workbook()
    ws = projects(wb, [])
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for c in codes:
        p, fig = BY_CODE[c], figures(c)
        ws.append([c + "\u200b" if c == "VV024" else c, p[1], p[2], p[3], p[4]])
        f.append([c + "\u200b" if c != "VV021" else c] + fin_values(c, fig))
        rows.append((c, fig))
    wb.save(path("26-code-zero-width.xlsx"))
    record("projectcode met een onzichtbare spatie erachter", ["26-code-zero-width.xlsx"], "7", rows,
           by="speerpunt", note="VV024\\u200b is VV024")


def rows_without_r():
    """7. <row> and <c> without the optional r attribute (Excel opens it), openpyxl then stripped."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for c in codes:
        # Every cell written (no gaps): without positions, a missing cell would shift the ones after it.
        fig = figures(c)
        fig["update"] = fig["update"] if fig["update"] is not None else fig["begroot"]
        f.append([c] + fin_values(c, fig))
        rows.append((c, fig))
    tmp = path("tmp.xlsx")
    wb.save(tmp)
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path("26-zonder-r.xlsx"), "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'(<(?:row|c)\b[^>]*?) r="[A-Z]*[0-9]+"', rb"\1", data)
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            zout.writestr(item, data)
    os.remove(tmp)
    record("rijen en cellen zonder r-attribuut", ["26-zonder-r.xlsx"], "7", rows, by="speerpunt",
           note="positions follow the order of the elements, as Excel reads them")


# ---------------------------------------------------------------------------------------------------
# Other ways finance people shape, format, hide or annotate sheets
# ---------------------------------------------------------------------------------------------------

def nbsp_text():
    """Amounts as text with a non-breaking space as thousands separator ("1 250 000,00"), openpyxl."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for c in codes:
        fig = figures(c)
        t = lambda x: None if x is None else dutch(x).replace(".", "\u00a0")
        f.append([c, t(fig["begroot"]), t(fig["update"]), t(fig["vak"]), t(fig["vek"])])
        rows.append((c, fig))
    wb.save(path("26-harde-spatie.xlsx"))
    record("bedragen als tekst met een harde spatie als duizendtal", ["26-harde-spatie.xlsx"], "other", rows,
           note="1\\u00a0250\\u00a0000,00 is 1250000")


def negative_parentheses():
    """A correction typed as "(1.500,00)": a negative amount in accountants' parentheses (openpyxl)."""
    codes = ALL[:3]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for c in codes:
        fig = figures(c)
        v = fin_values(c, fig)
        if c == "VV027":
            fig["vek"] = -150000
            v[3] = "(1.500,00)"
        f.append([c] + v)
        rows.append((c, fig))
    wb.save(path("26-haakjes-negatief.xlsx"))
    record("negatief bedrag tussen haakjes", ["26-haakjes-negatief.xlsx"], "other", rows,
           refuse="E4|\\(1\\.500,00\\)", note="(1.500,00) is -1500, or refused at its cell; never +1500 or 0")


def unit_in_header(name, unit, scale, what):
    codes = ALL[:3]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(["Projectcode", f"Beleidsruimte (begroot) ({unit})", f"Uitvoering VAK ({unit})", f"Uitvoering VEK ({unit})"])
    rows = []
    for c in codes:
        fig = figures(c, {"update": None})
        v = fin_values(c, fig, scale)
        f.append([c, v[0], v[2], v[3]])
        rows.append((c, fig))
    wb.save(path(name))
    record(what, [name], "other", rows, refuse=re.escape(unit) + "|duizend|miljoen",
           note=f"amounts in {unit}: exact with a finding, or refused")


def prose_notes():
    """A note column of prose beside the amounts, with numbers in the prose (openpyxl)."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN + ["Toelichting"])
    rows = []
    for c in codes:
        fig = figures(c)
        f.append([c] + fin_values(c, fig) + [f"ca. 2.000.000 extra verwacht in 2023; VAK volgt {c}"])
        rows.append((c, fig))
    wb.save(path("26-toelichting.xlsx"))
    record("een kolom toelichting met bedragen in de tekst", ["26-toelichting.xlsx"], "other", rows,
           note="prose is not an amount")


def grand_total_label():
    """A grand total row labelled "Algemene som" (a typed total, correct) under the data (LibreOffice)."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for c in codes:
        fig = figures(c)
        f.append([c] + fin_values(c, fig))
        rows.append((c, fig))
    f.append(["Algemene som", "=SUM(B2:B5)", "=SUM(C2:C5)", "=SUM(D2:D5)", "=SUM(E2:E5)"])
    by_libreoffice("26-algemene-som.xlsx", wb)
    record("een eindtotaal met een ander label", ["26-algemene-som.xlsx"], "other", rows,
           refuse="A6|Algemene som", note="the total row is not a project: never added twice")


def frozen_title_block():
    """A frozen pane under a title block of four lines (logo text, entity, date, blank), openpyxl."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(["Vlaamse Veerkracht"])
    f.append(["Agentschap Innoveren & Ondernemen"])
    f.append(["Stand op 1 juni 2022"])
    f.append([])
    f.append(FIN)
    f.freeze_panes = "B6"
    rows = []
    for c in codes:
        fig = figures(c)
        f.append([c] + fin_values(c, fig))
        rows.append((c, fig))
    wb.save(path("26-titelblok-bevroren.xlsx"))
    record("een titelblok boven een bevroren kop", ["26-titelblok-bevroren.xlsx"], "other", rows,
           note="the header is in row 5")


def blank_column():
    """A blank column inside the table (a spacer between budget and execution), openpyxl."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN[:3] + [None] + FIN[3:])
    rows = []
    for c in codes:
        fig = figures(c)
        v = fin_values(c, fig)
        f.append([c, v[0], v[1], None, v[2], v[3]])
        rows.append((c, fig))
    wb.save(path("26-lege-kolom.xlsx"))
    record("een lege kolom in de tabel", ["26-lege-kolom.xlsx"], "other", rows, note="the spacer holds nothing")


def percent_and_dates():
    """A percent column ("VEK t.o.v. VAK") and a date typed as text beside the amounts (Gnumeric)."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN + ["VEK t.o.v. VAK", "Datum Orafin"])
    rows = []
    for i, c in enumerate(codes):
        fig = figures(c)
        f.append([c] + fin_values(c, fig) + [round(fig["vek"] / fig["vak"], 4) if fig["vak"] else 0, "15/05/2022"])
        f.cell(row=i + 2, column=6).number_format = "0.00%"
        rows.append((c, fig))
    by_gnumeric("26-procent-datum.xlsx", wb)
    record("een procentkolom en een datum als tekst", ["26-procent-datum.xlsx"], "other", rows,
           note="a percent is not an amount; a date is not an amount")


def side_by_side():
    """A second small table beside the data on the same sheet (a cluster summary in H:J), openpyxl."""
    codes = ALL[:4]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN + [None, "Cluster", "Beleidsruimte (begroot)", "Uitvoering VAK"])
    rows = []
    sums = {}
    for c in codes:
        fig = figures(c)
        rows.append((c, fig))
        s = sums.setdefault(BY_CODE[c][2], [0, 0])
        s[0] += fig["begroot"]
        s[1] += fig["vak"]
    side = [[k, euro(v[0]), euro(v[1])] for k, v in sums.items()]
    for i, (c, fig) in enumerate(rows):
        f.append([c] + fin_values(c, fig) + ([None] + side[i] if i < len(side) else []))
    wb.save(path("26-tabel-ernaast.xlsx"))
    record("een tweede tabel naast de gegevens", ["26-tabel-ernaast.xlsx"], "other", rows,
           refuse="H1|G1|I1|J1|tweemaal|twice|twee keer", note="the summary beside the data is not a project's amount")


def sheet_per_year():
    """A sheet per year with the same projects: 2021 and 2022 (the latest is the report), openpyxl."""
    codes = ALL[:3]
    wb = book(codes)
    rows = []
    for year, factor in [("2021", 0.5), ("2022", 1)]:
        f = wb.create_sheet(f"Financiering {year}")
        f.append(FIN)
        for c in codes:
            fig = figures(c)
            v = fin_values(c, fig)
            f.append([c] + [None if x is None else round(x * factor, 2) for x in v])
            if year == "2022":
                rows.append((c, fig))
    wb.save(path("26-blad-per-jaar.xlsx"))
    record("een blad per jaar met dezelfde projecten", ["26-blad-per-jaar.xlsx"], "other", rows,
           refuse="2021|VV021|dubbel|twee keer|twice", note="never the sum of the years")


def comments_and_outline():
    """Comments on amounts and grouped rows collapsed in an outline (they still count), LibreOffice."""
    codes = ALL[:6]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for i, c in enumerate(codes):
        fig = figures(c)
        f.append([c] + fin_values(c, fig))
        rows.append((c, fig))
    f["D3"].comment = Comment("Bedrag volgens Orafin, 15/05", "Jan")
    f["B2"].comment = Comment("Incl. 250.000 reserve", "An")
    for r in (4, 5, 6):
        f.row_dimensions[r].outlineLevel = 1
        f.row_dimensions[r].hidden = True
    by_libreoffice("26-opmerkingen-overzicht.xlsx", wb)
    record("opmerkingen op bedragen en ingeklapte gegroepeerde rijen", ["26-opmerkingen-overzicht.xlsx"], "other",
           rows, note="collapsed rows are data; comments are not amounts")


def apostrophe_text():
    """Numbers stored as text with a leading apostrophe (quotePrefix), openpyxl."""
    codes = ALL[:3]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for i, c in enumerate(codes):
        fig = figures(c)
        v = fin_values(c, fig)
        f.append([c] + [None if x is None else (str(x) if j == 0 else x) for j, x in enumerate(v)])
        f.cell(row=i + 2, column=2).quotePrefix = True
        rows.append((c, fig))
    wb.save(path("26-apostrof.xlsx"))
    record("getallen als tekst met een apostrof", ["26-apostrof.xlsx"], "other", rows,
           note="'3000000.0 is the number typed")


def not_applicable():
    """An amount cell with "n.v.t." (not applicable): no amount, said so (openpyxl)."""
    codes = ALL[:3]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for c in codes:
        fig = figures(c)
        v = fin_values(c, fig)
        if c == "VV027":
            fig["vek"] = 0
            v[3] = "n.v.t."
        f.append([c] + v)
        rows.append((c, fig))
    wb.save(path("26-nvt.xlsx"))
    record("een bedragcel met n.v.t.", ["26-nvt.xlsx"], "other", rows, refuse="E4|n\\.v\\.t\\.",
           note="no amount: counted as none with a finding at E4, or refused there")


def million_header_lo():
    """Amounts in millions in a header "(mio EUR)", saved by LibreOffice."""
    unit_in_header("26-miljoen-kop.xlsx", "mio EUR", 1000000, "bedragen in miljoen euro in de kop")


def unit_in_footnote():
    """The unit in a footnote under the table, "(*) alle bedragen in duizend euro" (Gnumeric)."""
    wb, f, rows = thousands(ALL[:4])
    f.append([])
    f.append(["(*) alle bedragen in duizend euro"])
    by_gnumeric("26-eenheid-voetnoot.xlsx", wb)
    record("eenheid in een voetnoot onder de tabel", ["26-eenheid-voetnoot.xlsx"], "1", rows,
           refuse="duizend", note="a footnote under the table states the unit as a title above it does")


def unit_in_sheet_name():
    """The unit in the sheet's name, "Financiering (k€)" (LibreOffice)."""
    wb, _, rows = thousands(ALL[:3], sheet="Financiering (k€)")
    by_libreoffice("26-eenheid-bladnaam.xlsx", wb)
    record("eenheid in de naam van het blad", ["26-eenheid-bladnaam.xlsx"], "1", rows,
           refuse="k€", note="the sheet's name states the unit of its amounts")


def unit_in_note():
    """The unit in a note on the header of the first amount column (openpyxl)."""
    wb, f, rows = thousands(ALL[:3])
    f["B1"].comment = Comment("Alle bedragen in duizend euro", "controller")
    wb.save(path("26-eenheid-notitie.xlsx"))
    record("eenheid in een notitie op de kop", ["26-eenheid-notitie.xlsx"], "1", rows,
           refuse="duizend", note="a note on the header states the unit to whoever reads it")


def unit_in_number_format():
    """The unit only in the amounts' number format, `#,##0.00 "k€"`: 60.000,00 k€ on screen (LibreOffice)."""
    wb, f, rows = thousands(ALL[:3])
    for row in f.iter_rows(min_row=2, min_col=2, max_col=5):
        for cell in row:
            cell.number_format = '#,##0.00 "k€"'
    by_libreoffice("26-eenheid-getalnotatie.xlsx", wb)
    record("eenheid enkel in de getalnotatie", ["26-eenheid-getalnotatie.xlsx"], "1", rows,
           refuse="k€", note="the cells show 60.000,00 k€: typed in thousands")


def unit_row_under_header():
    """A row of units under the header, "k€" under each amount column (Gnumeric)."""
    wb, f, rows = thousands(ALL[:3])
    f.insert_rows(2)
    for col, unit in zip("BCDE", ["k€"] * 4):
        f[f"{col}2"] = unit
    by_gnumeric("26-eenheid-rij-onder-kop.xlsx", wb)
    record("een rij eenheden onder de kop", ["26-eenheid-rij-onder-kop.xlsx"], "1", rows,
           refuse="k€", note="the row under the header gives each amount column its unit")


def amount_with_unit_typed():
    """One budget typed with its unit, "30 mio", among numbers in euro (openpyxl)."""
    codes = ALL[:3]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(FIN)
    rows = []
    for i, c in enumerate(codes):
        fig = figures(c)
        v = fin_values(c, fig)
        if i == 0:
            v[0] = f"{v[0] / 1_000_000:g} mio"
        f.append([c] + v)
        rows.append((c, fig))
    wb.save(path("26-bedrag-met-eenheid.xlsx"))
    record("een bedrag getypt met zijn eenheid (30 mio)", ["26-bedrag-met-eenheid.xlsx"], "other", rows,
           refuse="mio|B2", note="30 mio is 30,000,000 or refused; never 0, never 30")


def unit_columns():
    """A unit column after each amount, "Eenheid" holding k€ on every row (LibreOffice)."""
    codes = ALL[:3]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(["Projectcode", "Beleidsruimte (begroot)", "Eenheid", "Uitvoering VAK", "Eenheid", "Uitvoering VEK",
              "Eenheid"])
    rows = []
    for c in codes:
        fig = figures(c, {"update": None})
        v = fin_values(c, fig, 1000)
        f.append([c, v[0], "k€", v[2], "k€", v[3], "k€"])
        rows.append((c, fig))
    by_libreoffice("26-eenheid-kolommen.xlsx", wb)
    record("een kolom eenheid naast elk bedrag", ["26-eenheid-kolommen.xlsx"], "1", rows,
           refuse="k€", note="the unit beside each amount is the amounts' unit")


def vak_as_percentage():
    """The commitments given as a share of the budget, "Uitvoering VAK (%)", formatted 0.0% (openpyxl)."""
    codes = ALL[:3]
    wb = book(codes)
    f = wb.create_sheet("Financiering")
    f.append(["Projectcode", "Beleidsruimte (begroot)", "Uitvoering VAK (%)", "Uitvoering VEK"])
    rows = []
    for c in codes:
        fig = figures(c, {"update": None})
        v = fin_values(c, fig)
        f.append([c, v[0], fig["vak"] / fig["begroot"], v[3]])
        f.cell(row=f.max_row, column=3).number_format = "0.0%"
        rows.append((c, fig))
    wb.save(path("26-vak-in-procent.xlsx"))
    record("VAK als percentage van de begroting", ["26-vak-in-procent.xlsx"], "other", rows,
           refuse="Uitvoering VAK \\(%\\)", note="45 % of the budget is no amount of 0.45 euro: refused")


# Cases added after the first files were committed: `--only NAME ...` makes just these (by function name)
# and keeps every other file and case as it is (LibreOffice and Gnumeric do not write byte for byte alike).
LATER = {f.__name__: f for f in [hidden_column_right, hidden_column_alone, header_merged_across,
                                 unit_in_footnote, unit_in_sheet_name, unit_in_note,
                                 unit_in_number_format, unit_row_under_header, amount_with_unit_typed,
                                 unit_columns, vak_as_percentage]}


def only(names):
    global truth
    with open(os.path.join(HERE, "truth-26.json"), encoding="utf-8") as f:
        old = json.load(f)
    for n in names:
        LATER[n]()
    made = {c["name"] for c in truth}
    truth = [c for c in old if c["name"] not in made] + truth


if __name__ == "__main__":
    import sys
    if len(sys.argv) > 2 and sys.argv[1] == "--only":
        only(sys.argv[2:])
        with open(os.path.join(HERE, "truth-26.json"), "w", encoding="utf-8") as f:
            json.dump(truth, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{len(os.listdir(OUT))} files, {len(truth)} cases")
        sys.exit(0)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    for make in [unit_group_header, unit_title_line, code_merged_two_lines, header_two_rows,
                 lambda: table_with_rows_under("26-onder-tabel.xlsx", 0, "twee projecten vlak onder een Excel-tabel"),
                 lambda: table_with_rows_under("26-onder-tabel-lege-rij.xlsx", 1, "twee projecten een lege rij onder een Excel-tabel"),
                 hidden_superseded_sheet, filter_hidden_rows, hidden_column, formula_refs, formula_nowhere,
                 summary_per_cluster, euro_dash, code_zero_width, rows_without_r,
                 nbsp_text, negative_parentheses,
                 lambda: unit_in_header("26-kilo-euro-kop.xlsx", "k€", 1000, "bedragen in k€ in de kop"),
                 million_header_lo, prose_notes, grand_total_label, frozen_title_block, blank_column,
                 percent_and_dates, side_by_side, sheet_per_year, comments_and_outline, apostrophe_text,
                 not_applicable, *LATER.values()]:
        make()
    with open(os.path.join(HERE, "truth-26.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(os.listdir(OUT))} files, {len(truth)} cases")
