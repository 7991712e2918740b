// The fixed tables of the DEFLATE format (RFC 1951 §3.2.5–3.2.7), shared by the decoder (`Inflate`) and the
// encoder.

enum DeflateFormat {
    /// Literal/length symbols 257…285: the shortest match length each stands for.
    static let lengthBase: [UInt16] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    /// Literal/length symbols 257…285: how many extra bits follow the code.
    static let lengthExtraBits: [UInt8] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    /// Distance symbols 0…29: the shortest distance each stands for.
    static let distanceBase: [UInt16] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    /// Distance symbols 0…29: how many extra bits follow the code.
    static let distanceExtraBits: [UInt8] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    /// The order in which a dynamic block header gives the code lengths of the code-length alphabet.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// End of block in the literal/length alphabet.
    static let endOfBlock = 256
    /// Symbols a block may use: literal/length 0…285, distance 0…29 (286, 287, 30, 31 have fixed codes but no
    /// meaning).
    static let literalLengthSymbols = 286
    static let distanceSymbols = 30
    /// The longest back reference.
    static let windowSize = 32_768

    /// Code lengths of the fixed Huffman code (block type 1): literal/length symbols 0…287.
    static let fixedLiteralLengthLengths: [UInt8] =
        [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112) + [UInt8](repeating: 7, count: 24)
        + [UInt8](repeating: 8, count: 8)
    /// Code lengths of the fixed Huffman code: distance symbols 0…31, all five bits.
    static let fixedDistanceLengths = [UInt8](repeating: 5, count: 32)
}
