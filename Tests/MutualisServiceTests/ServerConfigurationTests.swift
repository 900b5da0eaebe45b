import MutualisService
import MutualisStore
import Testing

@Suite("Server configuration")
struct ServerConfigurationTests {
    private let database = try! DatabaseAddress("postgresql:///mutualis")

    @Test("the pool holds twice as many connections as there are processors, from 2 to 16")
    func defaultPoolSize() {
        #expect(ServerConfiguration.defaultPoolSize(processors: 1) == 2)
        #expect(ServerConfiguration.defaultPoolSize(processors: 2) == 4)
        #expect(ServerConfiguration.defaultPoolSize(processors: 3) == 6)
        #expect(ServerConfiguration.defaultPoolSize(processors: 8) == 16)
        #expect(ServerConfiguration.defaultPoolSize(processors: 64) == 16)
    }

    @Test("a pool size outside 1 to 256 and a token cache outside 0 to 3600 seconds are refused")
    func limits() throws {
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(address: "127.0.0.1:8080", database: database, poolSize: 0) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration(address: "127.0.0.1:8080", database: database, poolSize: 257) }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration(address: "127.0.0.1:8080", database: database, poolSize: 4, tokenCacheSeconds: 3601)
        }
        let configuration = try ServerConfiguration(address: "127.0.0.1:8080", database: database, poolSize: 256, tokenCacheSeconds: 0)
        #expect(configuration.poolSize == 256)
        #expect(configuration.tokenCacheSeconds == 0)
    }

    @Test("the address is host:port, an IPv6 host in brackets")
    func address() throws {
        let ipv4 = try ServerConfiguration(address: "0.0.0.0:8081", database: database, poolSize: 4)
        #expect(ipv4.host == "0.0.0.0" && ipv4.port == 8081)
        let ipv6 = try ServerConfiguration(address: "[::1]:8080", database: database, poolSize: 4)
        #expect(ipv6.host == "::1" && ipv6.port == 8080)
        for bad in ["localhost", ":8080", "localhost:http", "localhost:70000", "[::1]8080"] {
            #expect(throws: ConfigurationError.self) { try ServerConfiguration(address: bad, database: database, poolSize: 4) }
        }
    }

    @Test("request limits outside their ranges are refused; the defaults bound every wait")
    func requestLimits() throws {
        let defaults = try ServerConfiguration(address: "127.0.0.1:8080", database: database, poolSize: 4).limits
        #expect(defaults.statementTimeoutSeconds == 30 && defaults.poolWaitSeconds == 5 && defaults.poolQueue == 1_000)
        #expect(defaults.maxBodyBytes == 1 << 20 && defaults.idleTimeoutSeconds == 60)
        let changes: [(inout ServerConfiguration.Limits) -> Void] = [
            { $0.statementTimeoutSeconds = 0 }, { $0.statementTimeoutSeconds = 3_601 }, { $0.poolWaitSeconds = 0 },
            { $0.poolWaitSeconds = 61 }, { $0.poolQueue = 0 }, { $0.maxBodyBytes = 1_023 }, { $0.maxBodyBytes = (64 << 20) + 1 },
            { $0.idleTimeoutSeconds = 0 }, { $0.idleTimeoutSeconds = Int.max },
        ]
        for change in changes {
            var limits = ServerConfiguration.Limits()
            change(&limits)
            #expect(throws: ConfigurationError.self) {
                try ServerConfiguration(address: "127.0.0.1:8080", database: database, poolSize: 4, limits: limits)
            }
        }
    }
}
