#!/usr/bin/python3
"""
The corpus of workbooks shaped like the ones agencies really keep, made by other programs than ours:
openpyxl (formulas without stored results, notes) and LibreOffice (from CSV, with computed results).
Every file comes with its true totals, computed here from the data the file was made from (never by
vv-monitor), in truth.json. The files are committed; run this again only to change the corpus:

    /usr/bin/python3 test/corpus/make-corpus.py        (needs python3-openpyxl and LibreOffice)

Amounts are kept in cents (integers) so that the truth has no float noise.
"""
import json
import os
import shutil
import subprocess
import tempfile

from openpyxl import Workbook
from openpyxl.comments import Comment

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
SP1 = "01. Economie en samenleving verduurzamen"
SP2 = "02. Investeren in infrastructuur"
SP3 = "03. Vlaanderen digitaal transformeren"
SP4 = "04. Investeren in mensen en talenten"
C05 = "05. Versterking O&O"
C14 = "14. Culturele infrastructuur"
C02 = "02. Fietsinfrastructuur"
C04 = "04. 0pleidings- en loopbaanoffensief"
C13 = "13. Digitalisering Vlaamse overheid"

# code, title, cluster, speerpunt, status, begroot, update, vak, vek (euro cents; update None = no revision)
PROJECTS = [
    ("VV021", "Onderzoeksinfrastructuur", C05, SP1, "In uitvoering na agendering VR", 3000000000, None, 1234567890, 450000000),
    ("VV024", "Innovatieve clusters", C05, SP1, "Opgestart", 4500000000, 4250000000, 2000000000, 725000050),
    ("VV027", "Speerpuntclusters O&O", C05, SP1, "Aandacht nodig", 1250000000, None, 125000000, 0),
    ("VV083", "Renovatie cultureel erfgoed", C14, SP2, "In uitvoering na agendering VR", 6000000000, 5800000000, 2560000000, 999999999),
    ("VV084", "Bovenlokale cultuurinfrastructuur", C14, SP2, "Opgestart", 1500000000, None, 300000000, 100000000),
    ("VV012", "Fietssnelwegen en fietsbruggen over kanalen en rivieren in heel Vlaanderen", C02, SP2, "Gerealiseerd", 20000000000, 21000000000, 15000000000, 9876543210),
    ("VV035", "Loopbaancheques", C04, SP4, "Actie nodig", 800000000, None, 200000000, 150000000),
    ("VV061", "Digitale overheid", C13, SP3, "Opgestart", 950000000, None, 95000000, 12345678),
]
BY_CODE = {p[0]: p for p in PROJECTS}
PROJECT_HEADERS = ["Projectcode", "Projecttitel", "Cluster", "Speerpunt", "Projectstatus"]

truth = []


def euro(cents):
    """An amount as a number in euro (a float with at most two decimals)."""
    return cents / 100


def totals_of(codes, by="speerpunt"):
    """The true totals of these projects: overall and per group, in cents."""
    def empty():
        return {"count": 0, "begroot": 0, "update": 0, "vak": 0, "vek": 0}
    total, groups = empty(), {}
    for code in codes:
        p = BY_CODE[code]
        key = {"speerpunt": p[3], "cluster": p[2], "project": code,
               "envelop": "relance" if int(code[2:]) <= 158 else "regulier"}[by]
        g = groups.setdefault(key, empty())
        for t in (total, g):
            t["count"] += 1
            t["begroot"] += p[5]
            t["update"] += p[6] if p[6] is not None else p[5]
            t["vak"] += p[7]
            t["vek"] += p[8]
    return {"total": total, "groups": groups}


def record(files, item, codes=None, by="speerpunt", exit=0, rules=(), refuse=None, after=None, note=""):
    """
    One case of the corpus: the files read together and what `totals` must give: the exact totals (and
    the findings `rules`), or a refusal (`refuse`: the message must match; exit 1 or 2, figures not
    checked). `after`: what `totals` gives on the converted files and on the merged file, when it differs.
    """
    case = {"files": files, "item": item, "by": by, "exit": exit, "rules": list(rules), "note": note}
    if refuse:
        case["refuse"] = refuse
    else:
        case.update(totals_of(codes, by))
    if after:
        case["after"] = after
    truth.append(case)


def lo(src, outdir, infilter=None):
    """LibreOffice headless: CSV (or a workbook) to .xlsx, formulas computed and stored."""
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outdir, src]
    if infilter:
        cmd.insert(3, "--infilter=" + infilter)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    shutil.rmtree(profile, ignore_errors=True)


def from_csv(name, sheet, rows):
    """
    A workbook LibreOffice makes from a CSV file: numbers are numbers, quoted text stays text (as typed
    by a person: "1.650.000", "VV 83"), formulas (=SUM(...)) are computed and stored.
    """
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, sheet + ".csv")
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(";".join("" if v is None else (f'"{v}"' if isinstance(v, str) and not v.startswith("=") else str(v)) for v in r) + "\n")
    # Separator ;, quote ", UTF-8, from line 1, English (en-US) numbers, quoted fields stay text.
    lo(path, tmp, "CSV:59,34,76,1,,1033,true,false")
    shutil.move(os.path.join(tmp, sheet + ".xlsx"), os.path.join(OUT, name))
    shutil.rmtree(tmp, ignore_errors=True)


def resaved(name, wb):
    """A workbook written by openpyxl, then opened and saved by LibreOffice (results stored)."""
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, "in", name)
    os.makedirs(os.path.dirname(src))
    wb.save(src)
    lo(src, tmp)
    shutil.move(os.path.join(tmp, name), os.path.join(OUT, name))
    shutil.rmtree(tmp, ignore_errors=True)


def projects_sheet(ws, codes, cluster=None):
    ws.append(PROJECT_HEADERS)
    for c in codes:
        p = BY_CODE[c]
        ws.append([c, p[1], cluster(p) if cluster else p[2], p[3], p[4]])


def fin_row(code):
    p = BY_CODE[code]
    return [code, euro(p[5]), None if p[6] is None else euro(p[6]), euro(p[7]), euro(p[8])]


FIN_HEADERS = ["Projectcode", "Beleidsruimte (begroot)", "Beleidsruimte (begroot) update", "Uitvoering VAK", "Uitvoering VEK"]
ALL = [p[0] for p in PROJECTS]


def item1():
    """Total and subtotal rows: SUM/SUBTOTAL formulas without stored results (openpyxl), then the same
    workbook saved by LibreOffice, and a typed total that disagrees."""
    groups = [["VV021", "VV024", "VV027"], ["VV083", "VV084"], ["VV012"]]
    wb = Workbook()
    projects_sheet(wb.active, [c for g in groups for c in g])
    wb.active.title = "Projecten"
    f = wb.create_sheet("Financiering")
    f.append(FIN_HEADERS)
    blocks = []
    for g, label in zip(groups, ["Subtotaal cluster 05", "Subtotaal cluster 14", "Subtotaal cluster 02"]):
        first = f.max_row + 1
        for c in g:
            f.append(fin_row(c))
        last = f.max_row
        blocks.append((first, last))
        f.append([label] + [f"=SUBTOTAL(9,{col}{first}:{col}{last})" for col in "BCDE"])
    f.append(["Totaal"] + ["=" + "+".join(f"SUM({col}{a}:{col}{b})" for a, b in blocks) for col in "BCDE"])
    wb.save(os.path.join(OUT, "01-totaalrij.xlsx"))
    record(["01-totaalrij.xlsx"], 1, ALL[:6], note="subtotals and a total as formulas without stored results")
    resaved("01-totaalrij-lo.xlsx", wb)
    record(["01-totaalrij-lo.xlsx"], 1, ALL[:6], note="the same, saved by LibreOffice (results stored)")
    # A total typed by hand that misses a row: the rows count, the total row is reported.
    codes = ["VV021", "VV024", "VV027", "VV083"]
    rows = [FIN_HEADERS] + [fin_row(c) for c in codes]
    wrong = sum(BY_CODE[c][5] for c in codes[:3])
    rows.append(["Totaal", euro(wrong), None, None, None])
    from_csv("01-totaalrij-fout.xlsx", "Financiering", rows)
    record(["01-totaalrij-fout.xlsx"], 1, codes, by="envelop", exit=1, rules=["total-mismatch"],
           after={"convert": {"exit": 0}, "merge": {"exit": 0}},
           note="a typed total that disagrees with the rows above (conversion keeps it on Bewaard)")


def item2():
    """Headers with a unit; one sheet with projects and money on one row (LibreOffice from CSV)."""
    head = PROJECT_HEADERS[:1] + ["Titel", "Cluster", "Speerpunt", "Status", "Beleidsruimte (EUR)",
                                  "Beleidsruimte update (EUR)", "VAK (EUR)", "Uitvoering VEK (in euro)"]
    rows = [head] + [[c, BY_CODE[c][1], BY_CODE[c][2], BY_CODE[c][3], BY_CODE[c][4]] + fin_row(c)[1:] for c in ALL]
    from_csv("02-eenheden.xlsx", "Rapportering", rows)
    record(["02-eenheden.xlsx"], 2, ALL, note="unit headers, one sheet for projects and money")
    rows = [["Projectcode", "Beleidsruimte (x 1.000 EUR)", "VAK (x 1.000 EUR)", "VEK (x 1.000 EUR)"]]
    rows += [[c, BY_CODE[c][5] / 100000, BY_CODE[c][7] / 100000, BY_CODE[c][8] / 100000] for c in ALL[:3]]
    from_csv("02-duizend-euro.xlsx", "Financiering", rows)
    record(["02-duizend-euro.xlsx"], 2, by="envelop", exit=2, refuse="Uitvoering VAK|duizend",
           note="amounts in thousands of euro are never read as euro")


def item3():
    """One sheet per cluster, same headers, a title above, projects and money on one row (openpyxl)."""
    wb = Workbook()
    wb.remove(wb.active)
    head = ["Code", "Titel", "Cluster", "Speerpunt", "Status", "Budget", "Vastgelegd", "Betaald"]
    for name, codes, extra in [("Cluster 05 O&O", ["VV021", "VV024", "VV027"], False),
                               ("Cluster 14 Cultuur", ["VV083", "VV084"], True),
                               ("Cluster 02 Fiets", ["VV012"], False)]:
        ws = wb.create_sheet(name)
        ws.append([f"Rapportering {name}, stand 1 juni 2022"])
        ws.append([])
        ws.append(head + (["Opmerking"] if extra else []))
        for c in codes:
            p = BY_CODE[c]
            ws.append([c, p[1], p[2], p[3], p[4], euro(p[5]), euro(p[7]), euro(p[8])] + (["bellen"] if extra else []))
    wb.create_sheet("Toelichting").append(["De bedragen komen uit Orafin."])
    wb.save(os.path.join(OUT, "03-per-cluster.xlsx"))
    # Budget is begroot without update: the truth's update equals begroot for these rows.
    for c in ALL[:6]:
        p = list(BY_CODE[c])
        p[6] = None
        BY_CODE[c] = tuple(p)
    record(["03-per-cluster.xlsx"], 3, ALL[:6], note="three sheets of the same shape stacked")
    for p in PROJECTS:
        BY_CODE[p[0]] = p


def item4():
    """A workbook that is not a monitoring workbook at all."""
    from_csv("04-geen-sjabloon.xlsx", "Adressen", [["Naam", "Adres", "Bedrag"], ["Jan", "Brussel", 1000], ["An", "Gent", 2500]])
    record(["04-geen-sjabloon.xlsx"], 4, exit=2, refuse="Financiering|sjabloon",
           note="not a template: refused, never zeros")


def item5():
    """Headings between the rows, a blank row, a source line and a footnote with a number under the table."""
    head = ["Projectcode", "Projecttitel", "Cluster", "Speerpunt", "Projectstatus", "Beleidsruimte",
            "Beleidsruimte update", "VAK", "VEK"]
    rows = [head, ["Cluster 05 O&O"]]
    rows += [[c, *BY_CODE[c][1:5]] + fin_row(c)[1:] for c in ["VV021", "VV024", "VV027"]]
    rows += [["Cluster 14 Culturele infrastructuur"]]
    rows += [[c, *BY_CODE[c][1:5]] + fin_row(c)[1:] for c in ["VV083", "VV084"]]
    rows += [[], ["Bron: Orafin, stand 15/05/2022"], ["* VAK inclusief herverdeling", None, None, None, None, None, None, 3000000]]
    from_csv("05-voetnoten.xlsx", "Rapportering", rows)
    record(["05-voetnoten.xlsx"], 5, ["VV021", "VV024", "VV027", "VV083", "VV084"], rules=["row-left-out"],
           note="headings and footnotes are not data; the footnote's number is reported, not added")


def item6():
    """Formulas without stored results (openpyxl): arithmetic, SUM, references to another sheet, ROUND,
    and the issue's =D2*0.5."""
    p = list(BY_CODE["VV027"])
    p[8] = p[7] // 2  # VEK is half of VAK, as a formula
    BY_CODE["VV027"] = tuple(p)
    wb = Workbook()
    projects_sheet(wb.active, ALL[:4])
    wb.active.title = "Projecten"
    f = wb.create_sheet("Financiering")
    b = wb.create_sheet("Bijstellingen")
    t = wb.create_sheet("Betalingen")
    b.append(["Projectcode", "Nieuwe beleidsruimte"])
    t.append(["Projectcode", "Schijf 1", "Schijf 2"])
    f.append(FIN_HEADERS + ["Vlaamse relancemiddelen", "Reguliere Vlaamse middelen"])
    for i, c in enumerate(ALL[:4]):
        p = BY_CODE[c]
        r = i + 2
        half = p[5] // 2
        first = p[8] // 2
        b.append([c, None if p[6] is None else euro(p[6])])
        t.append([c, euro(first), euro(p[8] - first)])
        f.append([
            c,
            f"=SUM(F{r}:G{r})",
            None if p[6] is None else f"=Bijstellingen!B{r}",
            f"=ROUND({euro(p[7])}*1,2)",
            f"=D{r}*0.5" if c == "VV027" else f"=Betalingen!B{r}+Betalingen!C{r}",
            euro(half),
            euro(p[5] - half),
        ])
    wb.save(os.path.join(OUT, "06-formules.xlsx"))
    record(["06-formules.xlsx"], 6, ALL[:4], note="formulas computed by vv-monitor")
    f["D2"] = "=VLOOKUP(A2,Orafin!A:B,2,FALSE)"
    wb.create_sheet("Orafin").append(["VV021", euro(BY_CODE["VV021"][7])])
    wb.save(os.path.join(OUT, "06-formules-vlookup.xlsx"))
    record(["06-formules-vlookup.xlsx"], 6, exit=1, rules=["formula-uncomputed"], refuse="VLOOKUP",
           note="a formula vv-monitor cannot compute is reported at its cell")
    for p in PROJECTS:
        BY_CODE[p[0]] = p


def overlap_file(name, codes, change=None):
    wb = Workbook()
    projects_sheet(wb.active, codes)
    wb.active.title = "Projecten"
    f = wb.create_sheet("Financiering")
    f.append(FIN_HEADERS)
    for c in codes:
        row = fin_row(c)
        if change and c in change:
            row[3] = change[c]
        f.append(row)
    wb.save(os.path.join(OUT, name))


def item7():
    """Two entities that both report VV021: identically (counted once), or differently (an error)."""
    overlap_file("07-overlap-a.xlsx", ["VV021", "VV024", "VV027"])
    overlap_file("07-overlap-b.xlsx", ["VV021", "VV083", "VV084"])
    overlap_file("07-overlap-c.xlsx", ["VV021", "VV012"], change={"VV021": 1.5})
    record(["07-overlap-a.xlsx", "07-overlap-b.xlsx"], 7, ["VV021", "VV024", "VV027", "VV083", "VV084"],
           rules=["overlap-identical"], note="the same project in two files counts once")
    record(["07-overlap-a.xlsx", "07-overlap-c.xlsx"], 7, ["VV021", "VV024", "VV027", "VV012"], exit=1,
           rules=["overlap-conflict"], after={"merge": {"exit": 0}},
           note="reported differently: an error, the first file counts; merged, the later row is on Bewaard "
                "and the merged workbook's totals are the same")


def item8():
    """Codes, amounts and lists as people type them (LibreOffice keeps the text as text)."""
    head = ["Code", "Titel", "Cluster", "Speerpunt", "Status", "Begroot", "Begroot update", "Vastleggingen", "Vereffeningen"]
    def text(cents):
        e, c = divmod(cents, 100)
        s = f"{e:,}".replace(",", ".")
        return f"{s},{c:02d}" if c else s
    rows = [head]
    styles = [lambda c: "VV " + str(int(c[2:])), lambda c: c.lower(), lambda c: c]
    for i, c in enumerate(ALL):
        p = BY_CODE[c]
        rows.append([
            styles[i % 3](c),
            p[1],
            p[2][:2].lstrip("0") if i % 2 else p[2].lower(),
            p[3][:2] if i % 2 else p[3],
            p[4].lower(),
            text(p[5]) if i % 2 else f"€ {text(p[5])}",
            None if p[6] is None else text(p[6]) + " EUR",
            text(p[7]),
            euro(p[8]),
        ])
    from_csv("08-tekst.xlsx", "Projecten 2022", rows)
    record(["08-tekst.xlsx"], 8, ALL, note="text amounts, codes and list values as typed")


def item9():
    """Notes (comments) people wrote, on values that conversion moves (openpyxl, saved by LibreOffice)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Onze projecten"
    ws.append(["Overzicht van onze projecten"])
    ws.append(["Code", "Titel", "Cluster", "Speerpunt", "Status", "Budget", "VAK", "VEK"])
    for c in ALL[:3]:
        p = BY_CODE[c]
        ws.append([c, p[1], p[2], p[3], p[4], euro(p[5]), euro(p[7]), euro(p[8])])
    ws.append(["Totaal", None, None, None, None, "=SUM(F3:F5)", "=SUM(G3:G5)", "=SUM(H3:H5)"])
    ws["G3"].comment = Comment("Bedrag volgens Orafin 15/05", "Jan")
    ws["B4"].comment = Comment("Titel nog te bevestigen", "An")
    ws["F2"].comment = Comment("Budget = beleidsruimte", "Jan")
    ws["A1"].comment = Comment("Versie 3", "Jan")
    ws["F6"].comment = Comment("Controle: klopt met Orafin", "Jan")
    resaved("09-notities.xlsx", wb)
    for c in ALL[:3]:
        p = list(BY_CODE[c])
        p[6] = None
        BY_CODE[c] = tuple(p)
    record(["09-notities.xlsx"], 9, ALL[:3], note="notes on moved cells move with them")
    for p in PROJECTS:
        BY_CODE[p[0]] = p


def item13():
    """A CSV file and a LibreOffice .ods file: not .xlsx, with the advice to save as .xlsx."""
    rows = [FIN_HEADERS] + [fin_row(c) for c in ALL[:2]]
    with open(os.path.join(OUT, "13-rapport.csv"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(";".join("" if v is None else str(v) for v in r) + "\n")
    tmp = tempfile.mkdtemp()
    shutil.copy(os.path.join(OUT, "13-rapport.csv"), os.path.join(tmp, "13-rapport.csv"))
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--infilter=CSV:59,34,76,1", "--convert-to", "ods", "--outdir", tmp,
                    os.path.join(tmp, "13-rapport.csv")], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=180)
    shutil.move(os.path.join(tmp, "13-rapport.ods"), os.path.join(OUT, "13-rapport.ods"))
    record(["13-rapport.csv"], 13, exit=2, refuse="bewaar het als Excel-werkmap .xlsx", note="a CSV file: advice to save as .xlsx")
    record(["13-rapport.ods"], 13, exit=2, refuse="bewaar het als Excel-werkmap .xlsx", note="an .ods file: advice to save as .xlsx")


def item14():
    """Only a Financiering sheet: per project the code (and no title); per speerpunt refused."""
    from_csv("14-financiering.xlsx", "Financiering", [FIN_HEADERS] + [fin_row(c) for c in ALL])
    record(["14-financiering.xlsx"], 14, ALL, by="project", note="per project without Projecten: codes")
    record(["14-financiering.xlsx"], 14, by="speerpunt", exit=2, refuse="Projecten",
           after={"convert": {"exit": 1, "refuse": "Projecten"}, "merge": {"exit": 1, "refuse": "Projecten"}},
           note="per speerpunt needs Projecten (converted: every project unknown there)")


def item15():
    """Cluster 04 written with the letter O (the plan's label has a digit zero)."""
    wb = Workbook()
    projects_sheet(wb.active, ["VV035", "VV061"], cluster=lambda p: p[2].replace("0pleidings", "Opleidings"))
    wb.active.title = "Projecten"
    f = wb.create_sheet("Financiering")
    f.append(FIN_HEADERS)
    for c in ["VV035", "VV061"]:
        f.append(fin_row(c))
    wb.save(os.path.join(OUT, "15-cluster-o.xlsx"))
    record(["15-cluster-o.xlsx"], 15, ["VV035", "VV061"], by="cluster", note="letter O read as the plan's label")


if __name__ == "__main__":
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    for make in [item1, item2, item3, item4, item5, item6, item7, item8, item9, item13, item14, item15]:
        make()
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(os.listdir(OUT))} files, {len(truth)} cases")
