import MutualisDomain

/// One page of a list, and the cursor of the next (nil at the end).
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var next: String?

    public init(items: [Item], next: String?) {
        self.items = items
        self.next = next
    }
}

/// How much of a list to read: at most `limit` items after `cursor`.
public struct PageRequest: Sendable {
    public var limit: Int
    public var cursor: String?

    /// The largest page a caller may ask for.
    public static let maximumLimit = 1_000

    /// A page request; the limit is 1...1000, default 100; a cursor is never empty.
    public init(limit: Int? = nil, cursor: String? = nil) throws(StoreError) {
        let limit = limit ?? 100
        guard (1...PageRequest.maximumLimit).contains(limit) else {
            throw .invalid("limit", "must be between 1 and \(PageRequest.maximumLimit)")
        }
        // Every list's cursors are non-empty: an empty one is malformed, whatever the list.
        guard cursor?.isEmpty != true else { throw .invalid("cursor", "is not a cursor of this list") }
        self.limit = limit
        self.cursor = cursor
    }

    /// The page of `rows`, read with `LIMIT limit + 1`: the extra row only tells that more
    /// follow, and `cursor` writes the next page's cursor from the last row kept.
    func page<Item>(of rows: [Item], cursor: (Item) -> String) -> Page<Item> {
        let items = Array(rows.prefix(limit))
        return Page(items: items, next: rows.count > limit ? items.last.map(cursor) : nil)
    }

    /// The id a list ordered by id resumes after, if any.
    func after<Entity>(_ type: Identifier<Entity>.Type) throws(StoreError) -> Identifier<Entity>? {
        guard let cursor else { return nil }
        guard let id = Identifier<Entity>(cursor) else { throw .invalid("cursor", "is not a cursor of this list") }
        return id
    }
}

extension PageRequest {
    /// Every item of a list, read in the largest pages.
    static func collect<Item>(_ page: (PageRequest) async throws -> Page<Item>) async throws -> [Item] {
        var items: [Item] = []
        var request = try PageRequest(limit: maximumLimit)
        while true {
            let next = try await page(request)
            items += next.items
            guard let cursor = next.next else { return items }
            request = try PageRequest(limit: maximumLimit, cursor: cursor)
        }
    }
}
