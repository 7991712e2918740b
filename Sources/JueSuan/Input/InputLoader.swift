import Documents
import Foundation

/// Why an input file could not be used: every problem found, each with its JSON path and position.
public struct InputLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var fileName: String
    public var problems: [InputProblem]

    /// One line per problem: `file:line:col: 错误：$.path：message`, or for a workbook `file!sheet!cell: 错误：message`.
    public var description: String {
        problems.map { problem in
            var location = fileName
            if let cell = problem.cell {
                location += "!" + cell
            } else if let position = problem.position {
                location += ":\(position.line):\(position.column)"
            }
            return "\(location): 错误：\(problem)"
        }.joined(separator: "\n")
    }
}

/// A department file as read: the input, and where its values came from (the JSON tree's positions, or a workbook's
/// cells) to name them in findings, and what a workbook reader noticed.
public struct LoadedDepartment: Sendable {
    public var input: DepartmentInput
    /// For a JSON file: the parsed file, so that findings can name line:column (`FindingLocator`).
    public var tree: JSONNode?
    /// For a workbook: the cell of each value, to name it in findings.
    public var origin: WorkbookOrigin?
    /// What the workbook reader noticed and passed over (sheets or columns that are not part of the workbook).
    public var notes: [String]
    /// Totals found in the workbook's tables where the workbook computes them and the input has no field for them:
    /// to be checked, never used.
    public var pasted: [PastedTotal]
    /// Last year's department file, when given (`--prior`): its computed figures are compared with the 上年数
    /// entered.
    public var prior: (file: String, input: DepartmentInput)?

    public init(
        input: DepartmentInput, tree: JSONNode? = nil, origin: WorkbookOrigin? = nil, notes: [String] = [],
        pasted: [PastedTotal] = []
    ) {
        self.input = input
        self.tree = tree
        self.origin = origin
        self.notes = notes
        self.pasted = pasted
    }

    /// `findings` with each input path placed: at its cell for a workbook, at its line:column for JSON.
    public func located(_ findings: [Finding]) -> [Finding] {
        if let origin { return findings.map { origin.located($0) } }
        if let tree { return FindingLocator.locate(findings, in: tree) }
        return findings
    }
}

/// Reads a department file — JSON, or a department workbook (.xlsx) —: strict JSON syntax (or the workbook's sheets
/// and cells), then the input description (types, required and unknown fields, codes, counts), then decoding into
/// `DepartmentInput` with amounts converted to 万元. A workbook goes through the same description as JSON.
public enum InputLoader {
    public static func load(path: String) -> Result<DepartmentInput, InputLoadError> {
        loadDepartment(path: path).map(\.input)
    }

    /// Whether `bytes` are a ZIP package (an .xlsx workbook) rather than JSON text.
    static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    public static func loadDepartment(path: String) -> Result<LoadedDepartment, InputLoadError> {
        let bytes: [UInt8]
        switch read(path) {
        case .success(let data): bytes = Array(data)
        case .failure(let error): return .failure(error)
        }
        if isWorkbook(bytes) || path.lowercased().hasSuffix(".xlsx") {
            return decodeWorkbook(bytes, fileName: path)
        }
        return decodeLocated(bytes, fileName: path).map { LoadedDepartment(input: $0.input, tree: $0.tree) }
    }

    private static func read(_ path: String) -> Result<Data, InputLoadError> {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason: String
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                reason = "文件不存在"
            } else if isDirectory.boolValue {
                reason = "这是一个目录，不是文件"
            } else {
                reason = "没有读取权限或无法读取"
            }
            return .failure(
                InputLoadError(
                    fileName: path,
                    problems: [InputProblem(path: .root, position: nil, message: "无法读取文件：\(reason)")]))
        }
        return .success(data)
    }

    /// Reads a department workbook's bytes.
    public static func decodeWorkbook(_ bytes: [UInt8], fileName: String) -> Result<LoadedDepartment, InputLoadError> {
        switch WorkbookFile.read(bytes) {
        case .success(let workbook): return decodeWorkbook(workbook, fileName: fileName)
        case .failure(let error):
            return .failure(
                InputLoadError(
                    fileName: fileName, problems: [InputProblem(path: .root, position: nil, message: error.message)]))
        }
    }

    /// Reads a department workbook's cells: into the JSON tree, through the same checks as a JSON file; every
    /// problem names its cell.
    public static func decodeWorkbook(_ workbook: SpreadsheetWorkbook, fileName: String) -> Result<
        LoadedDepartment, InputLoadError
    > {
        let reading = WorkbookReader.read(WorkbookGrid(workbook))
        guard reading.problems.isEmpty else {
            return .failure(InputLoadError(fileName: fileName, problems: reading.problems))
        }
        switch decode(tree: reading.tree, fileName: fileName) {
        case .success(let input):
            return .success(
                LoadedDepartment(input: input, origin: reading.origin, notes: reading.notes, pasted: reading.pasted))
        case .failure(var error):
            error.problems = error.problems.map { WorkbookReader.located($0, origin: reading.origin) }
            return .failure(error)
        }
    }

    public static func decode(_ bytes: [UInt8], fileName: String) -> Result<DepartmentInput, InputLoadError> {
        decodeLocated(bytes, fileName: fileName).map(\.input)
    }

    /// `decode` with the parsed file.
    public static func decodeLocated(
        _ bytes: [UInt8], fileName: String
    ) -> Result<(input: DepartmentInput, tree: JSONNode), InputLoadError> {
        let tree: JSONNode
        do {
            tree = try JSONTreeParser.parse(bytes)
        } catch {
            return .failure(
                InputLoadError(
                    fileName: fileName,
                    problems: [
                        InputProblem(
                            path: JSONPath(error.path), position: error.position, message: "JSON 格式错误：\(error.message)")
                    ]))
        }
        return decode(tree: tree, fileName: fileName).map { ($0, tree) }
    }

    /// Checks a JSON tree against the input description and decodes it.
    static func decode(tree: JSONNode, fileName: String) -> Result<DepartmentInput, InputLoadError> {
        let problems = SchemaValidator.validate(tree, against: InputSchema.root)
        guard problems.isEmpty else {
            return .failure(InputLoadError(fileName: fileName, problems: problems))
        }
        let unit: InputUnit
        if case .string(let text, _)? = tree.member("unit"), let declared = InputUnit(rawValue: text) {
            unit = declared
        } else {
            unit = .wanYuan
        }
        do {
            return .success(try JSONTreeDecoder.decode(DepartmentInput.self, from: tree, userInfo: [.inputUnit: unit]))
        } catch let error as DecodingError {
            return .failure(InputLoadError(fileName: fileName, problems: [problem(for: error, in: tree)]))
        } catch {
            return .failure(
                InputLoadError(
                    fileName: fileName,
                    problems: [InputProblem(path: .root, position: nil, message: "无法解析：\(error)")]))
        }
    }

    /// Encodes an input in its own unit, keys sorted, for round trips and tools.
    public static func encode(_ input: DepartmentInput) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[.inputUnit] = input.unit
        return try encoder.encode(input)
    }

    /// A decoding error the description did not catch (it should not happen): say where, in the same terms.
    private static func problem(for error: DecodingError, in tree: JSONNode) -> InputProblem {
        let codingPath: [any CodingKey]
        let message: String
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            codingPath = context.codingPath
            message = context.debugDescription
        case .keyNotFound(let key, let context):
            codingPath = context.codingPath
            message = "缺少字段 \"\(key.stringValue)\""
        @unknown default:
            codingPath = []
            message = "\(error)"
        }
        let path = JSONPath(
            codingPath.map { key in
                if let index = key.intValue { return .index(index) }
                return .key(key.stringValue)
            })
        return InputProblem(path: path, position: tree.deepest(at: path).position, message: "无法解析：\(message)")
    }
}
