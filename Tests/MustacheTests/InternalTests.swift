import Testing

@testable import Mustache

@Suite struct InternalTests {
    @Test func decimalFastPathIsActiveOnThisPlatform() {
        #expect(DecimalText.isFast)
    }
}
