import Configuration
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

    private func read(flags: [AbsoluteConfigKey: ConfigValue] = [:], environment: [String: String]) throws(ConfigurationError)
        -> ServerConfiguration
    {
        try ServerConfiguration(
            reading: ConfigReader(providers: [
                InMemoryProvider(name: "flags", values: flags), ServerConfiguration.environment(environment),
            ]))
    }

    @Test("the environment's MUTUALIS_* variables and DATABASE_URL set the configuration; what is unset takes its default")
    func environment() throws {
        let configuration = try read(environment: [
            "DATABASE_URL": "postgresql:///mutualis", "MUTUALIS_HTTP_ADDRESS": "0.0.0.0:9000", "MUTUALIS_POOL_SIZE": "3",
            "MUTUALIS_STATEMENT_TIMEOUT_SECONDS": "7", "MUTUALIS_MAX_BODY_BYTES": "2048",
        ])
        #expect(configuration.host == "0.0.0.0" && configuration.port == 9000)
        #expect(configuration.poolSize == 3)
        #expect(configuration.limits.statementTimeoutSeconds == 7 && configuration.limits.maxBodyBytes == 2048)
        #expect(configuration.limits.poolWaitSeconds == 5 && configuration.tokenCacheSeconds == 60)
        #expect(try ServerConfiguration.logLevel(reading: ConfigReader(provider: ServerConfiguration.environment([:]))) == .info)
    }

    @Test("a flag wins over the environment")
    func flagsFirst() throws {
        let configuration = try read(
            flags: [AbsoluteConfigKey(ServerConfiguration.Key.poolSize): ConfigValue(.int(9), isSecret: false)],
            environment: ["DATABASE_URL": "postgresql:///mutualis", "MUTUALIS_POOL_SIZE": "3"])
        #expect(configuration.poolSize == 9)
    }

    @Test("no database, a number that is not one, or an unknown log level is an error that names the setting")
    func malformedSettings() {
        #expect(throws: ConfigurationError("no database given: pass --database-url or set DATABASE_URL")) {
            try read(environment: [:])
        }
        #expect(throws: ConfigurationError("MUTUALIS_POOL_WAIT_SECONDS must be a whole number of seconds, not soon")) {
            try read(environment: ["DATABASE_URL": "postgresql:///mutualis", "MUTUALIS_POOL_WAIT_SECONDS": "soon"])
        }
        #expect(throws: ConfigurationError.self) {
            try read(environment: ["DATABASE_URL": "postgresql:///mutualis", "MUTUALIS_IDLE_TIMEOUT_SECONDS": "0"])
        }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.logLevel(reading: ConfigReader(provider: ServerConfiguration.environment(["LOG_LEVEL": "loud"])))
        }
    }
}
