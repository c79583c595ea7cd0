import SupportCore

extension InMemoryTicketStore {
    /// Every record in the order the store first wrote it, found by the ticket's id or number through
    /// slot tables of 8-byte buckets.
    ///
    /// The tables store no keys: a bucket's slot is a position in ``all``, and a lookup compares the key
    /// asked for with the record's own ticket there. Growing a table moves its 8-byte buckets by the
    /// hash bits they keep, so no id is hashed again; a `Dictionary<TicketID, Record>` kept a 24-byte
    /// entry per bucket and rehashed every id each time it grew.
    struct RecordTable {
        /// Every record, in the order of ``add(_:)``; never reordered, so a slot stays valid.
        private(set) var all: [Record] = []
        private var byID = SlotTable()
        private var byNumber = SlotTable()

        /// The number of records.
        var count: Int { all.count }

        /// The record of the ticket with this id, if the store holds it.
        subscript(id: TicketID) -> Record? {
            byID.slot(hash: SlotTable.hash(id.hashValue)) { all[$0].ticket.id == id }.map { all[$0] }
        }

        /// The record of the ticket that was first written with this number and still has it, if any. (A
        /// ticket's number is set by its creation and never changes; a commit that would change it is
        /// refused.)
        func record(number: TicketNumber) -> Record? {
            byNumber.slot(hash: SlotTable.hash(number.hashValue)) { all[$0].ticket.number == number }.map { all[$0] }
        }

        /// Adds the record of a new ticket, indexed by its id and, when it has one, its number. The
        /// table must not hold the id (nor the number) yet.
        mutating func add(_ record: Record) {
            let slot = all.count
            all.append(record)
            byID.add(hash: SlotTable.hash(record.ticket.id.hashValue), slot: slot)
            if let number = record.ticket.number {
                byNumber.add(hash: SlotTable.hash(number.hashValue), slot: slot)
            }
        }
    }

    /// Records by a key kept beside them (an inbound message's external key, a thread key): a slot table
    /// over one append-only array of keys and their records.
    ///
    /// A key's entry is never removed; storing a key again points it at its new record. Growth moves
    /// 8-byte buckets by their kept hash bits and never hashes a key again.
    struct KeyedRecords<Key: Hashable> {
        private var entries: [(key: Key, record: Record)] = []
        private var table = SlotTable()

        /// The number of keys.
        var count: Int { entries.count }

        /// The record a key points at, if any.
        subscript(key: Key) -> Record? {
            table.slot(hash: SlotTable.hash(key.hashValue)) { entries[$0].key == key }.map { entries[$0].record }
        }

        /// Points `key` at `record`: a new entry for a new key, the existing one otherwise.
        mutating func store(_ record: Record, for key: Key) {
            let hash = SlotTable.hash(key.hashValue)
            let slot = table.slot(hash: hash) { entries[$0].key == key }
            if let slot {
                entries[slot].record = record
            } else {
                table.add(hash: hash, slot: entries.count)
                entries.append((key, record))
            }
        }
    }
}
