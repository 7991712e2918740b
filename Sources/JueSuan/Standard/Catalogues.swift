// Standard classifications the report is built on (政府收支分类科目 2024). They are domain knowledge used to derive
// and to check; where a table prints them, the table layout (row order, 行次) lives in the templates.

/// One of the 26 functional categories (支出功能分类 类) that tables 01 and 04 list as fixed lines.
public struct FunctionalCategory: Sendable, Equatable {
    /// 类 code, e.g. `201`.
    public let code: String
    /// Standard name, e.g. `一般公共服务支出`.
    public let name: String
}

public enum FunctionalCategories {
    /// In the order of tables 01 and 04 (行次 32… and 33…).
    public static let all: [FunctionalCategory] = [
        ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"),
        ("205", "教育支出"), ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"),
        ("210", "卫生健康支出"), ("211", "节能环保支出"), ("212", "城乡社区支出"), ("213", "农林水支出"),
        ("214", "交通运输支出"), ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"),
        ("219", "援助其他地区支出"), ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"), ("222", "粮油物资储备支出"),
        ("223", "国有资本经营预算支出"), ("224", "灾害防治及应急管理支出"), ("229", "其他支出"), ("231", "债务还本支出"),
        ("232", "债务付息支出"), ("234", "抗疫特别国债安排的支出"),
    ].map { FunctionalCategory(code: $0.0, name: $0.1) }

    public static func named(_ code: String) -> FunctionalCategory? {
        all.first { $0.code == code }
    }
}

/// One of the 83 economic codes (经济分类) of table 06.
public struct EconomicCode: Sendable, Equatable {
    public enum Group: String, Sendable, CaseIterable {
        /// 人员经费: 301, 303.
        case personnel
        /// 公用经费: 302, 307, 310, 399.
        case publicExpenses
    }

    /// `301` or `30101`.
    public let code: String
    /// Standard name (full, not truncated as some PDFs print it).
    public let name: String

    /// The group code (3 digits) this code belongs to; itself for a group.
    public var groupCode: String { String(code.prefix(3)) }
    public var isGroup: Bool { code.count == 3 }
    public var group: Group { ["301", "303"].contains(groupCode) ? .personnel : .publicExpenses }
}

public enum EconomicCodes {
    public static let all: [EconomicCode] = [
        ("301", "工资福利支出"), ("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"), ("30106", "伙食补助费"),
        ("30107", "绩效工资"), ("30108", "机关事业单位基本养老保险缴费"), ("30109", "职业年金缴费"),
        ("30110", "职工基本医疗保险缴费"), ("30111", "公务员医疗补助缴款"), ("30112", "其他社会保障缴费"),
        ("30113", "住房公积金"), ("30114", "医疗费"), ("30199", "其他工资福利支出"),
        ("303", "对个人和家庭的补助"), ("30301", "离休费"), ("30302", "退休费"), ("30303", "退职（役）费"),
        ("30304", "抚恤金"), ("30305", "生活补贴"), ("30306", "救济费"), ("30307", "医疗费补助"), ("30308", "助学金"),
        ("30309", "奖励金"), ("30310", "个人农业生产补贴"), ("30311", "代缴社会保险费"), ("30399", "其他对个人和家庭的补助支出"),
        ("302", "商品和服务支出"), ("30201", "办公费"), ("30202", "印刷费"), ("30203", "咨询费"), ("30204", "手续费"),
        ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"), ("30208", "取暖费"), ("30209", "物业管理费"),
        ("30211", "差旅费"), ("30212", "因公出国（境）费用"), ("30213", "维修（护）费"), ("30214", "租赁费"),
        ("30215", "会议费"), ("30216", "培训费"), ("30217", "公务接待费"), ("30218", "专用材料费"), ("30224", "被装购置费"),
        ("30225", "专用燃料费"), ("30226", "劳务费"), ("30227", "委托业务费"), ("30228", "工会经费"), ("30229", "福利费"),
        ("30231", "公务用车运行维护费"), ("30239", "其他交通费用"), ("30240", "税金及附加费用"), ("30299", "其他商品和服务支出"),
        ("307", "债务利息及费用支出"), ("30701", "国内债务付息"), ("30702", "国外债务付息"), ("30703", "国内债务发行费用"),
        ("30704", "国外债务发行费用"),
        ("310", "资本性支出"), ("31001", "房屋建筑物购建"), ("31002", "办公设备购置"), ("31003", "专用设备购置"),
        ("31005", "基础设施建设"), ("31006", "大型修缮"), ("31007", "信息网络及软件购置更新"), ("31008", "物资储备"),
        ("31009", "土地补偿"), ("31010", "安置补助"), ("31011", "地上附着物和青苗补偿"), ("31012", "拆迁补偿"),
        ("31013", "公务用车购置"), ("31019", "其他交通工具购置"), ("31021", "文物和陈列品购置"), ("31022", "无形资产购置"),
        ("31099", "其他资本性支出"),
        ("399", "其他支出"), ("39907", "国家赔偿费用支出"), ("39908", "对民间非营利组织和群众性自治组织补贴"),
        ("39909", "经常性赠与"), ("39910", "资本性赠与"), ("39999", "其他支出"),
    ].map { EconomicCode(code: $0.0, name: $0.1) }

    /// The six group codes in table order.
    public static let groups = ["301", "302", "303", "307", "310", "399"]

    public static func named(_ code: String) -> EconomicCode? {
        all.first { $0.code == code }
    }
}
