/// The JSON Schema of the input file. (Placeholder until the input model lands.)
public enum InputSchema {
    public static func jsonSchemaText() -> String { "{}\n" }
}
