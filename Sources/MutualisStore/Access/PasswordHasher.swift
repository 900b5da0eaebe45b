import Crypto
import Dispatch
import Foundation
import _CryptoExtras

/// Passwords as scrypt hashes, memory-hard so that a stolen table is slow to guess from:
/// `scrypt$LOG2N$R$P$SALT$HASH`, parameters kept with each hash so that they can be raised
/// without invalidating older ones.
public struct PasswordHasher: Sendable {
    /// log2 of scrypt's cost N.
    public var logN: Int
    /// scrypt's block size r.
    public var blockSize: Int
    /// scrypt's parallelism p.
    public var parallelism: Int

    /// OWASP's equivalent of N = 2^17, r = 8, p = 1 with a quarter of the memory (32 MiB a
    /// hash), which a small server can afford at each sign-in: N = 2^15, r = 8, p = 3.
    public static let standard = PasswordHasher(logN: 15, blockSize: 8, parallelism: 3)

    public init(logN: Int, blockSize: Int, parallelism: Int) {
        self.logN = logN
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    // Hashing takes tens of milliseconds of one core: never on Swift's cooperative pool or an
    // event loop. One at a time: sign-ins are few, and each holds 32 MiB while it runs.
    private static let queue = DispatchQueue(label: "mutualis.password-hashing")

    /// The stored form of a new password.
    public func hash(_ password: String) async throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let derived = try await Self.derive(password, salt: salt, logN: logN, blockSize: blockSize, parallelism: parallelism)
        return [
            "scrypt", String(logN), String(blockSize), String(parallelism), Data(salt).base64EncodedString(), derived.base64EncodedString(),
        ]
        .joined(separator: "$")
    }

    /// Whether `password` is the one `stored` was made from; false for a stored form it cannot read.
    public static func verify(_ password: String, against stored: String) async throws -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt", let logN = Int(parts[1]), (10...20).contains(logN),
            let blockSize = Int(parts[2]), (1...32).contains(blockSize), let parallelism = Int(parts[3]), (1...16).contains(parallelism),
            let salt = Data(base64Encoded: String(parts[4])), let expected = Data(base64Encoded: String(parts[5])), expected.count == 32
        else { return false }
        let derived = try await derive(password, salt: Array(salt), logN: logN, blockSize: blockSize, parallelism: parallelism)
        // SymmetricKey compares in constant time.
        return SymmetricKey(data: derived) == SymmetricKey(data: expected)
    }

    private static func derive(_ password: String, salt: [UInt8], logN: Int, blockSize: Int, parallelism: Int) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(
                    with: Result {
                        let key = try KDF.Scrypt.deriveKey(
                            from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: 1 << logN, blockSize: blockSize,
                            parallelism: parallelism)
                        return key.withUnsafeBytes { Data($0) }
                    })
            }
        }
    }
}
