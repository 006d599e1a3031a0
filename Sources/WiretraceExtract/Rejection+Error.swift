import WiretraceCore

// `Result<Article, Rejection>` needs `Rejection: Error`, which WiretraceCore does not declare (yet).
// This belongs in WiretraceCore/Rejection.swift; delete this file when the core declares it.
extension Rejection: Error {}
