import Foundation
import Testing

@testable import JueSuan

/// The pieces of `PDFConversion` that need no LibreOffice: what changes from run to run is made from the
/// document, in place; the fonts LibreOffice is told to use where the GB/T 9704 ones are missing.
@Suite struct PDFConversionTests {
    static func pdf(created: String, id: String, checksum: String) -> [UInt8] {
        Array(
            """
            %PDF-1.6
            <</Creator<FEFF005700720069007400650072>/CreationDate(D:\(created)Z')>>
            trailer
            <</Size 221/Root 219 0 R
            /Info 220 0 R
            /ID [ <\(id)>
            <\(id)> ]
            /DocChecksum /\(checksum)
            >>
            startxref
            455476
            %%EOF

            """.utf8)
    }

    @Test func runsOfTheSameDocumentGiveTheSameBytes() {
        let first = Self.pdf(
            created: "20261206211652", id: "F6F4C5F0E134454C0DF4531C96039873",
            checksum: "A436AE073B00B8C7A68BA59EE7D8A83B")
        let second = Self.pdf(
            created: "20261207093001", id: "0123456789ABCDEF0123456789ABCDEF",
            checksum: "792070F1CEF599F479CA7CDF2D480042")
        let seed = Array("the .docx".utf8)
        let a = PDFConversion.deterministic(first, date: "2025-06-30T08:00:00Z", seed: seed)
        let b = PDFConversion.deterministic(second, date: "2025-06-30T08:00:00Z", seed: seed)
        #expect(a == b)
        #expect(a.count == first.count)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("/CreationDate(D:20250630080000Z')"))
        #expect(!text.contains("F6F4C5F0") && !text.contains("A436AE07"))
        // Another document: other identifiers.
        let other = PDFConversion.deterministic(first, date: "2025-06-30T08:00:00Z", seed: Array("other".utf8))
        #expect(other != a)
        #expect(other.count == a.count)
    }

    @Test func fontStandInsOnlyWhereTheFontIsMissing() {
        let config = PDFConversion.fontFallbacks(including: "/etc/fonts/fonts.conf")
        #expect(config.contains("<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>"))
        // <accept> puts the stand-ins after the named font: an installed 仿宋_GB2312 is still used.
        #expect(
            config.contains(
                "<alias binding=\"same\"><family>仿宋_GB2312</family><accept><family>仿宋</family><family>FangSong</family>"
            ))
        for font in ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"] {
            #expect(config.contains("<family>\(font)</family><accept>"), "\(font)")
        }
        #expect(config.contains("<family>Noto Serif CJK SC</family>"))
        #expect(config.contains("<family>Noto Sans CJK SC</family>"))
    }
}
