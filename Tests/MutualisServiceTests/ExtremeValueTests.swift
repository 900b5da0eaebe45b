import Foundation
import HTTPTypes
import HummingbirdTesting
import MutualisDomain
import MutualisStore
import Testing

/// Every numeric and date field of every request body, given the values that break careless
/// arithmetic: each answer is a 4xx naming that field, and the server goes on answering.
@Suite("Extreme values")
struct ExtremeValueTests {
    static let numbers = [
        "9223372036854775807", "-9223372036854775808", "1e308", "-1e308", "4.9e-324", "18446744073709551616", "-1", "0.5",
    ]
    static let dates = [
        "0000-01-01", "0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31", "2027-02-29", "2027-13-01", "-2027-01-01", "20270101",
    ]
    static let instants = [
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "2027-02-29T10:00:00Z",
        "2027-03-10T24:00:00Z", "2027-03-10T10:00:00+25:00", "2027-03-10T10:00:00.1234567891Z", "1e308",
    ]

    /// A body template per operation: `RESOURCE` and `MEMBER` are replaced by real ids, `FIELD`
    /// marks the value under test.
    struct Case: Sendable, CustomStringConvertible {
        var path: String
        var template: String
        var field: String
        var values: [String]
        var member = false

        var description: String { "\(path) \(field)" }
    }

    static let cases: [Case] = {
        let booking =
            #"{"resourceId": "RESOURCE", "start": "2027-03-01T09:00:00+01:00", "end": "2027-03-01T10:00:00+01:00", "quantity": 1}"#
        var cases: [Case] = []
        func add(
            _ path: String, _ template: String, number fields: [String] = [], date dateFields: [String] = [],
            instant instantFields: [String] = [], member: Bool = false
        ) {
            for field in fields { cases.append(Case(path: path, template: template, field: field, values: numbers, member: member)) }
            for field in dateFields {
                cases.append(Case(path: path, template: template, field: field, values: dates.map { "\"\($0)\"" }, member: member))
            }
            for field in instantFields {
                cases.append(Case(path: path, template: template, field: field, values: instants.map { "\"\($0)\"" }, member: member))
            }
        }
        add("/api/v1/bookings", booking, number: ["quantity"], instant: ["start", "end"], member: true)
        add(
            "/api/v1/bookings",
            #"{"resourceId": "RESOURCE", "start": "2027-03-01T09:00:00+01:00", "end": "2027-03-01T10:00:00+01:00", "recurrence": {"frequency": "daily", "interval": 1, "count": 3}}"#,
            number: ["recurrence.interval", "recurrence.count"], member: true)
        add(
            "/api/v1/bookings",
            #"{"resourceId": "RESOURCE", "start": "2027-03-01T09:00:00+01:00", "end": "2027-03-01T10:00:00+01:00", "recurrence": {"frequency": "daily", "until": "2027-03-05T09:00:00+01:00"}}"#,
            instant: ["recurrence.until"], member: true)
        add(
            "/api/v1/resources",
            #"{"name": "Van", "kind": "equipment", "units": 1, "rules": {"slotMinutes": 30, "minDurationMinutes": 30, "maxDurationMinutes": 600, "minNoticeMinutes": 0, "maxHorizonDays": 30, "bufferMinutes": 0, "cancellationDeadlineMinutes": 60, "monthlyQuotaHours": 10}}"#,
            number: [
                "units", "rules.slotMinutes", "rules.minDurationMinutes", "rules.maxDurationMinutes", "rules.minNoticeMinutes",
                "rules.maxHorizonDays",
                "rules.bufferMinutes", "rules.cancellationDeadlineMinutes", "rules.monthlyQuotaHours",
            ])
        add(
            "/api/v1/members",
            #"{"name": "Les Fabriques", "legalForm": "association", "headcount": 1, "annualBudgetCents": 100, "joinedOn": "2026-01-01", "leftOn": "2027-12-31"}"#,
            number: ["headcount", "annualBudgetCents"], date: ["joinedOn", "leftOn"])
        add("/api/v1/categories", #"{"name": "Petites", "coefficient": 0.5}"#, number: ["coefficient"])
        add(
            "/api/v1/costs",
            #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 100, "category": "rent", "label": "Loyer"}"#,
            number: ["amountCents"], date: ["periodStart", "periodEnd"])
        add(
            "/api/v1/costs",
            #"{"resourceId": "RESOURCE", "periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 100, "category": "rent", "label": "Loyer", "rule": {"method": "hybrid", "fixedPart": 0.4, "fixedKey": "equal"}}"#,
            number: ["rule.fixedPart"])
        add(
            "/api/v1/costs",
            #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 100, "category": "rent", "label": "Loyer", "rule": {"method": "fixed", "fixedShares": {"MEMBER": 100}}}"#,
            number: ["rule.fixedShares.MEMBER"])
        add(
            "/api/v1/usage",
            #"{"resourceId": "RESOURCE", "memberId": "MEMBER", "start": "2027-03-01T09:00:00+01:00", "end": "2027-03-01T10:00:00+01:00", "quantity": 1, "unit": "hours"}"#,
            number: ["quantity"], instant: ["start", "end"])
        add("/api/v1/allocation-runs", #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01"}"#, date: ["periodStart", "periodEnd"])
        add(
            "/api/v1/resources/RESOURCE/blackouts", #"{"start": "2027-03-01T09:00:00+01:00", "end": "2027-03-01T10:00:00+01:00"}"#,
            instant: ["start", "end"])
        return cases
    }()

    @Test("each extreme value of a field is a 4xx naming it", arguments: cases)
    func extremeValues(of testCase: Case) async throws {
        try await withAPI { client, fixture, _ in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salle"))["id"]!
            let path = testCase.path.replacingOccurrences(of: "RESOURCE", with: resource)
            let template = testCase.template.replacingOccurrences(of: "RESOURCE", with: resource)
                .replacingOccurrences(of: "MEMBER", with: fixture.memberA.description)
            let field = testCase.field.replacingOccurrences(of: "MEMBER", with: fixture.memberA.description)
            for value in testCase.values {
                let body = try Self.setting(field, to: value, in: template)
                let answer = try await client.call(.post, path, token: testCase.member ? fixture.userA : fixture.coordinator, json: body)
                let text = String(decoding: answer.data, as: UTF8.self)
                #expect((400..<500).contains(answer.status.code) || answer.status == .created, "\(field) = \(value): \(text)")
                if answer.status != .created {
                    #expect(answer.contentType == "application/problem+json", "\(field) = \(value)")
                    // The field itself, the object holding it (a map's key is not a field), the
                    // whole body when the JSON parser refuses the number, or a broken rule.
                    let named = answer.fields.contains { field == $0 || field.hasPrefix($0 + ".") }
                    #expect(named || answer.fields == ["body"] || answer.rules != [], "\(field) = \(value): \(text)")
                }
            }
            expect(try await client.call(.get, "/health", token: nil), .ok)
        }
    }

    /// The JSON text with the value at a dotted path replaced by `literal`, written as is.
    static func setting(_ path: String, to literal: String, in json: String) throws -> String {
        let placeholder = "\"\u{1}FIELD\u{1}\""
        var object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        func set(_ keys: ArraySlice<String>, in dictionary: inout [String: Any]) {
            guard let first = keys.first else { return }
            if keys.count == 1 {
                dictionary[first] = "\u{1}FIELD\u{1}"
            } else {
                var inner = dictionary[first] as! [String: Any]
                set(keys.dropFirst(), in: &inner)
                dictionary[first] = inner
            }
        }
        set(ArraySlice(path.split(separator: ".").map(String.init)), in: &object)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        return text.replacingOccurrences(of: placeholder.replacingOccurrences(of: "\u{1}", with: "\\u0001"), with: literal)
    }
}
