"""Fills an empty department workbook the way a clerk would: finds each place by its label or code (never by a fixed
cell), types values only (no formulas), and saves with openpyxl (which drops the formulas' cached values).

usage: fill_workbook.py EMPTY.xlsx DEPARTMENT.json OUT.xlsx

The department is one of the samples, in 万元. Only what the workbook's sheets say to enter is written.
"""
import json
import sys

import openpyxl

empty, department_path, out = sys.argv[1:4]
dept = json.load(open(department_path, encoding="utf-8"))
wb = openpyxl.load_workbook(empty)


def norm(text):
    return "".join(str(text).split()) if text is not None else ""


def find_row(ws, label, column=1, start=1, end=None):
    """The first row whose cell in `column` reads `label` (spaces ignored)."""
    for row in range(start, (end or ws.max_row) + 1):
        if norm(ws.cell(row, column).value) == norm(label):
            return row
    raise SystemExit(f"{ws.title}: no row labelled {label}")


def set_by_label(sheet, label, value, column=2, start=1):
    if value is None:
        return
    ws = wb[sheet]
    ws.cell(find_row(ws, label, start=start), column).value = value


def header_column(ws, text, rows):
    for row in rows:
        for column in range(1, ws.max_column + 1):
            if norm(ws.cell(row, column).value) == norm(text):
                return column
    raise SystemExit(f"{ws.title}: no column {text}")


def list_rows(ws, section_title):
    """Rows after the 序号 header of a section."""
    start = find_row(ws, section_title)
    header = find_row(ws, "序号", start=start)
    return header + 1


# 基本信息
set_by_label("基本信息", "决算年度", dept["year"])
set_by_label("基本信息", "金额单位", dept["unit"])
set_by_label("基本信息", "部门名称", dept["department"]["name"])
set_by_label("基本信息", "政府级次", dept["department"]["level"])
set_by_label("基本信息", "落款", dept.get("closingLine"))

# 部门概况
ws = wb["部门概况"]
duties = dept["department"]["duties"]
if duties.get("numbering"):
    set_by_label("部门概况", "职责编号样式", duties["numbering"])
if duties.get("leadLine") is not None:
    set_by_label("部门概况", "职责前加“主要职责是：”", "是" if duties["leadLine"] else "否")
row = list_rows(ws, "一、部门主要职责")
for offset, item in enumerate(duties["items"]):
    ws.cell(row + offset, 2).value = item
row = list_rows(ws, "二、纳入决算汇编范围的单位")
for offset, unit in enumerate(dept["department"]["units"]):
    ws.cell(row + offset, 2).value = unit["name"]
    ws.cell(row + offset, 3).value = unit.get("budgetLevel")
row = list_rows(ws, "三、内设机构（部门本级）")
for offset, name in enumerate(dept["department"].get("internalInstitutions") or []):
    ws.cell(row + offset, 2).value = name
staff = dept["department"]["staff"]
for label, key in [("年末编制内实有人员", "inPost"), ("其他人员", "other"), ("单位发放离退休费的人员", "retiredPaidByUnit"),
                   ("养老保险基金发放养老金的人员", "retiredPaidByPensionFund")]:
    set_by_label("部门概况", label, staff[key])


# Subject tables: a row per subject below 合计, columns by header text.
def subject_table(sheet, columns, include):
    ws = wb[sheet]
    total = find_row(ws, "合计")
    header_rows = range(1, total)
    name_column = header_column(ws, "科目名称", header_rows)
    found = {header: header_column(ws, header, header_rows) for header in columns}
    row = total + 1
    for subject in dept["subjects"]:
        values = include(subject)
        if values is None:
            continue
        ws.cell(row, 1).value = subject["code"]
        ws.cell(row, name_column).value = subject.get("name")
        if len(subject["code"]) == 7:
            for header, value in values.items():
                if value:
                    ws.cell(row, found[header]).value = value
        row += 1


def income(subject):
    i = subject.get("income") or {}
    fiscal = sum(i.get(k, 0) for k in ("generalBudget", "governmentFund", "stateCapital"))
    return {"财政拨款收入": fiscal, "上级补助收入": i.get("superiorSubsidy"), "事业收入": i.get("business"),
            "经营收入": i.get("operating"), "附属单位上缴收入": i.get("affiliated"), "其他收入": i.get("other")}


def expenditure(subject):
    e = subject.get("expenditure") or {}
    return {"基本支出": e.get("basic"), "项目支出": e.get("project"), "上缴上级支出": e.get("toSuperior"),
            "经营支出": e.get("operating"), "对附属单位补助支出": e.get("toAffiliated")}


def general(subject):
    g = subject.get("generalBudgetExpenditure") or {}
    return {"基本支出": g.get("basic"), "项目支出": g.get("project")}


subject_table("公开02表", ["财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], income)
subject_table("公开03表", ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], expenditure)
subject_table("公开05表", ["基本支出", "项目支出"], general)

# 公开06表: the amount two columns right of its code.
ws = wb["公开06表"]
amounts = {entry["code"]: entry["amount"] for entry in dept["basicExpenditureByEconomicCode"]}
for row in range(1, ws.max_row + 1):
    for column in (1, 4, 7):
        code = norm(ws.cell(row, column).value)
        if code in amounts and len(code) == 5:
            ws.cell(row, column + 2).value = amounts[code]

# 公开01表, 公开04表: by label in the income half.
start = dept["carryOver"]["start"]
carry_in = start.get("nonFiscal", 0) + start.get("generalBudget", 0) + start.get("stateCapital", 0)
set_by_label("公开01表", "年初结转和结余", carry_in or None, column=3)
set_by_label("公开01表", "使用非财政拨款结余（含专用结余）", dept["carryOver"].get("nonFiscalBalanceUsed"), column=3)

# 公开09表: columns by header, rows by label.
ws = wb["公开09表"]
head = range(1, find_row(ws, "一、“三公”经费支出"))
columns = [header_column(ws, text, head) for text in ("年初预算数", "全年预算数", "决算数")]
three = dept["threePublic"]
for label, key in [("1.因公出国（境）费", "abroad"), ("（1）公务用车购置费", "vehiclePurchase"),
                   ("（2）公务用车运行维护费", "vehicleOperation")]:
    for column, field in zip(columns, ("initialBudget", "adjustedBudget", "actual")):
        set_by_label("公开09表", label, three[key].get(field), column=column)
reception = three["reception"]
set_by_label("公开09表", "3.公务接待费", reception.get("initialBudget"), column=columns[0])
set_by_label("公开09表", "3.公务接待费", reception.get("adjustedBudget"), column=columns[1])
set_by_label("公开09表", "（1）国内接待费", reception.get("domestic"), column=columns[2])
set_by_label("公开09表", "（2）国（境）外接待费", reception.get("overseas"), column=columns[2])
statistics = three["statistics"]
for label, key in [("1.因公出国（境）团组数（个）", "abroadGroups"), ("2.因公出国（境）人次数（人）", "abroadPersonTimes"),
                   ("3.公务用车购置数（辆）", "vehiclesPurchased"), ("4.公务用车保有量（辆）", "vehiclesHeld"),
                   ("5.国内公务接待批次（个）", "domesticReceptionBatches"),
                   ("6.国内公务接待人次（人）", "domesticReceptionPersonTimes")]:
    set_by_label("公开09表", label, statistics.get(key), column=columns[2])

# 公开10表
vehicles = dept["assets"]["vehicles"]
for label, key in [("1. 副部（省）级及以上领导用车", "ministerial"), ("2. 主要负责人用车", "principal"),
                   ("3. 机要通信用车", "confidential"), ("4. 应急保障用车", "emergency"), ("5. 执法执勤用车", "lawEnforcement"),
                   ("6. 特种专业技术用车", "specialTechnical"), ("7. 离退休干部服务用车", "retiredCadres"), ("8. 其他用车", "other")]:
    set_by_label("公开10表", label, vehicles.get(key), column=3)

# 上年数
prior = dept["priorYear"]
for label, value in [("年初结转和结余", prior.get("carryIn")), ("本年收入合计", prior.get("income")),
                     ("本年支出合计", prior.get("expenditure")), ("年末结转和结余", prior.get("carryOut")),
                     ("基本支出：工资福利支出", prior["basic"]["wages"]),
                     ("基本支出：商品和服务支出", prior["basic"]["goodsAndServices"]),
                     ("基本支出：对个人和家庭的补助", prior["basic"]["subsidies"]),
                     ("基本支出：资本性支出", prior["basic"]["capital"]),
                     ("“三公”经费：公务用车运行维护费", prior["threePublic"]["vehicleOperation"]),
                     ("“三公”经费：公务接待费", prior["threePublic"]["reception"]),
                     ("机关运行经费", prior.get("operatingCosts"))]:
    set_by_label("上年数", label, value)

# 年初预算: by the 类 code in column A.
ws = wb["年初预算"]
for code, amount in dept["fiscalInitialBudget"]["byCategory"].items():
    ws.cell(find_row(ws, code), 3).value = amount

# 原因说明: column G of the row with the slot's label.
reasons = dept["reasons"]
for label, text in [("本年收入合计：比上年变动原因", reasons.get("income")),
                    ("本年支出合计：比上年变动原因", reasons.get("expenditure")),
                    ("年末结转和结余：比上年变动原因", reasons.get("carryOut")),
                    ("工资福利支出：比上年变动原因", reasons["basic"]["wages"]),
                    ("商品和服务支出：比上年变动原因", reasons["basic"]["goodsAndServices"]),
                    ("对个人和家庭的补助：比上年变动原因", reasons["basic"]["subsidies"]),
                    ("资本性支出：比上年变动原因", reasons["basic"]["capital"]),
                    ("公务用车运行维护费：决算数与全年预算数差异原因", reasons["threePublic"]["vehicleOperation"]["budget"]),
                    ("公务用车运行维护费：比上年变动原因", reasons["threePublic"]["vehicleOperation"]["change"]),
                    ("公务接待费：决算数与全年预算数差异原因", reasons["threePublic"]["reception"]["budget"]),
                    ("公务接待费：比上年变动原因", reasons["threePublic"]["reception"]["change"]),
                    ("公务接待费：主要用途（“主要是”后的内容）", reasons["threePublic"]["reception"]["description"]),
                    ("机关运行经费：比上年变动原因", reasons.get("operatingCosts"))]:
    set_by_label("原因说明", label, text, column=7)
ws = wb["原因说明"]
for code, text in reasons.get("categories", {}).items():
    for row in range(1, ws.max_row + 1):
        if norm(ws.cell(row, 1).value).startswith(code):
            ws.cell(row, 7).value = text

# 政府采购
procurement = dept["procurement"]
for label, key in [("政府采购货物支出", "goods"), ("政府采购服务支出", "services"), ("授予中小企业合同金额：货物", "smeGoods"),
                   ("授予中小企业合同金额：服务", "smeServices"), ("授予小微企业合同金额", "micro")]:
    set_by_label("政府采购及运行经费", label, procurement.get(key))

# 绩效: the summary only (no self-evaluation tables: a shorter report, still complete).
evaluation = dept["performance"]["selfEvaluation"]
set_by_label("绩效", "自评结果为“优”的项目数", evaluation["grades"].get("excellent"))
set_by_label("绩效", "自评项目共涉及资金", evaluation["amount"])

# 附件: a heading and a paragraph.
ws = wb["附件"]
row = find_row(ws, "类型") + 1
ws.cell(row, 1).value = "标题"
ws.cell(row, 2).value = "部门整体支出绩效自评报告"
ws.cell(row + 1, 1).value = "段落"
ws.cell(row + 1, 2).value = "（略）"

wb.save(out)
