/// What starts speech mode: a long press of a keypad key (5 by default, the key with the raised
/// dot), or a dedicated key (a Linux key code) that does nothing else.
public enum SpeechStartKey: Sendable, Equatable {
    case longPress(PhoneKey)
    case dedicated(UInt16)
}
