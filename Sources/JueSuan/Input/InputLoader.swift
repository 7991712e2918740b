import Foundation

/// Why an input file could not be used: every problem found, each with its JSON path and position.
public struct InputLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var fileName: String
    public var problems: [InputProblem]

    /// One line per problem: `file:line:col: 错误：$.path：message`.
    public var description: String {
        problems.map { problem in
            var location = fileName
            if let position = problem.position { location += ":\(position.line):\(position.column)" }
            return "\(location): 错误：\(problem)"
        }.joined(separator: "\n")
    }
}

/// Reads a department file: strict JSON syntax, then the input description (types, required and unknown fields,
/// codes, counts), then decoding into `DepartmentInput` with amounts converted to 万元.
public enum InputLoader {
    public static func load(path: String) -> Result<DepartmentInput, InputLoadError> {
        read(path).flatMap { decode(Array($0), fileName: path) }
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

    /// `load(path:)` with the parsed file, so that findings can name line:column (`FindingLocator`).
    public static func loadLocated(path: String) -> Result<(input: DepartmentInput, tree: JSONNode), InputLoadError> {
        let data: Data
        switch read(path) {
        case .success(let bytes): data = bytes
        case .failure(let error): return .failure(error)
        }
        return decodeLocated(Array(data), fileName: path)
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
            return .success(
                (try JSONTreeDecoder.decode(DepartmentInput.self, from: tree, userInfo: [.inputUnit: unit]), tree))
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
