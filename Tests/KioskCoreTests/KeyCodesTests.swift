import KioskCore
import Testing

/// Linux key codes as <linux/input-event-codes.h> defines them.
@Suite struct KeyCodesTests {
    @Test func keypadKeysHaveTheirKernelCodes() {
        #expect(KeyCodes.code(named: "KEY_KP1") == 79)
        #expect(KeyCodes.code(named: "KEY_KP2") == 80)
        #expect(KeyCodes.code(named: "KEY_KP3") == 81)
        #expect(KeyCodes.code(named: "KEY_KP4") == 75)
        #expect(KeyCodes.code(named: "KEY_KP5") == 76)
        #expect(KeyCodes.code(named: "KEY_KP7") == 71)
        #expect(KeyCodes.code(named: "KEY_KP9") == 73)
        #expect(KeyCodes.code(named: "KEY_KP0") == 82)
        #expect(KeyCodes.code(named: "KEY_KPENTER") == 96)
    }

    @Test func numLockIsSixtyNine() {
        #expect(KeyCodes.code(named: "KEY_NUMLOCK") == 69)
        #expect(KeyCodes.numLock == 69)
        #expect(KeyCodes.name(of: 69) == "KEY_NUMLOCK")
    }

    @Test func otherKeysHaveTheirKernelCodes() {
        #expect(KeyCodes.code(named: "KEY_ESC") == 1)
        #expect(KeyCodes.code(named: "KEY_1") == 2)
        #expect(KeyCodes.code(named: "KEY_ENTER") == 28)
        #expect(KeyCodes.code(named: "BTN_TRIGGER_HAPPY40") == 743)
    }

    @Test(arguments: ["KEY_KP1", "KEY_KP4", "KEY_KP9", "KEY_KPENTER", "KEY_NUMLOCK", "KEY_ENTER", "KEY_ESC", "KEY_MUTE", "BTN_TRIGGER_HAPPY40"])
    func nameOfTheCodeOfANameIsThatName(_ name: String) throws {
        let code = try #require(KeyCodes.code(named: name))
        #expect(KeyCodes.name(of: code) == name)
    }

    @Test(arguments: [UInt16(1), 28, 69, 75, 79, 96, 743])
    func codeOfTheNameOfACodeIsThatCode(_ code: UInt16) throws {
        let name = try #require(KeyCodes.name(of: code))
        #expect(KeyCodes.code(named: name) == code)
    }

    @Test func unknownNamesAndCodesHaveNoMatch() {
        #expect(KeyCodes.code(named: "KEY_FOO") == nil)
        #expect(KeyCodes.code(named: "") == nil)
        #expect(KeyCodes.code(named: "key_kp1") == nil)
        #expect(KeyCodes.code(named: "KEY_KP10") == nil)
        #expect(KeyCodes.name(of: 0) == nil)
        #expect(KeyCodes.name(of: 65535) == nil)
    }
}
