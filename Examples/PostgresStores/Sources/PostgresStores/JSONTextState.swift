import Foundation

/// What a ``JSONTextWriter`` run has written and still has open: the bytes, the stack of open
/// containers (*frames*) and the stack of values being encoded (*slots*).
///
/// A frame is an object or array: `{` or `[` is written when it opens, and it is closed, with `}` or
/// `]`, as soon as a shallower container is written into or its value is done. A container holds its
/// frame's level and serial number, so writing into one that has closed is noticed. Anything a stream
/// cannot follow makes the run fail with ``JSONTextEncoder/CannotStream`` (see ``JSONTextEncoder``).
///
/// The writer keeps its state behind a pointer, so the many small changes a run makes are plain
/// stores, without the exclusivity checks a class's stored properties would cost on each.
struct JSONTextState {
    /// An open container: an object or an array.
    struct Frame {
        /// The frame's serial number, never reused in a run.
        let id: Int
        /// `true` for an object, `false` for an array.
        let isObject: Bool
        /// The key under which the container sits in its parent; `nil` at the top.
        let key: (any CodingKey)?
        /// How many members or elements have been written.
        var count: Int
        /// Where this object's key hashes start in ``JSONTextState/keyHashes``.
        let firstKey: Int
    }

    /// Where a container writes: the level of its frame and the frame's serial number.
    struct FrameRef {
        /// The frame's index in the stack of open frames.
        let level: Int
        /// The frame's serial number.
        let id: Int

        /// A container that can never be written into: handed out after a failure.
        static let closed = FrameRef(level: 0, id: -1)
    }

    /// A value being encoded: the place its JSON goes, and what its encoder gave it so far.
    struct Slot {
        /// What the value's encoder handed out.
        enum State {
            /// Nothing yet.
            case pending
            /// A keyed container: the frame of the value's object.
            case object(Int)
            /// An unkeyed container: the frame of the value's array.
            case array(Int)
            /// A single value container, and whether it has written its value.
            case single(written: Bool)
        }

        /// The slot's serial number.
        let id: Int
        /// How many frames were open when the value started: its container opens at this level.
        let level: Int
        /// The key the value is written under; `nil` at the top.
        let key: (any CodingKey)?
        /// What the value's encoder handed out.
        var state: State
    }

    /// Where a single value container writes: the index and serial number of its slot.
    struct SlotRef {
        /// The slot's index in the stack of slots.
        let index: Int
        /// The slot's serial number.
        let id: Int
    }

    /// The JSON written so far, UTF-8.
    var bytes: [UInt8] = []
    /// The open containers, outermost first.
    var frames: [Frame] = []
    /// The values being encoded, outermost first.
    var slots: [Slot] = []
    /// Hashes of the keys written into the open objects, each object's after its parent's: a key
    /// written twice into one object is found without keeping its text.
    var keyHashes: [UInt64] = []
    /// The last serial number given to a frame or slot.
    var serial = 0
    /// Why the run cannot be streamed, once something went wrong; every later write throws.
    var failure: String?

    /// A state whose buffer starts with room for `capacity` bytes.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
        frames.reserveCapacity(8)
        slots.reserveCapacity(8)
        keyHashes.reserveCapacity(32)
    }

    // MARK: Slots

    /// Pushes the slot of a value about to encode itself under `key`.
    ///
    /// - Returns: The slot's level and serial number, for ``finishSlot(level:id:)``.
    mutating func pushSlot(key: (any CodingKey)?) -> (level: Int, id: Int) {
        serial += 1
        slots.append(Slot(id: serial, level: frames.count, key: key, state: .pending))
        return (frames.count, serial)
    }

    /// Pops the slot of a value that has encoded itself and closes the containers it left open.
    ///
    /// - Returns: `false` when the value encoded nothing.
    /// - Throws: ``JSONTextEncoder/CannotStream`` when the run has failed meanwhile.
    mutating func finishSlot(level: Int, id: Int) throws -> Bool {
        guard failure == nil, let slot = slots.popLast(), slot.id == id else {
            throw JSONTextEncoder.CannotStream(reason: failure ?? "a value's slot was lost")
        }
        while frames.count > level { closeFrame() }
        switch slot.state {
        case .pending, .single(written: false): return false
        case .object, .array, .single(written: true): return true
        }
    }

    /// Opens the slot's object or array, or gives it again while it is open.
    mutating func openSlotContainer(isObject: Bool) -> FrameRef {
        guard failure == nil, let index = slots.indices.last else {
            fail("a container was asked for after its value was done")
            return .closed
        }
        let level = slots[index].level
        switch slots[index].state {
        case .pending:
            guard frames.count == level else {
                fail("a container was asked for while another value's containers were open")
                return .closed
            }
            let frame = openFrame(isObject: isObject, key: slots[index].key)
            slots[index].state = isObject ? .object(frame.id) : .array(frame.id)
            return frame
        case .object(let id) where isObject, .array(let id) where !isObject:
            guard level < frames.count, frames[level].id == id else {
                fail("a container was asked for again after it had closed")
                return .closed
            }
            return FrameRef(level: level, id: id)
        case .object, .array, .single:
            fail("one encoder was asked for two different kinds of container")
            return .closed
        }
    }

    /// Claims the slot for a single value container.
    mutating func claimSingleValue() -> SlotRef {
        guard failure == nil, let index = slots.indices.last else {
            fail("a single value container was asked for after its value was done")
            return SlotRef(index: -1, id: -1)
        }
        switch slots[index].state {
        case .pending: slots[index].state = .single(written: false)
        case .single: break
        case .object, .array: fail("one encoder was asked for a container and a single value")
        }
        return SlotRef(index: index, id: slots[index].id)
    }

    /// Makes a single value container's slot ready for its one value.
    ///
    /// - Returns: The key the value is written under.
    mutating func beginSingleValue(_ ref: SlotRef) throws -> (any CodingKey)? {
        guard failure == nil, ref.index >= 0, ref.index == slots.count - 1, slots[ref.index].id == ref.id,
            case .single(written: false) = slots[ref.index].state, frames.count == slots[ref.index].level
        else {
            throw fail("a single value container wrote twice, or after its value was done")
        }
        slots[ref.index].state = .single(written: true)
        return slots[ref.index].key
    }

    // MARK: Frames

    /// Opens a container inside the object `parent`, under `key`.
    mutating func openNested(in parent: FrameRef, key: some CodingKey, isObject: Bool) -> FrameRef {
        do {
            try beginMember(in: parent, key: key)
        } catch {
            return .closed
        }
        return openFrame(isObject: isObject, key: key)
    }

    /// Opens a container as the next element of the array `parent`.
    mutating func openNested(inArray parent: FrameRef, isObject: Bool) -> FrameRef {
        guard let index = try? beginElement(in: parent) else { return .closed }
        return openFrame(isObject: isObject, key: JSONTextIndexKey(index))
    }

    /// Writes `{` or `[` and pushes its frame.
    private mutating func openFrame(isObject: Bool, key: (any CodingKey)?) -> FrameRef {
        serial += 1
        frames.append(Frame(id: serial, isObject: isObject, key: key, count: 0, firstKey: keyHashes.count))
        bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        return FrameRef(level: frames.count - 1, id: serial)
    }

    /// Pops the innermost frame and writes its `}` or `]`.
    private mutating func closeFrame() {
        let frame = frames.removeLast()
        bytes.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        keyHashes.removeSubrange(frame.firstKey...)
    }

    /// Checks that `frame` is open and belongs to the value being encoded, and closes the frames inside it.
    private mutating func prepare(_ frame: FrameRef) throws {
        guard failure == nil, frame.id >= 0, frame.level < frames.count, frames[frame.level].id == frame.id,
            let level = slots.last?.level, frame.level >= level
        else {
            throw fail("a container was written into after it had closed")
        }
        while frames.count > frame.level + 1 { closeFrame() }
    }

    /// Starts a member of the object `frame`: a comma when needed, the key and its colon.
    ///
    /// - Throws: ``JSONTextEncoder/CannotStream`` when the object has closed or already has the key.
    mutating func beginMember(in frame: FrameRef, key: some CodingKey) throws {
        try prepare(frame)
        if frames[frame.level].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[frame.level].count += 1
        let hash = writeKey(key.stringValue)
        if keyHashes[frames[frame.level].firstKey...].contains(hash) {
            throw fail("the key '\(key.stringValue)' was written twice into one object")
        }
        keyHashes.append(hash)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Starts an element of the array `frame`: a comma when needed.
    ///
    /// - Returns: The element's index.
    /// - Throws: ``JSONTextEncoder/CannotStream`` when the array has closed.
    @discardableResult
    mutating func beginElement(in frame: FrameRef) throws -> Int {
        try prepare(frame)
        let index = frames[frame.level].count
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[frame.level].count = index + 1
        return index
    }

    /// How many members or elements the frame has, while it is open.
    func count(of frame: FrameRef) -> Int {
        guard frame.id >= 0, frame.level < frames.count, frames[frame.level].id == frame.id else { return 0 }
        return frames[frame.level].count
    }

    // MARK: Coding paths

    /// The coding path of the value being encoded.
    var codingPath: [any CodingKey] {
        guard let slot = slots.last else { return [] }
        return frames.prefix(slot.level).compactMap(\.key) + (slot.key.map { [$0] } ?? [])
    }

    /// The coding path of a container: the keys down to its frame.
    func path(of frame: FrameRef) -> [any CodingKey] {
        guard frame.id >= 0, frame.level < frames.count else { return [] }
        return frames.prefix(frame.level + 1).compactMap(\.key)
    }

    /// The coding path of a single value container: its value's.
    func path(of slot: SlotRef) -> [any CodingKey] {
        guard slot.index >= 0, slot.index < slots.count else { return [] }
        let level = slots[slot.index].level
        return frames.prefix(level).compactMap(\.key) + (slots[slot.index].key.map { [$0] } ?? [])
    }

    /// The coding path of a value about to be written under `key` into the innermost frame.
    func path(appending key: (any CodingKey)?) -> [any CodingKey] {
        frames.compactMap(\.key) + (key.map { [$0] } ?? [])
    }

    // MARK: Failure

    /// Records why the run cannot be streamed (the first reason wins).
    ///
    /// - Returns: The error to throw.
    @discardableResult
    mutating func fail(_ reason: String) -> JSONTextEncoder.CannotStream {
        if failure == nil { failure = reason }
        return JSONTextEncoder.CannotStream(reason: failure ?? reason)
    }
}

/// The key of an array element in a coding path, as Foundation names it: "Index 3".
struct JSONTextIndexKey: CodingKey {
    /// The element's index.
    let intValue: Int?

    /// "Index" and the element's index.
    var stringValue: String { "Index \(intValue ?? 0)" }

    /// The key of the element at `index`.
    init(_ index: Int) { intValue = index }

    /// The key of the element at `intValue`.
    init?(intValue: Int) { self.intValue = intValue }

    /// No key: an element is named by its index.
    init?(stringValue: String) { nil }
}
