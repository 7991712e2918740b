// The description of input model v1 (see DepartmentInput.swift). Keep the two in step: the tests decode, re-encode
// and re-check every sample against this description, and check that every field here is used by some sample.

public enum InputSchema {
    public static let version = 1

    static let subjectCode = StringRule.digits(lengths: [3, 5, 7], human: "3、5 或 7 位数字的科目编码")
    static let categoryCode = StringRule.digits(lengths: [3], human: "3 位数字的类级科目编码")
    static let economicCode = StringRule.digits(lengths: [3, 5], human: "3 或 5 位数字的经济分类科目编码")

    static func amount(
        _ name: String, _ chinese: String, appearsIn: String = "", note: String = "", example: String? = nil,
        required: Bool = false
    ) -> Field {
        Field(name, chinese, .amount, required: required, appearsIn: appearsIn, note: note, example: example)
    }

    static func count(_ name: String, _ chinese: String, appearsIn: String, required: Bool = false) -> Field {
        Field(name, chinese, .integer(minimum: 0), required: required, appearsIn: appearsIn, example: "0")
    }

    static func text(
        _ name: String, _ chinese: String, appearsIn: String, note: String = "", example: String? = nil,
        required: Bool = false
    ) -> Field {
        Field(
            name, chinese, .string(required ? .nonEmpty : .any), required: required, appearsIn: appearsIn,
            note: note, example: example)
    }

    static let suppliedNote =
        "可不填；如填写，是公开表印出的合计（官方数）：与由明细计算的数核对（相差超出舍入误差范围时报致命问题，规则 IN-08），"
        + "金额单位为“万元”时报告印这个数，为“元”时印由明细换算的数。"

    /// The list numbering styles, for messages and the reference.
    static let numberingNote =
        "“（一）”“一、”“1、”“1.”“1）”“①”，“(1)”按标准印成全角“（1）”；条目自带编号时填“无”。"

    // MARK: Content blocks

    static let contentTable = ObjectSchema(
        name: "ContentTable", title: "表格",
        fields: [
            text("caption", "表题", appearsIn: "表格上方", example: "\"表 1 资金实际使用情况 单位：万元\""),
            Field(
                "headerRows", "表头行数", .integer(minimum: 0), appearsIn: "表格", note: "前几行是表头，默认 1。",
                example: "1"),
            Field(
                "rows", "单元格", .array(.array(.string(.any))), required: true, appearsIn: "表格",
                note: "逐行列出单元格文字。", example: "[[\"收入明细\", \"支出明细\"], [\"基本支出\", \"2253.65\"]]"),
            Field(
                "widths", "列宽", .array(.decimal), appearsIn: "表格（各种格式）",
                note: "每列一个正数，表示相对宽度（如 [1, 3] 第二列是第一列的 3 倍宽）；个数须等于列数。不填时各列等宽。",
                example: "[2, 5, 3]"),
            Field(
                "merges", "合并单元格", .array(.string(.pattern(mergeRangePattern, human: "合并范围，如 A1:C1"))),
                appearsIn: "表格（各种格式）",
                note: "每项是一个矩形范围，按电子表格的写法：列 A、B、C…，行从 1 起（含表头行），如 \"A1:C1\"（第 1 行前三格合并）、"
                    + "\"A2:A4\"（第一列第 2–4 行合并）。文字写在范围左上角的单元格，范围内其他单元格留空 \"\"。",
                example: "[\"A1:C1\", \"A2:A4\"]"),
            text(
                "sheet", "工作表名称", appearsIn: "Excel（.xlsx）中的工作表",
                note: "填写时这张表也写入 .xlsx（默认只有公开01–10表）。不超过 31 个字，不含空格和 : \\ / ? * [ ]，不与其他表重名。",
                example: "\"附件表1\""),
        ])

    /// `A1:C3`: two cells in spreadsheet notation.
    static let mergeRangePattern = "[A-Z]{1,2}[1-9][0-9]{0,3}:[A-Z]{1,2}[1-9][0-9]{0,3}"

    static let contentBlock = SchemaType.oneKeyOf(
        name: "ContentBlock", title: "内容块",
        [
            text("heading", "标题", appearsIn: "单独一行的标题", example: "\"一、部门概况\""),
            text("paragraph", "段落", appearsIn: "正文段落", example: "\"为深入贯彻落实……\""),
            text("center", "居中行", appearsIn: "居中的一行（报告标题等）", example: "\"部门整体评价支出绩效自评报告\""),
            text("right", "右对齐行", appearsIn: "右对齐的一行（落款、日期）", example: "\"2025年4月28日\""),
            Field("table", "表格", .object(contentTable), appearsIn: "表格"),
        ])

    // MARK: Department

    static let duties = ObjectSchema(
        name: "Duties", title: "部门主要职责",
        fields: [
            Field(
                "leadLine", "引导语", .boolean, appearsIn: "第一部分 一", note: "为 true 时在职责前加“主要职责是：”。",
                example: "false"),
            Field(
                "numbering", "编号样式", .string(.oneOf(DutyNumbering.allCases.map(\.rawValue))),
                appearsIn: "第一部分 一", note: "每条职责前的编号，默认“（一）”。可选：" + numberingNote, example: "\"1、\""),
            Field(
                "items", "职责条目", .array(.string(.nonEmpty), minItems: 1), required: true, appearsIn: "第一部分 一",
                note: "每条职责一项，不含编号。", example: "[\"负责人大会议……的有关事务。\"]"),
        ])

    static let unit = ObjectSchema(
        name: "ReportingUnit", title: "单位",
        fields: [
            text("name", "单位名称", appearsIn: "第一部分 二", required: true),
            text("budgetLevel", "预算级次", appearsIn: "第一部分 二（多个单位时的单位表）", example: "\"二级\""),
        ])

    static let staff = ObjectSchema(
        name: "Staff", title: "人员情况",
        fields: [
            count("inPost", "年末编制内实有人员", appearsIn: "第一部分 二", required: true),
            count("other", "其他人员", appearsIn: "第一部分 二", required: true),
            count("retiredPaidByUnit", "单位发放离退休费的人员", appearsIn: "第一部分 二", required: true),
            count("retiredPaidByPensionFund", "养老保险基金发放养老金的人员", appearsIn: "第一部分 二", required: true),
            Field(
                "retired", "离退休人员", .integer(minimum: 0), appearsIn: "第一部分 二",
                note: "等于上面两项之和，可不填；如填写，只用于核对。", example: "80"),
        ])

    static let department = ObjectSchema(
        name: "Department", title: "部门",
        fields: [
            text(
                "name", "部门名称", appearsIn: "标题、各表“部门：”行、第一部分",
                example: "\"景德镇市人大办公室\"", required: true),
            Field(
                "level", "政府级次", .string(.oneOf(GovernmentLevel.allCases.map(\.rawValue))), required: true,
                appearsIn: "名词解释“财政拨款：指市级财政……”", example: "\"市级\""),
            Field("duties", "部门主要职责", .object(duties), required: true, appearsIn: "第一部分 一"),
            Field(
                "units", "纳入决算汇编范围的单位", .array(.object(unit), minItems: 1), required: true,
                appearsIn: "第一部分 二", note: "只有一个单位时写成“即××（本级）”；多个单位时列表。"),
            Field(
                "internalInstitutions", "内设机构", .array(.string(.nonEmpty)), appearsIn: "第一部分 二",
                note: "部门本级的内设机构名称；不填则不写内设机构一句。个数由列表计算。",
                example: "[\"地方立法研究室\", \"人大代表履职服务中心\"]"),
            Field("staff", "人员情况", .object(staff), required: true, appearsIn: "第一部分 二"),
        ])

    // MARK: Subjects

    static let subjectIncome = ObjectSchema(
        name: "SubjectIncome", title: "科目收入",
        fields: [
            amount("generalBudget", "一般公共预算财政拨款收入", appearsIn: "公开01表 行1、公开02表 栏2、公开04表 行1", example: "1758.31"),
            amount("governmentFund", "政府性基金预算财政拨款收入", appearsIn: "公开01表 行2、公开02表 栏2、公开07表 栏2"),
            amount("stateCapital", "国有资本经营预算财政拨款收入", appearsIn: "公开01表 行3、公开02表 栏2"),
            amount("superiorSubsidy", "上级补助收入", appearsIn: "公开01表 行4、公开02表 栏3"),
            amount("business", "事业收入", appearsIn: "公开01表 行5、公开02表 栏4"),
            amount("operating", "经营收入", appearsIn: "公开01表 行6、公开02表 栏5"),
            amount("affiliated", "附属单位上缴收入", appearsIn: "公开01表 行7、公开02表 栏6"),
            amount("other", "其他收入", appearsIn: "公开01表 行8、公开02表 栏7", example: "31.35"),
            amount("total", "本年收入合计（核对用）", note: suppliedNote),
        ])

    static let subjectExpenditure = ObjectSchema(
        name: "SubjectExpenditure", title: "科目支出",
        fields: [
            amount("basic", "基本支出", appearsIn: "公开03表 栏2", example: "1528.31"),
            amount("project", "项目支出", appearsIn: "公开03表 栏3", example: "230"),
            amount("toSuperior", "上缴上级支出", appearsIn: "公开03表 栏4"),
            amount("operating", "经营支出", appearsIn: "公开03表 栏5"),
            amount("toAffiliated", "对附属单位补助支出", appearsIn: "公开03表 栏6"),
            amount("total", "本年支出合计（核对用）", note: suppliedNote),
        ])

    static let basicProject = ObjectSchema(
        name: "BasicProjectSplit", title: "基本支出与项目支出",
        fields: [
            amount("basic", "基本支出", appearsIn: "栏2", example: "1528.31"),
            amount("project", "项目支出", appearsIn: "栏3", example: "230"),
            amount("total", "合计（核对用）", note: suppliedNote),
        ])

    static let governmentFundRow = ObjectSchema(
        name: "GovernmentFundRow", title: "政府性基金预算财政拨款",
        fields: [
            amount("carryIn", "年初结转和结余", appearsIn: "公开07表 栏1、公开04表 行30"),
            amount("basic", "本年支出 基本支出", appearsIn: "公开07表 栏4"),
            amount("project", "本年支出 项目支出", appearsIn: "公开07表 栏5"),
            amount(
                "carryOut", "年末结转和结余（核对用）", appearsIn: "公开07表 栏6",
                note: "由 年初结转和结余 + 本年收入（income.governmentFund）− 本年支出 计算。" + suppliedNote),
        ])

    static let subject = ObjectSchema(
        name: "Subject", title: "支出功能分类科目",
        fields: [
            Field(
                "code", "科目编码", .string(subjectCode), required: true, appearsIn: "公开02、03、05、07、08表",
                note: "类 3 位、款 5 位、项 7 位。金额填在项级科目上；类、款两级由项级汇总。类、款行也可以照公开表填上金额："
                    + "这些是该行的合计（核对用，见“填写要点”1）。", example: "\"2010101\""),
            text(
                "name", "科目名称", appearsIn: "公开02、03、05、07、08表，名词解释",
                note: "项、款级科目必填；26 个标准类级科目可不填（使用标准名称）。", example: "\"行政运行\""),
            Field("income", "收入", .object(subjectIncome), appearsIn: "公开01、02、04表"),
            Field("expenditure", "支出", .object(subjectExpenditure), appearsIn: "公开01、03表"),
            Field(
                "generalBudgetExpenditure", "一般公共预算财政拨款支出", .object(basicProject),
                appearsIn: "公开04表 栏3、公开05表"),
            Field("governmentFund", "政府性基金预算财政拨款", .object(governmentFundRow), appearsIn: "公开04表 栏4、公开07表"),
            Field(
                "stateCapitalExpenditure", "国有资本经营预算财政拨款支出", .object(basicProject),
                appearsIn: "公开04表 栏5、公开08表"),
        ])

    // MARK: Carry-overs

    static let carryOverStart = ObjectSchema(
        name: "CarryOverStart", title: "年初结转和结余",
        fields: [
            amount("generalBudget", "年初一般公共预算财政拨款结转和结余", appearsIn: "公开04表 行29、公开01表 行29", example: "14.59"),
            amount("stateCapital", "年初国有资本经营预算财政拨款结转和结余", appearsIn: "公开04表 行31、公开01表 行29"),
            amount(
                "nonFiscal", "年初非财政拨款结转和结余", appearsIn: "公开01表 行29",
                note: "政府性基金的年初结转和结余填在各科目的 governmentFund.carryIn 中。", example: "9.23"),
        ])

    static let carryOverEnd = ObjectSchema(
        name: "CarryOverEnd", title: "年末结转和结余（核对用）",
        fields: [
            amount("total", "年末结转和结余", appearsIn: "公开01表 行60", note: suppliedNote),
            amount("fiscal", "年末财政拨款结转和结余", appearsIn: "公开04表 行60", note: suppliedNote),
        ])

    static let carryOver = ObjectSchema(
        name: "CarryOver", title: "结转和结余",
        fields: [
            Field("start", "年初结转和结余", .object(carryOverStart), required: true, appearsIn: "公开01表、公开04表、第三部分 一"),
            amount("nonFiscalBalanceUsed", "使用非财政拨款结余（含专用结余）", appearsIn: "公开01表 行28、第三部分 一"),
            amount("surplusDistribution", "结余分配", appearsIn: "公开01表 行59、第三部分 二"),
            Field(
                "end", "年末结转和结余（核对用）", .object(carryOverEnd), appearsIn: "公开01表 行60、公开04表 行60",
                note: "年末数由收支平衡计算：年初 + 收入 + 使用结余 − 支出 − 结余分配。" + suppliedNote),
        ])

    static let subjectTotals = ObjectSchema(
        name: "SubjectTotals", title: "科目表合计行（核对用）",
        fields: [
            Field("income", "公开02表 合计", .object(subjectIncome), appearsIn: "公开01、02、04表"),
            Field("expenditure", "公开03表 合计", .object(subjectExpenditure), appearsIn: "公开01、03表"),
            Field("generalBudgetExpenditure", "公开05表 合计", .object(basicProject), appearsIn: "公开04、05表"),
            Field("governmentFund", "公开07表 合计", .object(governmentFundRow), appearsIn: "公开04、07表"),
            Field("stateCapitalExpenditure", "公开08表 合计", .object(basicProject), appearsIn: "公开04、08表"),
        ])

    static let basicExpenditureTotals = ObjectSchema(
        name: "BasicExpenditureTotals", title: "公开06表合计（核对用）",
        fields: [
            amount("personnel", "人员经费合计", appearsIn: "公开06表", note: "301 与 303 之和。", example: "2053.53"),
            amount(
                "publicExpenses", "公用经费合计", appearsIn: "公开06表、第三部分 六",
                note: "302、307、310、399 之和。", example: "159.55"),
        ])

    static let economicAmount = ObjectSchema(
        name: "EconomicAmount", title: "经济分类金额",
        fields: [
            Field(
                "code", "经济分类科目编码", .string(economicCode), required: true, appearsIn: "公开06表",
                note: "公开06表的 83 个固定科目之一；填明细科目（5 位），301、302 等合计行由明细计算。"
                    + "也可以照公开表填 301、302 等合计行：这些是官方合计（核对用，见“填写要点”1）。", example: "\"30101\""),
            text("name", "科目名称", appearsIn: "公开06表", note: "可不填；如填写，须与标准名称一致。", example: "\"基本工资\""),
            amount("amount", "金额", appearsIn: "公开06表", example: "202.39", required: true),
        ])

    // MARK: 三公

    static let budgetedItem = ObjectSchema(
        name: "BudgetedItem", title: "预算与决算",
        fields: [
            amount("initialBudget", "年初预算数", appearsIn: "公开09表 栏1", example: "12.77"),
            amount("adjustedBudget", "全年预算数", appearsIn: "公开09表 栏2、第三部分 五", example: "12.77"),
            amount("actual", "决算数", appearsIn: "公开09表 栏3、第三部分 五", example: "9.24"),
        ])

    static let budgetFigures = ObjectSchema(
        name: "BudgetFigures", title: "预算与决算（核对用）",
        fields: [
            amount("initialBudget", "年初预算数", note: suppliedNote),
            amount("adjustedBudget", "全年预算数", note: suppliedNote),
            amount("actual", "决算数", note: suppliedNote),
        ])

    static let reception = ObjectSchema(
        name: "Reception", title: "公务接待费",
        fields: [
            amount("initialBudget", "年初预算数", appearsIn: "公开09表 行6 栏1", example: "15.30"),
            amount("adjustedBudget", "全年预算数", appearsIn: "公开09表 行6 栏2、第三部分 五（三）", example: "1.07"),
            amount("domestic", "国内接待费", appearsIn: "公开09表 行7", example: "1.07"),
            amount("foreignAffairs", "其中：外事接待费", appearsIn: "公开09表 行8", note: "是国内接待费的一部分。"),
            amount("overseas", "国（境）外接待费", appearsIn: "公开09表 行9"),
        ])

    static let threePublicStatistics = ObjectSchema(
        name: "ThreePublicStatistics", title: "“三公”经费相关统计数",
        fields: [
            count("abroadGroups", "因公出国（境）团组数（个）", appearsIn: "公开09表 行11、第三部分 五（一）"),
            count("abroadPersonTimes", "因公出国（境）人次数（人）", appearsIn: "公开09表 行12、第三部分 五（一）"),
            count("vehiclesPurchased", "公务用车购置数（辆）", appearsIn: "公开09表 行13、第三部分 五（二）"),
            count("vehiclesHeld", "公务用车保有量（辆）", appearsIn: "公开09表 行14、第三部分 五（二）"),
            count("domesticReceptionBatches", "国内公务接待批次（个）", appearsIn: "公开09表 行15、第三部分 五（三）"),
            count("foreignAffairsReceptionBatches", "其中：外事接待批次（个）", appearsIn: "公开09表 行16"),
            count("domesticReceptionPersonTimes", "国内公务接待人次（人）", appearsIn: "公开09表 行17、第三部分 五（三）"),
            count("foreignAffairsReceptionPersonTimes", "其中：外事接待人次（人）", appearsIn: "公开09表 行18"),
            count("overseasReceptionBatches", "国（境）外公务接待批次（个）", appearsIn: "公开09表 行19"),
            count("overseasReceptionPersonTimes", "国（境）外公务接待人次（人）", appearsIn: "公开09表 行20"),
        ])

    static let threePublic = ObjectSchema(
        name: "ThreePublic", title: "财政拨款“三公”经费",
        fields: [
            Field("abroad", "因公出国（境）费", .object(budgetedItem), required: true, appearsIn: "公开09表 行2、第三部分 五（一）"),
            Field(
                "vehiclePurchase", "公务用车购置费", .object(budgetedItem), required: true,
                appearsIn: "公开09表 行4、第三部分 五（二）"),
            Field(
                "vehicleOperation", "公务用车运行维护费", .object(budgetedItem), required: true,
                appearsIn: "公开09表 行5、第三部分 五（二）"),
            Field("reception", "公务接待费", .object(reception), required: true, appearsIn: "公开09表 行6–9、第三部分 五（三）"),
            Field("statistics", "相关统计数", .object(threePublicStatistics), required: true, appearsIn: "公开09表 行11–20"),
            Field(
                "total", "“三公”经费支出合计（核对用）", .object(budgetFigures), appearsIn: "公开09表 行1",
                note: "由各项计算。" + suppliedNote),
        ])

    // MARK: Assets

    static let vehicles = ObjectSchema(
        name: "Vehicles", title: "车辆数",
        fields: [
            count("ministerial", "副部（省）级及以上领导用车", appearsIn: "公开10表 行2、第三部分 八"),
            count("principal", "主要负责人用车", appearsIn: "公开10表 行3、第三部分 八"),
            count("confidential", "机要通信用车", appearsIn: "公开10表 行4、第三部分 八"),
            count("emergency", "应急保障用车", appearsIn: "公开10表 行5、第三部分 八"),
            count("lawEnforcement", "执法执勤用车", appearsIn: "公开10表 行6、第三部分 八"),
            count("specialTechnical", "特种专业技术用车", appearsIn: "公开10表 行7、第三部分 八"),
            count("retiredCadres", "离退休干部服务用车", appearsIn: "公开10表 行8、第三部分 八"),
            count("other", "其他用车", appearsIn: "公开10表 行9、第三部分 八"),
            Field(
                "total", "车辆数合计（核对用）", .integer(minimum: 0), appearsIn: "公开10表 行1",
                note: "由各类车辆计算。" + suppliedNote),
        ])

    static let assets = ObjectSchema(
        name: "Assets", title: "国有资产占用",
        fields: [
            Field("vehicles", "车辆", .object(vehicles), required: true, appearsIn: "公开10表、第三部分 八"),
            count("equipmentOverOneMillion", "单价 100 万元（含）以上设备（不含车辆）", appearsIn: "公开10表 行10、第三部分 八"),
        ])

    // MARK: Budgets, procurement

    static let fiscalInitialBudget = ObjectSchema(
        name: "FiscalInitialBudget", title: "财政拨款年初预算",
        fields: [
            Field(
                "byCategory", "各类年初预算数", .dictionary(key: categoryCode, value: .amount), required: true,
                appearsIn: "第三部分 三", note: "以类级科目编码为键。年初预算为 0 的类可不填。",
                example: "{\"201\": 1865.88, \"208\": 238.40}"),
            amount(
                "total", "财政拨款本年支出年初预算数（核对用）", appearsIn: "第三部分 三",
                note: "由各类计算。" + suppliedNote),
            Field(
                "generalBudgetByItem", "一般公共预算财政拨款支出年初预算数（按项）",
                .dictionary(key: StringRule.digits(lengths: [7], human: "7 位数字的项级科目编码"), value: .amount),
                appearsIn: "中央格式 第三部分 五（三）",
                note: "以项级科目编码为键。标准格式不用；中央格式按项写年初预算数和完成率，不填的项只写决算数。",
                example: "{\"2010101\": 1380.00}"),
        ])

    static let procurement = ObjectSchema(
        name: "Procurement", title: "政府采购",
        fields: [
            amount("goods", "政府采购货物支出", appearsIn: "第三部分 七", example: "7.20"),
            amount("works", "政府采购工程支出", appearsIn: "第三部分 七"),
            amount("services", "政府采购服务支出", appearsIn: "第三部分 七", example: "8.40"),
            amount("smeGoods", "货物采购授予中小企业合同金额", appearsIn: "第三部分 七"),
            amount("smeWorks", "工程采购授予中小企业合同金额", appearsIn: "第三部分 七"),
            amount("smeServices", "服务采购授予中小企业合同金额", appearsIn: "第三部分 七"),
            amount("micro", "授予小微企业合同金额", appearsIn: "第三部分 七"),
            amount("total", "政府采购支出总额（核对用）", appearsIn: "第三部分 七", note: "由三类计算。" + suppliedNote),
        ])

    // MARK: Prior year

    static let basicGroups = ObjectSchema(
        name: "BasicGroups", title: "基本支出四类",
        fields: [
            amount("wages", "工资福利支出", appearsIn: "第三部分 四（一）", example: "1567.37"),
            amount("goodsAndServices", "商品和服务支出", appearsIn: "第三部分 四（二）"),
            amount("subsidies", "对个人和家庭的补助", appearsIn: "第三部分 四（三）"),
            amount("capital", "资本性支出", appearsIn: "第三部分 四（四）"),
        ])

    static let priorThreePublic = ObjectSchema(
        name: "PriorThreePublic", title: "上年“三公”经费决算数",
        fields: [
            amount("abroad", "因公出国（境）费", appearsIn: "第三部分 五（一）"),
            amount("vehiclePurchase", "公务用车购置费", appearsIn: "第三部分 五（二）"),
            amount("vehicleOperation", "公务用车运行维护费", appearsIn: "第三部分 五（二）"),
            amount("reception", "公务接待费", appearsIn: "第三部分 五（三）"),
            amount("total", "合计（核对用）", appearsIn: "第三部分 五", note: "由四项计算。" + suppliedNote),
        ])

    static let priorYear = ObjectSchema(
        name: "PriorYear", title: "上年决算数",
        fields: [
            amount("carryIn", "上年年初结转和结余", appearsIn: "第三部分 一 比上年增减"),
            amount("nonFiscalBalanceUsed", "上年使用非财政拨款结余", appearsIn: "第三部分 一"),
            amount("income", "上年本年收入合计", appearsIn: "第三部分 一", example: "2546.88"),
            amount("expenditure", "上年本年支出合计", appearsIn: "第三部分 二"),
            amount("surplusDistribution", "上年结余分配", appearsIn: "第三部分 二"),
            amount("carryOut", "上年年末结转和结余", appearsIn: "第三部分 二"),
            Field("basic", "上年基本支出四类", .object(basicGroups), appearsIn: "第三部分 四"),
            Field("threePublic", "上年“三公”经费", .object(priorThreePublic), appearsIn: "第三部分 五"),
            amount("operatingCosts", "上年机关运行经费", appearsIn: "第三部分 六"),
            amount(
                "fiscalTotal", "上年财政拨款收入支出总计", appearsIn: "中央格式 第三部分 四 比上年增减",
                note: "上年公开04表的总计。标准格式不用。"),
            amount(
                "generalBudgetExpenditure", "上年一般公共预算财政拨款支出", appearsIn: "中央格式 第三部分 五（一）比上年增减",
                note: "上年公开05表的合计。标准格式不用。"),
        ])

    // MARK: Reasons

    static let basicGroupReasons = ObjectSchema(
        name: "BasicGroupReasons", title: "基本支出变动原因",
        fields: [
            text("wages", "工资福利支出", appearsIn: "第三部分 四（一）"),
            text("goodsAndServices", "商品和服务支出", appearsIn: "第三部分 四（二）"),
            text("subsidies", "对个人和家庭补助支出", appearsIn: "第三部分 四（三）"),
            text("capital", "资本性支出", appearsIn: "第三部分 四（四）"),
        ])

    static let itemReasons = ObjectSchema(
        name: "ItemReasons", title: "“三公”经费说明",
        fields: [
            text("budget", "预算执行主要原因", appearsIn: "“全年预算数…决算数…，主要原因：”之后"),
            text("change", "比上年变动主要原因", appearsIn: "“决算数比上年…，主要原因：”之后"),
            text("description", "主要是", appearsIn: "“主要是：”之后（出国、接待）"),
        ])

    static let budgetChangeReasons = ObjectSchema(
        name: "BudgetChangeReasons", title: "公务用车说明",
        fields: [
            text("budget", "预算执行主要原因", appearsIn: "“全年预算数…决算数…，主要原因：”之后"),
            text("change", "比上年变动主要原因", appearsIn: "“决算数比上年…，主要原因：”之后"),
        ])

    static let threePublicReasons = ObjectSchema(
        name: "ThreePublicReasons", title: "“三公”经费原因",
        fields: [
            Field("abroad", "因公出国（境）费", .object(itemReasons), appearsIn: "第三部分 五（一）"),
            Field("vehiclePurchase", "公务用车购置", .object(budgetChangeReasons), appearsIn: "第三部分 五（二）"),
            Field("vehicleOperation", "公务用车运行维护费", .object(budgetChangeReasons), appearsIn: "第三部分 五（二）"),
            Field("reception", "公务接待费", .object(itemReasons), appearsIn: "第三部分 五（三）"),
        ])

    static let reasons = ObjectSchema(
        name: "Reasons", title: "原因说明",
        fields: [
            text("income", "本年收入合计变动原因", appearsIn: "第三部分 一", example: "\"上年度市财政局下达全市预算大平台项目经费\""),
            text("expenditure", "本年支出合计变动原因", appearsIn: "第三部分 二"),
            text("carryOut", "年末结转和结余变动原因", appearsIn: "第三部分 二"),
            Field(
                "categories", "预决算差异主要原因（按类）", .dictionary(key: categoryCode, value: .string(.any)),
                appearsIn: "第三部分 三", example: "{\"201\": \"预算调整调出人员减人减资\"}"),
            Field("basic", "基本支出变动原因", .object(basicGroupReasons), appearsIn: "第三部分 四"),
            Field("threePublic", "“三公”经费原因", .object(threePublicReasons), appearsIn: "第三部分 五"),
            text("operatingCosts", "机关运行经费变动原因", appearsIn: "第三部分 六"),
            text("otherVehiclesUse", "其他用车主要用途", appearsIn: "第三部分 八（有其他用车时）"),
            text(
                "grandTotal", "收入支出总计变动原因", appearsIn: "中央格式 第三部分 一",
                note: "填写时印出；不填不提示（标准格式没有这句）。"),
            text("fiscalTotal", "财政拨款收入支出总计变动原因", appearsIn: "中央格式 第三部分 四", note: "填写时印出；不填不提示。"),
            text(
                "generalBudget", "一般公共预算财政拨款支出变动原因", appearsIn: "中央格式 第三部分 五（一）",
                note: "填写时印出；不填不提示。"),
        ])

    // MARK: Performance

    static let gradeCounts = ObjectSchema(
        name: "GradeCounts", title: "评价结果个数",
        fields: [
            count("excellent", "评价结果为“优”的项目数", appearsIn: "第三部分 九（一）"),
            count("good", "评价结果为“良”的项目数", appearsIn: "第三部分 九（一）"),
            count("fair", "评价结果为“中”的项目数", appearsIn: "第三部分 九（一）"),
            count("poor", "评价结果为“差”的项目数", appearsIn: "第三部分 九（一）"),
        ])

    static let selfEvaluationSummary = ObjectSchema(
        name: "SelfEvaluationSummary", title: "项目绩效自评概况",
        fields: [
            Field(
                "grades", "各评价结果的项目数", .object(gradeCounts), required: true, appearsIn: "第三部分 九（一）",
                note: "开展自评的二级项目个数是四项之和。"),
            amount("amount", "共涉及资金", appearsIn: "第三部分 九（一）", example: "230", required: true),
            amount(
                "projectExpenditureTotal", "项目支出总额", appearsIn: "第三部分 九（一）“占项目支出总额的 …%”",
                note: "不填时为公开03表项目支出合计。"),
            Field(
                "gradeSentence", "评价结果的写法", .string(.oneOf(GradeSentence.allCases.map(\.rawValue))),
                appearsIn: "第三部分 九（一）“其中，…”",
                note: "默认“各档个数”：其中，2 个项目评价结果为“优”，0 个项目评价结果为“良”，…；"
                    + "“有项目的档”：只写个数不为 0 的档，如 其中，2 个项目评价结果为“优”。；"
                    + "“单个项目”：只有一个项目时写项目名，如 其中，“人大办公室工作专项”评价结果为“优”。"
                    + "（项目名取自唯一的一张自评表）。",
                example: "\"有项目的档\""),
        ])

    static let departmentEvaluation = ObjectSchema(
        name: "DepartmentEvaluation", title: "部门评价",
        fields: [
            Field(
                "projects", "部门评价的项目", .array(.string(.nonEmpty), minItems: 1), required: true,
                appearsIn: "第三部分 九（一）", example: "[\"人大办公室工作专项\"]"),
            amount("generalBudget", "涉及一般公共预算支出", appearsIn: "第三部分 九（一）", example: "160"),
            amount("governmentFund", "涉及政府性基金预算支出", appearsIn: "第三部分 九（一）"),
            amount("stateCapital", "涉及国有资本预算支出", appearsIn: "第三部分 九（一）"),
            text("assessment", "评价情况", appearsIn: "“从评价情况看，”之后", example: "\"项目整体运行良好\"", required: true),
        ])

    static let overallEvaluation = ObjectSchema(
        name: "OverallEvaluation", title: "部门整体支出绩效评价",
        fields: [
            amount("generalBudget", "涉及一般公共预算支出", appearsIn: "第三部分 九（一）", example: "2483.65"),
            amount("governmentFund", "涉及政府性基金预算支出", appearsIn: "第三部分 九（一）"),
            Field(
                "grade", "评价结果", .string(.oneOf(["优", "良", "中", "差"])), required: true,
                appearsIn: "第三部分 九（一）", example: "\"优\""),
            text("assessment", "评价情况", appearsIn: "“从评价情况看，”之后", required: true),
        ])

    static let projectFunds = ObjectSchema(
        name: "ProjectFunds", title: "项目资金",
        fields: [
            amount("initialBudget", "年初预算数", appearsIn: "项目支出绩效自评表", example: "160", required: true),
            amount("adjustedBudget", "全年预算数", appearsIn: "项目支出绩效自评表（A）", example: "160", required: true),
            amount("executed", "全年执行数", appearsIn: "项目支出绩效自评表（B）", example: "72.95186", required: true),
        ])

    static let indicator = ObjectSchema(
        name: "PerformanceIndicator", title: "绩效指标",
        fields: [
            text("level1", "一级指标", appearsIn: "项目支出绩效自评表", example: "\"产出指标\"", required: true),
            text("level2", "二级指标", appearsIn: "项目支出绩效自评表", example: "\"数量指标\"", required: true),
            text("name", "三级指标", appearsIn: "项目支出绩效自评表", example: "\"开展业务会数量\"", required: true),
            text("target", "年度指标值", appearsIn: "项目支出绩效自评表", example: "\"≥20 场\""),
            text("actual", "实际完成值", appearsIn: "项目支出绩效自评表", example: "\"20\""),
            Field("weight", "分值", .decimal, required: true, appearsIn: "项目支出绩效自评表", example: "5"),
            Field("score", "得分", .decimal, required: true, appearsIn: "项目支出绩效自评表", example: "5"),
            text("deviation", "偏差原因分析及改进措施", appearsIn: "项目支出绩效自评表"),
        ])

    static let selfEvaluationTable = ObjectSchema(
        name: "SelfEvaluationTable", title: "项目支出绩效自评表",
        fields: [
            text("projectName", "项目名称", appearsIn: "项目支出绩效自评表", required: true),
            text("supervisor", "主管部门", appearsIn: "项目支出绩效自评表", required: true),
            text("implementer", "实施单位", appearsIn: "项目支出绩效自评表", required: true),
            Field("fiscalFunds", "政府预算资金", .object(projectFunds), required: true, appearsIn: "项目支出绩效自评表"),
            Field("otherFunds", "其他资金", .object(projectFunds), appearsIn: "项目支出绩效自评表"),
            Field("fundsWeight", "资金执行率分值", .decimal, appearsIn: "项目支出绩效自评表", note: "默认 10。", example: "10"),
            Field("fundsScore", "资金执行率得分", .decimal, required: true, appearsIn: "项目支出绩效自评表", example: "0"),
            text("fundsDeviation", "资金执行偏差原因及整改措施", appearsIn: "项目支出绩效自评表（资金执行情况之后一行）", example: "\"基本完成\""),
            text("goal", "年度总体目标（预期目标）", appearsIn: "项目支出绩效自评表"),
            text("result", "实际完成情况", appearsIn: "项目支出绩效自评表"),
            Field(
                "indicators", "绩效指标", .array(.object(indicator)), required: true, appearsIn: "项目支出绩效自评表",
                note: "一级指标按 成本指标、产出指标、效益指标、满意度指标 排列；空的二级指标组由模板补出。"),
            Field("totalScore", "总分（核对用）", .decimal, appearsIn: "项目支出绩效自评表", note: "由得分计算。只用于核对。"),
        ])

    static let performance = ObjectSchema(
        name: "Performance", title: "预算绩效情况",
        fields: [
            Field("selfEvaluation", "项目绩效自评概况", .object(selfEvaluationSummary), required: true, appearsIn: "第三部分 九（一）"),
            Field("departmentEvaluation", "部门评价", .object(departmentEvaluation), appearsIn: "第三部分 九（一）"),
            Field("overallEvaluation", "部门整体支出绩效评价", .object(overallEvaluation), appearsIn: "第三部分 九（一）"),
            Field(
                "selfEvaluationText", "项目绩效自评情况（正文）", .array(contentBlock), required: true,
                appearsIn: "第三部分 九（二）"),
            Field(
                "selfEvaluationTables", "项目支出绩效自评表", .array(.object(selfEvaluationTable)), required: true,
                appearsIn: "第三部分 九（二）"),
            Field(
                "departmentEvaluationNotes", "部门评价补充说明", .array(.string(.nonEmpty)),
                appearsIn: "第三部分 九（三）“项目部门评价报告见第五部分附件。”之后"),
            Field(
                "tablesLeadIn", "自评表引导语", .string(.oneOf(TablesLeadIn.allCases.map(\.rawValue))),
                appearsIn: "第三部分 九（二）自评表之前",
                note: "默认“自评表”：本部门“A”“B”项目支出绩效自评表如下：；“自评结果”：本部门“A”“B”项目支出绩效自评结果如下：；"
                    + "“无”：不印引导语（部门自己的引导语写在 selfEvaluationText 中）。",
                example: "\"自评结果\""),
        ])

    // MARK: Glossary

    static let glossaryTerm = ObjectSchema(
        name: "GlossaryTerm", title: "名词解释条目",
        fields: [
            text("term", "名词", appearsIn: "第四部分", example: "\"财政拨款\"", required: true),
            text("definition", "解释", appearsIn: "第四部分", example: "\"指市级财政当年拨付的资金。\"", required: true),
        ])

    static let glossaryEntry = ObjectSchema(
        name: "GlossaryEntry", title: "支出科目名词解释条目",
        fields: [
            text(
                "term", "名词", appearsIn: "第四部分 二", example: "\"一般公共服务支出（类）人大事务（款）\"", required: true),
            text(
                "definition", "解释", appearsIn: "第四部分 二", note: "有 entries 的上级条目（如类、款）可不填。",
                example: "\"反映行政单位（包括实行公务员管理的事业单位）的基本支出。\""),
            Field(
                "entries", "子条目", .array(.object(glossaryTerm), minItems: 1), appearsIn: "第四部分 二（上级条目之下）",
                note: "两级名词解释：类、款条目下按子条目编号样式（subNumbering）列出各项，如 行政运行（项）。"),
        ])

    static let glossary = ObjectSchema(
        name: "Glossary", title: "名词解释",
        fields: [
            Field(
                "income", "收入科目", .array(.object(glossaryTerm)), appearsIn: "第四部分 一",
                note: "不填时按有数的收入项目自动生成。"),
            Field(
                "expenditure", "支出科目", .array(.object(glossaryEntry)), appearsIn: "第四部分 二",
                note: "不填时按项级科目自动生成（一级，“类（类）款（款）项（项）”）。"),
            Field(
                "numbering", "条目编号样式", .string(.oneOf(DutyNumbering.allCases.map(\.rawValue))), appearsIn: "第四部分 一、二",
                note: "默认“（一）”。可选：" + numberingNote, example: "\"（一）\""),
            Field(
                "subNumbering", "子条目编号样式", .string(.oneOf(DutyNumbering.allCases.map(\.rawValue))),
                appearsIn: "第四部分 二（子条目）", note: "默认“1.”。可选同上。", example: "\"1.\""),
            Field(
                "separator", "名词与解释之间的标点", .string(.oneOf(GlossarySeparator.allCases.map(\.rawValue))),
                appearsIn: "第四部分", note: "默认“：”。", example: "\"；\""),
        ])

    // MARK: Root

    public static let root = ObjectSchema(
        name: "DepartmentInput", title: "部门决算数据",
        fields: [
            text("$schema", "JSON Schema 地址", appearsIn: "不出现在报告中", note: "供编辑器提示用，可不填。"),
            Field(
                "formatVersion", "数据格式版本", .integer(minimum: 1), required: true, appearsIn: "不出现在报告中",
                note: "本版本为 1。", example: "1"),
            Field(
                "year", "决算年度", .integer(minimum: 2000), required: true, appearsIn: "标题、各表“年度”行、第三部分",
                example: "2024"),
            Field(
                "unit", "金额单位", .string(.oneOf(InputUnit.allCases.map(\.rawValue))), required: true,
                appearsIn: "不直接出现；报告统一以万元列示",
                note: "文件中所有金额的单位。填“元”时，金额按 1 万元 = 10000 元精确换算。", example: "\"万元\""),
            Field("department", "部门", .object(department), required: true, appearsIn: "标题、第一部分"),
            Field(
                "subjects", "支出功能分类科目", .array(.object(subject), minItems: 1), required: true,
                appearsIn: "公开01–05、07、08表，第三部分 一至三"),
            Field("carryOver", "结转和结余", .object(carryOver), required: true, appearsIn: "公开01表、公开04表、第三部分 一、二"),
            Field(
                "basicExpenditureByEconomicCode", "基本支出经济分类", .array(.object(economicAmount)), required: true,
                appearsIn: "公开06表、第三部分 四、六", note: "金额为 0 的科目可不填。"),
            Field("threePublic", "财政拨款“三公”经费", .object(threePublic), required: true, appearsIn: "公开09表、第三部分 五"),
            Field("assets", "国有资产占用", .object(assets), required: true, appearsIn: "公开10表、第三部分 八"),
            Field(
                "fiscalInitialBudget", "财政拨款年初预算", .object(fiscalInitialBudget), required: true,
                appearsIn: "第三部分 三"),
            Field("procurement", "政府采购", .object(procurement), required: true, appearsIn: "第三部分 七"),
            amount(
                "operatingCosts", "机关运行经费", appearsIn: "第三部分 六",
                note: "不填时等于公开06表公用经费合计。"),
            Field("priorYear", "上年决算数", .object(priorYear), required: true, appearsIn: "第三部分 一至六 比上年增减"),
            Field("reasons", "原因说明", .object(reasons), required: true, appearsIn: "第三部分 一至八"),
            Field("performance", "预算绩效情况", .object(performance), required: true, appearsIn: "第三部分 九"),
            Field("glossary", "名词解释", .object(glossary), appearsIn: "第四部分"),
            Field("annex", "附件", .array(contentBlock), required: true, appearsIn: "第五部分"),
            text("closingLine", "落款", appearsIn: "报告最后一行（右对齐）", example: "\"景德镇市人大常委会\""),
            Field(
                "subjectTotals", "科目表合计行（核对用）", .object(subjectTotals),
                appearsIn: "公开01–05、07、08表 合计，第三部分 一至三",
                note: "照公开02、03、05、07、08表的“合计”行填写（可只填部分栏）。" + suppliedNote),
            Field(
                "basicExpenditureTotals", "公开06表合计（核对用）", .object(basicExpenditureTotals),
                appearsIn: "公开06表、第三部分 四、六", note: suppliedNote),
            Field(
                "local", "地方数据", .anyObject, appearsIn: "模板中的 local（标准格式不用）",
                note: "地方模板自己的数据（联系方式、会议费和培训费、政府购买服务等），任意 JSON 对象。程序不检查也不计算，"
                    + "原样交给模板（{{local.…}}）。在部门数据工作簿中是“地方数据”表（JSON 文字，每行一段）。",
                example: "{\"contact\": \"0798-8888888\"}"),
        ])
}
