import Foundation

// The two published forms of the input description: a JSON Schema (draft 2020-12) and the Markdown reference
// docs/INPUT.md. Both are generated, so they cannot drift from the checks the loader runs.

/// A JSON value with ordered object members, written deterministically.
indirect enum OrderedJSON {
    case object([(String, OrderedJSON)])
    case array([OrderedJSON])
    case string(String)
    case integer(Int)
    case bool(Bool)
    /// A number written exactly as given (e.g. `2443.08`).
    case raw(String)

    func write(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .object(let members):
            if members.isEmpty { return "{}" }
            let body = members.map { "\(inner)\(OrderedJSON.quote($0.0)): \($0.1.write(indent: indent + 1))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(pad)}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({
                switch $0 {
                case .object, .array: return false
                default: return true
                }
            }) {
                return "[" + items.map { $0.write() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.write(indent: indent + 1) }.joined(separator: ",\n") + "\n\(pad)]"
        case .string(let text):
            return OrderedJSON.quote(text)
        case .integer(let value):
            return String(value)
        case .bool(let value):
            return value ? "true" : "false"
        case .raw(let text):
            return text
        }
    }

    static func quote(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}

extension InputSchema {
    /// `juesuan schema`: the JSON Schema of the input file.
    public static func jsonSchemaText() -> String {
        var definitions: [(String, OrderedJSON)] = []
        var seen: Set<String> = []

        func describe(_ field: Field) -> [(String, OrderedJSON)] {
            var parts: [(String, OrderedJSON)] = [("title", .string(field.chinese))]
            var description = ""
            if !field.appearsIn.isEmpty { description += "出现位置：\(field.appearsIn)。" }
            description += field.note
            if !description.isEmpty { parts.append(("description", .string(description))) }
            return parts
        }

        func schema(_ type: SchemaType) -> [(String, OrderedJSON)] {
            switch type {
            case .object(let object):
                define(object)
                return [("$ref", .string("#/$defs/\(object.name)"))]
            case .array(let element, let minItems):
                var parts: [(String, OrderedJSON)] = [("type", .string("array")), ("items", .object(schema(element)))]
                if minItems > 0 { parts.append(("minItems", .integer(minItems))) }
                return parts
            case .dictionary(let key, let value):
                return [
                    ("type", .string("object")),
                    ("propertyNames", .object(stringSchema(key))),
                    ("additionalProperties", .object(schema(value))),
                ]
            case .string(let rule):
                return stringSchema(rule)
            case .integer(let minimum):
                return [("type", .string("integer")), ("minimum", .integer(minimum))]
            case .amount:
                return [("type", .string("number"))]
            case .decimal:
                return [("type", .string("number")), ("minimum", .integer(0))]
            case .boolean:
                return [("type", .string("boolean"))]
            case .anyObject:
                return [("type", .string("object"))]
            case .oneKeyOf(let name, let title, let fields):
                if !seen.contains(name) {
                    seen.insert(name)
                    let variants: [OrderedJSON] = fields.map { field in
                        .object([
                            ("type", .string("object")),
                            ("properties", .object([(field.name, .object(describe(field) + schema(field.type)))])),
                            ("required", .array([.string(field.name)])),
                            ("additionalProperties", .bool(false)),
                        ])
                    }
                    definitions.append((name, .object([("title", .string(title)), ("oneOf", .array(variants))])))
                }
                return [("$ref", .string("#/$defs/\(name)"))]
            }
        }

        func stringSchema(_ rule: StringRule) -> [(String, OrderedJSON)] {
            switch rule {
            case .any: return [("type", .string("string"))]
            case .nonEmpty: return [("type", .string("string")), ("pattern", .string(#"\S"#))]
            case .pattern, .digits:
                return [("type", .string("string")), ("pattern", .string("^(\(rule.pattern ?? ""))$"))]
            case .oneOf(let values): return [("type", .string("string")), ("enum", .array(values.map { .string($0) }))]
            }
        }

        func objectBody(_ object: ObjectSchema) -> [(String, OrderedJSON)] {
            let properties: [(String, OrderedJSON)] = object.fields.map { field in
                var parts = describe(field) + schema(field.type)
                if let example = field.example, let value = try? JSONTreeParser.parse(example) {
                    parts.append(("examples", .array([OrderedJSON(value)])))
                }
                return (field.name, .object(parts))
            }
            var body: [(String, OrderedJSON)] = [
                ("type", .string("object")),
                ("title", .string(object.title)),
                ("properties", .object(properties)),
            ]
            let required = object.fields.filter(\.required).map { OrderedJSON.string($0.name) }
            if !required.isEmpty { body.append(("required", .array(required))) }
            body.append(("additionalProperties", .bool(false)))
            return body
        }

        func define(_ object: ObjectSchema) {
            guard !seen.contains(object.name) else { return }
            seen.insert(object.name)
            let index = definitions.count
            definitions.append((object.name, .object([])))
            definitions[index].1 = .object(objectBody(object))
        }

        var top: [(String, OrderedJSON)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://juesuan.local/schema/department-input-v\(version).json")),
        ]
        top += objectBody(root)
        top.append(("$defs", .object(definitions)))
        return OrderedJSON.object(top).write() + "\n"
    }
}

extension OrderedJSON {
    /// An example value parsed from the description (numbers are written as they stand).
    init(_ node: JSONNode) {
        switch node {
        case .null: self = .string("")
        case .bool(let value, _): self = .bool(value)
        case .number(let text, _): self = .number(text)
        case .string(let text, _): self = .string(text)
        case .array(let items, _): self = .array(items.map(OrderedJSON.init))
        case .object(let members, _): self = .object(members.map { ($0.key, OrderedJSON($0.value)) })
        }
    }

    static func number(_ text: String) -> OrderedJSON {
        if let value = Int(text) { return .integer(value) }
        return .raw(text)
    }
}
