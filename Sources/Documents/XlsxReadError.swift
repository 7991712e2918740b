// Why an .xlsx workbook cannot be read, said for the clerk who saved it: the ZIP, the XML of a part, or content
// that is well-formed XML but not a workbook, with the part, line and column and, where known, sheet and cell.

public enum XlsxReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the package something is wrong.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        public var part: String
        public var line: Int
        public var column: Int
        public var sheet: String?
        public var cell: CellAddress?

        public init(part: String, line: Int, column: Int, sheet: String? = nil, cell: CellAddress? = nil) {
            self.part = part
            self.line = line
            self.column = column
            self.sheet = sheet
            self.cell = cell
        }

        /// `工作表“公开01表”单元格 C12（xl/worksheets/sheet1.xml 第 2 行第 345 列）`, or the part alone.
        public var description: String {
            let place = "\(part) 第 \(line) 行第 \(column) 列"
            switch (sheet, cell) {
            case (let sheet?, let cell?): return "工作表“\(sheet)”单元格 \(cell.a1)（\(place)）"
            case (let sheet?, nil): return "工作表“\(sheet)”（\(place)）"
            default: return place
            }
        }
    }

    /// What SpreadsheetML content is wrong.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case invalidCellReference(String)
        case invalidRowNumber(String)
        case invalidRange(String)
        case invalidColumnRange(String)
        case sharedStringIndex(String, count: Int)
        case invalidBoolean(String)
        case unknownCellType(String)
        /// A required attribute is missing from an element.
        case missingAttribute(element: String, attribute: String)
        /// A sheet's relationship id is not in the workbook's relationships.
        case unknownRelationship(String)
        case duplicateSheetName(String)
        case noSheets
        /// The package's main part is not a workbook (its root element is named).
        case notAWorkbook(root: String)
        case tooManySheets(limit: Int)
        case tooManyCells(limit: Int)
        case tooManyStrings(limit: Int)
        case partTooLarge(limit: Int)

        public var description: String {
            switch self {
            case .invalidCellReference(let text): "单元格地址“\(text)”无效"
            case .invalidRowNumber(let text): "行号“\(text)”无效"
            case .invalidRange(let text): "单元格区域“\(text)”无效"
            case .invalidColumnRange(let text): "列范围“\(text)”无效"
            case .sharedStringIndex(let index, let count): "共享字符串编号 \(index) 超出范围（共 \(count) 个）"
            case .invalidBoolean(let text): "逻辑值“\(text)”无效（应为 0 或 1）"
            case .unknownCellType(let type): "未知的单元格类型“\(type)”"
            case .missingAttribute(let element, let attribute): "元素 <\(element)> 缺少属性 \(attribute)"
            case .unknownRelationship(let id): "关系编号 \(id) 在工作簿的关系中不存在"
            case .duplicateSheetName(let name): "工作表名称“\(name)”重复"
            case .noSheets: "工作簿中没有工作表"
            case .notAWorkbook(let root): "不是 Excel 工作簿（主部件是 <\(root)>）"
            case .tooManySheets(let limit): "工作表超过 \(limit) 个"
            case .tooManyCells(let limit): "单元格超过 \(limit) 个"
            case .tooManyStrings(let limit): "共享字符串超过 \(limit) 个"
            case .partTooLarge(let limit): "部件解压后超过 \(limit) 字节"
            }
        }
    }

    case zip(ZipReadError)
    case xml(XMLError)
    /// A part the workbook needs is not in the package.
    case missingPart(String)
    /// The sheet's part is not in the package.
    case missingSheet(sheet: String, part: String)
    case content(Location, Problem)

    public var description: String {
        switch self {
        case .zip(let error): error.description
        case .xml(let error): error.description
        case .missingPart(let part): "工作簿缺少部件 \(part)（文件可能已损坏，或不是 Excel 工作簿）"
        case .missingSheet(let sheet, let part): "工作表“\(sheet)”的内容缺失（\(part) 不在文件中）"
        case .content(let location, let problem): "\(location)：\(problem)"
        }
    }
}
